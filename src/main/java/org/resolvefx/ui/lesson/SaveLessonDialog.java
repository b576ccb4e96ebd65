package org.resolvefx.ui.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.resolvefx.core.lesson.Bilingual;
import org.resolvefx.core.lesson.Lesson;
import org.resolvefx.core.lesson.LessonLevel;
import org.resolvefx.core.lesson.LessonLoader;
import org.resolvefx.core.lesson.LessonProblem;
import org.resolvefx.core.lesson.LessonWriter;
import org.resolvefx.core.lesson.LoadedLesson;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.ui.i18n.I18n;
import org.xbill.DNS.Type;

/**
 * "Save as lesson": records the trace on show (a sandbox or live lookup, the startup lookup, a
 * lookup from a capture) as a lesson with one scenario that replays exactly this trace. The
 * lecturer gives id, title, summary (English and German), level and minutes, and may rewrite the
 * narration of any step in both languages (prefilled with the generated sentences); selecting a
 * step moves the main window to it, so the views preview it. The lesson is checked (loaded as the
 * browser would load it) before it is written, atomically, as a folder or a .rfxlesson archive.
 *
 * <p>Why always a recording: a live run cannot be replayed by the sandbox engine (other servers,
 * other answers), and even a sandbox run replays identically only with the same world and engine;
 * a recorded trace scenario ({@code ScenarioSource.Recorded}) shows the same steps on every machine.
 */
public final class SaveLessonDialog {
    /** lesson.json's id rule. */
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    static final String SCENARIO_ID = "recording";

    private final LessonHost host;
    private final Trace trace;
    private final Consumer<Path> onSaved;
    private final Stage stage;
    private final TextField id = new TextField();
    private final TextField titleEn = new TextField();
    private final TextField titleDe = new TextField();
    private final TextArea summaryEn = new TextArea();
    private final TextArea summaryDe = new TextArea();
    private final ComboBox<LessonLevel> level = new ComboBox<>();
    private final Spinner<Integer> minutes = new Spinner<>(1, 600, 10);
    private final TableView<StepRow> steps = new TableView<>();
    private final TextArea stepEn = new TextArea();
    private final TextArea stepDe = new TextArea();
    private final TextArea notesEn = new TextArea();
    private final TextArea notesDe = new TextArea();
    private final Label preview = new Label();
    private final Label problems = new Label();
    private StepRow editing;

    /** One step of the recording, the narration the lecturer gives it and their notes for the presenter view. */
    public static final class StepRow {
        private final int step;
        private final TraceEvent event;
        private final StringProperty en;
        private final StringProperty de;
        private final StringProperty notesEn = new SimpleStringProperty("");
        private final StringProperty notesDe = new SimpleStringProperty("");

        StepRow(int step, TraceEvent event) {
            this.step = step;
            this.event = event;
            this.en = new SimpleStringProperty(event.narration().en());
            this.de = new SimpleStringProperty(event.narration().de());
        }

        public int step() {
            return step;
        }

        public StringProperty en() {
            return en;
        }

        public StringProperty de() {
            return de;
        }

        /** The lecturer's notes for this step in English (shown only in the presenter view). */
        public StringProperty notesEn() {
            return notesEn;
        }

        public StringProperty notesDe() {
            return notesDe;
        }

        /** True when the lecturer changed the generated text in either language. */
        public boolean edited() {
            return !en.get().equals(event.narration().en()) || !de.get().equals(event.narration().de());
        }

        boolean hasNotes() {
            return !notesEn.get().isBlank() || !notesDe.get().isBlank();
        }
    }

