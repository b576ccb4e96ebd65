package org.resolvefx.ui.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.application.Application;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.TreeView;
import javafx.scene.control.TableView;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.StatusBar;
import org.resolvefx.core.capture.DnsPacket;
import org.resolvefx.core.namespace.NamespaceTree;
import org.resolvefx.core.namespace.WorldNamespace;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.trace.CaptureImport;
import org.resolvefx.core.trace.PcapngExport;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.TraceFiles;
import org.resolvefx.core.trace.TraceSource;
import org.resolvefx.core.trace.WireMessage;
import org.resolvefx.ui.capture.CaptureLoadTask;
import org.resolvefx.ui.capture.MessageListView;
import org.resolvefx.ui.capture.MessageRow;
import org.resolvefx.ui.common.Snapshots;
import org.resolvefx.ui.i18n.I18n;
import org.resolvefx.ui.inspector.InspectedMessage;
import org.resolvefx.ui.inspector.InspectorPane;
import org.resolvefx.ui.inspector.InspectorView;
import org.resolvefx.ui.live.LiveResolveBar;
import org.resolvefx.ui.live.LiveResolver;
import org.resolvefx.ui.lesson.LessonActions;
import org.resolvefx.ui.lesson.LessonHost;
import org.xbill.DNS.Type;

/**
 * The main window. Two workspaces share its frame: "Lookup" plays one lookup in the classroom
 * views (namespace tree, message flow, inspector, cache, narration, player), "Messages" lists
 * every DNS message of the open file beside the packet inspector. A capture offers both: its
 * messages, and the lookups found in it. The resolve bar runs new lookups into the Lookup view.
 */
public final class MainWindow {
    private static final double MIN_ZOOM = 0.6;
    private static final double MAX_ZOOM = 2.5;

    private final Stage stage;
    private final AppSettings settings;
    private final StackPane layers = new StackPane();
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    /** Built the first time it is asked for (F1, ?, the Help menu): nobody needs it at start-up. */
    private ShortcutsOverlay shortcuts;
    private final Region blank = new Region();

    private final TraceWorkspace lookup = new TraceWorkspace();
    private final InspectorView inspector = new InspectorView();
    private final ObservableList<MessageRow> rows = FXCollections.observableArrayList();
    private final MessageListView messageList = new MessageListView(rows);
    private final SplitPane messages = new SplitPane(messageList, inspector);
    private final Map<String, List<MessageRow>> pairs = new HashMap<>();

    private final ToggleButton lookupMode = new ToggleButton();
    private final ToggleButton messagesMode = new ToggleButton();
    private final ObservableList<Trace> lookups = FXCollections.observableArrayList();
    private final ComboBox<Trace> lookupChooser = new ComboBox<>(lookups);
    private final SandboxWorld world;
    /** The lecture's lookup as first resolved in {@link #world} (prepared while the toolkit started). */
    private final Trace example;
    private final LiveResolver resolver;
    private final LiveResolveBar resolveBar;
    private final ClassroomActions classroom;
    private final LessonActions lessons;
    /** Namespace trees of lesson traces (their lesson's world), by trace identity. */
    private final Map<Trace, NamespaceTree> lessonTrees = new java.util.IdentityHashMap<>();

    private final StatusBar statusBar = new StatusBar();
    private final Button cancelButton = new Button();
    private final Menu recentMenu = new Menu();
    private final CheckMenuItem narrationItem = new CheckMenuItem();
    private final Map<TraceWorkspace.Layout, RadioMenuItem> layoutItems = new java.util.EnumMap<>(
            TraceWorkspace.Layout.class);
    private final Map<TraceWorkspace.Pane, CheckMenuItem> paneItems = new java.util.EnumMap<>(
            TraceWorkspace.Pane.class);
    private final Scene scene;

    private Theme theme;
    private double zoom = 1.0;
    private Path openFile;
    private CaptureLoadTask loading;
    private MessageRow selectedRow;
    private NamespaceTree worldTree;
    private SandboxWorld worldTreeOf;
    /** Set while the chooser is filled programmatically, so it does not reload what is on show. */
    private boolean choosing;

    public MainWindow(Stage stage, AppSettings settings) {
        this(stage, settings, prepareLook(settings));
    }

