package org.resolvefx.ui.lesson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.resolvefx.core.lesson.Lesson;
import org.resolvefx.core.lesson.LessonException;
import org.resolvefx.core.lesson.LessonRunner;
import org.resolvefx.core.lesson.LessonScenario;
import org.resolvefx.core.lesson.NarrationMarkdown;
import org.resolvefx.core.lesson.PredictQuestion;
import org.resolvefx.core.lesson.ScenarioRun;
import org.resolvefx.core.namespace.NamespaceTree;
import org.resolvefx.core.namespace.WorldNamespace;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.ui.i18n.I18n;

/**
 * Lessons in the main window: the "Lessons" menu, the tool-bar button and Ctrl+L for the lesson
 * browser, opening lesson folders and archives, starting a scenario into the Lookup workspace, and
 * "Save as lesson". The main window creates one and adds {@link #menu()}, {@link #toolBarButton()}
 * and {@link #openFolderItem()}; everything else lives here.
 */
public final class LessonActions {
    private final LessonHost host;
    private final LessonLibrary library = new LessonLibrary();
    private final LessonBrowser browser;
    private final ReadOnlyObjectWrapper<LessonSession> session = new ReadOnlyObjectWrapper<>();
    private Stage browserStage;
    private SaveLessonDialog saveDialog;

    public LessonActions(LessonHost host) {
        this.host = Objects.requireNonNull(host, "host");
        browser = new LessonBrowser(library);
        browser.setStarter(this::start);
        browser.setOnOpenArchive(this::chooseAndOpenArchive);
        browser.setOnOpenFolder(this::chooseAndOpenFolder);
        // a session lasts while its trace is on show: any other lookup, file or recording ends it
        host.model().traceProperty().addListener((obs, o, n) -> {
            LessonSession s = session.get();
            if (s != null && n != s.run().trace()) {
                session.set(null);
                host.narrationBar().introProperty().set(null);
            }
        });
    }

    // ---------------------------------------------------------------- what the main window adds

