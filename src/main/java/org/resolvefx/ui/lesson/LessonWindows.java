package org.resolvefx.ui.lesson;

import javafx.beans.binding.Bindings;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The lesson windows look like the main window: same stylesheets, theme class and zoom. */
final class LessonWindows {
    private LessonWindows() {
    }

    /**
     * A window owned by the main window whose scene follows the main scene's stylesheets, theme class
     * and font size (so light, dark and projector apply, and zoom too). Escape closes it.
     */
    static Stage create(Window owner, Parent content, double width, double height) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        StackPane root = new StackPane(content);
        Scene scene = new Scene(root, width, height);
        Scene main = owner.getScene();
        if (main != null) {
            Bindings.bindContent(scene.getStylesheets(), main.getStylesheets());
            Bindings.bindContent(root.getStyleClass(), main.getRoot().getStyleClass());
            root.styleProperty().bind(main.getRoot().styleProperty());
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.hide();
                e.consume();
            }
        });
        stage.setScene(scene);
        stage.getIcons().setAll(owner instanceof Stage s ? s.getIcons() : java.util.List.of());
        return stage;
    }
}
