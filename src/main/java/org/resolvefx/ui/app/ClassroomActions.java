package org.resolvefx.ui.app;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.resolvefx.core.engine.ResolverSession;
import org.resolvefx.core.lesson.LessonStep;
import org.resolvefx.core.lesson.LessonView;
import org.resolvefx.core.lesson.ScenarioRun;
import org.resolvefx.core.predict.LessonQuestions;
import org.resolvefx.core.predict.PredictQuestion;
import org.resolvefx.core.predict.TraceComparison;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceSource;
import org.resolvefx.ui.i18n.I18n;
import org.resolvefx.ui.live.LiveResolver;
import org.resolvefx.ui.predict.PredictPanel;
import org.resolvefx.ui.presenter.PresenterMode;
import org.resolvefx.ui.presenter.PresenterOptions;
import org.resolvefx.ui.trace.TraceViewModel;
import org.resolvefx.ui.whatif.WhatIfEditor;
import org.xbill.DNS.Type;

/**
 * The classroom modes in the main window: the "Classroom" menu, predict mode's card and its hold on
 * stepping forward, presenter mode (F5 starts, Esc leaves) and what-if zone editing of the sandbox
 * world. Kept out of {@link MainWindow} so the window only creates it, adds its menu and its card.
 *
 * <p>Stepping forward: every path (keys, player buttons, the player's timer, the presenter's keys) goes
 * through {@link TraceViewModel#requestStepForward()}, whose gate is predict mode's
 * {@link PredictPanel#beforeStepForward()}.
 */
public final class ClassroomActions {
    /** The question shown at start-up, asked again after a what-if change when nothing else is on show. */
    static final Question LECTURE_QUESTION = Question.of("www.p2p.tu-darmstadt.de.", Type.A);

    private final MainWindow window;
    private final TraceViewModel model;
    private final PredictPanel predict;
    private final Menu menu = new Menu();
    private final CheckMenuItem presenterItem = new CheckMenuItem();
    private final CheckMenuItem spotlightItem = new CheckMenuItem();

    private PresenterMode presenter;
    private Theme themeBefore;
    private Set<TraceWorkspace.Pane> panesBefore;

    private WhatIfEditor whatIf;
    private Stage whatIfStage;
    private TraceComparison lastComparison;

    /** The lesson's trace and what goes with it; they apply only while that trace is on show. */
    private Trace lessonTrace;
    /** The lesson's scenario as run, for its steps' hints (views, the inspector's field); null without one. */
    private ScenarioRun lessonRun;
    /** The lesson views last applied, so that only a step that names other views rearranges the window. */
    private List<LessonView> lessonViewsOnShow = List.of();
    private List<PredictQuestion> lessonQuestions = List.of();
    private IntFunction<String> lessonNotes = k -> "";

    ClassroomActions(MainWindow window) {
        this.window = Objects.requireNonNull(window, "window");
        this.model = window.lookupWorkspace().model();
        this.predict = new PredictPanel(model);
        StackPane.setAlignment(predict, Pos.TOP_RIGHT);
        // below the menu and tool bar, clear of the player bar
        StackPane.setMargin(predict, new Insets(96, 20, 0, 0));
        model.stepGateProperty().set(predict::beforeStepForward);
        // a question opening while the player plays stops it: the class answers first
        predict.questionOpenProperty().addListener((obs, o, open) -> {
            if (open) {
                window.lookupWorkspace().player().pause();
            }
        });
        model.traceProperty().addListener((obs, o, t) -> applyLesson());
        model.stateProperty().addListener((obs, o, n) -> applyStepHints());
        buildMenu();
    }

