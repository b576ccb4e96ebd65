package org.resolvefx.ui.player;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.resolvefx.core.capture.CaptureFiles;
import org.resolvefx.core.namespace.NamespaceTree;
import org.resolvefx.core.trace.CaptureImport;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.ui.app.Theme;
import org.resolvefx.ui.i18n.I18n;
import org.resolvefx.ui.trace.TraceViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class PlayerBarTest {
    private final TraceViewModel model = new TraceViewModel();
    private PlayerBar player;
    private NarrationBar narration;
    private Trace trace;

    @Start
    void start(Stage stage) throws Exception {
        Path pcap = Path.of(PlayerBarTest.class.getResource("/captures/shared/a-recursive-cold.pcap").toURI());
        List<Trace> traces = CaptureImport.toTraces(CaptureFiles.readAll(pcap).packets(), "a-recursive-cold.pcap");
        trace = traces.get(0);
        model.load(trace, NamespaceTree.learnedFrom(trace));
        player = new PlayerBar(model);
        narration = new NarrationBar(model);
        Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
        Scene scene = new Scene(new VBox(narration, player), 1200, 320);
        scene.getStylesheets().setAll(Theme.LIGHT.stylesheets());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void english() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> I18n.setLocale(I18n.ENGLISH)).get();
    }

    @Test
    void stepButtonsMoveTheCursorBothWays(FxRobot robot) {
        assertThat(model.position()).isZero();
        assertThat(robot.lookup("#player-back").queryButton().isDisabled()).isTrue();
        robot.clickOn("#player-forward").clickOn("#player-forward").clickOn("#player-forward");
        assertThat(model.position()).isEqualTo(3);
        String third = narration.text();
        robot.clickOn("#player-back");
        assertThat(model.position()).isEqualTo(2);
        robot.clickOn("#player-forward");
        assertThat(narration.text()).isEqualTo(third);
        robot.clickOn("#player-last");
        assertThat(model.position()).isEqualTo(trace.events().size());
        assertThat(robot.lookup("#player-forward").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#player-position").queryLabeled().getText())
                .contains(Integer.toString(trace.events().size())).contains("14 messages");
        robot.clickOn("#player-first");
        assertThat(model.position()).isZero();
    }

    @Test
    void playingRunsToTheEndAndStops(FxRobot robot) throws Exception {
        robot.interact(() -> model.speedProperty().set(4));
        robot.clickOn("#player-play");
        assertThat(player.isPlaying()).isTrue();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !player.isPlaying());
        assertThat(model.position()).isEqualTo(trace.events().size());
        // pressing play at the end starts again from the beginning
        robot.clickOn("#player-play");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.position()).isLessThan(3);
        // move off the button first so its tooltip is not in the way of the next click
        robot.moveTo("#player-position").clickOn("#player-play");
        assertThat(player.isPlaying()).isFalse();
    }

    @Test
    void clickingTheScrubberJumps(FxRobot robot) {
        Scrubber s = robot.lookup("#scrubber").queryAs(Scrubber.class);
        int target = trace.events().size() / 2;
        double x = s.xOf(target);
        robot.clickOn(s.localToScreen(x, s.getHeight() / 2));
        assertThat(model.position()).isEqualTo(target);
    }

    @Test
    void narrationFollowsTheLanguage(FxRobot robot) {
        robot.clickOn("#player-forward");
        String en = narration.text();
        robot.interact(() -> I18n.setLocale(I18n.GERMAN));
        String de = narration.text();
        assertThat(de).isNotBlank().isNotEqualTo(en);
        assertThat(robot.lookup("#player-position").queryLabeled().getText()).startsWith("Schritt 1 von");
    }
}
