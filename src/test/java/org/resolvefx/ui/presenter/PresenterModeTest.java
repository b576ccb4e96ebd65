package org.resolvefx.ui.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.resolvefx.core.namespace.WorldNamespace;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.ui.app.Theme;
import org.resolvefx.ui.flow.FlowView;
import org.resolvefx.ui.i18n.I18n;
import org.resolvefx.ui.player.NarrationBar;
import org.resolvefx.ui.predict.ClassroomTestKit;
import org.resolvefx.ui.trace.TraceViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.xbill.DNS.Type;

/** Presenter mode on Monocle's one screen: the compact card, a rehearsal window, and faked two screens. */
@ExtendWith(ApplicationExtension.class)
class PresenterModeTest {
    private static final SandboxWorld WORLD = ClassroomTestKit.defaultWorld();
    private final TraceViewModel model = new TraceViewModel();
    private final TestClock clock = new TestClock(Instant.parse("2025-05-06T10:15:00Z"));
    private Stage stage;
    private Scene scene;
    private BorderPane views;
    private Trace trace;
    private PresenterMode presenter;

    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {
        private Instant now;

        TestClock(Instant start) {
            now = start;
        }

        void advanceSeconds(long s) {
            now = now.plusSeconds(s);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        I18n.setLocale(Locale.ENGLISH);
        trace = ClassroomTestKit.sandbox(WORLD).resolve(Question.of("www.p2p.tu-darmstadt.de", Type.A),
                ResolutionMode.RECURSIVE);
        model.animateProperty().set(false);
        views = new BorderPane(new FlowView(model));
        views.setBottom(new NarrationBar(model));
        scene = ClassroomTestKit.scene(views, 1200, 800, Theme.LIGHT);
        ClassroomTestKit.show(stage, scene);
        model.load(trace, WorldNamespace.of(WORLD));
    }

    @AfterEach
    void stopPresenting() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            if (presenter != null) {
                presenter.stop();
            }
            I18n.setLocale(Locale.ENGLISH);
        }).get();
    }

    private static String notes(int position) {
        return position == 0 ? "Ask the class: who answers first?" : position == 4 ? "Point at the root server." : "";
    }

    private PresenterOptions options() {
        return PresenterOptions.defaults().withNotes(PresenterModeTest::notes).withClock(clock)
                .withProjectorStylesheets(Theme.PROJECTOR.stylesheets());
    }

    @Test
    void oneScreenShowsTheCompactCardOverTheFullScreenViews(FxRobot robot) {
        robot.interact(() -> presenter = PresenterMode.start(stage, views, model, options()));
        assertThat(presenter.plan().layout()).isEqualTo(ScreenPlan.Layout.ONE_SCREEN);
        assertThat(stage.isFullScreen()).isTrue();
        assertThat(presenter.presenterStage()).isEmpty();
        assertThat(scene.getRoot()).isNotSameAs(views);
        assertThat(scene.getStylesheets()).isEqualTo(Theme.PROJECTOR.stylesheets());
        PresenterView card = presenter.presenterView();
        assertThat(card.getScene()).isSameAs(scene);
        assertThat(card.compactProperty().get()).isTrue();
        assertThat(card.stepText()).isEqualTo("Before step 1 of " + trace.events().size());
        assertThat(card.nextText()).isEqualTo(trace.events().get(0).narration().en());
        assertThat(card.notesText()).isEqualTo("Ask the class: who answers first?");
        assertThat(card.timeOfDayText()).isEqualTo("10:15");

        // the views step (the main window's keys); the card follows
        robot.interact(() -> {
            for (int i = 0; i < 4; i++) {
                model.stepForward();
            }
        });
        assertThat(card.stepText()).isEqualTo("Step 4 of " + trace.events().size());
        assertThat(card.nextText()).isEqualTo(trace.events().get(4).narration().en());
        assertThat(card.notesText()).isEqualTo("Point at the root server.");
        robot.interact(() -> model.stepForward());
        assertThat(card.notesText()).isEqualTo("No notes for this step.");
        robot.interact(() -> ClassroomTestKit.render(scene.getRoot(), "presenter-compact-projector"));

        // P hides the card, S the spotlight follows the pointer
        robot.type(KeyCode.P);
        assertThat(card.isVisible()).isFalse();
        robot.type(KeyCode.P);
        assertThat(card.isVisible()).isTrue();
        Spotlight spot = presenter.spotlight();
        assertThat(spot.isOn()).isFalse();
        robot.type(KeyCode.S);
        assertThat(spot.isOn()).isTrue();
        assertThat(card.spotlightProperty().get()).isTrue();
        Point2D target = new Point2D(stage.getX() + 300, stage.getY() + 250);
        robot.moveTo(target);
        WaitForAsyncUtils.waitForFxEvents();
        Point2D local = spot.screenToLocal(target);
        assertThat(spot.centerXProperty().get()).isCloseTo(local.getX(), org.assertj.core.data.Offset.offset(1.5));
        assertThat(spot.centerYProperty().get()).isCloseTo(local.getY(), org.assertj.core.data.Offset.offset(1.5));
        // the clear circle is a hole in the dimmed layer, its radius in em of the projector's 20 px type
        assertThat(spot.radiusPixels()).isEqualTo(6.5 * 20);
        Node dim = robot.lookup("#spotlight-dim").query();
        Point2D inside = dim.localToScreen(local.getX() + 10, local.getY());
        Point2D outside = dim.localToScreen(local.getX() + spot.radiusPixels() + 30, local.getY());
        assertThat(dim.contains(dim.screenToLocal(inside))).isFalse();
        assertThat(dim.contains(dim.screenToLocal(outside))).isTrue();
        robot.interact(() -> ClassroomTestKit.render(scene.getRoot(), "presenter-spotlight-projector"));
        robot.moveTo(new Point2D(stage.getX() + 700, stage.getY() + 500));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(spot.centerXProperty().get()).isCloseTo(spot.screenToLocal(stage.getX() + 700, 0).getX(),
                org.assertj.core.data.Offset.offset(1.5));
        robot.type(KeyCode.S);
        assertThat(spot.isOn()).isFalse();

        // B blanks (presenter mode's own black layer, nothing else shows on it)
        robot.type(KeyCode.B);
        assertThat(presenter.isBlanked()).isTrue();
        assertThat(robot.lookup("#presenter-blank").query().isVisible()).isTrue();
        assertThat(card.showsBlanked()).isTrue();
        assertThat(card.getOpacity()).isZero();
        robot.type(KeyCode.ESCAPE);
        assertThat(presenter.isBlanked()).isFalse();

        // stop puts everything back
        robot.interact(() -> presenter.stop());
        assertThat(scene.getRoot()).isSameAs(views);
        assertThat(stage.isFullScreen()).isFalse();
        assertThat(stage.getWidth()).isEqualTo(1200);
        assertThat(scene.getStylesheets()).isEqualTo(Theme.LIGHT.stylesheets());
    }

    @Test
    void rehearsalWindowStepsWithTheRemoteKeysAndShowsTheMainWindowsBlankScreen(FxRobot robot) {
        javafx.beans.property.BooleanProperty mainBlank = new javafx.beans.property.SimpleBooleanProperty(false);
        int[] steps = new int[2];
        PresenterOptions o = options().withWindowOnSingleScreen(true)
                .withBlankScreen(mainBlank, () -> mainBlank.set(!mainBlank.get()))
                .withStepping(() -> {
                    steps[0]++;
                    model.stepForward();
                }, () -> {
                    steps[1]++;
                    model.stepBack();
                });
        robot.interact(() -> presenter = PresenterMode.start(stage, views, model, o));
        assertThat(presenter.presenterStage()).isPresent();
        Stage window = presenter.presenterStage().get();
        assertThat(window.isShowing()).isTrue();
        assertThat(stage.isFullScreen()).isFalse();
        PresenterView view = presenter.presenterView();
        assertThat(view.compactProperty().get()).isFalse();
        assertThat(view.nowText()).isEqualTo(trace.events().isEmpty() ? "" : model.state().narration().en());
        assertThat(view.notesText()).isEqualTo("Ask the class: who answers first?");

        // the remote's Page Down while the presenter window has the focus
        robot.clickOn((Node) robot.lookup("#presenter-step").query());
        robot.type(KeyCode.PAGE_DOWN);
        robot.type(KeyCode.PAGE_DOWN);
        assertThat(steps[0]).isEqualTo(2);
        assertThat(model.position()).isEqualTo(2);
        assertThat(view.stepText()).isEqualTo("Step 2 of " + trace.events().size());
        assertThat(view.nowText()).isEqualTo(trace.events().get(1).narration().en());
        assertThat(view.nextText()).isEqualTo(trace.events().get(2).narration().en());
        robot.type(KeyCode.PAGE_UP);
        assertThat(steps[1]).isEqualTo(1);
        assertThat(model.position()).isEqualTo(1);

        // B from the presenter window blanks through the main window; the view says so
        robot.type(KeyCode.B);
        assertThat(mainBlank.get()).isTrue();
        assertThat(view.showsBlanked()).isTrue();
        assertThat(view.nowText()).startsWith("The class sees a black screen.");
        assertThat(robot.lookup("#presenter-blank").query().isVisible()).as("the main window blanks itself").isFalse();
        robot.interact(() -> ClassroomTestKit.render(view, "presenter-window-blanked-light"));
        robot.type(KeyCode.ESCAPE);
        assertThat(mainBlank.get()).isFalse();

        // S from the presenter window toggles the spotlight on the views
        robot.type(KeyCode.S);
        assertThat(presenter.spotlight().isOn()).isTrue();
        assertThat(view.spotlightProperty().get()).isTrue();

        // the elapsed time runs on the clock and restarts on a click
        clock.advanceSeconds(305);
        robot.interact(view::tick);
        assertThat(view.elapsedText()).isEqualTo("5:05");
        assertThat(view.timeOfDayText()).isEqualTo("10:20");
        robot.clickOn("#presenter-elapsed");
        assertThat(view.elapsedText()).isEqualTo("0:00");
        robot.interact(() -> ClassroomTestKit.render(view, "presenter-window-light"));

        // German
        robot.interact(() -> I18n.setLocale(Locale.GERMAN));
        assertThat(view.stepText()).isEqualTo("Schritt 1 von " + trace.events().size());
        assertThat(view.nowText()).isEqualTo(trace.events().get(0).narration().de());
        robot.interact(() -> ClassroomTestKit.render(view, "presenter-window-de-light"));

        // the window's own button ends presenting
        robot.clickOn("#presenter-stop");
        assertThat(presenter.isRunning()).isFalse();
        assertThat(window.isShowing()).isFalse();
        assertThat(scene.getRoot()).isSameAs(views);
    }

    @Test
    void twoScreensOpenThePresenterWindowOnThePrimaryScreen(FxRobot robot) {
        Rectangle2D laptop = new Rectangle2D(0, 0, 1600, 1200);
        Rectangle2D projector = new Rectangle2D(1600, 0, 1280, 800);
        boolean[] look = new boolean[1];
        PresenterOptions o = options().withScreens(() -> List.of(laptop, projector))
                .withLook(() -> look[0] = true, () -> look[0] = false);
        robot.interact(() -> presenter = PresenterMode.start(stage, views, model, o));
        assertThat(presenter.plan().layout()).isEqualTo(ScreenPlan.Layout.TWO_SCREENS);
        assertThat(look[0]).isTrue();
        assertThat(stage.isFullScreen()).isTrue();
        Stage window = presenter.presenterStage().orElseThrow();
        assertThat(window.isShowing()).isTrue();
        assertThat(window.getX()).isEqualTo(0);
        assertThat(window.getWidth()).isEqualTo(1600);
        assertThat(presenter.presenterView().compactProperty().get()).isFalse();
        // the presenter window keeps the main window's look from before presenting
        assertThat(window.getScene().getStylesheets()).isEqualTo(Theme.LIGHT.stylesheets());
        robot.interact(() -> presenter.stop());
        assertThat(look[0]).isFalse();
        assertThat(window.isShowing()).isFalse();
        assertThat(stage.isFullScreen()).isFalse();
    }

    @Test
    void theProjectedRootMustBeTheScenesRoot() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PresenterMode.start(stage,
                views.getCenter(), model, options())).hasMessageContaining("main scene's root");
    }
}
