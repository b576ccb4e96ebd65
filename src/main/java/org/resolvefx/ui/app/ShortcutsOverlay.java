package org.resolvefx.ui.app;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.resolvefx.ui.i18n.I18n;

/**
 * The keyboard shortcuts, shown over the window (F1 or ?), large enough to read on a projector.
 * Any key or click closes it.
 */
final class ShortcutsOverlay extends StackPane {
    /** Key, and the bundle key of what it does. */
    record Shortcut(String keys, String what) {
    }

    static final List<Shortcut> SHORTCUTS = List.of(
            new Shortcut("Space", "shortcuts.play"),
            new Shortcut("\u2192  /  Page Down", "shortcuts.forward"),
            new Shortcut("\u2190  /  Page Up", "shortcuts.back"),
            new Shortcut("Home  /  End", "shortcuts.ends"),
            new Shortcut("B", "shortcuts.blank"),
            new Shortcut("N", "shortcuts.narration"),
            new Shortcut("F11", "shortcuts.fullScreen"),
            new Shortcut("+  /  \u2212  /  Ctrl+0", "shortcuts.zoom"),
            new Shortcut("Ctrl+O", "shortcuts.open"),
            new Shortcut("Ctrl+C", "shortcuts.copy"),
            new Shortcut("Ctrl+Shift+C", "shortcuts.copyHex"),
            new Shortcut("Ctrl+Alt+C", "shortcuts.copyText"),
            new Shortcut("Tab", "shortcuts.tab"),
            new Shortcut("\u2190 \u2191 \u2192 \u2193", "shortcuts.arrows"),
            new Shortcut("F1  /  ?", "shortcuts.help"));

    private final GridPane grid = new GridPane();
    private final Label title = new Label();
    private final Label hint = new Label();

    ShortcutsOverlay() {
        getStyleClass().add("overlay-scrim");
        setId("shortcuts-overlay");
        grid.getStyleClass().add("shortcuts-grid");
        title.getStyleClass().add("overlay-title");
        hint.getStyleClass().add("overlay-hint");
        VBox card = new VBox(16, title, grid, hint);
        card.getStyleClass().add("overlay-card");
        card.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        card.setAlignment(Pos.TOP_LEFT);
        getChildren().add(card);
        setVisible(false);
        setOnMouseClicked(e -> setVisible(false));
        I18n.onLocaleChange(this, this::fill);
        fill();
    }

    private void fill() {
        title.setText(I18n.get("shortcuts.title"));
        hint.setText(I18n.get("shortcuts.close"));
        grid.getChildren().clear();
        int row = 0;
        for (Shortcut s : SHORTCUTS) {
            Label k = new Label(s.keys());
            k.getStyleClass().add("shortcut-key");
            Label w = new Label(I18n.get(s.what()));
            w.getStyleClass().add("shortcut-what");
            grid.addRow(row++, k, w);
        }
    }
}
