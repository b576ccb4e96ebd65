package org.resolvefx.ui.namespace;

/** How the edge from a parent to a child name is marked at the cursor. */
public enum EdgeMark {
    /** Part of the lit path of the lookup. */
    PATH("on-path"),
    /** Part of the path to a side-lookup name only. */
    SIDE_PATH("side-path");

    private final String styleClass;

    EdgeMark(String styleClass) {
        this.styleClass = styleClass;
    }

    public String styleClass() {
        return styleClass;
    }
}
