package org.resolvefx.ui.lesson;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.resolvefx.core.lesson.Lesson;
import org.resolvefx.core.lesson.LessonProblem;
import org.resolvefx.core.lesson.LessonScenario;
import org.resolvefx.core.lesson.ScenarioSource;
import org.resolvefx.ui.i18n.I18n;

/**
 * The lesson browser: every lesson (number, title, summary, level, minutes, languages) in the
 * interface language, a broken one marked with an icon and text and its problems (file and line);
 * picking a lesson lists its scenarios (question and mode), and Start (or a double click, or Enter)
 * runs the chosen scenario into the Lookup workspace.
 */
public final class LessonBrowser extends BorderPane {

    /** Starts a scenario (off the JavaFX thread); the browser shows progress and can cancel it. */
    @FunctionalInterface
    public interface Starter {
        Task<?> start(LessonEntry lesson, LessonScenario scenario);
    }

    private final ListView<LessonEntry> lessons;
    private final ListView<LessonScenario> scenarios = new ListView<>();
    private final Label title = new Label();
    private final Label meta = new Label();
    private final Label summary = new Label();
    private final Label brokenHeader = new Label();
    private final ListView<String> problems = new ListView<>();
    private final VBox problemBox;
    private final Label scenariosHeader = new Label();
    private final Button start = new Button();
    private final Button cancel = new Button();
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Label status = new Label();
    private final Button openArchive = new Button();
    private final Button openFolder = new Button();
    private final ObjectProperty<Task<?>> running = new SimpleObjectProperty<>();
    private Starter starter = (l, s) -> null;
    private LessonEntry lastSelected;

    public LessonBrowser(LessonLibrary library) {
        getStyleClass().add("lesson-browser");
        setId("lesson-browser");
        getStylesheets().add(Objects.requireNonNull(LessonBrowser.class.getResource(
                "/org/resolvefx/ui/lesson/lesson.css"), "lesson.css").toExternalForm());

        Label heading = new Label();
        heading.textProperty().bind(I18n.text("lessons.browser.heading"));
        heading.getStyleClass().add("lesson-browser-heading");
        Label hint = new Label();
        hint.textProperty().bind(I18n.text("lessons.browser.hint"));
        hint.getStyleClass().add("lesson-muted");
        hint.setWrapText(true);
        VBox top = new VBox(4, heading, hint);
        top.getStyleClass().add("lesson-browser-top");
        setTop(top);

        lessons = new ListView<>(library.entries());
        lessons.setId("lesson-list");
        lessons.setCellFactory(lv -> new LessonCell());
        Label loading = new Label();
        loading.textProperty().bind(I18n.text("lessons.browser.loading"));
        lessons.setPlaceholder(loading);
        lessons.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> showLesson(n));

