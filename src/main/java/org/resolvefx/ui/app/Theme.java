package org.resolvefx.ui.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.Objects;

/**
 * The three looks of the application. Each starts from an AtlantaFX base theme and then only
 * redefines the root colour and size variables that resolvefx.css uses by meaning
 * (-rfx-query, -rfx-response, -rfx-highlight, ...). The projector theme adds large type, thick
 * strokes and strong contrast; meaning is also carried by shape and pattern, never colour alone.
 */
public enum Theme {
    LIGHT("theme.light", new PrimerLight().getUserAgentStylesheet(), "light.css"),
    DARK("theme.dark", new PrimerDark().getUserAgentStylesheet(), "dark.css"),
    PROJECTOR("theme.projector", new PrimerLight().getUserAgentStylesheet(), "projector.css");

    private final String labelKey;
    private final String userAgentStylesheet;
    private final String variablesFile;

    Theme(String labelKey, String userAgentStylesheet, String variablesFile) {
        this.labelKey = labelKey;
        this.userAgentStylesheet = userAgentStylesheet;
        this.variablesFile = variablesFile;
    }

    public String labelKey() {
        return labelKey;
    }

    public String userAgentStylesheet() {
        return userAgentStylesheet;
    }

    /** Stylesheets for a scene in this theme: the shared rules, then this theme's variables. */
    public List<String> stylesheets() {
        return List.of(resource("resolvefx.css"), resource(variablesFile));
    }

    private static String resource(String name) {
        return Objects.requireNonNull(Theme.class.getResource("/org/resolvefx/ui/app/" + name),
                "missing stylesheet " + name).toExternalForm();
    }

    public static Theme parse(String s, Theme fallback) {
        if (s == null) {
            return fallback;
        }
        try {
            return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
