package org.resolvefx.ui.namespace;

/** How a name of the tree is marked at the cursor; each mark is a style class on the node's glyph. */
public enum NodeMark {
    /** On the path from the root to a zone the lookup has touched (or to a name asked in one). */
    ON_PATH("on-path"),
    /** On the path to a server name looked up on the side (glueless delegation), and not on the main path. */
    SIDE_PATH("side-path"),
    /** The name being resolved now (the question, then each CNAME/DNAME target). */
    CURRENT("current"),
    /** A name of the chain that turned out to be an alias; the lookup went on with its target. */
    ALIAS("alias"),
    /** A server name that had to be looked up on the side because its delegation gave no glue. */
    SIDE_LOOKUP("side-lookup"),
    /** The side lookup under way at the cursor. */
    SIDE_ACTIVE("side-active"),
    /** A response so far said NXDOMAIN for this name. */
    NXDOMAIN("nxdomain");

    private final String styleClass;

    NodeMark(String styleClass) {
        this.styleClass = styleClass;
    }

    public String styleClass() {
        return styleClass;
    }
}
