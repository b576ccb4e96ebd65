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
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.ui.app.AppSettings;
import org.resolvefx.ui.app.MainWindow;
import org.resolvefx.ui.app.Theme;
import org.resolvefx.ui.capture.MessageRow;
import org.resolvefx.ui.common.Snapshots;
import org.resolvefx.ui.trace.TraceViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

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

    @Start
    void start(Stage stage) {
        AppSettings settings = new AppSettings(Preferences.userRoot().node("resolvefx-test/screenshots"));
        settings.clear();
        window = new MainWindow(stage, settings);
        window.show();
        stage.setWidth(1500);
        stage.setHeight(940);
    }

    private void shootWindow(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] img = new WritableImage[1];
        WaitForAsyncUtils.asyncFx(() -> img[0] = window.scene().snapshot(null)).get(10, TimeUnit.SECONDS);
        write(img[0], name);
    }

    private void shootNode(java.util.function.Supplier<Node> node, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] img = new WritableImage[1];
        WaitForAsyncUtils.asyncFx(() -> img[0] = Snapshots.snapshot(node.get(), 1.5, Color.WHITE))
                .get(10, TimeUnit.SECONDS);
        write(img[0], name);
    }

    private static void write(WritableImage img, String name) throws Exception {
        Files.createDirectories(ASSETS);
        Snapshots.writePng(img, ASSETS.resolve(name));
    }

    private static Path capture(String name) throws URISyntaxException {
        return Path.of(ReadmeScreenshots.class.getResource("/captures/shared/" + name).toURI());
    }

    private TraceViewModel model() {
        return window.lookupWorkspace().model();
    }

    /** Steps the lecture's lookup until the tu-darmstadt.de zone has just referred. */
    private void stepToTheTuDarmstadtReferral(FxRobot robot) {
        robot.interact(() -> {
            model().animateProperty().set(false);
            while (model().canStepForward()
                    && !model().state().namespaceFocus().touched(Name.fromConstantString("informatik.tu-darmstadt.de."))) {
                model().stepForward();
            }
        });
    }

    @Test
    void lookup(FxRobot robot) throws Exception {
        stepToTheTuDarmstadtReferral(robot);
        shootWindow("screenshot-lookup.png");
        shootNode(() -> window.lookupWorkspace().tree().exportNode(), "screenshot-tree.png");
        shootNode(() -> window.lookupWorkspace().flow().exportNode(), "screenshot-flow-recursive.png");
        robot.interact(() -> window.setTheme(Theme.PROJECTOR));
        shootWindow("screenshot-lookup-projector.png");
        robot.interact(() -> window.setTheme(Theme.DARK));
        shootWindow("screenshot-lookup-dark.png");
        robot.interact(() -> window.setTheme(Theme.LIGHT));
    }

    @Test
    void iterativeFlowAndSequence(FxRobot robot) throws Exception {
        robot.interact(() -> {
            Trace t = window.resolver().session(org.resolvefx.ui.live.LiveResolver.Source.SANDBOX, null)
                    .resolve(Question.of("www.p2p.tu-darmstadt.de.", Type.A), ResolutionMode.ITERATIVE);
            window.showLookup(t, false);
            model().animateProperty().set(false);
            model().toEnd();
        });
        shootNode(() -> window.lookupWorkspace().flow().exportNode(), "screenshot-flow-iterative.png");
        robot.interact(() -> window.lookupWorkspace().showSequence(true));
        shootNode(() -> window.lookupWorkspace().sequence().exportNode(), "screenshot-sequence.png");
        robot.interact(() -> window.lookupWorkspace().showSequence(false));
    }

    @Test
    void secondLookupFromTheCache(FxRobot robot) throws Exception {
        robot.interact(() -> {
            var session = window.resolver().session(org.resolvefx.ui.live.LiveResolver.Source.SANDBOX, null);
            session.resolve(Question.of("www.tu-darmstadt.de.", Type.A), ResolutionMode.RECURSIVE);
            Trace second = session.resolve(Question.of("www.tu-darmstadt.de.", Type.A), ResolutionMode.RECURSIVE);
            window.showLookup(second, false);
            model().animateProperty().set(false);
            model().toEnd();
        });
        shootWindow("screenshot-cache-hit.png");
        shootNode(() -> window.lookupWorkspace().cache(), "screenshot-cache.png");
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
        shootWindow("screenshot-inspector.png");
        robot.clickOn("#compare-toggle");
        robot.clickOn("#hdr-dns-flags-response");
        robot.interact(() -> window.setTheme(Theme.PROJECTOR));
        shootWindow("screenshot-inspector-projector.png");
        robot.interact(() -> window.setTheme(Theme.LIGHT));
    }
}
