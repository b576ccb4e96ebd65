package org.resolvefx.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.resolvefx.core.lesson.LessonFiles;
import org.resolvefx.core.lesson.LessonLoader;
import org.resolvefx.core.lesson.LessonStep;
import org.resolvefx.core.lesson.LoadedLesson;
import org.resolvefx.core.lesson.NarrationMarkdown;
import org.resolvefx.core.lesson.ScenarioRun;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceSource;
import org.resolvefx.ui.i18n.I18n;
import org.resolvefx.ui.lesson.LessonBrowser;
import org.resolvefx.ui.lesson.LessonEntry;
import org.resolvefx.ui.lesson.LessonSession;
import org.resolvefx.ui.lesson.SaveLessonDialog;
import org.resolvefx.ui.trace.TraceViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Lessons in the real main window, headless: the browser lists the shipped lessons, starts a
 * scenario into the Lookup workspace with the lesson's narration; broken lessons are marked with
 * file and line and leave the open trace alone; archives open; a recording saved as a lesson
 * opens again and replays the same steps with the lecturer's words.
 */
@ExtendWith(ApplicationExtension.class)
class LessonWindowTest {
    private static final Path RECURSIVE_LESSON = Path.of("lessons/02-recursive-iterative");

    private MainWindow window;

    @Start
    void start(Stage stage) {
        for (javafx.stage.Window w : List.copyOf(javafx.stage.Window.getWindows())) {
            if (w != stage) {
                w.hide();
            }
        }
        AppSettings settings = new AppSettings(Preferences.userRoot().node("resolvefx-test/lesson-window"));
        settings.clear();
        I18n.setLocale(I18n.ENGLISH);
        window = new MainWindow(stage, settings);
        window.show();
    }

