package org.resolvefx.ui.predict;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.event.EventHandler;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.resolvefx.core.playback.PlaybackState;
import org.resolvefx.core.predict.Attempt;
import org.resolvefx.core.predict.Origin;
import org.resolvefx.core.predict.PredictQuestion;
import org.resolvefx.core.predict.PredictReport;
import org.resolvefx.core.predict.PredictScore;
import org.resolvefx.core.predict.PredictStyle;
import org.resolvefx.core.predict.QuestionKind;
import org.resolvefx.core.predict.QuestionSet;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.ui.common.Icons;
import org.resolvefx.ui.i18n.I18n;
import org.resolvefx.ui.trace.TraceViewModel;

/**
 * Predict-the-next-step mode: a card over the classroom views that asks about the coming step before
 * it is shown. It follows a {@link TraceViewModel}; whenever the cursor arrives at a position whose
 * next step has unanswered questions, the first one opens.
 *
 * <p><b>Hook.</b> Whoever steps forward on a key or button calls {@link #beforeStepForward()} first
 * and steps only when it returns true:
 * <pre>{@code if (predict.beforeStepForward()) model.stepForward();}</pre>
 * While a question is open it returns false and moves the question on instead: in {@link PredictStyle#CLASS}
 * the first press reveals the answer (the class has shouted its prediction), the next goes to the next
 * question or lets the step happen; in {@link PredictStyle#SELF_STUDY} the student must click a choice
 * (or skip) first. The card's own buttons and keys (1–8 choose, Enter reveals or continues) do the same
 * and step through {@link #onStepProperty()}. A step that bypasses the hook (the player's timer) closes
 * the question without recording it; it is asked again when the cursor comes back.
 */
public final class PredictPanel extends VBox {

    private final TraceViewModel model;
    private final ObjectProperty<PredictStyle> style = new SimpleObjectProperty<>(PredictStyle.CLASS);
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<Set<QuestionKind>> kinds = new SimpleObjectProperty<>(QuestionKind.defaults());
    private final ObjectProperty<List<PredictQuestion>> lessonQuestions = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<Runnable> onStep;
    private final ReadOnlyBooleanWrapper questionOpen = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper summaryShown = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<Attempt> attempts = FXCollections.observableArrayList();
    /** Resolved questions (answer shown), in the order they were resolved. */
    private final Map<PredictQuestion, Attempt> resolved = new LinkedHashMap<>();

    private QuestionSet questions = QuestionSet.empty();
    private Trace questionsFor;
    private PredictQuestion current;
    private int chosen = Attempt.NO_ANSWER;
    private boolean revealed;
    private boolean summaryDismissed;
    private String status = "";

    // the card
    private final Label title = new Label();
    private final Label where = new Label();
    private final Label scoreLabel = new Label();
    private final Label fromLesson = new Label();
    private final Label prompt = new Label();
    private final VBox choices = new VBox();
    private final Label verdict = new Label();
    private final Label explanation = new Label();
    private final Label hint = new Label();
    private final Button skip = new Button();
    private final Button primary = new Button();
    private final VBox questionBox = new VBox();
    // the summary at the end
    private final Label summaryTitle = new Label();
    private final Label summaryScore = new Label();
    private final Label summaryStatus = new Label();
    private final Button export = new Button();
    private final Button restart = new Button();
    private final Button close = new Button();
    private final VBox summaryBox = new VBox();

    private final EventHandler<KeyEvent> keys = this::onKey;

