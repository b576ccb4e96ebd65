package org.resolvefx.ui.predict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.resolvefx.core.namespace.WorldNamespace;
import org.resolvefx.core.predict.Attempt;
import org.resolvefx.core.predict.Origin;
import org.resolvefx.core.predict.PredictQuestion;
import org.resolvefx.core.predict.PredictStyle;
import org.resolvefx.core.predict.QuestionKind;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.trace.Narration;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.ui.app.Theme;
import org.resolvefx.ui.flow.FlowView;
import org.resolvefx.ui.player.NarrationBar;
import org.resolvefx.ui.i18n.I18n;
import org.resolvefx.ui.trace.TraceViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.xbill.DNS.Type;

/**
 * Predict mode over the real classroom views, wired as the main window would: Page Down asks
 * {@link PredictPanel#beforeStepForward()} before stepping.
 */
@ExtendWith(ApplicationExtension.class)
class PredictPanelTest {
    private static final SandboxWorld WORLD = ClassroomTestKit.defaultWorld();
    private final TraceViewModel model = new TraceViewModel();
    private PredictPanel panel;
    private Scene scene;
    private Trace cold;
    private Trace warm;

    @Start
    void start(Stage stage) {
        I18n.setLocale(Locale.ENGLISH);
        var session = ClassroomTestKit.sandbox(WORLD);
        cold = session.resolve(Question.of("www.p2p.tu-darmstadt.de", Type.A), ResolutionMode.RECURSIVE);
        warm = session.resolve(Question.of("www.p2p.tu-darmstadt.de", Type.A), ResolutionMode.RECURSIVE);
        model.animateProperty().set(false);
        panel = new PredictPanel(model);
        // the message flow and the narration: enough classroom around the card, and quick to draw
        BorderPane views = new BorderPane(new FlowView(model));
        views.setBottom(new NarrationBar(model));
        StackPane root = new StackPane(views, panel);
        StackPane.setAlignment(panel, Pos.TOP_RIGHT);
        StackPane.setMargin(panel, new Insets(48, 16, 0, 0));
        scene = ClassroomTestKit.scene(root, 1400, 900, Theme.LIGHT);
        // the main window's presenter keys, with the hook
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.PAGE_DOWN) {
                if (panel.beforeStepForward()) {
                    model.stepForward();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.PAGE_UP) {
                model.stepBack();
                e.consume();
            }
        });
        ClassroomTestKit.show(stage, scene);
        model.load(cold, WorldNamespace.of(WORLD));
    }

    @AfterEach
    void english() throws Exception {
        // views of this test listen to the language: switch it back on the JavaFX thread
        WaitForAsyncUtils.asyncFx(() -> I18n.setLocale(Locale.ENGLISH)).get();
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private boolean shown(FxRobot robot, String id) {
        return robot.lookup(id).query().isVisible();
    }

    @Test
    void offByDefaultAndThenStepsAreFree(FxRobot robot) {
        assertThat(panel.isActive()).isFalse();
        assertThat(panel.isVisible()).isFalse();
        robot.type(KeyCode.PAGE_DOWN);
        assertThat(model.position()).isEqualTo(1);
        assertThat(panel.attempts()).isEmpty();
    }

    @Test
    void selfStudyBlocksSteppingUntilAnsweredThenScoresAndExports(FxRobot robot, @TempDir Path dir)
            throws IOException {
        robot.interact(() -> panel.start(PredictStyle.SELF_STUDY));
        assertThat(panel.isQuestionOpen()).isTrue();
        assertThat(text(robot, "#predict-prompt")).isEqualTo("Who does the client ask next about www.p2p.tu-darmstadt.de A?");
        assertThat(text(robot, "#predict-where")).isEqualTo("Before step 1 of " + cold.events().size());
        assertThat(robot.lookup("#predict-skip").query().isVisible()).isTrue();

        // stepping is refused until an answer is given
        robot.type(KeyCode.PAGE_DOWN);
        assertThat(model.position()).isZero();
        assertThat(text(robot, "#predict-hint")).startsWith("Choose an answer first");

        // a wrong click: told so, with the explanation, and the step is still not shown
        PredictQuestion first = panel.currentQuestion();
        int wrong = (first.correct() + 1) % first.choices().size();
        robot.clickOn("#predict-choice-" + (wrong + 1));
        assertThat(text(robot, "#predict-verdict")).isEqualTo("Not quite. The answer is: the local resolver");
        assertThat(shown(robot, "#predict-explanation")).isTrue();
        assertThat(text(robot, "#predict-explanation")).contains("RD=1");
        assertThat(robot.lookup("#predict-choice-" + (first.correct() + 1)).query().getStyleClass())
                .contains("predict-choice-correct");
        assertThat(robot.lookup("#predict-choice-" + (wrong + 1)).query().getStyleClass())
                .contains("predict-choice-wrong");
        assertThat(model.position()).isZero();
        assertThat(text(robot, "#predict-score")).isEqualTo("0 of 1 right");

        // continuing shows the step
        robot.clickOn("#predict-primary");
        assertThat(model.position()).isEqualTo(1);

        // the next question with the keys: the number chooses, Page Down continues
        robot.type(KeyCode.getKeyCode(Integer.toString(panel.currentQuestion().correct() + 1)));
        assertThat(text(robot, "#predict-verdict")).isEqualTo("Right!");
        robot.type(KeyCode.PAGE_DOWN);
        // the rest right, through the same calls the keys make
        robot.interact(() -> {
            int guard = 0;
            while (model.position() < model.length() && guard++ < 500) {
                if (panel.isQuestionOpen() && !panel.isRevealed()) {
                    panel.choose(panel.currentQuestion().correct());
                }
                if (panel.beforeStepForward()) {
                    model.stepForward();
                }
            }
        });
        assertThat(model.position()).isEqualTo(model.length());
        int asked = panel.questions().size();
        assertThat(panel.attempts()).hasSize(asked);
        assertThat(panel.score().correct()).isEqualTo(asked - 1);
        assertThat(panel.summaryShownProperty().get()).isTrue();
        assertThat(text(robot, "#predict-final-score"))
                .isEqualTo("Score: " + (asked - 1) + " of " + asked + " correct ("
                        + Math.round(100.0 * (asked - 1) / asked) + " %)");
        robot.interact(() -> ClassroomTestKit.render(scene.getRoot(), "predict-summary-light"));

        Path report = dir.resolve("report.md");
        robot.interact(() -> panel.exportTo(report));
        assertThat(panel.summaryStatus()).isEqualTo("Report saved: " + report);
        String md = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(md).contains("- Mode: self-study").contains((asked - 1) + " of " + asked + " correct")
                .contains("(wrong)").contains("Who does the client ask next");
        assertThat(md.split("\n## ", -1)).hasSize(asked + 1);

        // the summary goes away with Enter and stays away
        robot.type(KeyCode.ENTER);
        assertThat(panel.isVisible()).isFalse();
    }

    @Test
    void classModeRevealsOnThePresenterKeyThenSteps(FxRobot robot) {
        robot.interact(() -> panel.start(PredictStyle.CLASS));
        assertThat(panel.isQuestionOpen()).isTrue();
        assertThat(robot.lookup("#predict-skip").query().isVisible()).isFalse();
        assertThat(text(robot, "#predict-hint")).isEqualTo("Let the class predict, then reveal.");
        robot.interact(() -> ClassroomTestKit.render(scene.getRoot(), "predict-class-question-light"));

        robot.type(KeyCode.PAGE_DOWN); // reveal
        assertThat(model.position()).isZero();
        assertThat(panel.isRevealed()).isTrue();
        assertThat(text(robot, "#predict-verdict")).isEqualTo("The answer: the local resolver");
        assertThat(panel.attempts()).singleElement().satisfies(a -> assertThat(a.isAnswered()).isFalse());
        robot.type(KeyCode.PAGE_DOWN); // step
        assertThat(model.position()).isEqualTo(1);

        // the class shouted "No" (the second choice): the lecturer records it with a key
        assertThat(panel.currentQuestion().kindOrNull()).isEqualTo(QuestionKind.FROM_CACHE);
        robot.type(KeyCode.DIGIT2);
        assertThat(text(robot, "#predict-verdict")).isEqualTo("Right!");
        assertThat(panel.score().correct()).isEqualTo(1);

        // walk to the first referral response: three questions at one step, counted in the header
        robot.type(KeyCode.PAGE_DOWN);
        int guard = 0;
        while (panel.currentQuestion() == null || panel.questions().askedAt(model.position()).size() < 3) {
            robot.type(KeyCode.PAGE_DOWN);
            assertThat(guard++).isLessThan(40);
        }
        assertThat(text(robot, "#predict-where")).endsWith("question 1 of 3");
        assertThat(text(robot, "#predict-prompt")).contains("authoritative (AA=1)");
        robot.type(KeyCode.PAGE_DOWN);
        robot.type(KeyCode.PAGE_DOWN);
        assertThat(text(robot, "#predict-where")).endsWith("question 2 of 3");
        assertThat(text(robot, "#predict-prompt")).contains("In which section are its NS records?");
        robot.interact(() -> ClassroomTestKit.render(scene.getRoot(), "predict-class-referral-light"));
    }

    @Test
    void bypassingTheHookClosesTheQuestionAndSteppingBackAsksAgain(FxRobot robot) {
        robot.interact(() -> panel.start(PredictStyle.SELF_STUDY));
        PredictQuestion q = panel.currentQuestion();
        // the player's timer steps the model directly
        robot.interact(() -> model.stepForward());
        assertThat(panel.attempts()).isEmpty();
        assertThat(panel.currentQuestion()).isNotEqualTo(q);
        robot.interact(() -> model.stepBack());
        assertThat(panel.currentQuestion()).isEqualTo(q);

        // answered questions are not asked again after stepping back
        robot.type(KeyCode.getKeyCode(Integer.toString(q.correct() + 1)));
        robot.type(KeyCode.ENTER);
        assertThat(model.position()).isEqualTo(1);
        robot.type(KeyCode.PAGE_UP);
        assertThat(model.position()).isZero();
        assertThat(panel.isQuestionOpen()).isFalse();
        assertThat(panel.beforeStepForward()).isTrue();

        // turning the mode off lets everything through
        robot.interact(() -> panel.setActive(false));
        robot.type(KeyCode.PAGE_DOWN, 3);
        assertThat(model.position()).isEqualTo(3);
        assertThat(panel.isVisible()).isFalse();
    }

    @Test
    void secondLookupAsksWhoAndTheAnswerIsNobody(FxRobot robot) {
        robot.interact(() -> {
            model.load(warm, WorldNamespace.of(WORLD));
            panel.start(PredictStyle.CLASS);
        });
        int guard = 0;
        while (panel.currentQuestion() == null
                || !panel.currentQuestion().correctChoice().en().startsWith("nobody")) {
            robot.type(KeyCode.PAGE_DOWN);
            assertThat(guard++).isLessThan(30);
        }
        assertThat(text(robot, "#predict-prompt")).isEqualTo("Who does the local resolver ask next about www.p2p.tu-darmstadt.de A?");
        robot.type(KeyCode.PAGE_DOWN);
        assertThat(text(robot, "#predict-verdict")).isEqualTo("The answer: nobody: the answer comes from the cache");
        robot.interact(() -> ClassroomTestKit.render(scene.getRoot(), "predict-class-cache-light"));
    }

    @Test
    void lessonQuestionsReplaceTheGeneratedOnesOfTheirStepAndSpeakGerman(FxRobot robot) {
        PredictQuestion lesson = new PredictQuestion(1, new Narration("Which port does the query go to?",
                "An welchen Port geht die Anfrage?"), List.of(new Narration("53", "53"), new Narration("80", "80"),
                new Narration("443", "443")), 0, new Narration("DNS listens on port 53.", "DNS lauscht auf Port 53."),
                new Origin.Authored("lessons/ports/lesson.json"));
        robot.interact(() -> {
            panel.lessonQuestionsProperty().set(List.of(lesson));
            panel.start(PredictStyle.SELF_STUDY);
        });
        assertThat(panel.currentQuestion()).isEqualTo(lesson);
        assertThat(shown(robot, "#predict-lesson")).isTrue();
        assertThat(panel.questions().about(1)).containsExactly(lesson);
        robot.interact(() -> I18n.setLocale(Locale.GERMAN));
        assertThat(text(robot, "#predict-prompt")).isEqualTo("An welchen Port geht die Anfrage?");
        assertThat(text(robot, "#predict-title")).isEqualTo("Was passiert als N\u00e4chstes?");
        robot.clickOn("#predict-choice-1");
        assertThat(text(robot, "#predict-verdict")).isEqualTo("Richtig!");
        assertThat(text(robot, "#predict-explanation")).isEqualTo("DNS lauscht auf Port 53.");
        robot.interact(() -> ClassroomTestKit.render(scene.getRoot(), "predict-lesson-de-light"));
        robot.type(KeyCode.ENTER);
        assertThat(model.position()).isEqualTo(1);
        assertThat(panel.attempts()).extracting(Attempt::isCorrect).containsExactly(true);
    }

    @Test
    void looksRightInEveryTheme(FxRobot robot) {
        robot.interact(() -> panel.start(PredictStyle.SELF_STUDY));
        robot.clickOn("#predict-choice-2");
        robot.interact(() -> ClassroomTestKit.render(scene.getRoot(), "predict-answered-light"));
        for (Theme t : Theme.values()) {
            robot.interact(() -> {
                ClassroomTestKit.theme(scene, t);
                ClassroomTestKit.render(panel, "predict-card-" + t.name().toLowerCase(Locale.ROOT));
            });
            // the card fits the window and its texts are not cut
            var b = panel.localToScene(panel.getBoundsInLocal());
            assertThat(b.getMaxY()).isLessThanOrEqualTo(scene.getHeight());
            for (String id : List.of("#predict-prompt", "#predict-verdict", "#predict-explanation")) {
                Label l = robot.lookup(id).queryAs(Label.class);
                assertThat(l.getHeight()).as(id).isGreaterThanOrEqualTo(l.prefHeight(l.getWidth()) - 0.5);
            }
        }
        robot.interact(() -> ClassroomTestKit.theme(scene, Theme.LIGHT));
    }
}
