package org.resolvefx.tools;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.resolvefx.ui.app.AppSettings;
import org.resolvefx.ui.app.MainWindow;
import org.resolvefx.ui.app.Theme;
import org.resolvefx.ui.capture.MessageRow;
import org.resolvefx.ui.common.Snapshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Makes the README's screenshots from the real window (headless, software rendering, identical to
 * what Xvfb shows). Not part of `mvn verify`; run with
 * {@code mvn test -Dtest=ReadmeScreenshots -Dsurefire.excludedGroups=none}.
 */
@Tag("screenshots")
@ExtendWith(ApplicationExtension.class)
class ReadmeScreenshots {
    private static final Path ASSETS = Path.of("assets");
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        AppSettings settings = new AppSettings(Preferences.userRoot().node("resolvefx-test/screenshots"));
        settings.clear();
        window = new MainWindow(stage, settings);
        stage.setWidth(1500);
        stage.setHeight(920);
        window.show();
    }

    private void shoot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] img = new WritableImage[1];
        WaitForAsyncUtils.asyncFx(() -> img[0] = window.scene().snapshot(null)).get(10, TimeUnit.SECONDS);
        Files.createDirectories(ASSETS);
        Snapshots.writePng(img[0], ASSETS.resolve(name));
    }

    private static Path capture(String name) throws URISyntaxException {
        return Path.of(ReadmeScreenshots.class.getResource("/captures/shared/" + name).toURI());
    }

    @Test
    void inspector(FxRobot robot) throws Exception {
        javafx.concurrent.Task<?>[] task = new javafx.concurrent.Task<?>[1];
        robot.interact(() -> task[0] = window.openFile(capture("a-recursive-cold.pcap")));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> task[0].isDone());
        WaitForAsyncUtils.waitForFxEvents();
        Node row = robot.lookup(".message-list .table-row-cell").match(n -> n instanceof TableRow<?> r
                && r.getItem() instanceof MessageRow m && m.frame() == 14).query();
        robot.clickOn(robot.point(row).atPosition(Pos.CENTER_LEFT).atOffset(new Point2D(30, 0)));
        robot.clickOn("#hdr-dns-flags-recavail");
        shoot("screenshot-inspector.png");
        robot.clickOn("#compare-toggle");
        robot.clickOn("#hdr-dns-flags-response");
        shoot("screenshot-compare.png");
        robot.interact(() -> window.setTheme(Theme.PROJECTOR));
        shoot("screenshot-inspector-projector.png");
        robot.interact(() -> window.setTheme(Theme.LIGHT));
    }
}