    public PredictPanel(TraceViewModel model) {
        this.model = Objects.requireNonNull(model, "model");
        this.onStep = new SimpleObjectProperty<>(model::stepForward);
        getStyleClass().add("predict-panel");
        setId("predict-panel");
        getStylesheets().add(Objects.requireNonNull(PredictPanel.class.getResource(
                "/org/resolvefx/ui/predict/predict.css")).toExternalForm());
        setFillWidth(true);
        setMaxHeight(Region.USE_PREF_SIZE);
        setMaxWidth(Region.USE_PREF_SIZE);
        buildCard();
        buildSummary();
        getChildren().setAll(questionBox);
        setVisible(false);
        managedProperty().bind(visibleProperty());

        model.stateProperty().addListener((obs, o, n) -> onCursor());
        style.addListener((obs, o, n) -> render());
        active.addListener((obs, o, n) -> onCursor());
        kinds.addListener((obs, o, n) -> rebuild(true));
        lessonQuestions.addListener((obs, o, n) -> rebuild(true));
        I18n.onLocaleChange(this, this::render);
        attempts.addListener((javafx.collections.ListChangeListener<Attempt>) c -> render());
        sceneProperty().addListener((obs, o, n) -> {
            if (o != null) {
                o.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
            if (n != null) {
                n.addEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
        });
        onCursor();
    }

    // ------------------------------------------------------------------ settings

    /** Class (the lecturer reveals) or self-study (the student clicks). */
    public ObjectProperty<PredictStyle> predictStyleProperty() {
        return style;
    }

    public void setPredictStyle(PredictStyle s) {
        style.set(Objects.requireNonNull(s));
    }

    /** Predict mode on or off; off, {@link #beforeStepForward()} always allows the step. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public boolean isActive() {
        return active.get();
    }

    public void setActive(boolean on) {
        active.set(on);
    }

    /** Turns the mode on in the given style (the usual menu action). */
    public void start(PredictStyle s) {
        setPredictStyle(s);
        setActive(true);
    }

    /** The generated kinds to ask; lesson questions are always asked. */
    public ObjectProperty<Set<QuestionKind>> kindsProperty() {
        return kinds;
    }

    /**
     * Questions a lesson wrote for the open trace. Where a lesson asks about a step, the generated
     * questions of that step are left out (the author chose what to ask there).
     */
    public ObjectProperty<List<PredictQuestion>> lessonQuestionsProperty() {
        return lessonQuestions;
    }

    /** What "show the step" does after the last question of a step; by default {@code model.stepForward()}. */
    public ObjectProperty<Runnable> onStepProperty() {
        return onStep;
    }

    /** True while a question is on screen (pause a playing player then). */
    public ReadOnlyBooleanProperty questionOpenProperty() {
        return questionOpen.getReadOnlyProperty();
    }

    public boolean isQuestionOpen() {
        return questionOpen.get();
    }

    /** True while the score at the end is on screen. */
    public ReadOnlyBooleanProperty summaryShownProperty() {
        return summaryShown.getReadOnlyProperty();
    }

    /** Every question whose answer was shown, in order. */
    public ObservableList<Attempt> attempts() {
        return FXCollections.unmodifiableObservableList(attempts);
    }

    public PredictScore score() {
        return PredictScore.of(attempts);
    }

    /** The questions of the open trace as filtered now. */
    public QuestionSet questions() {
        return questions;
    }

    /** The question on screen, if any. */
    public PredictQuestion currentQuestion() {
        return current;
    }

    public boolean isRevealed() {
        return revealed;
    }

    // ------------------------------------------------------------------ the hook and the actions

    /**
     * Call before stepping forward; step only when this returns true. With a question open it moves
     * the question on (reveal, next question) and returns false; it returns true once every question
     * about the coming step has been answered or revealed (the card closes then).
     */
    public boolean beforeStepForward() {
        if (!active.get() || !model.hasTrace()) {
            return true;
        }
        if (summaryShown.get()) {
            return true;
        }
        if (current == null) {
            List<PredictQuestion> open = unresolvedAt(model.position());
            if (open.isEmpty()) {
                return true;
            }
            show(open.get(0));
            return false;
        }
        if (!revealed) {
            revealOrAskForAnAnswer();
            return false;
        }
        return !advance();
    }

    /** Records a choice (the student's, or the class's in class mode) and shows whether it is right. */
    public void choose(int index) {
        if (current == null || revealed || index < 0 || index >= current.choices().size()) {
            return;
        }
        chosen = index;
        reveal();
    }

    /** Shows the answer without a choice (class mode) or gives up on the question (skip in self-study). */
    public void reveal() {
        if (current == null || revealed) {
            return;
        }
        revealed = true;
        status = "";
        Attempt a = new Attempt(current, chosen);
        resolved.put(current, a);
        attempts.add(a);
        render();
    }

    /** Moving on from an unrevealed question: class mode reveals it, self-study asks for an answer first. */
    private void revealOrAskForAnAnswer() {
        if (style.get() == PredictStyle.CLASS) {
            reveal();
        } else {
            status = I18n.get("predict.answerFirst", current.choices().size());
            render();
        }
    }

    /** Enter or the card's main button: reveal (class mode), then the next question, then the step. */
    public void proceed() {
        if (current == null) {
            return;
        }
        if (!revealed) {
            revealOrAskForAnAnswer();
            return;
        }
        if (!advance()) {
            onStep.get().run();
        }
    }

    /** Forgets every answer (a new class, a new attempt). */
    public void resetAnswers() {
        resolved.clear();
        attempts.clear();
        summaryDismissed = false;
        close();
        onCursor();
    }

    /** Writes the report of this session (Markdown, or HTML for *.html) atomically. */
    public void writeReport(Path file) throws IOException {
        Trace t = model.trace();
        String title = t == null ? "" : t.title();
        PredictReport.write(file, new PredictReport.Header(title, style.get(), ZonedDateTime.now()),
                List.copyOf(attempts), I18n.locale());
    }

    /**
     * Shows the next unresolved question at this position; false when there is none (the card closes).
     */
    private boolean advance() {
        List<PredictQuestion> open = unresolvedAt(model.position());
        if (open.isEmpty()) {
            close();
            return false;
        }
        show(open.get(0));
        return true;
    }

    // ------------------------------------------------------------------ following the cursor

    private void rebuild(boolean force) {
        Trace t = model.trace();
        if (t == null) {
            questions = QuestionSet.empty();
            questionsFor = null;
            return;
        }
        if (!force && t == questionsFor) {
            return;
        }
        questionsFor = t;
        QuestionSet set = QuestionSet.generated(t).onlyKinds(kinds.get() == null ? Set.of() : kinds.get());
        List<PredictQuestion> authored = lessonQuestions.get() == null ? List.of() : lessonQuestions.get();
        if (!authored.isEmpty()) {
            set = set.plus(authored).withoutGeneratedWhereAuthored();
        }
        questions = set.within(t.events().size());
        if (force) {
            onCursor();
        }
    }

    private List<PredictQuestion> unresolvedAt(int position) {
        List<PredictQuestion> out = new ArrayList<>();
        for (PredictQuestion q : questions.askedAt(position)) {
            if (!resolved.containsKey(q)) {
                out.add(q);
            }
        }
        return out;
    }

    private void onCursor() {
        if (model.lastMoveProperty().get() == TraceViewModel.Move.LOAD && model.trace() != questionsFor) {
            resolved.clear();
            attempts.clear();
            summaryDismissed = false;
        }
        rebuild(false);
        PlaybackState s = model.state();
        if (!active.get() || s == null) {
            close();
            return;
        }
        if (current != null && current.askedAtPosition() == s.position()
                && questions.askedAt(s.position()).contains(current)) {
            render();
            return;
        }
        close();
        if (model.lastMoveProperty().get() != TraceViewModel.Move.GROW) {
            List<PredictQuestion> open = unresolvedAt(s.position());
            if (!open.isEmpty()) {
                show(open.get(0));
                return;
            }
        }
        if (s.isFinished() && !attempts.isEmpty() && !summaryDismissed) {
            showSummary();
        }
    }

    private void show(PredictQuestion q) {
        current = q;
        chosen = Attempt.NO_ANSWER;
        revealed = false;
        status = "";
        summaryShown.set(false);
        getChildren().setAll(questionBox);
        setVisible(true);
        questionOpen.set(true);
        render();
    }

    private void close() {
        current = null;
        revealed = false;
        chosen = Attempt.NO_ANSWER;
        status = "";
        questionOpen.set(false);
        summaryShown.set(false);
        setVisible(false);
    }

    private void showSummary() {
        current = null;
        questionOpen.set(false);
        summaryShown.set(true);
        summaryStatus.setText("");
        getChildren().setAll(summaryBox);
        setVisible(true);
        render();
    }

    // ------------------------------------------------------------------ keys

    private void onKey(KeyEvent e) {
        if (!isVisible() || e.isShortcutDown() || e.isAltDown()
                || e.getTarget() instanceof javafx.scene.control.TextInputControl) {
            return;
        }
        if (current != null) {
            int digit = digit(e.getCode());
            if (digit >= 1 && digit <= current.choices().size()) {
                choose(digit - 1);
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                proceed();
                e.consume();
            }
        } else if (summaryShown.get() && e.getCode() == KeyCode.ENTER) {
            dismissSummary();
            e.consume();
        }
    }

    private static int digit(KeyCode c) {
        if (c.isDigitKey()) {
            String n = c.getName();
            char last = n.charAt(n.length() - 1);
            return Character.isDigit(last) ? last - '0' : -1;
        }
        return -1;
    }

    private void dismissSummary() {
        summaryDismissed = true;
        close();
    }

    // ------------------------------------------------------------------ drawing

    private void buildCard() {
        questionBox.getStyleClass().add("predict-card");
        FontIcon icon = Icons.icon("mdi2l-lightbulb-on-outline", title.fontProperty(), 1.2);
        icon.getStyleClass().add("predict-title-icon");
        title.setGraphic(icon);
        title.getStyleClass().add("predict-title");
        title.setId("predict-title");
        where.getStyleClass().add("predict-where");
        where.setId("predict-where");
        scoreLabel.getStyleClass().add("predict-score");
        scoreLabel.setId("predict-score");
        scoreLabel.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(title, spacer, scoreLabel);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("predict-header");
        fromLesson.getStyleClass().add("predict-lesson");
        fromLesson.setId("predict-lesson");
        fromLesson.managedProperty().bind(fromLesson.visibleProperty());
        prompt.getStyleClass().add("predict-prompt");
        prompt.setId("predict-prompt");
        prompt.setWrapText(true);
        prompt.setMinHeight(Region.USE_PREF_SIZE);
        choices.getStyleClass().add("predict-choices");
        choices.setId("predict-choices");
        verdict.getStyleClass().add("predict-verdict");
        verdict.setId("predict-verdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        verdict.managedProperty().bind(verdict.visibleProperty());
        explanation.getStyleClass().add("predict-explanation");
        explanation.setId("predict-explanation");
        explanation.setWrapText(true);
        explanation.setMinHeight(Region.USE_PREF_SIZE);
        explanation.managedProperty().bind(explanation.visibleProperty());
        hint.getStyleClass().add("predict-hint");
        hint.setId("predict-hint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        skip.getStyleClass().addAll("predict-skip", "flat");
        skip.setId("predict-skip");
        skip.setFocusTraversable(false);
        skip.setOnAction(e -> reveal());
        skip.managedProperty().bind(skip.visibleProperty());
        primary.getStyleClass().addAll("predict-primary", "accent");
        primary.setId("predict-primary");
        primary.setFocusTraversable(false);
        primary.setOnAction(e -> proceed());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(hint, gap, skip, primary);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.getStyleClass().add("predict-buttons");
        HBox.setHgrow(hint, Priority.SOMETIMES);
        questionBox.getChildren().setAll(header, where, fromLesson, prompt, choices, verdict, explanation, buttons);
    }

    private void buildSummary() {
        summaryBox.getStyleClass().addAll("predict-card", "predict-summary");
        summaryBox.setId("predict-summary");
        FontIcon icon = Icons.icon("mdi2c-check-circle", summaryTitle.fontProperty(), 1.2);
        icon.getStyleClass().add("predict-title-icon");
        summaryTitle.setGraphic(icon);
        summaryTitle.getStyleClass().add("predict-title");
        summaryScore.getStyleClass().add("predict-final-score");
        summaryScore.setId("predict-final-score");
        summaryScore.setWrapText(true);
        summaryStatus.getStyleClass().add("predict-hint");
        summaryStatus.setId("predict-summary-status");
        summaryStatus.setWrapText(true);
        summaryStatus.setMinHeight(Region.USE_PREF_SIZE);
        export.setId("predict-export");
        export.getStyleClass().add("accent");
        export.setFocusTraversable(false);
        export.setGraphic(Icons.icon("mdi2f-file-export-outline", summaryScore.fontProperty(), 1.0));
        export.setOnAction(e -> chooseAndExport());
        restart.setId("predict-restart");
        restart.setFocusTraversable(false);
        restart.setOnAction(e -> {
            resetAnswers();
            model.toStart();
        });
        close.setId("predict-close");
        close.getStyleClass().add("flat");
        close.setFocusTraversable(false);
        close.setOnAction(e -> dismissSummary());
        HBox buttons = new HBox(export, restart, close);
        buttons.getStyleClass().add("predict-buttons");
        buttons.setAlignment(Pos.CENTER_RIGHT);
        summaryBox.getChildren().setAll(summaryTitle, summaryScore, summaryStatus, buttons);
    }

    private void render() {
        PredictScore sc = score();
        scoreLabel.setText(sc.asked() == 0 ? "" : I18n.get("predict.score", sc.correct(), sc.asked()));
        title.setText(I18n.get("predict.title"));
        summaryTitle.setText(I18n.get("predict.done"));
        summaryScore.setText(I18n.get("predict.final", sc.correct(), sc.asked(), sc.percent()));
        export.setText(I18n.get("predict.export"));
        restart.setText(I18n.get("predict.restart"));
        close.setText(I18n.get("predict.close"));
        if (current == null) {
            return;
        }
        Locale l = I18n.locale();
        PredictQuestion q = current;
        List<PredictQuestion> here = questions.askedAt(q.askedAtPosition());
        int index = Math.max(0, here.indexOf(q));
        String counter = here.size() > 1 ? " \u00b7 " + I18n.get("predict.counter", index + 1, here.size()) : "";
        where.setText(I18n.get("predict.before", q.step(), model.length()) + counter);
        fromLesson.setVisible(q.origin() instanceof Origin.Authored);
        fromLesson.setText(I18n.get("predict.lesson"));
        prompt.setText(q.prompt().text(l));

        List<javafx.scene.Node> rows = new ArrayList<>();
        for (int i = 0; i < q.choices().size(); i++) {
            rows.add(choiceRow(q, i, l));
        }
        choices.getChildren().setAll(rows);

        verdict.getStyleClass().removeAll("predict-verdict-right", "predict-verdict-wrong", "predict-verdict-shown");
        if (revealed) {
            String answer = q.correctChoice().text(l);
            if (chosen == Attempt.NO_ANSWER) {
                verdict.setText(I18n.get(style.get() == PredictStyle.CLASS ? "predict.revealed" : "predict.skipped",
                        answer));
                verdict.getStyleClass().add("predict-verdict-shown");
                verdict.setGraphic(Icons.icon("mdi2e-eye-outline", verdict.fontProperty(), 1.1));
            } else if (chosen == q.correct()) {
                verdict.setText(I18n.get("predict.right"));
                verdict.getStyleClass().add("predict-verdict-right");
                verdict.setGraphic(Icons.icon("mdi2c-check-circle", verdict.fontProperty(), 1.1));
            } else {
                verdict.setText(I18n.get("predict.wrong", answer));
                verdict.getStyleClass().add("predict-verdict-wrong");
                verdict.setGraphic(Icons.icon("mdi2c-close-circle", verdict.fontProperty(), 1.1));
            }
            explanation.setText(q.explanation().text(l));
        }
        verdict.setVisible(revealed);
        explanation.setVisible(revealed);

        boolean classMode = style.get() == PredictStyle.CLASS;
        skip.setVisible(!revealed && !classMode);
        skip.setText(I18n.get("predict.skip"));
        if (!revealed) {
            primary.setText(I18n.get("predict.reveal") + "  \u23ce");
            primary.setDisable(!classMode);
            primary.setVisible(classMode);
        } else {
            boolean more = unresolvedAt(q.askedAtPosition()).size() > 0;
            primary.setText(I18n.get(more ? "predict.next" : "predict.show") + "  \u23ce");
            primary.setDisable(false);
            primary.setVisible(true);
        }
        primary.managedProperty().bind(primary.visibleProperty());
        if (!status.isEmpty()) {
            hint.setText(status);
            hint.getStyleClass().add("predict-hint-warning");
        } else {
            hint.getStyleClass().remove("predict-hint-warning");
            hint.setText(revealed ? "" : classMode ? I18n.get("predict.classHint")
                    : I18n.get("predict.selfHint", q.choices().size()));
        }
    }

    /**
     * One choice as a clickable row (not a Button: a Button sizes a wrapping graphic badly): its
     * number (the key that chooses it), the text, and after the answer is shown a check or a cross.
     */
    private HBox choiceRow(PredictQuestion q, int i, Locale l) {
        Label number = new Label(Integer.toString(i + 1));
        number.getStyleClass().add("predict-choice-number");
        number.setMinWidth(Region.USE_PREF_SIZE);
        Label text = new Label(q.choices().get(i).text(l));
        text.getStyleClass().add("predict-choice-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(number, text);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("predict-choice");
        row.setId("predict-choice-" + (i + 1));
        row.setMaxWidth(Double.MAX_VALUE);
        row.setMinHeight(Region.USE_PREF_SIZE);
        if (revealed) {
            if (i == q.correct()) {
                FontIcon ok = Icons.icon("mdi2c-check-circle", text.fontProperty(), 1.15);
                ok.getStyleClass().add("predict-mark-right");
                row.getChildren().add(ok);
                row.getStyleClass().add("predict-choice-correct");
            } else if (i == chosen) {
                FontIcon no = Icons.icon("mdi2c-close-circle", text.fontProperty(), 1.15);
                no.getStyleClass().add("predict-mark-wrong");
                row.getChildren().add(no);
                row.getStyleClass().add("predict-choice-wrong");
            } else {
                row.getStyleClass().add("predict-choice-other");
            }
        } else {
            row.getStyleClass().add("predict-choice-open");
            row.setOnMouseClicked(e -> choose(i));
        }
        return row;
    }

    /** Asks for a file (Markdown or HTML) and writes the report there: the menu's "Export score report...". */
    public void chooseAndExport() {
        FileChooser fc = new FileChooser();
        fc.setTitle(I18n.get("predict.export.title"));
        fc.setInitialFileName("predict-report.md");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(I18n.get("predict.export.markdown"), "*.md"),
                new FileChooser.ExtensionFilter(I18n.get("predict.export.html"), "*.html"));
        Window owner = getScene() == null ? null : getScene().getWindow();
        java.io.File f = fc.showSaveDialog(owner);
        if (f != null) {
            exportTo(f.toPath());
        }
    }

    /** Writes the report and says so on the card (the export button's action, without the file dialog). */
    public void exportTo(Path file) {
        try {
            writeReport(file);
            summaryStatus.setText(I18n.get("predict.saved", file));
        } catch (IOException | RuntimeException e) {
            summaryStatus.setText(I18n.get("predict.saveFailed", e.getMessage()));
        }
    }

    /** The status line under the score at the end ("Report saved: ..."), for tests. */
    public String summaryStatus() {
        return summaryStatus.getText();
    }

    // ------------------------------------------------------------------ menu

    /**
     * A "Predict" menu for the main window: off / class / self-study, the kinds of questions, start over
     * and export. The items follow this panel's state.
     */
    public Menu createMenu() {
        Menu menu = new Menu();
        menu.textProperty().bind(I18n.text("predict.menu"));
        menu.setId("predict-menu");
        ToggleGroup group = new ToggleGroup();
        RadioMenuItem off = radio("predict.mode.off", group, "predict-mode-off");
        off.setOnAction(e -> setActive(false));
        RadioMenuItem classItem = radio("predict.mode.class", group, "predict-mode-class");
        classItem.setOnAction(e -> start(PredictStyle.CLASS));
        RadioMenuItem self = radio("predict.mode.selfStudy", group, "predict-mode-self");
        self.setOnAction(e -> start(PredictStyle.SELF_STUDY));
        Runnable sync = () -> {
            RadioMenuItem selected = !active.get() ? off : style.get() == PredictStyle.CLASS ? classItem : self;
            selected.setSelected(true);
        };
        active.addListener((obs, o, n) -> sync.run());
        style.addListener((obs, o, n) -> sync.run());
        sync.run();
        Menu kindMenu = new Menu();
        kindMenu.textProperty().bind(I18n.text("predict.kinds"));
        for (QuestionKind k : QuestionKind.values()) {
            CheckMenuItem ci = new CheckMenuItem();
            ci.textProperty().bind(I18n.text("predict.kind." + k.name()));
            ci.setId("predict-kind-" + k.name().toLowerCase(Locale.ROOT));
            ci.setSelected(kinds.get().contains(k));
            ci.setOnAction(e -> {
                Set<QuestionKind> now = kinds.get().isEmpty() ? EnumSet.noneOf(QuestionKind.class)
                        : EnumSet.copyOf(kinds.get());
                if (ci.isSelected()) {
                    now.add(k);
                } else {
                    now.remove(k);
                }
                kinds.set(Set.copyOf(now));
            });
            kinds.addListener((obs, o, n) -> ci.setSelected(n.contains(k)));
            kindMenu.getItems().add(ci);
        }
        MenuItem reset = new MenuItem();
        reset.textProperty().bind(I18n.text("predict.reset"));
        reset.setOnAction(e -> resetAnswers());
        MenuItem exportItem = new MenuItem();
        exportItem.textProperty().bind(I18n.text("predict.export"));
        exportItem.setOnAction(e -> chooseAndExport());
        menu.getItems().addAll(off, classItem, self, new SeparatorMenuItem(), kindMenu, new SeparatorMenuItem(),
                reset, exportItem);
        return menu;
    }

    private static RadioMenuItem radio(String key, ToggleGroup group, String id) {
        RadioMenuItem r = new RadioMenuItem();
        r.textProperty().bind(I18n.text(key));
        r.setToggleGroup(group);
        r.setId(id);
        return r;
    }

    /** The scene this panel's keys listen on (for tests). */
    Scene keyScene() {
        return getScene();
    }
}
