package org.resolvefx.ui.namespace;

/** How a zone is marked at the cursor; each mark is a style class on the zone's outline and fill. */
public enum ZoneMark {
    /** One of its servers has been asked, or a referral to it followed. */
    TOUCHED("touched"),
    /** Its server was asked last. */
    ASKED("asked"),
    /** Its server has just handed out a referral (current event only). */
    REFERRING("referring"),
    /** The zone that referral points to (current event only). */
    REFERRED("referred");

    private final String styleClass;

    ZoneMark(String styleClass) {
        this.styleClass = styleClass;
    }

    public String styleClass() {
        return styleClass;
    }
}