    @AfterEach
    void english() throws Exception {
        // the language is global: the next test class starts in English
        WaitForAsyncUtils.asyncFx(() -> {
            I18n.setLocale(I18n.ENGLISH);
            // the lesson windows of this test's main window would sit over the next test's
            for (javafx.stage.Window w : List.copyOf(javafx.stage.Window.getWindows())) {
                if (w != window.stage()) {
                    w.hide();
                }
            }
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TraceViewModel model() {
        return window.lookupWorkspace().model();
    }

    private LessonBrowser browser() {
        return window.lessons().browser();
    }

    private static void await(Task<?> task) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, task::isDone);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private LessonEntry open(FxRobot robot, Path path) throws Exception {
        AtomicReference<Task<?>> task = new AtomicReference<>();
        robot.interact(() -> task.set(window.openFile(path)));
        await(task.get());
        AtomicReference<Object> value = new AtomicReference<>();
        robot.interact(() -> value.set(task.get().getValue()));
        return (LessonEntry) value.get();
    }

    /** Clicks the list cell that shows an item, as a person would. */
    private static <T> void clickCell(FxRobot robot, Node list, T item) {
        for (Node n : robot.from(list).lookup(".list-cell").queryAll()) {
            if (n instanceof ListCell<?> c && item.equals(c.getItem())) {
                robot.clickOn(n);
                return;
            }
        }
        throw new AssertionError("no cell shows " + item);
    }

    private void startScenario(FxRobot robot, LessonEntry entry, String scenarioId) throws Exception {
        // the shipped lessons arrive in the background and move the list: wait for them before clicking
        AtomicReference<Task<?>> shipped = new AtomicReference<>();
        robot.interact(() -> shipped.set(window.lessons().library().loadShipped()));
        await(shipped.get());
        robot.interact(() -> browser().lessonList().scrollTo(entry));
        WaitForAsyncUtils.waitForFxEvents();
        clickCell(robot, browser().lessonList(), entry);
        assertThat(browser().selected()).isEqualTo(entry);
        clickCell(robot, browser().scenarioList(), entry.lesson().orElseThrow().scenario(scenarioId).orElseThrow());
        Trace before = model().trace();
        assertThat(browser().scenarioList().getSelectionModel().getSelectedItem().id()).isEqualTo(scenarioId);
        Button start = robot.from(browser()).lookup("#lesson-start").queryAs(Button.class);
        assertThat(start.isDisable()).isFalse();
        // the Start button's own action, called rather than clicked (windows other tests leave behind may lie
        // over its screen position), so the test holds the task it starts
        AtomicReference<Task<?>> started = new AtomicReference<>();
        robot.interact(() -> started.set(browser().startSelected()));
        assertThat(started.get()).as("a scenario task for " + browser().selected() + " / "
                + browser().scenarioList().getSelectionModel().getSelectedItem()).isNotNull();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, started.get()::isDone);
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<String> outcome = new AtomicReference<>();
        robot.interact(() -> outcome.set(started.get().getState() + " " + started.get().getException()));
        assertThat(outcome.get()).as("the scenario ran").startsWith("SUCCEEDED");
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model().trace() != before && !browser().isRunning());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the scenario ran but is not on show: trace changed " + (model().trace() != before)
                    + ", browser running " + browser().isRunning() + ", status '" + browser().statusText() + "'", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String narrationAt(FxRobot robot, int step) {
        robot.interact(() -> model().jumpTo(step));
        return window.lookupWorkspace().narration().text();
    }

    private java.util.Set<TraceWorkspace.Pane> shownPanes() {
        java.util.Set<TraceWorkspace.Pane> out = java.util.EnumSet.noneOf(TraceWorkspace.Pane.class);
        for (TraceWorkspace.Pane p : TraceWorkspace.Pane.values()) {
            if (window.lookupWorkspace().isShown(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private int fxArrowCount() {
        AtomicReference<Integer> n = new AtomicReference<>();
        try {
            WaitForAsyncUtils.asyncFx(() -> n.set(model().state().arrows().size())).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return n.get();
    }

    private void stepTo(FxRobot robot, int position) {
        robot.interact(() -> model().jumpTo(position));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aStepsHintsShowItsViewsAndSelectItsFieldAndSteppingBackRestoresTheScenariosViews(FxRobot robot)
            throws Exception {
        // lesson 7, "priming": the scenario shows flow, cache and tree; step 4 (the root's answer to the
        // priming query) shows the inspector and the flow, with the additional section selected
        LessonEntry entry = open(robot, Path.of("lessons/07-root-servers"));
        startScenario(robot, entry, "priming");
        ScenarioRun expected = LessonLoader.load(Path.of("lessons/07-root-servers")).run("priming").orElseThrow();
        assertThat(expected.step(4).inspect()).isEqualTo("resolvefx.additionals");
        java.util.Set<TraceWorkspace.Pane> scenarioViews = java.util.EnumSet.of(TraceWorkspace.Pane.FLOW,
                TraceWorkspace.Pane.CACHE, TraceWorkspace.Pane.TREE);
        assertThat(shownPanes()).isEqualTo(scenarioViews);

        stepTo(robot, 3);
        assertThat(shownPanes()).isEqualTo(scenarioViews);

        stepTo(robot, 4);
        assertThat(shownPanes()).containsExactlyInAnyOrder(TraceWorkspace.Pane.INSPECTOR, TraceWorkspace.Pane.FLOW);
        AtomicReference<String> selected = new AtomicReference<>();
        AtomicReference<String> caption = new AtomicReference<>();
        robot.interact(() -> {
            var inspector = window.lookupWorkspace().inspector().primary().model();
            selected.set(inspector.selectedField() == null ? null : inspector.selectedField().id());
            caption.set(inspector.message().caption());
        });
        assertThat(selected.get()).isEqualTo("resolvefx.additionals");
        // the field is the one of step 4's message, not of the step before
        assertThat(caption.get()).startsWith("Message " + fxArrowCount() + " ");

        // back: the scenario's views again, as the lesson started
        stepTo(robot, 3);
        assertThat(shownPanes()).isEqualTo(scenarioViews);
    }

    @Test
    void theBrowserListsTheShippedLessonsAndStartsTheLecturesFigureWithTheLessonsNarration(FxRobot robot)
            throws Exception {
        robot.clickOn("#lessons-button");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.lessons().library().entries().size() >= 10);
        WaitForAsyncUtils.waitForFxEvents();
        List<LessonEntry> entries = window.lessons().library().entries();
        assertThat(entries).hasSize(10).allMatch(LessonEntry::isShipped).noneMatch(LessonEntry::isBroken);
        assertThat(entries.stream().map(e -> e.number().orElseThrow())).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        LessonEntry recursive = entries.stream()
                .filter(e -> e.title(I18n.ENGLISH).equals("Recursive and iterative resolution")).findFirst()
                .orElseThrow();

        startScenario(robot, recursive, "recursive");

        // what the lesson's own files say, read independently of the window
        ScenarioRun expected = LessonLoader.load(RECURSIVE_LESSON).run("recursive").orElseThrow();
        LessonStep step1 = expected.step(1);
        Trace t = model().trace();
        assertThat(t.source()).isEqualTo(TraceSource.LESSON);
        assertThat(t.messages()).hasSize(8);
        assertThat(window.showsLookup()).isTrue();
        assertThat(window.lessons().isBrowserShowing()).isFalse();
        assertThat(window.lookupWorkspace().isShown(TraceWorkspace.Pane.TREE)).isTrue();
        assertThat(window.lookupWorkspace().isShown(TraceWorkspace.Pane.FLOW)).isTrue();
        assertThat(window.lookupWorkspace().isShown(TraceWorkspace.Pane.INSPECTOR)).isFalse();

        // before step 1: the lesson's introduction
        assertThat(narrationAt(robot, 0)).isEqualTo(NarrationMarkdown.plain(expected.intro().en()))
                .contains("Eight messages");
        String en = narrationAt(robot, 1);
        assertThat(en).isEqualTo(NarrationMarkdown.plain(step1.markdown().en()))
                .isNotEqualTo(NarrationMarkdown.plain(step1.markdown().de()))
                .contains("stub resolver");
        robot.interact(() -> window.setLanguage(I18n.GERMAN));
        assertThat(window.lookupWorkspace().narration().text())
                .isEqualTo(NarrationMarkdown.plain(step1.markdown().de())).contains("Stub-Resolver");

        // presenter and predict mode read the session
        LessonSession session = window.lessons().session().orElseThrow();
        assertThat(session.scenario().id()).isEqualTo("recursive");
        assertThat(session.questions()).isEqualTo(expected.questions()).isNotEmpty();
        assertThat(window.lessons().notesSupplier().apply(0)).isEqualTo(expected.introNotes().de().isEmpty()
                ? expected.introNotes().en() : expected.introNotes().de()).isNotEmpty();
        assertThat(window.lessons().questions()).isEqualTo(expected.questions());
        // ... and the main window hands them on: the lesson's questions are in predict mode for this trace
        assertThat(window.classroom().predictPanel().lessonQuestionsProperty().get())
                .hasSize(org.resolvefx.core.predict.LessonQuestions.forRun(expected, "02").questions().size())
                .isNotEmpty();

        // another lookup ends the session
        robot.interact(() -> window.showLookup(window.resolver().resolveNow(
                org.resolvefx.core.trace.Question.of("www.mit.edu.", org.xbill.DNS.Type.A),
                org.resolvefx.core.trace.ResolutionMode.ITERATIVE), false));
        assertThat(window.lessons().session()).isEmpty();
        assertThat(narrationAt(robot, 0)).doesNotContain("Eight messages");
        assertThat(window.lessons().notesSupplier().apply(1)).isEmpty();
    }

    private static Path copyLesson(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    private static int lineOf(Path file, String needle) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not in " + file);
    }

    private void assertMarkedBroken(FxRobot robot, LessonEntry entry, String fileAndLine, Trace onShow) {
        assertThat(entry.isBroken()).isTrue();
        assertThat(browser().selected()).isEqualTo(entry);
        assertThat(browser().problemTexts()).anySatisfy(p -> assertThat(p).contains(fileAndLine));
        Node marker = robot.from(browser()).lookup("#lesson-broken").query();
        assertThat(marker.isVisible()).isTrue();
        assertThat(((javafx.scene.control.Label) marker).getText()).contains("cannot be started");
        assertThat(((javafx.scene.control.Label) marker).getGraphic()).isNotNull();
        Button start = robot.from(browser()).lookup("#lesson-start").queryAs(Button.class);
        assertThat(start.isDisable()).isTrue();
        assertThat(browser().startSelected()).isNull();
        // nothing that was open is lost
        assertThat(model().trace()).isSameAs(onShow);
    }

    @Test
    void aBrokenLessonIsListedWithItsProblemsFileAndLineAndTheOpenTraceStays(FxRobot robot, @TempDir Path dir)
            throws Exception {
        Trace onShow = model().trace();

        Path badJson = copyLesson(RECURSIVE_LESSON, dir.resolve("bad-json"));
        Path json = badJson.resolve("lesson.json");
        int minutesLine = lineOf(json, "\"minutes\"");
        Files.writeString(json, Files.readString(json).replace("\"minutes\": 15", "\"minutes\": \"fifteen\""));
        LessonEntry a = open(robot, badJson);
        assertMarkedBroken(robot, a, "lesson.json:" + minutesLine + ":", onShow);

        Path badZone = copyLesson(RECURSIVE_LESSON, dir.resolve("bad-zone"));
        Path zone = badZone.resolve("zones/tu-darmstadt.de.zone");
        Files.writeString(zone, Files.readString(zone) + "broken IN A not-an-address\n");
        int zoneLine = Files.readAllLines(zone).size();
        LessonEntry b = open(robot, badZone);
        assertMarkedBroken(robot, b, "zones/tu-darmstadt.de.zone:" + zoneLine + ":", onShow);

        Path badScenario = copyLesson(RECURSIVE_LESSON, dir.resolve("bad-scenario"));
        Path json3 = badScenario.resolve("lesson.json");
        Files.writeString(json3, Files.readString(json3).replace("\"messages\": 8", "\"messages\": 9"));
        LessonEntry c = open(robot, badScenario);
        assertMarkedBroken(robot, c, "lesson.json:", onShow);
        assertThat(c.loaded().problems()).anySatisfy(p -> {
            assertThat(p.line()).isPositive();
            assertThat(p.message()).contains("9");
        });

        Path notAZip = Files.writeString(dir.resolve("garbage.rfxlesson"), "this is no zip");
        LessonEntry d = open(robot, notAZip);
        assertMarkedBroken(robot, d, "garbage.rfxlesson", onShow);

        // all four are listed after the shipped ones; the list marks them with text, not colour alone
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.lessons().library().entries().size() >= 14);
        assertThat(window.lessons().library().entries()).filteredOn(LessonEntry::isBroken).hasSize(4);
        assertThat(window.showsLookup()).isTrue();
    }

    @Test
    void aLessonArchiveOpensAndStarts(FxRobot robot, @TempDir Path dir) throws Exception {
        Path archive = dir.resolve("recursive.rfxlesson");
        Files.write(archive, LessonFiles.readFolder(RECURSIVE_LESSON).toZip());
        LessonEntry entry = open(robot, archive);
        assertThat(entry.isBroken()).as(entry.loaded().problems().toString()).isFalse();
        assertThat(entry.isShipped()).isFalse();
        startScenario(robot, entry, "iterative");
        LoadedLesson expected = LessonLoader.load(archive);
        Trace want = expected.run("iterative").orElseThrow().trace();
        assertThat(model().trace().messages()).isEqualTo(want.messages());
        assertThat(narrationAt(robot, 2)).isEqualTo(want.events().get(1).narration().en());
        assertThat(window.lessons().session().orElseThrow().scenario().id()).isEqualTo("iterative");
    }

    @Test
    void theStartupLookupSavedAsALessonOpensAgainWithTheAnnotation(FxRobot robot, @TempDir Path dir)
            throws Exception {
        Trace recorded = model().trace();
        AtomicReference<SaveLessonDialog> dialog = new AtomicReference<>();
        robot.interact(() -> dialog.set(window.lessons().saveAsLesson()));
        SaveLessonDialog d = dialog.get();
        assertThat(d.steps()).hasSize(recorded.events().size());
        assertThat(d.steps().get(0).en().get()).isEqualTo(recorded.events().get(0).narration().en());

        // select step 1: the main window previews it; rewrite its narration in both languages
        robot.interact(() -> d.selectStep(1));
        assertThat(model().position()).isEqualTo(1);
        Node root = d.stage().getScene().getRoot();
        TextArea en = robot.from(root).lookup("#save-lesson-step-en").queryAs(TextArea.class);
        TextArea de = robot.from(root).lookup("#save-lesson-step-de").queryAs(TextArea.class);
        robot.clickOn(en);
        robot.interact(() -> en.setText("Our own words: the client asks its resolver."));
        robot.interact(() -> de.setText("Unsere eigenen Worte: Der Client fragt seinen Resolver."));
        // and notes for the presenter view at step 2, whose narration stays as generated
        robot.interact(() -> d.selectStep(2));
        TextArea notesEn = robot.from(root).lookup("#save-lesson-notes-en").queryAs(TextArea.class);
        TextArea notesDe = robot.from(root).lookup("#save-lesson-notes-de").queryAs(TextArea.class);
        robot.interact(() -> notesEn.setText("Ask the class who answers next."));
        robot.interact(() -> notesDe.setText("Frage die Klasse, wer als N\u00e4chstes antwortet."));
        robot.interact(() -> d.selectStep(1));
        assertThat(en.getText()).isEqualTo("Our own words: the client asks its resolver.");
        assertThat(notesEn.getText()).isEmpty();
        robot.interact(() -> robot.from(root).lookup("#save-lesson-id").queryAs(TextField.class)
                .setText("my-recording"));
        assertThat(d.steps().get(0).edited()).isTrue();
        assertThat(d.steps().get(1).edited()).isFalse();
        assertThat(d.steps().get(1).notesEn().get()).isEqualTo("Ask the class who answers next.");

        // a bad id is refused with a message, nothing written
        robot.interact(() -> robot.from(root).lookup("#save-lesson-id").queryAs(TextField.class).setText("Bad Id"));
        Path folder = dir.resolve("my-recording");
        AtomicReference<Boolean> saved = new AtomicReference<>();
        robot.interact(() -> saved.set(d.saveTo(folder)));
        assertThat(saved.get()).isFalse();
        assertThat(d.problemText()).contains("Bad Id");
        assertThat(folder).doesNotExist();

        robot.interact(() -> robot.from(root).lookup("#save-lesson-id").queryAs(TextField.class)
                .setText("my-recording"));
        robot.interact(() -> saved.set(d.saveTo(folder)));
        assertThat(saved.get()).as(d.problemText()).isTrue();
        assertThat(folder.resolve("lesson.json")).exists();

        LessonEntry entry = open(robot, folder);
        assertThat(entry.isBroken()).as(entry.loaded().problems().toString()).isFalse();
        startScenario(robot, entry, "recording");
        Trace replay = model().trace();
        assertThat(replay.messages()).isEqualTo(recorded.messages());
        assertThat(replay.events()).hasSameSizeAs(recorded.events());
        assertThat(narrationAt(robot, 1)).isEqualTo("Our own words: the client asks its resolver.");
        assertThat(narrationAt(robot, 2)).isEqualTo(recorded.events().get(1).narration().en());
        // the notes reach the presenter view's supplier, in the interface language
        assertThat(window.lessons().notesSupplier().apply(2)).isEqualTo("Ask the class who answers next.");
        assertThat(window.lessons().notesSupplier().apply(1)).isEmpty();
        robot.interact(() -> window.setLanguage(I18n.GERMAN));
        assertThat(narrationAt(robot, 1)).isEqualTo("Unsere eigenen Worte: Der Client fragt seinen Resolver.");
        assertThat(window.lessons().notesSupplier().apply(2)).isEqualTo("Frage die Klasse, wer als N\u00e4chstes antwortet.");

        // and as an archive
        robot.interact(() -> window.setLanguage(I18n.ENGLISH));
        robot.interact(() -> dialog.set(window.lessons().saveAsLesson()));
        Path archive = dir.resolve("again.rfxlesson");
        robot.interact(() -> saved.set(dialog.get().saveTo(archive)));
        assertThat(saved.get()).as(dialog.get().problemText()).isTrue();
        LoadedLesson again = LessonLoader.load(archive);
        assertThat(again.problems()).isEmpty();
        assertThat(again.runs().get(0).trace().messages()).isEqualTo(recorded.messages());
    }

    @Test
    void aFolderThatHoldsSomethingElseIsNotReplacedBySaving(FxRobot robot, @TempDir Path dir) throws Exception {
        Path precious = Files.createDirectories(dir.resolve("precious"));
        Files.writeString(precious.resolve("thesis.tex"), "do not lose me");
        AtomicReference<Boolean> saved = new AtomicReference<>();
        robot.interact(() -> saved.set(window.lessons().saveAsLesson().saveTo(precious)));
        assertThat(saved.get()).isFalse();
        assertThat(precious.resolve("thesis.tex")).hasContent("do not lose me");
    }
}
