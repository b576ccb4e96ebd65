package org.resolvefx.ui.namespace;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.resolvefx.ui.app.Theme;
import org.resolvefx.ui.common.Snapshots;
import org.resolvefx.ui.trace.TraceViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ShotsTest {
    TraceViewModel model = new TraceViewModel();
    NamespaceView view;
    Scene scene;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
        view = new NamespaceView(model);
        scene = new Scene(view, 1240, 780);
        scene.getStylesheets().setAll(Theme.LIGHT.stylesheets());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void shots(FxRobot robot) throws Exception {
        Path dir = Path.of("target/ns-shots");
        Files.createDirectories(dir);
        robot.interact(() -> model.load(Fixtures.recursiveCold(), Fixtures.defaultWorldTree()));
        WaitForAsyncUtils.waitForFxEvents();
        for (Theme theme : Theme.values()) {
            robot.interact(() -> {
                Application.setUserAgentStylesheet(theme.userAgentStylesheet());
                scene.getStylesheets().setAll(theme.stylesheets());
            });
            WaitForAsyncUtils.waitForFxEvents();
            for (int pos : new int[] {0, 8, 14, 19}) {
                robot.interact(() -> { model.jumpTo(pos); view.fitToWindow(); });
                WaitForAsyncUtils.waitForFxEvents();
                robot.interact(() -> {
                    try {
                        Snapshots.writePng(Snapshots.snapshot(view, 1, Color.WHITE), dir.resolve(theme + "-" + pos + ".png"));
                        Snapshots.writePng(Snapshots.snapshot(view.exportNode(), 1, null), dir.resolve(theme + "-" + pos + "-tree.png"));
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                });
            }
            robot.interact(() -> { try { view.writeSvg(dir.resolve(theme + ".svg")); } catch (Exception e) { throw new RuntimeException(e); } });
        }
        robot.interact(() -> { view.expandAll(); view.fitToWindow(); });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            try {
                Snapshots.writePng(Snapshots.snapshot(view.exportNode(), 1, null), dir.resolve("all-tree.png"));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
    }
}