    /** Keys on the main scene: Esc leaves presenter mode (F5 is the menu item's accelerator). */
    void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            // the main window's filter runs first: an Esc that ended the black screen is used up
            if (e.getCode() == KeyCode.ESCAPE && !e.isConsumed() && isPresenting() && !window.isBlanked()) {
                stopPresenter();
                e.consume();
            }
        });
    }

    // ---------------------------------------------------------------- API

    /** The "Classroom" menu ("Unterricht"). */
    public Menu menu() {
        return menu;
    }

    /** Predict mode's card (on the main window's layers, above the views). */
    public PredictPanel predictPanel() {
        return predict;
    }

    /**
     * A lesson's scenario is on show (or about to be): its questions are asked in predict mode and its
     * presenter notes appear in the presenter view, while its trace is the one on show.
     */
    public void useLesson(ScenarioRun run, String source) {
        LessonQuestions.Mapped m = LessonQuestions.forRun(run, source);
        useLesson(run.trace(), m.questions(), position -> notesAt(run, position));
        lessonRun = run;
        // the lesson's start showed the scenario's views
        lessonViewsOnShow = run.scenario().effectiveViews();
        applyStepHints();
    }

    /** Questions and notes for one trace (a lesson's); they apply only while {@code trace} is on show. */
    public void useLesson(Trace trace, List<PredictQuestion> questions, IntFunction<String> notes) {
        lessonTrace = trace;
        lessonQuestions = List.copyOf(questions);
        lessonNotes = notes == null ? k -> "" : notes;
        applyLesson();
    }

    public boolean isPresenting() {
        return presenter != null && presenter.isRunning();
    }

    public Optional<PresenterMode> presenter() {
        return isPresenting() ? Optional.of(presenter) : Optional.empty();
    }

    /** Projector theme and full screen for the class, the presenter view for the lecturer. */
    public void startPresenter() {
        if (isPresenting()) {
            return;
        }
        Scene scene = window.scene();
        PresenterOptions options = PresenterOptions.defaults()
                .withNotes(position -> lessonTrace != null && lessonTrace == model.trace()
                        ? lessonNotes.apply(position) : "")
                .withStepping(this::stepForward, this::stepBack)
                .withBlankScreen(window.blankedProperty(), () -> window.setBlanked(!window.isBlanked()))
                .withLook(this::toProjectorLook, this::restoreLook);
        presenter = PresenterMode.start(window.stage(), scene.getRoot(), model, options);
        presenter.spotlight().onProperty().addListener((obs, o, n) -> spotlightItem.setSelected(n));
        presenter.presenterStage().ifPresent(s -> s.setOnHidden(e -> syncPresenterItems()));
        syncPresenterItems();
    }

    /** Back to the window as it was: theme, panes, size, no full screen. */
    public void stopPresenter() {
        if (presenter != null) {
            presenter.stop();
        }
        syncPresenterItems();
    }

    /**
     * Opens (or brings forward) the what-if editor on the sandbox world; the zone of the question on
     * show is selected.
     */
    public WhatIfEditor openWhatIf() {
        if (whatIf == null) {
            whatIf = new WhatIfEditor(window.resolver().world());
            whatIf.onApplyProperty().set(this::applyWorld);
        }
        whatIf.selectZoneFor(currentQuestion().name());
        if (whatIfStage == null || !whatIfStage.isShowing()) {
            whatIfStage = whatIf.openWindow(window.stage());
        } else {
            whatIfStage.toFront();
        }
        return whatIf;
    }

    public Optional<WhatIfEditor> whatIfEditor() {
        return Optional.ofNullable(whatIf);
    }

    public Optional<Stage> whatIfStage() {
        return Optional.ofNullable(whatIfStage);
    }

    /** "What changed" after the last Apply or Reset, if any. */
    public Optional<TraceComparison> lastComparison() {
        return Optional.ofNullable(lastComparison);
    }

    /**
     * Serves {@code next} from now on and resolves the current question again in it (a fresh sandbox
     * session: an empty cache), shows that lookup, and says what changed in the status bar and in the
     * editor. Both sides of the comparison are cold lookups, so a cache hit before does not count as a
     * change.
     */
    public void applyWorld(SandboxWorld next) {
        LiveResolver resolver = window.resolver();
        SandboxWorld before = resolver.world();
        Trace shown = model.trace();
        Question q = currentQuestion();
        ResolutionMode mode = shown != null && shown.source() == TraceSource.SANDBOX ? shown.mode()
                : ResolutionMode.RECURSIVE;
        Trace old;
        try (ResolverSession s = ResolverSession.sandbox(before, LiveResolver.sandboxOptions())) {
            old = s.resolve(q, mode);
        }
        resolver.replaceSandboxWorld(next);
        Trace now = resolver.resolveNow(q, mode);
        window.showResolved(now);
        lastComparison = TraceComparison.of(old, now);
        if (whatIf != null) {
            whatIf.showComparison(lastComparison);
        }
        window.status(I18n.get("whatif.compare", lastComparison.summary().text(I18n.locale())));
    }

    // ---------------------------------------------------------------- inside

    /** The sandbox question on show, else the lecture's. */
    private Question currentQuestion() {
        Trace shown = model.trace();
        return shown != null && shown.source() == TraceSource.SANDBOX ? shown.question() : LECTURE_QUESTION;
    }

    private void applyLesson() {
        Trace t = model.trace();
        predict.lessonQuestionsProperty().set(t != null && t == lessonTrace ? lessonQuestions : List.of());
    }

    /**
     * A lesson's hints for the step on show: the views it names (else the scenario's), and the field the
     * inspector selects. Stepping back to a step without a field of its own leaves the inspector's choice.
     */
    private void applyStepHints() {
        ScenarioRun run = lessonRun;
        Trace t = model.trace();
        if (run == null || t == null || t != run.trace()) {
            return;
        }
        int position = model.position();
        LessonStep step = position >= 1 && position <= run.steps().size() ? run.step(position) : null;
        List<LessonView> views = step != null ? step.views() : run.scenario().effectiveViews();
        if (!views.equals(lessonViewsOnShow)) {
            lessonViewsOnShow = views;
            window.showLessonViews(views);
        }
        String field = step == null ? null : step.inspect();
        if (field != null) {
            // after the inspector has caught up with the step's message (it follows one event later)
            Platform.runLater(() -> {
                if (model.trace() == t && model.position() == position) {
                    window.lookupWorkspace().inspector().primary().model().selectFieldById(field);
                }
            });
        }
    }

    /** Notes for the cursor position: 0 is before step 1 (the introduction's), k is step k's. */
    private static String notesAt(ScenarioRun run, int position) {
        if (position <= 0) {
            return run.introNotes().text(I18n.locale());
        }
        if (position > run.steps().size()) {
            return "";
        }
        LessonStep s = run.step(position);
        return s.notes().text(I18n.locale());
    }

    private void stepForward() {
        window.lookupWorkspace().player().pause();
        model.requestStepForward();
    }

    private void stepBack() {
        window.lookupWorkspace().player().pause();
        model.stepBack();
    }

    private void toProjectorLook() {
        themeBefore = window.theme();
        panesBefore = EnumSet.noneOf(TraceWorkspace.Pane.class);
        for (TraceWorkspace.Pane p : TraceWorkspace.Pane.values()) {
            if (window.lookupWorkspace().isShown(p)) {
                panesBefore.add(p);
            }
        }
        window.setTheme(Theme.PROJECTOR);
    }

    private void restoreLook() {
        if (themeBefore != null) {
            window.setTheme(themeBefore);
        }
        if (panesBefore != null) {
            TraceWorkspace.Layout same = null;
            for (TraceWorkspace.Layout l : TraceWorkspace.Layout.values()) {
                if (l.panes().equals(panesBefore)) {
                    same = l;
                }
            }
            if (same != null) {
                window.setLayout(same);
            } else {
                for (TraceWorkspace.Pane p : TraceWorkspace.Pane.values()) {
                    window.lookupWorkspace().setShown(p, panesBefore.contains(p));
                }
            }
        }
        syncPresenterItems();
    }

    private void syncPresenterItems() {
        boolean on = isPresenting();
        presenterItem.setSelected(on);
        spotlightItem.setDisable(!on);
        spotlightItem.setSelected(on && presenter.spotlight().isOn());
    }

    private void buildMenu() {
        menu.textProperty().bind(I18n.text("classroom.menu"));
        menu.setId("classroom-menu");

        Menu predictMenu = predict.createMenu();
        predictMenu.textProperty().unbind();
        predictMenu.textProperty().bind(I18n.text("classroom.predict"));
        predictMenu.setId("classroom-predict");
        MenuItem export = new MenuItem();
        export.textProperty().bind(I18n.text("classroom.export"));
        export.setId("classroom-export");
        export.setOnAction(e -> predict.chooseAndExport());

        presenterItem.textProperty().bind(I18n.text("classroom.presenter"));
        presenterItem.setId("classroom-presenter");
        presenterItem.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        presenterItem.setOnAction(e -> {
            if (isPresenting()) {
                stopPresenter();
            } else {
                startPresenter();
            }
        });
        spotlightItem.textProperty().bind(I18n.text("classroom.spotlight"));
        spotlightItem.setId("classroom-spotlight");
        spotlightItem.setDisable(true);
        // no accelerator: presenter mode already takes S on the projected view
        spotlightItem.setOnAction(e -> {
            if (isPresenting()) {
                presenter.spotlight().setOn(spotlightItem.isSelected());
            } else {
                spotlightItem.setSelected(false);
            }
        });

        MenuItem edit = new MenuItem();
        edit.textProperty().bind(I18n.text("classroom.whatif"));
        edit.setId("classroom-whatif");
        edit.setOnAction(e -> openWhatIf());

        menu.getItems().addAll(predictMenu, export, new SeparatorMenuItem(), presenterItem, spotlightItem,
                new SeparatorMenuItem(), edit);
    }
}
