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

/** Renders the lecture traces in all three themes (PNGs under target/flow-renders to look at). */
@ExtendWith(ApplicationExtension.class)
class FlowViewRenderTest {
    private final TraceViewModel model = new TraceViewModel();
    private FlowView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        model.animateProperty().set(false);
        view = new FlowView(model);
        scene = ViewHarness.scene(view, 1200, 760, Theme.LIGHT);
        ViewHarness.show(stage, scene);
    }

    @Test
    void rendersTheLectureTracesInEveryThemeWithoutCssWarnings(FxRobot robot) {
        try (ViewHarness.JavaFxWarnings log = new ViewHarness.JavaFxWarnings()) {
            renderAll(robot);
            assertThat(log.warnings()).isEmpty();
        }
    }

    @Test
    void rendersForExportInASceneWithoutAWindow(FxRobot robot) {
        // the export command draws views into a scene that is never shown
        robot.interact(() -> {
            TraceViewModel m = new TraceViewModel();
            m.animateProperty().set(false);
            FlowView v = new FlowView(m);
            Scene s = ViewHarness.scene(v, 900, 600, Theme.PROJECTOR);
            m.load(FlowFixtures.recursiveCold(), NamespaceTree.empty());
            m.toEnd();
            WritableImage image = ViewHarness.snapshot(v.exportNode(), 1);
            assertThat(s.getWindow()).isNull();
            assertThat(v.glyphs()).hasSize(14);
            assertThat(ViewHarness.distinctColours(image)).isGreaterThan(20);
            ViewHarness.save(image, "flow-windowless-projector");
        });
    }

    private void renderAll(FxRobot robot) {
        String[][] cases = {{"a-recursive-cold", "recursive"}, {"b-trace", "iterative"},
            {"c-tc-tcp-fallback", "tcp"}, {"d-nxdomain", "nxdomain"}, {"troubled", "troubled"},
            {"huge20", "twenty"}, {"huge60", "sixty"}};
        for (String[] c : cases) {
            for (Theme theme : Theme.values()) {
                robot.interact(() -> {
                    ViewHarness.theme(scene, theme);
                    model.load(c[0].equals("troubled") ? FlowFixtures.troubled()
                            : c[0].equals("huge20") ? FlowFixtures.huge(20)
                            : c[0].equals("huge60") ? FlowFixtures.huge(60)
                            : FlowFixtures.capture(c[0]), NamespaceTree.empty());
                    model.toEnd();
                    view.applyCss();
                    view.layout();
                    WritableImage window = ViewHarness.snapshot(view, 1);
                    ViewHarness.save(window, "flow-window-" + c[1] + "-" + theme.name().toLowerCase());
                    assertThat(ViewHarness.distinctColours(window)).isGreaterThan(20);
                    if (!c[1].equals("sixty")) {
                        // long traces (one label at a time) may stack badges; the others never do
                        assertThat(view.crowdedUnits()).as(c[1]).isZero();
                    }
                });
            }
        }
    }
}
