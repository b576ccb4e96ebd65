package org.resolvefx.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.text.Font;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Ikonli icons sized in proportion to the type size, so the projector theme and zoom enlarge them
 * too. Ikonli reads {@code -fx-icon-size} in pixels only, and AtlantaFX's own rule for it fights a
 * bound property; an inline style (highest CSS priority) is what works, rewritten when the font
 * changes. FontIcon keeps its font family in the inline style, so that part is kept.
 */
public final class Icons {
    private Icons() {
    }

    public static FontIcon icon(String literal, ObservableValue<Font> font, double factor) {
        FontIcon icon = new FontIcon(literal);
        size(icon, font, factor);
        return icon;
    }

    public static void size(FontIcon icon, ObservableValue<Font> font, double factor) {
        Runnable apply = () -> {
            Font f = font.getValue();
            long px = Math.round((f == null ? Font.getDefault().getSize() : f.getSize()) * factor);
            String style = icon.getStyle() == null ? "" : icon.getStyle().replaceAll("-fx-icon-size:[^;]*;?", "");
            icon.setStyle(style + (style.isBlank() || style.strip().endsWith(";") ? "" : ";")
                    + "-fx-icon-size: " + px + "px;");
        };
        font.addListener((obs, o, n) -> apply.run());
        apply.run();
    }
}
