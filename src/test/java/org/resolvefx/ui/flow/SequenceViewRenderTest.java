package org.resolvefx.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.resolvefx.core.namespace.NamespaceTree;
import org.resolvefx.ui.app.Theme;
import org.resolvefx.ui.trace.TraceViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Renders the sequence view in all three themes (PNGs under target/flow-renders to look at). */
@ExtendWith(ApplicationExtension.class)
class SequenceViewRenderTest {
    private final TraceViewModel model = new TraceViewModel();
    private SequenceView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        model.animateProperty().set(false);
        view = new SequenceView(model);
        scene = ViewHarness.scene(view, 1200, 760, Theme.LIGHT);
        ViewHarness.show(stage, scene);
    }

    @Test
    void rendersInEveryThemeWithoutCssWarnings(FxRobot robot) {
        try (ViewHarness.JavaFxWarnings log = new ViewHarness.JavaFxWarnings()) {
            renderAll(robot);
            assertThat(log.warnings()).isEmpty();
        }
    }

    private void renderAll(FxRobot robot) {
        for (Theme theme : Theme.values()) {
            robot.interact(() -> {
                ViewHarness.theme(scene, theme);
                model.load(FlowFixtures.troubled(), NamespaceTree.empty());
                model.jumpTo(14);
                view.applyCss();
                view.layout();
                WritableImage window = ViewHarness.snapshot(view, 1);
                ViewHarness.save(window, "sequence-window-troubled-" + theme.name().toLowerCase());
                WritableImage export = ViewHarness.snapshot(view.exportNode(), 1);
                ViewHarness.save(export, "sequence-export-troubled-" + theme.name().toLowerCase());
                assertThat(ViewHarness.distinctColours(export)).isGreaterThan(20);
                model.load(FlowFixtures.recursiveCold(), NamespaceTree.empty());
                model.toEnd();
                view.layout();
                ViewHarness.save(ViewHarness.snapshot(view, 1), "sequence-window-recursive-" + theme.name().toLowerCase());
            });
        }
    }
}
