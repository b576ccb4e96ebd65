package org.resolvefx.ui.inspector;

import java.util.MissingResourceException;
import org.resolvefx.ui.i18n.I18n;

/** Plain-language explanations of DNS fields for tooltips and the details line, in the current language. */
final class FieldHelp {
    private FieldHelp() {
    }

    /** What the field means and when it is set; empty when we have nothing better than its name. */
    static String explain(String fieldId) {
        try {
            return I18n.bundle(I18n.locale()).getString("help." + fieldId);
        } catch (MissingResourceException e) {
            return "";
        }
    }
}
