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
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void rendersTheLectureTracesInEveryTheme(FxRobot robot) {
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
                    WritableImage full = ViewHarness.snapshot(view.exportNode(), 1);
                    ViewHarness.save(full, "flow-" + c[1] + "-" + theme.name().toLowerCase());
                    WritableImage window = ViewHarness.snapshot(view, 1);
                    ViewHarness.save(window, "flow-window-" + c[1] + "-" + theme.name().toLowerCase());
                    assertThat(ViewHarness.distinctColours(full)).isGreaterThan(20);
                });
            }
        }
    }
}