    /** The "Lessons" menu ("Lektionen"). */
    public Menu menu() {
        Menu m = new Menu();
        m.textProperty().bind(I18n.text("lessons.menu"));
        m.setId("menu-lessons");
        MenuItem browse = item("lessons.menu.browse", "menu-lessons-browse", this::showBrowser);
        browse.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN));
        m.getItems().addAll(browse, new SeparatorMenuItem(),
                item("lessons.menu.open", "menu-lessons-open", this::chooseAndOpenArchive),
                item("lessons.menu.openFolder", "menu-lessons-open-folder", this::chooseAndOpenFolder),
                new SeparatorMenuItem(),
                item("lessons.menu.save", "menu-lessons-save", this::saveAsLesson));
        return m;
    }

    /** "Open lesson folder..." for the File menu. */
    public MenuItem openFolderItem() {
        return item("lessons.menu.openFolder", "menu-open-lesson-folder", this::chooseAndOpenFolder);
    }

    /** "Save as lesson..." for the File menu. */
    public MenuItem saveItem() {
        return item("lessons.menu.save", "menu-save-lesson", this::saveAsLesson);
    }

    /** The tool-bar button that opens the lesson browser. */
    public Button toolBarButton() {
        Button b = new Button();
        b.setId("lessons-button");
        b.textProperty().bind(I18n.text("lessons.button"));
        b.setGraphic(new FontIcon("mdi2s-school"));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(I18n.text("lessons.button.tip"));
        b.setTooltip(tip);
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        b.setOnAction(e -> showBrowser());
        return b;
    }

    /** Lesson folders (with or without lesson.json: the loader says what is missing) and .rfxlesson files. */
    public static boolean isLessonPath(Path p) {
        return Files.isDirectory(p) || p.getFileName() != null
                && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(Lesson.ARCHIVE_EXTENSION);
    }

    /** The file chooser patterns of lesson archives. */
    public static String archivePattern() {
        return "*" + Lesson.ARCHIVE_EXTENSION;
    }

    // ---------------------------------------------------------------- for presenter and predict mode

    /** The lesson scenario on show, or null; changes when a scenario starts or another trace is loaded. */
    public ReadOnlyObjectProperty<LessonSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public Optional<LessonSession> session() {
        return Optional.ofNullable(session.get());
    }

    /**
     * The lecturer's notes per step (0: introduction) of the scenario on show, in the interface
     * language; "" without a lesson or without notes. Follows the session: keep the function.
     */
    public Function<Integer, String> notesSupplier() {
        return step -> session().map(s -> s.notes(step, I18n.locale())).orElse("");
    }

    /** The predict-mode questions of the scenario on show (empty without a lesson). */
    public List<PredictQuestion> questions() {
        return session().map(LessonSession::questions).orElse(List.of());
    }

    // ---------------------------------------------------------------- browser

    public LessonLibrary library() {
        return library;
    }

    public LessonBrowser browser() {
        return browser;
    }

    /** Shows the lesson browser (loading the shipped lessons the first time). */
    public Stage showBrowser() {
        library.loadShipped();
        if (browserStage == null) {
            browserStage = LessonWindows.create(host.stage(), browser, 1000, 680);
            browserStage.titleProperty().bind(I18n.text("lessons.browser.title"));
        }
        browserStage.show();
        browserStage.toFront();
        browser.lessonList().requestFocus();
        return browserStage;
    }

    public boolean isBrowserShowing() {
        return browserStage != null && browserStage.isShowing();
    }

    /**
     * Runs a scenario off the JavaFX thread, then shows its trace in the Lookup workspace with the
     * lesson's world, views and narration, and makes it the session. Cancelling drops the result.
     */
    public Task<ScenarioRun> start(LessonEntry entry, LessonScenario scenario) {
        Lesson lesson = entry.lesson().orElseThrow();
        Task<ScenarioRun> task = new Task<>() {
            @Override
            protected ScenarioRun call() throws LessonException {
                return LessonRunner.run(lesson, entry.loaded().files(), scenario.id());
            }
        };
        task.setOnSucceeded(e -> {
            ScenarioRun run = task.getValue();
            Trace t = run.trace();
            // the lesson's own world (zones it changed included); a recording shows what its messages reveal
            NamespaceTree tree = run.world().map(WorldNamespace::of).orElseGet(() -> NamespaceTree.learnedFrom(t));
            host.showLessonTrace(t, tree, run.scenario().effectiveViews());
            session.set(new LessonSession(lesson, run.scenario(), run));
            // before step 1 the class reads the lesson's introduction, not the generated one
            LessonSession started = session.get();
            host.narrationBar().introProperty().set(run.intro().isEmpty() ? null
                    : new org.resolvefx.core.trace.Narration(NarrationMarkdown.plain(started.intro(I18n.ENGLISH)),
                    NarrationMarkdown.plain(started.intro(I18n.GERMAN))));
            String title = lesson.title().text(I18n.locale()) + " \u2014 " + scenario.title().text(I18n.locale());
            host.status(I18n.get("lessons.status.started", title, t.messages().size(), t.events().size()));
            browser.setStatus("");
            if (browserStage != null) {
                browserStage.hide();
            }
        });
        task.setOnFailed(e -> {
            Throwable ex = task.getException();
            String msg = I18n.get("lessons.start.failed", ex.getMessage() == null ? ex.toString() : ex.getMessage());
            browser.setStatus(msg);
            host.status(msg);
        });
        LessonLibrary.start(task, "lesson scenario " + scenario.id());
        return task;
    }

    // ---------------------------------------------------------------- opening

    /**
     * Opens a lesson folder or .rfxlesson archive (File > Open, drag and drop, command line, recent
     * files): loads it in the background, lists it in the browser and shows it there. A broken lesson
     * is listed and marked with its problems; whatever is open stays open.
     */
    public Task<LessonEntry> open(Path path) {
        Task<LessonEntry> task = library.open(path);
        host.status(I18n.get("status.loading", path.getFileName()));
        task.setOnSucceeded(e -> {
            LessonEntry entry = task.getValue();
            library.add(entry);
            if (Files.exists(path)) {
                host.rememberFile(path);
            }
            showBrowser();
            browser.select(entry);
            if (entry.isBroken()) {
                host.status(I18n.get("lessons.status.broken", entry.loaded().source(),
                        entry.loaded().problems().size(), entry.loaded().problems().isEmpty() ? ""
                                : entry.loaded().problems().get(0).format()));
            } else {
                host.status(I18n.get("lessons.status.opened", entry.title(I18n.locale()),
                        entry.lesson().map(l -> l.scenarios().size()).orElse(0)));
            }
        });
        return task;
    }

    private void chooseAndOpenArchive() {
        FileChooser fc = new FileChooser();
        fc.setTitle(I18n.get("lessons.open.title"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.get("lessons.filter"), archivePattern()));
        java.io.File f = fc.showOpenDialog(ownerForDialogs());
        if (f != null) {
            open(f.toPath());
        }
    }

    private void chooseAndOpenFolder() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(I18n.get("lessons.openFolder.title"));
        java.io.File d = dc.showDialog(ownerForDialogs());
        if (d != null) {
            open(d.toPath());
        }
    }

    private javafx.stage.Window ownerForDialogs() {
        return isBrowserShowing() ? browserStage : host.stage();
    }

    // ---------------------------------------------------------------- saving

    /** Opens "Save as lesson" for the trace on show; null (and a status line) when there is none. */
    public SaveLessonDialog saveAsLesson() {
        Trace t = host.model().trace();
        if (t == null) {
            host.status(I18n.get("lessons.save.nothing"));
            return null;
        }
        if (saveDialog != null) {
            saveDialog.close();
        }
        saveDialog = new SaveLessonDialog(host, t, saved -> {
            // list the saved lesson at once: it opens again as it was saved
            library.open(saved);
            host.rememberFile(saved);
        });
        saveDialog.show();
        return saveDialog;
    }

    private static MenuItem item(String key, String id, Runnable action) {
        MenuItem mi = new MenuItem();
        mi.textProperty().bind(I18n.text(key));
        mi.setId(id);
        mi.setOnAction(e -> action.run());
        return mi;
    }
}