    public SaveLessonDialog(LessonHost host, Trace trace, Consumer<Path> onSaved) {
        this.host = Objects.requireNonNull(host, "host");
        this.trace = Objects.requireNonNull(trace, "trace");
        this.onSaved = Objects.requireNonNull(onSaved, "onSaved");
        prefill();
        BorderPane content = build();
        stage = LessonWindows.create(host.stage(), content, 1100, 780);
        stage.titleProperty().bind(I18n.text("lessons.save.title"));
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    public void close() {
        stage.hide();
    }

    public Stage stage() {
        return stage;
    }

    public List<StepRow> steps() {
        return List.copyOf(steps.getItems());
    }

    /** Selects a step: the editors show its texts and the main window's views move to it. */
    public void selectStep(int step) {
        steps.getSelectionModel().select(step - 1);
        steps.scrollTo(step - 1);
    }

    /** The problems shown under the form ("" when none). */
    public String problemText() {
        return problems.getText();
    }

    // ---------------------------------------------------------------- the form

    private void prefill() {
        String q = trace.question().name().toString(true) + " " + Type.string(trace.question().type());
        String mode = trace.mode().name().toLowerCase(Locale.ROOT);
        String base = (trace.question().name().toString(true) + "-" + Type.string(trace.question().type()) + "-"
                + mode).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("^-+", "");
        id.setText(base.isEmpty() ? "my-lesson" : base.length() > 64 ? base.substring(0, 64) : base);
        titleEn.setText(I18n.format(I18n.ENGLISH, "lessons.save.defaultTitle", q, mode));
        titleDe.setText(I18n.format(I18n.GERMAN, "lessons.save.defaultTitle", q, mode));
        summaryEn.setText(I18n.format(I18n.ENGLISH, "lessons.save.defaultSummary", q, mode,
                trace.messages().size()));
        summaryDe.setText(I18n.format(I18n.GERMAN, "lessons.save.defaultSummary", q, mode,
                trace.messages().size()));
        level.getItems().setAll(LessonLevel.values());
        level.setValue(LessonLevel.INTRO);
        List<StepRow> rows = new ArrayList<>();
        for (int i = 0; i < trace.events().size(); i++) {
            rows.add(new StepRow(i + 1, trace.events().get(i)));
        }
        steps.getItems().setAll(rows);
    }

    private BorderPane build() {
        id.setId("save-lesson-id");
        titleEn.setId("save-lesson-title-en");
        titleDe.setId("save-lesson-title-de");
        summaryEn.setId("save-lesson-summary-en");
        summaryDe.setId("save-lesson-summary-de");
        for (TextArea a : new TextArea[] {summaryEn, summaryDe}) {
            a.setWrapText(true);
            a.setPrefRowCount(2);
        }
        level.setId("save-lesson-level");
        level.setCellFactory(lv -> new LevelCell());
        level.setButtonCell(new LevelCell());
        minutes.setId("save-lesson-minutes");
        minutes.setEditable(true);

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fieldsEn = new ColumnConstraints();
        fieldsEn.setHgrow(Priority.ALWAYS);
        fieldsEn.setPercentWidth(45);
        ColumnConstraints fieldsDe = new ColumnConstraints();
        fieldsDe.setHgrow(Priority.ALWAYS);
        fieldsDe.setPercentWidth(45);
        form.getColumnConstraints().setAll(labels, fieldsEn, fieldsDe);
        form.add(new Label(), 0, 0);
        form.add(label("language.en"), 1, 0);
        form.add(label("language.de"), 2, 0);
        form.add(label("lessons.save.lessonTitle"), 0, 1);
        form.add(titleEn, 1, 1);
        form.add(titleDe, 2, 1);
        form.add(label("lessons.save.summary"), 0, 2);
        form.add(summaryEn, 1, 2);
        form.add(summaryDe, 2, 2);
        HBox small = new HBox(8, id, label("lessons.save.level"), level, label("lessons.save.minutes"), minutes);
        small.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(id, Priority.ALWAYS);
        form.add(label("lessons.save.id"), 0, 3);
        form.add(small, 1, 3, 2, 1);

        Label recording = new Label();
        recording.setId("save-lesson-recording");
        recording.textProperty().bind(I18n.text("lessons.save.recording", trace.events().size(),
                trace.messages().size()));
        recording.setWrapText(true);
        recording.setMinHeight(Region.USE_PREF_SIZE);
        recording.getStyleClass().add("lesson-muted");

        steps.setId("save-lesson-steps");
        TableColumn<StepRow, Number> num = new TableColumn<>("#");
        num.setCellValueFactory(c -> new javafx.beans.property.SimpleIntegerProperty(c.getValue().step()));
        num.setPrefWidth(44);
        num.setSortable(false);
        TableColumn<StepRow, String> en = new TableColumn<>();
        en.textProperty().bind(I18n.text("language.en"));
        en.setCellValueFactory(c -> c.getValue().en());
        en.setSortable(false);
        TableColumn<StepRow, String> de = new TableColumn<>();
        de.textProperty().bind(I18n.text("language.de"));
        de.setCellValueFactory(c -> c.getValue().de());
        de.setSortable(false);
        steps.getColumns().setAll(List.of(num, en, de));
        num.setMinWidth(44);
        num.setMaxWidth(60);
        // the two languages share the width; the step number keeps its own
        en.prefWidthProperty().bind(steps.widthProperty().subtract(num.widthProperty()).subtract(24).divide(2));
        de.prefWidthProperty().bind(en.prefWidthProperty());
        VBox.setVgrow(steps, Priority.ALWAYS);
        steps.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> edit(n));

        editor(stepEn, "save-lesson-step-en", 3, StepRow::en);
        editor(stepDe, "save-lesson-step-de", 3, StepRow::de);
        editor(notesEn, "save-lesson-notes-en", 2, StepRow::notesEn);
        editor(notesDe, "save-lesson-notes-de", 2, StepRow::notesDe);
        for (TextArea a : new TextArea[] {notesEn, notesDe}) {
            a.promptTextProperty().bind(I18n.text("lessons.save.notesPrompt"));
        }
        preview.setId("save-lesson-preview");
        preview.setWrapText(true);
        preview.getStyleClass().add("lesson-section");
        HBox editors = new HBox(8, stepEn, stepDe);
        HBox notesEditors = new HBox(8, notesEn, notesDe);

        problems.setId("save-lesson-problems");
        problems.getStyleClass().add("lesson-broken");
        problems.setWrapText(true);
        problems.managedProperty().bind(problems.textProperty().isNotEmpty());
        problems.visibleProperty().bind(problems.managedProperty());

        Button folder = new Button();
        folder.setId("save-lesson-folder");
        folder.textProperty().bind(I18n.text("lessons.save.asFolder"));
        folder.setOnAction(e -> chooseFolder());
        Button archive = new Button();
        archive.setId("save-lesson-archive");
        archive.textProperty().bind(I18n.text("lessons.save.asArchive"));
        archive.setDefaultButton(true);
        archive.setOnAction(e -> chooseArchive());
        Button cancel = new Button();
        cancel.setId("save-lesson-cancel");
        cancel.textProperty().bind(I18n.text("lessons.save.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, cancel, folder, archive);

        Label stepsHeader = label("lessons.save.steps");
        stepsHeader.getStyleClass().add("lesson-section");
        VBox box = new VBox(8, form, recording, stepsHeader, steps, preview, editors, label("lessons.save.notes"),
                notesEditors, problems, buttons);
        box.setPadding(new Insets(12));
        BorderPane pane = new BorderPane(box);
        pane.getStyleClass().addAll("lesson-browser", "save-lesson");
        pane.setId("save-lesson");
        pane.getStylesheets().add(Objects.requireNonNull(SaveLessonDialog.class.getResource(
                "/org/resolvefx/ui/lesson/lesson.css"), "lesson.css").toExternalForm());
        if (!steps.getItems().isEmpty()) {
            steps.getSelectionModel().select(0);
        }
        return pane;
    }

    private void edit(StepRow row) {
        editing = null;
        stepEn.setText(row == null ? "" : row.en().get());
        stepDe.setText(row == null ? "" : row.de().get());
        notesEn.setText(row == null ? "" : row.notesEn().get());
        notesDe.setText(row == null ? "" : row.notesDe().get());
        for (TextArea a : new TextArea[] {stepEn, stepDe, notesEn, notesDe}) {
            a.setDisable(row == null);
        }
        editing = row;
        if (row != null) {
            preview.setText(I18n.get("lessons.save.preview", row.step(), trace.events().size(),
                    row.event.narration().text(I18n.locale())));
            // the classroom views preview the step: the model is at the state after it
            if (host.model().trace() == trace) {
                host.model().jumpTo(row.step());
            }
        } else {
            preview.setText("");
        }
    }

    /** A text area that edits one text of the selected step. */
    private void editor(TextArea area, String id, int rows, Function<StepRow, StringProperty> text) {
        area.setId(id);
        area.setWrapText(true);
        area.setPrefRowCount(rows);
        HBox.setHgrow(area, Priority.ALWAYS);
        area.textProperty().addListener((obs, o, n) -> {
            if (editing != null) {
                text.apply(editing).set(n);
            }
        });
    }

    private static Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(I18n.text(key));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    // ---------------------------------------------------------------- building, checking, writing

    /** The lesson as the form describes it. */
    public LessonWriter.Draft draft() {
        String lessonId = id.getText().strip();
        if (!ID.matcher(lessonId).matches()) {
            throw new IllegalArgumentException(I18n.get("lessons.save.badId", lessonId));
        }
        List<LessonWriter.StepAnnotation> annotations = new ArrayList<>();
        for (StepRow r : steps.getItems()) {
            if (r.edited() || r.hasNotes()) {
                // a step with notes needs its sentence written out too (the format wants text under every
                // step heading): the generated one, where the lecturer kept it
                annotations.add(new LessonWriter.StepAnnotation(r.step(),
                        new Bilingual(r.en().get().strip(), r.de().get().strip()),
                        new Bilingual(r.notesEn().get().strip(), r.notesDe().get().strip()), null));
            }
        }
        String q = trace.question().toString() + " (" + trace.mode().name().toLowerCase(Locale.ROOT) + ")";
        return LessonWriter.recordedLesson(lessonId,
                new Bilingual(titleEn.getText().strip(), titleDe.getText().strip()),
                new Bilingual(summaryEn.getText().strip(), summaryDe.getText().strip()),
                level.getValue() == null ? LessonLevel.INTRO : level.getValue(), minutes.getValue(),
                SCENARIO_ID, new Bilingual(q, q), trace, annotations);
    }

    /** Everything wrong with the lesson as it would be saved (empty: it loads without problems). */
    public List<String> check() {
        LessonWriter.Draft d;
        try {
            d = draft();
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
        LoadedLesson loaded = LessonLoader.load(d.files());
        return loaded.problems().stream().map(LessonProblem::format).toList();
    }

    /**
     * Checks the lesson and writes it to {@code target} (a name ending in .rfxlesson gets an archive,
     * anything else a folder), atomically. A folder that exists but holds no lesson is not replaced.
     * On success the dialog closes; otherwise it shows why. Returns whether the lesson was saved.
     */
    public boolean saveTo(Path target) {
        List<String> wrong = check();
        if (!wrong.isEmpty()) {
            problems.setText(I18n.get("lessons.save.problems", String.join("\n", wrong)));
            return false;
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) && !LessonLoader.isLesson(target)
                && !isEmptyFolder(target)) {
            problems.setText(I18n.get("lessons.save.notALessonFolder", target));
            return false;
        }
        try {
            draft().writeTo(target);
        } catch (IOException | RuntimeException e) {
            problems.setText(I18n.get("save.failed", target, e.getMessage()));
            return false;
        }
        problems.setText("");
        host.status(I18n.get("lessons.save.saved", target));
        close();
        onSaved.accept(target);
        return true;
    }

    private static boolean isEmptyFolder(Path dir) {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private void chooseFolder() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(I18n.get("lessons.save.folderTitle"));
        java.io.File parent = dc.showDialog(stage);
        if (parent != null) {
            // the lesson becomes a new folder named after its id inside the chosen one
            saveTo(parent.toPath().resolve(id.getText().strip()));
        }
    }

    private void chooseArchive() {
        FileChooser fc = new FileChooser();
        fc.setTitle(I18n.get("lessons.save.archiveTitle"));
        fc.setInitialFileName(id.getText().strip() + Lesson.ARCHIVE_EXTENSION);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.get("lessons.filter"),
                LessonActions.archivePattern()));
        java.io.File f = fc.showSaveDialog(stage);
        if (f != null) {
            Path p = f.toPath();
            if (!p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(Lesson.ARCHIVE_EXTENSION)) {
                p = p.resolveSibling(p.getFileName() + Lesson.ARCHIVE_EXTENSION);
            }
            saveTo(p);
        }
    }

    private static final class LevelCell extends ListCell<LessonLevel> {
        @Override
        protected void updateItem(LessonLevel l, boolean empty) {
            super.updateItem(l, empty);
            setText(empty || l == null ? null : I18n.get("lessons.level." + l.jsonName()));
        }
    }
}