    /** Runs after {@link #prepareLook}, so that the views built by the field initialisers already follow it. */
    private MainWindow(Stage stage, AppSettings settings, Theme theme) {
        this.stage = Objects.requireNonNull(stage);
        this.settings = settings;
        this.theme = theme;
        StartupPreparation.Prepared prepared = StartupPreparation.take();
        this.world = prepared.world();
        this.example = prepared.example();
        this.resolver = prepared.resolver();
        this.worldTree = prepared.worldTree();
        this.worldTreeOf = world;
        this.resolveBar = new LiveResolveBar(resolver, new LiveListener());
        this.classroom = new ClassroomActions(this);
        this.lessons = new LessonActions(new LessonWindowHost());
        // a started lesson brings its own questions (predict mode) and lecturer notes (presenter view)
        lessons.sessionProperty().addListener((obs, o, session) -> {
            if (session != null) {
                classroom.useLesson(session.run(), session.lesson().id());
            }
        });

        root.setId("main-window");
        root.setTop(new VBox(buildMenuBar(), buildToolBar()));
        root.setCenter(content);
        root.setBottom(statusBar);
        statusBar.setId("status-bar");
        cancelButton.textProperty().bind(I18n.text("status.cancel"));
        cancelButton.setOnAction(e -> cancelLoading());
        messages.setId("messages-workspace");

        messageList.table().getSelectionModel().getSelectedItems().addListener(
                (ListChangeListener<MessageRow>) c -> onListSelection());
        inspector.setPartnerLookup(this::partnerOf);

        blank.getStyleClass().add("blank-screen");
        blank.setId("blank-screen");
        blank.setVisible(false);
        layers.getChildren().setAll(root, classroom.predictPanel(), blank);

        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        scene = new Scene(layers, Math.min(1440, screen.getWidth() - 40), Math.min(920, screen.getHeight() - 60));
        installDragAndDrop();
        installKeys();
        classroom.install(scene);
        applyTheme(theme);
        stage.setScene(scene);
        stage.titleProperty().bind(I18n.text("app.title"));
        I18n.onLocaleChange(layers, this::updateTitle);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            stage.getIcons().add(new javafx.scene.image.Image(Objects.requireNonNull(MainWindow.class.getResource(
                    "/org/resolvefx/ui/app/icons/icon-" + size + ".png"), "icon").toExternalForm()));
        }
        stage.setOnHidden(e -> resolver.close());
        showExample();
    }

    /**
     * Language and theme first: the field initialisers build every view, and a control created before the
     * theme's user-agent stylesheet is set makes JavaFX load its own (Modena) for nothing.
     */
    private static Theme prepareLook(AppSettings settings) {
        I18n.setLocale(settings.language());
        Theme t = settings.theme();
        Application.setUserAgentStylesheet(t.userAgentStylesheet());
        return t;
    }

    public void show() {
        // a stage that showed another scene before keeps its old size unless told otherwise
        stage.sizeToScene();
        stage.show();
        // keys go to the player, not into the name field of the resolve bar
        lookup.requestFocus();
    }

    public Scene scene() {
        return scene;
    }

    public Stage stage() {
        return stage;
    }

    /** The packet inspector of the Messages workspace. */
    public InspectorView inspector() {
        return inspector;
    }

    public TraceWorkspace lookupWorkspace() {
        return lookup;
    }

    public MessageListView messageList() {
        return messageList;
    }

    public ObservableList<MessageRow> rows() {
        return rows;
    }

    public ObservableList<Trace> lookups() {
        return lookups;
    }

    public LiveResolveBar resolveBar() {
        return resolveBar;
    }

    public LiveResolver resolver() {
        return resolver;
    }

    public Theme theme() {
        return theme;
    }

    /** Lessons: the browser, opening and saving lessons, and the lesson on show (presenter and predict mode). */
    public LessonActions lessons() {
        return lessons;
    }

    public boolean showsLookup() {
        return content.getChildren().contains(lookup);
    }

    // ---------------------------------------------------------------- menus and tool bar

    private MenuBar buildMenuBar() {
        MenuBar bar = new MenuBar();
        bar.setId("menu-bar");

        Menu file = menu("menu.file");
        MenuItem open = item("menu.file.open", this::chooseAndOpen);
        open.setId("menu-open");
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        recentMenu.textProperty().bind(I18n.text("menu.file.recent"));
        recentMenu.setOnShowing(e -> fillRecentMenu());
        fillRecentMenu();
        MenuItem saveTrace = item("menu.file.saveTrace", this::saveTrace);
        saveTrace.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        MenuItem savePcap = item("menu.file.savePcapng", this::savePcapng);
        Menu export = menu("menu.file.export");
        export.getItems().addAll(pngMenu("menu.export.window", ExportView.WINDOW),
                pngMenu("menu.export.flow", ExportView.FLOW), pngMenu("menu.export.tree", ExportView.TREE),
                pngMenu("menu.export.inspector", ExportView.INSPECTOR), new SeparatorMenuItem(),
                item("menu.export.copy", this::copyScreenshot), new SeparatorMenuItem(),
                item("menu.export.steps", this::exportSteps), new SeparatorMenuItem(),
                item("menu.export.flowSvg", () -> exportSvg(ExportView.FLOW)),
                item("menu.export.treeSvg", () -> exportSvg(ExportView.TREE)));
        MenuItem close = item("menu.file.close", this::closeFile);
        close.setAccelerator(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN));
        MenuItem quit = item("menu.file.quit", stage::close);
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        file.getItems().addAll(open, lessons.openFolderItem(), recentMenu, new SeparatorMenuItem(), saveTrace,
                lessons.saveItem(), savePcap, export,
                new SeparatorMenuItem(), close, quit);

        Menu edit = menu("menu.edit");
        MenuItem copyValue = item("menu.edit.copyValue", () -> copied(activePane().copySelectedValue()));
        copyValue.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN));
        MenuItem copyHex = item("menu.edit.copyHex", () -> copied(activePane().copyMessageHex()));
        copyHex.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        MenuItem copyText = item("menu.edit.copyText", () -> copied(activePane().copyDissectionText()));
        copyText.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.ALT_DOWN));
        edit.getItems().addAll(copyValue, copyHex, copyText);

        Menu view = menu("menu.view");
        Menu themes = menu("menu.view.theme");
        ToggleGroup themeGroup = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem ri = new RadioMenuItem();
            ri.textProperty().bind(I18n.text(t.labelKey()));
            ri.setToggleGroup(themeGroup);
            ri.setSelected(t == theme);
            ri.setId("theme-" + t.name().toLowerCase(Locale.ROOT));
            ri.setOnAction(e -> setTheme(t));
            themes.getItems().add(ri);
        }
        Menu languages = menu("menu.view.language");
        ToggleGroup langGroup = new ToggleGroup();
        for (Locale l : List.of(I18n.ENGLISH, I18n.GERMAN)) {
            RadioMenuItem ri = new RadioMenuItem();
            ri.textProperty().bind(I18n.text("language." + l.getLanguage()));
            ri.setToggleGroup(langGroup);
            ri.setSelected(I18n.locale().getLanguage().equals(l.getLanguage()));
            ri.setId("language-" + l.getLanguage());
            ri.setOnAction(e -> setLanguage(l));
            languages.getItems().add(ri);
        }
        Menu panes = menu("menu.view.panes");
        ToggleGroup layoutGroup = new ToggleGroup();
        KeyCode[] layoutKeys = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4};
        for (TraceWorkspace.Layout l : TraceWorkspace.Layout.values()) {
            RadioMenuItem ri = new RadioMenuItem();
            ri.textProperty().bind(I18n.text("menu.view.layout." + l.name().toLowerCase(Locale.ROOT)));
            ri.setToggleGroup(layoutGroup);
            ri.setSelected(l == TraceWorkspace.Layout.ALL);
            ri.setId("layout-" + l.name().toLowerCase(Locale.ROOT));
            ri.setAccelerator(new KeyCodeCombination(layoutKeys[l.ordinal()], KeyCombination.SHORTCUT_DOWN));
            ri.setOnAction(e -> setLayout(l));
            layoutItems.put(l, ri);
            panes.getItems().add(ri);
        }
        panes.getItems().add(new SeparatorMenuItem());
        for (TraceWorkspace.Pane p : TraceWorkspace.Pane.values()) {
            CheckMenuItem ci = new CheckMenuItem();
            ci.textProperty().bind(I18n.text("menu.view.pane." + p.name().toLowerCase(Locale.ROOT)));
            ci.setSelected(true);
            ci.setOnAction(e -> {
                lookup.setShown(p, ci.isSelected());
                ci.setSelected(lookup.isShown(p));
                layoutGroup.selectToggle(null);
            });
            paneItems.put(p, ci);
            panes.getItems().add(ci);
        }
        narrationItem.textProperty().bind(I18n.text("menu.view.narration"));
        narrationItem.setSelected(true);
        narrationItem.setOnAction(e -> lookup.narration().setVisible(narrationItem.isSelected()));
        MenuItem zoomIn = item("menu.view.zoomIn", () -> setZoom(zoom * 1.15));
        zoomIn.setAccelerator(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN));
        MenuItem zoomOut = item("menu.view.zoomOut", () -> setZoom(zoom / 1.15));
        zoomOut.setAccelerator(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN));
        MenuItem zoomReset = item("menu.view.zoomReset", () -> setZoom(1.0));
        zoomReset.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
        CheckMenuItem fullScreen = new CheckMenuItem();
        fullScreen.textProperty().bind(I18n.text("menu.view.fullScreen"));
        fullScreen.setAccelerator(new KeyCodeCombination(KeyCode.F11));
        fullScreen.setOnAction(e -> stage.setFullScreen(fullScreen.isSelected()));
        stage.fullScreenProperty().addListener((obs, o, n) -> fullScreen.setSelected(n));
        view.getItems().addAll(themes, languages, new SeparatorMenuItem(), panes, narrationItem,
                new SeparatorMenuItem(), zoomIn, zoomOut, zoomReset, new SeparatorMenuItem(), fullScreen);

        Menu help = menu("menu.help");
        MenuItem keys = item("menu.help.shortcuts", this::showShortcuts);
        keys.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        MenuItem about = item("menu.help.about", this::showAbout);
        help.getItems().addAll(keys, about);

        bar.getMenus().addAll(file, edit, view, lessons.menu(), classroom.menu(), help);
        return bar;
    }

    private Node buildToolBar() {
        lookupMode.textProperty().bind(I18n.text("mode.lookup"));
        messagesMode.textProperty().bind(I18n.text("mode.messages"));
        lookupMode.setId("mode-lookup");
        messagesMode.setId("mode-messages");
        lookupMode.setMinWidth(Region.USE_PREF_SIZE);
        messagesMode.setMinWidth(Region.USE_PREF_SIZE);
        SegmentedButton modes = new SegmentedButton(lookupMode, messagesMode);
        modes.getToggleGroup().selectedToggleProperty().addListener((obs, o, n) -> {
            if (n == null) {
                o.setSelected(true);
            } else if (n == lookupMode) {
                showWorkspace(true);
            } else {
                showWorkspace(false);
            }
        });
        lookupChooser.setId("lookup-chooser");
        lookupChooser.setCellFactory(lv -> new LookupCell());
        lookupChooser.setButtonCell(new LookupCell());
        lookupChooser.setMaxWidth(420);
        lookupChooser.visibleProperty().bind(javafx.beans.binding.Bindings.size(lookups).greaterThan(1));
        lookupChooser.managedProperty().bind(lookupChooser.visibleProperty());
        lookupChooser.valueProperty().addListener((obs, o, n) -> {
            if (!choosing && n != null) {
                showLookup(n, false);
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, modes, lessons.toolBarButton(), lookupChooser, spacer, resolveBar);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("main-toolbar");
        bar.setId("main-toolbar");
        return bar;
    }

    private static Menu menu(String key) {
        Menu m = new Menu();
        m.textProperty().bind(I18n.text(key));
        return m;
    }

    private static MenuItem item(String key, Runnable action) {
        MenuItem mi = new MenuItem();
        mi.textProperty().bind(I18n.text(key));
        mi.setOnAction(e -> action.run());
        return mi;
    }

    private Menu pngMenu(String key, ExportView view) {
        Menu m = menu(key);
        for (int scale = 1; scale <= 3; scale++) {
            int s = scale;
            MenuItem mi = new MenuItem(scale + "\u00d7");
            mi.setOnAction(e -> exportPng(view, s));
            m.getItems().add(mi);
        }
        return m;
    }

    private void fillRecentMenu() {
        recentMenu.getItems().clear();
        List<Path> recent = settings.recentFiles();
        if (recent.isEmpty()) {
            MenuItem none = item("menu.file.recent.empty", () -> { });
            none.setDisable(true);
            recentMenu.getItems().add(none);
            return;
        }
        for (Path p : recent) {
            MenuItem mi = new MenuItem(p.getFileName() + "  \u2014  " + p.getParent());
            mi.setMnemonicParsing(false);
            mi.setOnAction(e -> openFile(p));
            recentMenu.getItems().add(mi);
        }
        recentMenu.getItems().addAll(new SeparatorMenuItem(), item("menu.file.recent.clear", () -> {
            settings.clearRecentFiles();
            fillRecentMenu();
        }));
    }

    // ---------------------------------------------------------------- keys

    /**
     * Player and presenter keys. Presenter remotes send Page Down / Page Up, which always step;
     * the arrow keys, Home and End step only where they do not already move something (text
     * fields, lists, the field tree, the byte view keep them).
     */
    private void installKeys() {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (showsShortcuts()) {
                shortcuts.setVisible(false);
                e.consume();
                return;
            }
            Node focus = scene.getFocusOwner();
            boolean typing = focus instanceof TextInputControl;
            boolean navigating = typing || focus instanceof TreeView || focus instanceof TableView
                    || focus instanceof ListView;
            if (blank.isVisible()) {
                if (e.getCode() == KeyCode.B || e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.PERIOD) {
                    blank.setVisible(false);
                }
                e.consume();
                return;
            }
            if (typing || e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            boolean handled = true;
            switch (e.getCode()) {
                case PAGE_DOWN -> stepForward();
                case PAGE_UP -> stepBack();
                case RIGHT -> {
                    if (navigating) {
                        handled = false;
                    } else {
                        stepForward();
                    }
                }
                case LEFT -> {
                    if (navigating) {
                        handled = false;
                    } else {
                        stepBack();
                    }
                }
                case HOME -> {
                    if (navigating) {
                        handled = false;
                    } else {
                        pausePlayer();
                        lookup.model().toStart();
                    }
                }
                case END -> {
                    if (navigating) {
                        handled = false;
                    } else {
                        pausePlayer();
                        lookup.model().toEnd();
                    }
                }
                case SPACE -> {
                    if (showsLookup()) {
                        lookup.player().togglePlay();
                    } else {
                        handled = false;
                    }
                }
                case B, PERIOD -> blank.setVisible(true);
                case N -> {
                    narrationItem.setSelected(!narrationItem.isSelected());
                    lookup.narration().setVisible(narrationItem.isSelected());
                }
                case PLUS, ADD, EQUALS -> setZoom(zoom * 1.15);
                case MINUS, SUBTRACT -> setZoom(zoom / 1.15);
                case F1 -> showShortcuts();
                default -> handled = false;
            }
            if (handled) {
                e.consume();
            }
        });
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter()) && !(scene.getFocusOwner() instanceof TextInputControl)) {
                showShortcuts();
                e.consume();
            }
        });
    }

    private void stepForward() {
        if (!showsLookup()) {
            showWorkspace(true);
        }
        pausePlayer();
        // through predict mode's gate (a question first)
        lookup.model().requestStepForward();
    }

    private void stepBack() {
        if (!showsLookup()) {
            showWorkspace(true);
        }
        pausePlayer();
        lookup.model().stepBack();
    }

    private void pausePlayer() {
        lookup.player().pause();
    }

    public boolean isBlanked() {
        return blank.isVisible();
    }

    javafx.beans.property.BooleanProperty blankedProperty() {
        return blank.visibleProperty();
    }

    void setBlanked(boolean on) {
        blank.setVisible(on);
    }

    /** Predict mode, presenter mode and what-if editing. */
    public ClassroomActions classroom() {
        return classroom;
    }

    public boolean showsShortcuts() {
        return shortcuts != null && shortcuts.isVisible();
    }

    private void showShortcuts() {
        if (shortcuts == null) {
            shortcuts = new ShortcutsOverlay();
            // above the views and predict mode's card, below the black screen
            layers.getChildren().add(layers.getChildren().indexOf(blank), shortcuts);
        }
        shortcuts.setVisible(true);
    }

    // ---------------------------------------------------------------- look

    public void setTheme(Theme t) {
        Theme before = theme;
        theme = t;
        settings.setTheme(t);
        applyTheme(t);
        // the projector's large type leaves room for two views: tree and flow; back to all afterwards
        if (t == Theme.PROJECTOR && before != Theme.PROJECTOR) {
            setLayout(TraceWorkspace.Layout.LECTURE);
        } else if (t != Theme.PROJECTOR && before == Theme.PROJECTOR) {
            setLayout(TraceWorkspace.Layout.ALL);
        }
    }

    /**
     * Shows the views a lesson names for its scenario or for one of its steps (an empty list changes
     * nothing), and ticks the View menu to match.
     */
    void showLessonViews(List<org.resolvefx.core.lesson.LessonView> views) {
        if (views.isEmpty()) {
            return;
        }
        java.util.Set<TraceWorkspace.Pane> panes = java.util.EnumSet.noneOf(TraceWorkspace.Pane.class);
        for (org.resolvefx.core.lesson.LessonView v : views) {
            panes.add(switch (v) {
                case TREE -> TraceWorkspace.Pane.TREE;
                case FLOW, SEQUENCE -> TraceWorkspace.Pane.FLOW;
                case INSPECTOR -> TraceWorkspace.Pane.INSPECTOR;
                case CACHE -> TraceWorkspace.Pane.CACHE;
            });
        }
        // shown first, then the others hidden: a workspace always keeps at least one view
        panes.forEach(p -> lookup.setShown(p, true));
        for (TraceWorkspace.Pane p : TraceWorkspace.Pane.values()) {
            lookup.setShown(p, panes.contains(p));
            paneItems.get(p).setSelected(lookup.isShown(p));
        }
        layoutItems.values().forEach(ri -> ri.setSelected(false));
        lookup.showSequence(views.contains(org.resolvefx.core.lesson.LessonView.SEQUENCE)
                && !views.contains(org.resolvefx.core.lesson.LessonView.FLOW));
    }

    /** Shows one of the ready-made choices of views, and ticks the View menu to match. */
    public void setLayout(TraceWorkspace.Layout l) {
        lookup.setLayout(l);
        RadioMenuItem ri = layoutItems.get(l);
        if (ri != null) {
            ri.setSelected(true);
        }
        paneItems.forEach((p, ci) -> ci.setSelected(lookup.isShown(p)));
    }

    private void applyTheme(Theme t) {
        Application.setUserAgentStylesheet(t.userAgentStylesheet());
        scene.getStylesheets().setAll(t.stylesheets());
        layers.getStyleClass().removeIf(c -> c.startsWith("theme-"));
        layers.getStyleClass().add("theme-" + t.name().toLowerCase(Locale.ROOT));
        setZoom(zoom);
    }

    public void setLanguage(Locale l) {
        I18n.setLocale(l);
        settings.setLanguage(I18n.locale());
    }

    /** Scales all type (and with it every em-sized stroke) relative to the theme's base size. */
    public void setZoom(double z) {
        zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
        double base = theme == Theme.PROJECTOR ? 20 : 14;
        layers.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", base * zoom));
        layers.applyCss();
        messageList.sizeColumns();
    }

    public double zoom() {
        return zoom;
    }

    private void updateTitle() {
        stage.titleProperty().unbind();
        stage.titleProperty().bind(openFile == null ? I18n.text("app.title")
                : I18n.text("app.title.with", openFile.getFileName().toString()));
    }

    private void showWorkspace(boolean lookupView) {
        Node wanted = lookupView ? lookup : messages;
        if (!content.getChildren().contains(wanted)) {
            if (!lookupView) {
                pausePlayer();
            }
            content.getChildren().setAll(wanted);
        }
        (lookupView ? lookupMode : messagesMode).setSelected(true);
    }

    // ---------------------------------------------------------------- lookups

    /** The namespace tree to draw beside a lookup: the sandbox world's, or what its messages reveal. */
    private NamespaceTree treeFor(Trace t) {
        NamespaceTree lessonTree = lessonTrees.get(t);
        if (lessonTree != null) {
            return lessonTree;
        }
        SandboxWorld w = resolver.world(); // what-if editing may have replaced the startup world
        if (t.worldId().filter(w.id()::equals).isPresent()) {
            if (worldTree == null || worldTreeOf != w) {
                worldTree = WorldNamespace.of(w);
                worldTreeOf = w;
            }
            return worldTree;
        }
        return NamespaceTree.learnedFrom(t);
    }

    /** Shows a lookup in the classroom views, at its first step (or its last, while it is growing). */
    public void showLookup(Trace t, boolean play) {
        pausePlayer();
        lookup.model().load(t, treeFor(t));
        choosing = true;
        try {
            if (!lookups.contains(t)) {
                lookups.add(t);
            }
            lookupChooser.setValue(t);
        } finally {
            choosing = false;
        }
        showWorkspace(true);
        status(I18n.get("status.lookup", t.question(), t.mode().name().toLowerCase(Locale.ROOT),
                t.messages().size()));
        if (play) {
            lookup.player().play();
        }
    }

    /**
     * The lecture's lookup, ready to play: www.p2p.tu-darmstadt.de resolved recursively in the
     * sandbox. The same resolver session serves the resolve bar, so resolving the name again shows
     * the answer coming from the cache.
     */
    private void showExample() {
        // the full walk from the root, as first resolved; after what-if editing, resolved in the edited world
        Trace t = resolver.world() == world ? example
                : resolver.resolveNow(ClassroomActions.LECTURE_QUESTION, ResolutionMode.RECURSIVE);
        openFile = null;
        lookups.clear();
        setRows(t);
        showLookup(t, false);
        statusBar.textProperty().bind(I18n.text("status.example"));
    }

    /** Shows a lookup just resolved, in the classroom views and the message list (what-if re-resolving). */
    void showResolved(Trace t) {
        openFile = null;
        updateTitle();
        setRows(t);
        showLookup(t, false);
    }

    private void setRows(Trace t) {
        rows.clear();
        pairs.clear();
        selectedRow = null;
        List<MessageRow> list = new ArrayList<>();
        long n = 0;
        java.time.Instant first = null;
        for (TraceEvent e : t.events()) {
            WireMessage m = e instanceof TraceEvent.MessageSent s ? s.message()
                    : e instanceof TraceEvent.MessageReceived r ? r.message() : null;
            if (m != null) {
                n++;
                java.time.Instant at = t.startedAt().plusNanos(e.atMicros() * 1000L);
                if (first == null) {
                    first = at;
                }
                DnsPacket p = new DnsPacket(m.frame() > 0 ? m.frame() : n, at, m.from(), m.to(), m.transport(),
                        m.unsafeBytes());
                list.add(new MessageRow(p, first));
            }
        }
        addRows(list);
        workspaceWithList();
    }

    private void workspaceWithList() {
        messages.getItems().setAll(messageList, inspector);
        messages.setDividerPositions(0.38);
    }

    private final class LiveListener implements LiveResolveBar.Listener {
        private boolean first;

        @Override
        public void started(Question q, ResolutionMode mode, LiveResolver.Source source) {
            first = true;
            pausePlayer();
            showWorkspace(true);
            statusBar.textProperty().unbind();
            statusBar.setText(I18n.get("resolve.running", q));
        }

        @Override
        public void grew(Trace partial) {
            if (first) {
                lookup.model().load(partial, treeFor(partial));
                first = false;
            } else {
                lookup.model().grow(partial, null);
            }
        }

        @Override
        public void finished(Trace trace) {
            openFile = null;
            updateTitle();
            setRows(trace);
            statusBar.textProperty().unbind();
            statusBar.setText(I18n.get("resolve.done", trace.question(), trace.events().size(),
                    trace.messages().size()));
            // an in-process sandbox lookup is over in milliseconds: replay it so the class sees every step
            boolean replay = trace.source() == TraceSource.SANDBOX;
            showLookup(trace, replay);
            if (!replay) {
                lookup.model().toEnd();
            }
        }

        @Override
        public void refused(String problem) {
            statusBar.textProperty().unbind();
            statusBar.setText(I18n.get("resolve.refused", problem));
        }
    }

    /** What the lesson features may do in this window. */
    private final class LessonWindowHost implements LessonHost {
        @Override
        public Stage stage() {
            return stage;
        }

        @Override
        public org.resolvefx.ui.trace.TraceViewModel model() {
            return lookup.model();
        }

        @Override
        public void showLessonTrace(Trace t, NamespaceTree tree, List<org.resolvefx.core.lesson.LessonView> views) {
            cancelLoading();
            openFile = null;
            updateTitle();
            lookups.clear();
            lessonTrees.clear();
            lessonTrees.put(t, tree);
            setRows(t);
            showLookup(t, false);
            showLessonViews(views);
        }

        @Override
        public org.resolvefx.ui.player.NarrationBar narrationBar() {
            return lookup.narration();
        }

        @Override
        public void status(String text) {
            MainWindow.this.status(text);
        }

        @Override
        public void rememberFile(Path file) {
            settings.addRecentFile(file);
        }
    }

    private final class LookupCell extends ListCell<Trace> {
        @Override
        protected void updateItem(Trace t, boolean empty) {
            super.updateItem(t, empty);
            if (empty || t == null) {
                setText(null);
                return;
            }
            int i = lookups.indexOf(t) + 1;
            setText(I18n.get("lookup.item", i, t.question().toString(),
                    t.mode().name().toLowerCase(Locale.ROOT), t.messages().size()));
        }
    }

    // ---------------------------------------------------------------- messages workspace

    private Optional<InspectedMessage> partnerOf(InspectedMessage m) {
        if (m == null || m.pairKey() == null || selectedRow == null) {
            return Optional.empty();
        }
        List<MessageRow> candidates = pairs.getOrDefault(m.pairKey(), List.of());
        MessageRow self = selectedRow;
        MessageRow best = null;
        for (MessageRow r : candidates) {
            if (r != self && r.isResponse() != m.isResponse()) {
                if (best == null || Math.abs(r.frame() - self.frame()) < Math.abs(best.frame() - self.frame())) {
                    best = r;
                }
            }
        }
        return Optional.ofNullable(best).map(MainWindow::inspect);
    }

    private void onListSelection() {
        List<MessageRow> sel = List.copyOf(messageList.table().getSelectionModel().getSelectedItems());
        if (sel.isEmpty()) {
            return;
        }
        if (sel.size() == 2) {
            selectedRow = sel.get(0);
            inspector.compare(inspect(sel.get(0)), inspect(sel.get(1)));
            return;
        }
        selectedRow = sel.get(sel.size() - 1);
        inspector.show(inspect(selectedRow));
    }

    static InspectedMessage inspect(MessageRow r) {
        String caption = I18n.get("inspector.caption.frame", r.frame(), r.source(), r.destination(), r.protocol(),
                r.length());
        return new InspectedMessage(caption, r.packet().unsafeBytes(), r.pairKey());
    }

    private InspectorPane activePane() {
        InspectorView active = showsLookup() ? lookup.inspector() : inspector;
        for (Node n = scene.getFocusOwner(); n != null; n = n.getParent()) {
            if (n == active.secondary()) {
                return active.secondary();
            }
        }
        return active.primary();
    }

    private void copied(String text) {
        if (!text.isEmpty()) {
            String shown = text.length() > 60 ? text.substring(0, 57) + "\u2026" : text;
            status(I18n.get("status.copied", shown.replace('\n', ' ')));
        }
    }

    void status(String text) {
        statusBar.textProperty().unbind();
        statusBar.setText(text);
    }

    private void addRows(List<MessageRow> batch) {
        boolean first = rows.isEmpty();
        rows.addAll(batch);
        for (MessageRow r : batch) {
            pairs.computeIfAbsent(r.pairKey(), k -> new ArrayList<>(2)).add(r);
        }
        if (first && !rows.isEmpty()) {
            messageList.table().getSelectionModel().select(0);
        }
    }

    // ---------------------------------------------------------------- files

    private void chooseAndOpen() {
        FileChooser fc = new FileChooser();
        fc.setTitle(I18n.get("open.title"));
        fc.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(I18n.get("open.filter.all"), "*.pcap", "*.pcapng", "*.cap",
                        "*.trace.json", "*.json", "*.bin", "*.dns", "*.hex", "*.txt", LessonActions.archivePattern()),
                new FileChooser.ExtensionFilter(I18n.get("open.filter.lessons"), LessonActions.archivePattern()),
                new FileChooser.ExtensionFilter(I18n.get("open.filter.captures"), "*.pcap", "*.pcapng", "*.cap"),
                new FileChooser.ExtensionFilter(I18n.get("open.filter.traces"), "*.trace.json", "*.json"),
                new FileChooser.ExtensionFilter(I18n.get("open.filter.messages"), "*.bin", "*.dns", "*.hex", "*.txt"),
                new FileChooser.ExtensionFilter(I18n.get("open.filter.any"), "*"));
        List<Path> recent = settings.recentFiles();
        if (!recent.isEmpty() && recent.get(0).getParent() != null) {
            fc.setInitialDirectory(recent.get(0).getParent().toFile());
        }
        java.io.File f = fc.showOpenDialog(stage);
        if (f != null) {
            openFile(f.toPath());
        }
    }

    private void installDragAndDrop() {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                if (!root.getStyleClass().contains("drop-target")) {
                    root.getStyleClass().add("drop-target");
                }
            }
            e.consume();
        });
        scene.setOnDragExited(e -> root.getStyleClass().remove("drop-target"));
        scene.setOnDragDropped(e -> {
            boolean ok = false;
            if (e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty()) {
                openFile(e.getDragboard().getFiles().get(0).toPath());
                ok = true;
            }
            root.getStyleClass().remove("drop-target");
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /**
     * Opens a file in the background: a trace opens in the Lookup view; a capture or message file
     * fills the message list and then offers the lookups found in it. Returns the task (tests wait
     * on it).
     */
    public Task<?> openFile(Path file) {
        if (LessonActions.isLessonPath(file)) {
            // a lesson opens in the lesson browser; what is on show stays until a scenario starts
            return lessons.open(file);
        }
        cancelLoading();
        if (TraceFiles.looksLikeTrace(file)) {
            return openTrace(file);
        }
        List<MessageRow> loaded = new ArrayList<>();
        CaptureLoadTask task = new CaptureLoadTask(file, () -> startDocument(file), batch -> {
            loaded.addAll(batch);
            addRows(batch);
        });
        loading = task;
        status(I18n.get("status.loading", file.getFileName()));
        statusBar.progressProperty().bind(task.progressProperty());
        statusBar.getRightItems().setAll(cancelButton);
        task.setOnSucceeded(e -> {
            finishLoading(task, task.getValue());
            findLookups(file, loaded);
        });
        task.setOnCancelled(e -> {
            endProgress();
            status(I18n.get("status.cancelled", file.getFileName(), rows.size()));
        });
        task.setOnFailed(e -> {
            endProgress();
            Throwable ex = task.getException();
            if (openFile != null && openFile.equals(file) && !rows.isEmpty()) {
                status(ex.getMessage());
            } else {
                showOpenError(file, ex);
            }
        });
        start(task, "load " + file.getFileName());
        return task;
    }

    private static void start(Task<?> task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }

    private Task<Trace> openTrace(Path file) {
        Task<Trace> task = new Task<>() {
            @Override
            protected Trace call() throws IOException {
                return TraceFiles.read(file);
            }
        };
        status(I18n.get("status.loading", file.getFileName()));
        task.setOnSucceeded(e -> {
            Trace t = task.getValue();
            openFile = file;
            settings.addRecentFile(file);
            updateTitle();
            lookups.clear();
            setRows(t);
            showLookup(t, false);
            status(I18n.get("status.trace", file.getFileName(), t.question(), t.messages().size()));
        });
        task.setOnFailed(e -> showOpenError(file, task.getException()));
        start(task, "read " + file.getFileName());
        return task;
    }

    /** Splits what a capture holds into lookups, off the JavaFX thread, and offers them. */
    private void findLookups(Path file, List<MessageRow> loaded) {
        List<DnsPacket> packets = new ArrayList<>(loaded.size());
        for (MessageRow r : loaded) {
            packets.add(r.packet());
        }
        Task<List<Trace>> task = new Task<>() {
            @Override
            protected List<Trace> call() {
                return CaptureImport.toTraces(packets, file.getFileName().toString());
            }
        };
        task.setOnSucceeded(e -> {
            if (!file.equals(openFile)) {
                return;
            }
            List<Trace> found = task.getValue();
            choosing = true;
            try {
                lookups.setAll(found);
            } finally {
                choosing = false;
            }
            if (!found.isEmpty()) {
                Trace first = found.get(0);
                lookup.model().load(first, treeFor(first));
                choosing = true;
                lookupChooser.setValue(first);
                choosing = false;
                statusBar.setText(statusBar.getText() + " \u00b7 " + I18n.get("status.lookups", found.size()));
            }
        });
        start(task, "lookups in " + file.getFileName());
    }

    private void startDocument(Path file) {
        openFile = file;
        settings.addRecentFile(file);
        rows.clear();
        pairs.clear();
        lookups.clear();
        selectedRow = null;
        workspaceWithList();
        showWorkspace(false);
        updateTitle();
    }

    private void finishLoading(CaptureLoadTask task, CaptureLoadTask.Result r) {
        endProgress();
        String name = r.file().getFileName().toString();
        if (r.fault() != null) {
            status(I18n.get("open.partial", r.messages(), name, r.fault()));
        } else if (r.framesSkipped() > 0) {
            status(I18n.get("status.loaded.skipped", name, r.messages(), r.framesSkipped()));
        } else {
            status(I18n.get("status.loaded", name, r.messages()));
        }
        if (task == loading) {
            loading = null;
        }
    }

    private void endProgress() {
        statusBar.progressProperty().unbind();
        statusBar.setProgress(0);
        statusBar.getRightItems().clear();
    }

    private void cancelLoading() {
        if (loading != null && loading.isRunning()) {
            loading.cancel();
        }
        loading = null;
    }

    private void showOpenError(Path file, Throwable ex) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(stage);
        a.setTitle(I18n.get("open.failed.title"));
        a.setHeaderText(I18n.get("open.failed.header", file.getFileName()));
        String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        a.setContentText(msg + "\n\n" + I18n.get("open.failed.keep"));
        a.getDialogPane().setId("open-error");
        a.show();
        if (openFile == null) {
            statusBar.textProperty().bind(I18n.text("status.example"));
        } else {
            status(I18n.get("status.loaded", openFile.getFileName(), rows.size()));
        }
    }

    private void closeFile() {
        cancelLoading();
        updateTitle();
        showExample();
        updateTitle();
    }

    // ---------------------------------------------------------------- saving and export

    private Optional<Trace> currentLookup() {
        return Optional.ofNullable(lookup.model().trace());
    }

    private Path chooseFile(String titleKey, String suggested, String filterKey, String pattern) {
        FileChooser fc = new FileChooser();
        fc.setTitle(I18n.get(titleKey));
        fc.setInitialFileName(suggested);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.get(filterKey), pattern));
        java.io.File f = fc.showSaveDialog(stage);
        return f == null ? null : f.toPath();
    }

    static String baseName(Trace t) {
        String name = t.question().name().toString(true).replaceAll("[^A-Za-z0-9.-]", "_");
        return name + "-" + Type.string(t.question().type()) + "-" + t.mode().name().toLowerCase(Locale.ROOT);
    }

    private void saveTrace() {
        currentLookup().ifPresent(t -> {
            Path f = chooseFile("save.trace.title", baseName(t) + ".trace.json", "open.filter.traces",
                    "*.trace.json");
            if (f != null) {
                runSave(() -> TraceFiles.write(t, f), f);
            }
        });
    }

    private void savePcapng() {
        currentLookup().ifPresent(t -> {
            Path f = chooseFile("save.pcapng.title", baseName(t) + ".pcapng", "open.filter.captures", "*.pcapng");
            if (f != null) {
                runSave(() -> PcapngExport.write(t, f), f);
            }
        });
    }

    @FunctionalInterface
    private interface Save {
        void run() throws IOException;
    }

    private void runSave(Save save, Path f) {
        try {
            save.run();
            status(I18n.get("status.saved", f));
        } catch (IOException | RuntimeException e) {
            Alert a = new Alert(Alert.AlertType.ERROR, I18n.get("save.failed", f, e.getMessage()));
            a.initOwner(stage);
            a.setHeaderText(null);
            a.show();
        }
    }

    private Node nodeFor(ExportView view) {
        if (view == ExportView.WINDOW) {
            return scene.getRoot();
        }
        if (view == ExportView.INSPECTOR && !showsLookup()) {
            return inspector;
        }
        showWorkspace(true);
        return lookup.exportNode(view);
    }

    private void exportPng(ExportView view, int scale) {
        Path f = chooseFile("export.png.title", "resolvefx-" + view.cliName() + "-" + scale + "x.png",
                "export.filter.png", "*.png");
        if (f != null) {
            runSave(() -> Snapshots.writePng(StepExport.picture(nodeFor(view), scale), f), f);
        }
    }

    private void copyScreenshot() {
        Snapshots.copyToClipboard(StepExport.picture(scene.getRoot(), 2));
        status(I18n.get("status.copiedPicture"));
    }

    private void exportSvg(ExportView view) {
        showWorkspace(true);
        Path f = chooseFile("export.svg.title", "resolvefx-" + view.cliName() + ".svg", "export.filter.svg", "*.svg");
        if (f != null) {
            runSave(() -> {
                if (view == ExportView.TREE) {
                    lookup.tree().writeSvg(f);
                } else if (lookup.showsSequence()) {
                    lookup.sequence().writeSvg(f);
                } else {
                    lookup.flow().writeSvg(f);
                }
            }, f);
        }
    }

    private void exportSteps() {
        if (currentLookup().isEmpty()) {
            return;
        }
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(I18n.get("export.steps.title"));
        java.io.File dir = dc.showDialog(stage);
        if (dir != null) {
            showWorkspace(true);
            pausePlayer();
            runSave(() -> {
                int n = new StepExport(this, ExportView.WINDOW, 2).writeAll(dir.toPath());
                status(I18n.get("status.steps", n, dir));
            }, dir.toPath());
        }
    }

    // ---------------------------------------------------------------- help

    private void showAbout() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(stage);
        a.setTitle(I18n.get("menu.help.about"));
        a.setHeaderText("ResolveFX");
        String v = MainWindow.class.getPackage().getImplementationVersion();
        a.setContentText(I18n.get("about.text", v == null ? "dev" : v));
        a.show();
    }
}