        title.setId("lesson-title");
        title.getStyleClass().add("lesson-title");
        title.setWrapText(true);
        meta.setId("lesson-meta");
        meta.getStyleClass().add("lesson-muted");
        summary.setId("lesson-summary");
        summary.setWrapText(true);
        brokenHeader.setId("lesson-broken");
        brokenHeader.getStyleClass().add("lesson-broken");
        brokenHeader.setGraphic(new FontIcon("mdi2a-alert-circle"));
        brokenHeader.setWrapText(true);
        problems.setId("lesson-problems");
        problems.getStyleClass().add("lesson-problems");
        problems.setPrefHeight(140);
        problemBox = new VBox(4, brokenHeader, problems);
        problemBox.managedProperty().bind(problemBox.visibleProperty());
        scenariosHeader.textProperty().bind(I18n.text("lessons.browser.scenarios"));
        scenariosHeader.getStyleClass().add("lesson-section");
        scenarios.setId("lesson-scenarios");
        scenarios.setCellFactory(lv -> new ScenarioCell());
        scenarios.setPrefHeight(160);
        scenarios.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                startSelected();
            }
        });
        scenarios.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                startSelected();
                e.consume();
            }
        });
        VBox.setVgrow(scenarios, Priority.ALWAYS);

        start.setId("lesson-start");
        start.textProperty().bind(I18n.text("lessons.browser.start"));
        start.setGraphic(new FontIcon("mdi2p-play"));
        start.setDefaultButton(true);
        start.setOnAction(e -> startSelected());
        cancel.setId("lesson-cancel");
        cancel.textProperty().bind(I18n.text("status.cancel"));
        cancel.setOnAction(e -> cancelRunning());
        cancel.visibleProperty().bind(running.isNotNull());
        cancel.managedProperty().bind(cancel.visibleProperty());
        progress.visibleProperty().bind(running.isNotNull());
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setPrefSize(22, 22);
        status.setId("lesson-browser-status");
        status.setWrapText(true);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox actions = new HBox(8, start, cancel, progress, status);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox details = new VBox(8, title, meta, summary, problemBox, scenariosHeader, scenarios, actions);
        details.setId("lesson-details");
        details.getStyleClass().add("lesson-details");
        details.setMinWidth(0);
        SplitPane split = new SplitPane(lessons, details);
        split.setDividerPositions(0.45);
        setCenter(split);

        openArchive.setId("lesson-open");
        openArchive.textProperty().bind(I18n.text("lessons.menu.open"));
        openFolder.setId("lesson-open-folder");
        openFolder.textProperty().bind(I18n.text("lessons.menu.openFolder"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bottom = new HBox(8, spacer, openArchive, openFolder);
        bottom.getStyleClass().add("lesson-browser-bottom");
        setBottom(bottom);

        scenarios.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> updateStart());
        running.addListener((obs, o, n) -> updateStart());
        I18n.onLocaleChange(this, () -> {
            lessons.refresh();
            scenarios.refresh();
            showLesson(selected());
        });
        lessons.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> {
            if (n != null) {
                lastSelected = n;
            }
        });
        // the list is replaced when the shipped lessons arrive or a lesson is opened: keep the choice
        library.entries().addListener((javafx.collections.ListChangeListener<LessonEntry>) c -> {
            if (selected() == null && !library.entries().isEmpty()) {
                if (lastSelected != null && library.entries().contains(lastSelected)) {
                    select(lastSelected);
                } else {
                    lessons.getSelectionModel().select(0);
                }
            }
        });
        showLesson(null);
    }

    public void setStarter(Starter starter) {
        this.starter = Objects.requireNonNull(starter);
    }

    public void setOnOpenArchive(Runnable r) {
        openArchive.setOnAction(e -> r.run());
    }

    public void setOnOpenFolder(Runnable r) {
        openFolder.setOnAction(e -> r.run());
    }

    public ListView<LessonEntry> lessonList() {
        return lessons;
    }

    public ListView<LessonScenario> scenarioList() {
        return scenarios;
    }

    public LessonEntry selected() {
        return lessons.getSelectionModel().getSelectedItem();
    }

    /** Selects a lesson (and its first scenario). */
    public void select(LessonEntry entry) {
        lessons.getSelectionModel().select(entry);
        lessons.scrollTo(entry);
    }

    /** Selects a scenario of the selected lesson by id; false if it has none of that id. */
    public boolean selectScenario(String id) {
        for (LessonScenario s : scenarios.getItems()) {
            if (s.id().equals(id)) {
                scenarios.getSelectionModel().select(s);
                return true;
            }
        }
        return false;
    }

    /** The problems as listed ("file:line: message"). */
    public List<String> problemTexts() {
        return List.copyOf(problems.getItems());
    }

    /** The line under the scenarios: progress, or why a scenario could not be started. */
    public String statusText() {
        return status.getText();
    }

    public void setStatus(String text) {
        status.setText(text);
    }

    private static boolean ended(javafx.concurrent.Worker.State s) {
        return s == javafx.concurrent.Worker.State.SUCCEEDED || s == javafx.concurrent.Worker.State.FAILED
                || s == javafx.concurrent.Worker.State.CANCELLED;
    }

    /** Starts the selected scenario; the task (null if nothing can be started now). */
    public Task<?> startSelected() {
        LessonEntry l = selected();
        LessonScenario s = scenarios.getSelectionModel().getSelectedItem();
        if (l == null || s == null || l.isBroken() || running.get() != null) {
            return null;
        }
        Task<?> task = starter.start(l, s);
        if (task != null) {
            running.set(task);
            status.setText(I18n.get("lessons.browser.running", s.title().text(I18n.locale())));
            // The task's end, whichever it is, frees the browser for the next start. Judged by the state the
            // FX thread sees: Task.isDone() is FutureTask's, which the worker thread may set only after the
            // FX thread has already been told SUCCEEDED (a race that left Start disabled under load).
            task.stateProperty().addListener((obs, o, n) -> {
                if (ended(n) && running.get() == task) {
                    running.set(null);
                }
            });
            if (ended(task.getState())) {
                running.set(null);
            }
        }
        return task;
    }

    public void cancelRunning() {
        Task<?> t = running.get();
        if (t != null) {
            t.cancel();
            running.set(null);
            status.setText(I18n.get("lessons.browser.cancelled"));
        }
    }

    public boolean isRunning() {
        return running.get() != null;
    }

    private void updateStart() {
        LessonEntry l = selected();
        start.setDisable(l == null || l.isBroken() || scenarios.getSelectionModel().getSelectedItem() == null
                || running.get() != null);
    }

    private void showLesson(LessonEntry e) {
        Locale loc = I18n.locale();
        LessonScenario keep = scenarios.getSelectionModel().getSelectedItem();
        if (e == null) {
            title.setText(I18n.get("lessons.browser.none"));
            meta.setText("");
            summary.setText("");
            problemBox.setVisible(false);
            scenarios.getItems().clear();
            updateStart();
            return;
        }
        title.setText(e.number().map(n -> n + ". ").orElse("") + e.title(loc));
        meta.setText(metaLine(e));
        summary.setText(e.lesson().map(l -> l.summary().text(loc)).orElse(""));
        List<LessonProblem> ps = e.loaded().problems();
        problemBox.setVisible(e.isBroken());
        brokenHeader.setText(I18n.get("lessons.broken.header", ps.size()));
        problems.getItems().setAll(ps.stream().map(LessonProblem::format).collect(Collectors.toList()));
        List<LessonScenario> list = e.lesson().map(Lesson::scenarios).orElse(List.of());
        if (!scenarios.getItems().equals(list)) {
            scenarios.getItems().setAll(list);
            keep = null;
        }
        if (keep != null && list.contains(keep)) {
            scenarios.getSelectionModel().select(keep);
        } else if (!list.isEmpty()) {
            scenarios.getSelectionModel().select(0);
        }
        scenarios.setDisable(e.isBroken());
        if (!isRunning()) {
            status.setText(e.isBroken() ? I18n.get("lessons.broken.cannotStart") : "");
        }
        updateStart();
    }

    /** "Introductory · 15 min · English, Deutsch", and where a lesson was opened from. */
    static String metaLine(LessonEntry e) {
        return e.lesson().map(l -> {
            String langs = l.languages().stream()
                    .map(c -> Lesson.KNOWN_LANGUAGES.contains(c) ? I18n.get("language." + c) : c)
                    .collect(Collectors.joining(", "));
            String s = I18n.get("lessons.meta", I18n.get("lessons.level." + l.level().jsonName()), l.minutes(),
                    langs);
            return e.isShipped() ? s : s + " \u00b7 " + I18n.get("lessons.openedFrom", e.loaded().source());
        }).orElse(e.loaded().source());
    }

    static String scenarioLine(LessonScenario s) {
        if (s.source() instanceof ScenarioSource.Lookup l) {
            String mode = I18n.get("lessons.mode." + l.mode().name().toLowerCase(Locale.ROOT));
            return l.server() == null ? I18n.get("lessons.scenario.lookup", l.question(), mode)
                    : I18n.get("lessons.scenario.lookupAt", l.question(), mode, l.server());
        }
        return I18n.get("lessons.scenario.recorded", ((ScenarioSource.Recorded) s.source()).traceFile());
    }

    private final class LessonCell extends ListCell<LessonEntry> {
        private final Label name = new Label();
        private final Label info = new Label();
        private final Label text = new Label();
        private final Label broken = new Label();
        private final VBox box = new VBox(2, name, info, text, broken);

        LessonCell() {
            name.getStyleClass().add("lesson-cell-title");
            info.getStyleClass().add("lesson-muted");
            text.setWrapText(true);
            text.getStyleClass().add("lesson-cell-summary");
            broken.getStyleClass().add("lesson-broken");
            broken.managedProperty().bind(broken.visibleProperty());
            name.setWrapText(true);
            box.setMinWidth(0);
            // wrap inside the list's width instead of widening the cell
            box.prefWidthProperty().bind(lessons.widthProperty().subtract(40));
            box.maxWidthProperty().bind(box.prefWidthProperty());
            getStyleClass().add("lesson-cell");
        }

        @Override
        protected void updateItem(LessonEntry e, boolean empty) {
            super.updateItem(e, empty);
            setText(null);
            if (empty || e == null) {
                setGraphic(null);
                getStyleClass().remove("lesson-cell-broken");
                return;
            }
            Locale loc = I18n.locale();
            name.setText(e.number().map(n -> n + ". ").orElse("") + e.title(loc));
            info.setText(metaLine(e));
            text.setText(e.lesson().map(l -> l.summary().text(loc)).orElse(""));
            broken.setVisible(e.isBroken());
            if (e.isBroken()) {
                FontIcon icon = new FontIcon("mdi2a-alert-circle");
                icon.getStyleClass().add("lesson-broken-icon");
                broken.setGraphic(icon);
                broken.setText(I18n.get("lessons.broken.short", e.loaded().problems().size()));
                if (!getStyleClass().contains("lesson-cell-broken")) {
                    getStyleClass().add("lesson-cell-broken");
                }
            } else {
                getStyleClass().remove("lesson-cell-broken");
            }
            setGraphic(box);
        }
    }

    private static final class ScenarioCell extends ListCell<LessonScenario> {
        @Override
        protected void updateItem(LessonScenario s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setText(null);
                return;
            }
            setText(s.title().text(I18n.locale()) + "\n" + scenarioLine(s));
        }
    }
}
