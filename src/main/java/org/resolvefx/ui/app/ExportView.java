package org.resolvefx.ui.app;

import java.util.Locale;

/** What a screenshot shows: one view, or the whole window. */
public enum ExportView {
    FLOW, TREE, INSPECTOR, WINDOW;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ExportView parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
