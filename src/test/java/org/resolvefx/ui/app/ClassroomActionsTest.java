package org.resolvefx.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.resolvefx.core.predict.PredictQuestion;
import org.resolvefx.core.predict.PredictStyle;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.ui.i18n.I18n;
import org.resolvefx.ui.predict.PredictPanel;
import org.resolvefx.ui.presenter.PresenterMode;
import org.resolvefx.ui.trace.TraceViewModel;
import org.resolvefx.ui.whatif.WhatIfEditor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.xbill.DNS.Name;

/** The classroom modes in the real main window, headless: predict, presenter and what-if from the menu. */
@ExtendWith(ApplicationExtension.class)
class ClassroomActionsTest {
    private static final Name INFORMATIK = Name.fromConstantString("informatik.tu-darmstadt.de.");
    private MainWindow window;

    @Start
    void start(Stage stage) {
        AppSettings settings = new AppSettings(Preferences.userRoot().node("resolvefx-test/classroom-actions"));
        settings.clear();
        stage.setFullScreen(false);
        window = new MainWindow(stage, settings);
        window.show();
    }

    @AfterEach
    void tidy(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window.classroom().stopPresenter();
            window.classroom().whatIfStage().ifPresent(Stage::close);
            window.stage().setFullScreen(false);
            I18n.setLocale(Locale.ENGLISH);
        }).get();
    }

    private TraceViewModel model() {
        return window.lookupWorkspace().model();
    }

    private PredictPanel predict() {
        return window.classroom().predictPanel();
    }

    private static List<String> answer(Trace t) {
        return ((TraceEvent.Answer) t.outcome().orElseThrow()).records();
    }

    private void menu(FxRobot robot, String... texts) {
        javafx.geometry.Point2D last = null;
        for (String t : texts) {
            WaitForAsyncUtils.waitForFxEvents();
            // menus leave hidden copies of their items behind: click the one in a window on show
            javafx.scene.Node item = robot.lookup(t).match((javafx.scene.Node n) -> n.getScene() != null
                    && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing()
                    && n.isVisible()).query();
            javafx.geometry.Point2D at = robot.point(item).query();
            if (last != null) {
                // sideways first, as a person does: a diagonal path crosses other items and closes a submenu
                robot.moveTo(new javafx.geometry.Point2D(at.getX(), last.getY()));
            }
            robot.clickOn(at);
            last = at;
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void selfStudyPredictionHoldsEveryWayOfSteppingUntilAnsweredAndScores(FxRobot robot) {
        assertThat(model().position()).isZero();
        // into the submenu with the keys (a pointer path to a submenu is fragile headless)
        menu(robot, "Classroom");
        robot.type(KeyCode.DOWN);
        assertThat(robot.lookup("Predict the next step").match(javafx.scene.Node::isVisible).tryQuery()).isPresent();
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("Self-study: click an answer").match(javafx.scene.Node::isVisible).tryQuery())
                .isPresent();
        robot.type(KeyCode.DOWN, KeyCode.DOWN, KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(predict().isActive()).isTrue();
        assertThat(predict().predictStyleProperty().get()).isEqualTo(PredictStyle.SELF_STUDY);
        assertThat(predict().isQuestionOpen()).isTrue();
        assertThat(predict().isVisible()).isTrue();

        // Page Down, Right, the player's step button and its play button: the cursor stays
        robot.type(KeyCode.PAGE_DOWN);
        robot.type(KeyCode.RIGHT);
        robot.clickOn("#player-forward");
        robot.clickOn("#player-play");
        WaitForAsyncUtils.sleep(1500, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model().position()).isZero();
        assertThat(window.lookupWorkspace().player().isPlaying()).isFalse();
        assertThat(predict().isRevealed()).isFalse();

        // answer: the first question wrongly, every other one rightly, with the number keys
        int wrongOnPurpose = 0;
        int steps = 0;
        for (int guard = 0; guard < 60 && model().position() < 3; guard++) {
            if (predict().isQuestionOpen() && !predict().isRevealed()) {
                PredictQuestion q = predict().currentQuestion();
                int pick = q.correct();
                if (predict().attempts().isEmpty()) {
                    pick = (q.correct() + 1) % q.choices().size();
                    wrongOnPurpose++;
                }
                robot.type(KeyCode.valueOf("DIGIT" + (pick + 1)));
                assertThat(predict().isRevealed()).isTrue();
            } else {
                int before = model().position();
                robot.type(KeyCode.PAGE_DOWN);
                if (model().position() > before) {
                    steps++;
                }
            }
        }
        assertThat(model().position()).isEqualTo(3);
        assertThat(steps).isGreaterThanOrEqualTo(1);
        assertThat(predict().attempts()).isNotEmpty();
        assertThat(predict().score().asked()).isEqualTo(predict().attempts().size());
        assertThat(predict().score().correct()).isEqualTo(predict().attempts().size() - wrongOnPurpose);
        assertThat(predict().attempts().get(0).isCorrect()).isFalse();
    }

    @Test
    void presenterModeStartsWithF5StepsBlanksSpotlightsAndEscRestores(FxRobot robot) {
        Theme before = window.theme();
        assertThat(before).isNotEqualTo(Theme.PROJECTOR);
        robot.type(KeyCode.F5);
        assertThat(window.classroom().isPresenting()).isTrue();
        PresenterMode p = window.classroom().presenter().orElseThrow();
        assertThat(window.theme()).isEqualTo(Theme.PROJECTOR);
        assertThat(window.stage().isFullScreen()).isTrue();
        assertThat(p.presenterView().stepText()).isEqualTo("Before step 1 of " + model().length());

        robot.type(KeyCode.PAGE_DOWN);
        assertThat(model().position()).isEqualTo(1);
        assertThat(p.presenterView().stepText()).isEqualTo("Step 1 of " + model().length());
        robot.type(KeyCode.PAGE_DOWN);
        assertThat(model().position()).isEqualTo(2);
        robot.type(KeyCode.PAGE_UP);
        assertThat(model().position()).isEqualTo(1);

        robot.type(KeyCode.B);
        assertThat(window.isBlanked()).isTrue();
        assertThat(p.presenterView().showsBlanked()).isTrue();
        robot.type(KeyCode.ESCAPE); // ends the black screen, not presenting
        assertThat(window.isBlanked()).isFalse();
        assertThat(window.classroom().isPresenting()).isTrue();

        robot.type(KeyCode.S);
        assertThat(p.spotlight().isOn()).isTrue();
        robot.moveTo(window.lookupWorkspace().flow());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(p.spotlight().centerXProperty().get()).isPositive();
        robot.type(KeyCode.S);
        assertThat(p.spotlight().isOn()).isFalse();

        robot.type(KeyCode.ESCAPE);
        assertThat(window.classroom().isPresenting()).isFalse();
        assertThat(window.theme()).isEqualTo(before);
        assertThat(window.stage().isFullScreen()).isFalse();
        assertThat(window.scene().getRoot().getId()).isNotEqualTo("presenter-stack");
        for (TraceWorkspace.Pane pane : TraceWorkspace.Pane.values()) {
            assertThat(window.lookupWorkspace().isShown(pane)).as(pane.name()).isTrue();
        }
        // and the menu starts it as well
        menu(robot, "Classroom", "Presenter mode");
        assertThat(window.classroom().isPresenting()).isTrue();
    }

    @Test
    void whatIfFromTheMenuReResolvesWithTheChangedAddressAndResetRestores(FxRobot robot) {
        Trace lecture = model().trace();
        assertThat(answer(lecture)).anyMatch(r -> r.endsWith("A 127.0.31.10"));
        // the menu's item, fired (its pointer path depends on the window's size and what ran before)
        javafx.scene.control.MenuItem edit = window.classroom().menu().getItems().stream()
                .filter(i -> "classroom-whatif".equals(i.getId())).findFirst().orElseThrow();
        assertThat(edit.getText()).isEqualTo("Edit zones (what if)\u2026");
        robot.interact(edit::fire);
        WhatIfEditor editor = window.classroom().whatIfEditor().orElseThrow();
        assertThat(window.classroom().whatIfStage().orElseThrow().isShowing()).isTrue();
        assertThat(editor.zone()).isEqualTo(Name.fromConstantString("tu-darmstadt.de."));

        // www.p2p is a CNAME to charon.dekanat.informatik: change that address
        robot.interact(() -> editor.selectZone(INFORMATIK));
        String text = editor.editor().textArea().getText();
        assertThat(text).contains("127.0.31.10");
        robot.interact(() -> editor.editor().textArea().setText(text.replace("127.0.31.10", "127.0.31.99")));
        assertThat(editor.canApply()).isTrue();
        robot.clickOn("#whatif-apply");
        WaitForAsyncUtils.waitForFxEvents();

        Trace after = model().trace();
        assertThat(after).isNotSameAs(lecture);
        assertThat(after.question()).isEqualTo(lecture.question());
        assertThat(answer(after)).anyMatch(r -> r.endsWith("A 127.0.31.99")).noneMatch(r -> r.endsWith("127.0.31.10"));
        assertThat(window.resolver().world()).isSameAs(editor.world());
        String status = robot.lookup("#status-bar").queryAs(org.controlsfx.control.StatusBar.class).getText();
        assertThat(status).startsWith("What changed: Answer changed: ").contains("127.0.31.99");
        assertThat(robot.lookup("#whatif-comparison").queryAs(Label.class).getText()).isEqualTo(status);
        // the message list follows the new lookup too
        assertThat(window.rows()).hasSize(after.messages().size());

        robot.clickOn("#whatif-reset");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(answer(model().trace())).anyMatch(r -> r.endsWith("A 127.0.31.10"));
        assertThat(window.resolver().world()).isSameAs(editor.baseline());
        assertThat(window.classroom().lastComparison().orElseThrow().sameOutcome()).isFalse();
    }
}
