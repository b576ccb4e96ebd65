package org.resolvefx.ui.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.resolvefx.ui.capture.CaptureLoadTask;
import org.resolvefx.ui.capture.MessageListView;
import org.resolvefx.ui.capture.MessageRow;
import org.resolvefx.ui.common.ClipboardText;
import org.resolvefx.ui.i18n.I18n;
import org.resolvefx.ui.inspector.InspectedMessage;
import org.resolvefx.ui.inspector.InspectorPane;
import org.resolvefx.ui.inspector.InspectorView;

/**
 * The main window. Its centre is a "stage" of views beside an optional side dock: today the
 * message list (when a capture is open) beside the packet inspector; the namespace tree, the
 * message flow and the player take their places in the same frame.
 */
public final class MainWindow {
    private static final double MIN_ZOOM = 0.6;
    private static final double MAX_ZOOM = 2.5;

    private final Stage stage;
    private final AppSettings settings;
    private final BorderPane root = new BorderPane();
    private final SplitPane workspace = new SplitPane();
    private final InspectorView inspector = new InspectorView();
    private final ObservableList<MessageRow> rows = FXCollections.observableArrayList();
    private final MessageListView messageList = new MessageListView(rows);
    private final StatusBar statusBar = new StatusBar();
    private final Button cancelButton = new Button();
    private final Menu recentMenu = new Menu();
    private final Scene scene;
    private final Map<String, List<MessageRow>> pairs = new HashMap<>();

    private Theme theme;
    private double zoom = 1.0;
    private Path openFile;
    private CaptureLoadTask loading;

    public MainWindow(Stage stage, AppSettings settings) {
        this.stage = Objects.requireNonNull(stage);
        this.settings = Objects.requireNonNull(settings);
        I18n.setLocale(settings.language());
        this.theme = settings.theme();

        root.setId("main-window");
        root.setTop(buildMenuBar());
        root.setCenter(workspace);
        root.setBottom(statusBar);
        statusBar.setId("status-bar");
        cancelButton.textProperty().bind(I18n.text("status.cancel"));
        cancelButton.setOnAction(e -> cancelLoading());
        workspace.getItems().setAll(inspector);

        messageList.table().getSelectionModel().getSelectedItems().addListener(
                (javafx.collections.ListChangeListener<MessageRow>) c -> onListSelection());
        inspector.setPartnerLookup(this::partnerOf);

        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(1400, screen.getWidth() - 40), Math.min(900, screen.getHeight() - 60));
        installDragAndDrop();
        applyTheme(theme);
        stage.setScene(scene);
        stage.titleProperty().bind(I18n.text("app.title"));
        I18n.localeProperty().addListener((obs, o, n) -> updateTitle());
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        showExample();
    }

    public void show() {
        stage.show();
    }

    public Scene scene() {
        return scene;
    }

    public InspectorView inspector() {
        return inspector;
    }

    public MessageListView messageList() {
        return messageList;
    }

    public ObservableList<MessageRow> rows() {
        return rows;
    }

    public Theme theme() {
        return theme;
    }

    // ---------------------------------------------------------------- menus

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
        MenuItem close = item("menu.file.close", this::closeFile);
        close.setAccelerator(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN));
        MenuItem quit = item("menu.file.quit", stage::close);
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        file.getItems().addAll(open, recentMenu, close, new SeparatorMenuItem(), quit);

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
        view.getItems().addAll(themes, languages, new SeparatorMenuItem(), zoomIn, zoomOut, zoomReset,
                new SeparatorMenuItem(), fullScreen);

        Menu help = menu("menu.help");
        MenuItem shortcuts = item("menu.help.shortcuts", this::showShortcuts);
        shortcuts.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        MenuItem about = item("menu.help.about", this::showAbout);
        help.getItems().addAll(shortcuts, about);

        bar.getMenus().addAll(file, edit, view, help);
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

    // ---------------------------------------------------------------- look

    public void setTheme(Theme t) {
        theme = t;
        settings.setTheme(t);
        applyTheme(t);
    }

    private void applyTheme(Theme t) {
        Application.setUserAgentStylesheet(t.userAgentStylesheet());
        scene.getStylesheets().setAll(t.stylesheets());
        root.getStyleClass().removeIf(c -> c.startsWith("theme-"));
        root.getStyleClass().add("theme-" + t.name().toLowerCase(Locale.ROOT));
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
        root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", base * zoom));
        root.applyCss();
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

    // ---------------------------------------------------------------- content

    /** The lecture's example, shown when nothing is open: the query and its response, side by side on demand. */
    private void showExample() {
        List<byte[]> messages = exampleMessages();
        InspectedMessage query = new InspectedMessage(I18n.get("example.query.caption"), messages.get(0), "example");
        InspectedMessage response = new InspectedMessage(I18n.get("example.response.caption"), messages.get(1),
                "example");
        exampleQuery = query;
        exampleResponse = response;
        workspace.getItems().setAll(inspector);
        inspector.show(response);
        statusBar.textProperty().bind(I18n.text("status.example"));
    }

    private InspectedMessage exampleQuery;
    private InspectedMessage exampleResponse;

    static List<byte[]> exampleMessages() {
        try (InputStream in = MainWindow.class.getResourceAsStream("/org/resolvefx/ui/app/lecture-example.hex")) {
            if (in == null) {
                throw new IllegalStateException("lecture-example.hex missing from the application");
            }
            List<byte[]> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    out.add(HexFormat.of().parseHex(l));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<InspectedMessage> partnerOf(InspectedMessage m) {
        if (m == exampleQuery) {
            return Optional.of(exampleResponse);
        }
        if (m == exampleResponse) {
            return Optional.of(exampleQuery);
        }
        if (m == null || m.pairKey() == null) {
            return Optional.empty();
        }
        List<MessageRow> candidates = pairs.getOrDefault(m.pairKey(), List.of());
        MessageRow self = selectedRow;
        MessageRow best = null;
        for (MessageRow r : candidates) {
            if (r != self && r.isResponse() != m.isResponse()) {
                // the closest partner in the right direction: a response after its query
                if (best == null || Math.abs(r.frame() - self.frame()) < Math.abs(best.frame() - self.frame())) {
                    best = r;
                }
            }
        }
        return Optional.ofNullable(best).map(MainWindow::inspect);
    }

    private MessageRow selectedRow;

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
        Node focus = scene.getFocusOwner();
        for (Node n = focus; n != null; n = n.getParent()) {
            if (n == inspector.secondary()) {
                return inspector.secondary();
            }
        }
        return inspector.primary();
    }

    private void copied(String text) {
        if (!text.isEmpty()) {
            String shown = text.length() > 60 ? text.substring(0, 57) + "\u2026" : text;
            statusBar.textProperty().unbind();
            statusBar.setText(I18n.get("status.copied", shown.replace('\n', ' ')));
        }
    }

    // ---------------------------------------------------------------- files

    private void chooseAndOpen() {
        FileChooser fc = new FileChooser();
        fc.setTitle(I18n.get("open.title"));
        fc.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(I18n.get("open.filter.all"), "*.pcap", "*.pcapng", "*.cap",
                        "*.trace.json", "*.bin", "*.dns", "*.hex", "*.txt"),
                new FileChooser.ExtensionFilter(I18n.get("open.filter.captures"), "*.pcap", "*.pcapng", "*.cap"),
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

    /** Opens a file in the background; returns the task (tests wait on it). */
    public CaptureLoadTask openFile(Path file) {
        cancelLoading();
        CaptureLoadTask task = new CaptureLoadTask(file, () -> startDocument(file), this::addRows);
        loading = task;
        statusBar.textProperty().unbind();
        statusBar.setText(I18n.get("status.loading", file.getFileName()));
        statusBar.progressProperty().bind(task.progressProperty());
        statusBar.getRightItems().setAll(cancelButton);
        task.setOnSucceeded(e -> finishLoading(task, task.getValue()));
        task.setOnCancelled(e -> {
            endProgress();
            statusBar.setText(I18n.get("status.cancelled", file.getFileName(), rows.size()));
        });
        task.setOnFailed(e -> {
            endProgress();
            Throwable ex = task.getException();
            if (openFile != null && openFile.equals(file) && !rows.isEmpty()) {
                statusBar.setText(ex.getMessage());
            } else {
                showOpenError(file, ex);
            }
        });
        Thread t = new Thread(task, "load " + file.getFileName());
        t.setDaemon(true);
        t.start();
        return task;
    }

    private void startDocument(Path file) {
        openFile = file;
        settings.addRecentFile(file);
        rows.clear();
        pairs.clear();
        selectedRow = null;
        workspace.getItems().setAll(messageList, inspector);
        workspace.setDividerPositions(0.38);
        updateTitle();
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

    private void finishLoading(CaptureLoadTask task, CaptureLoadTask.Result r) {
        endProgress();
        String name = r.file().getFileName().toString();
        if (r.fault() != null) {
            statusBar.setText(I18n.get("open.partial", r.messages(), name, r.fault()));
        } else if (r.framesSkipped() > 0) {
            statusBar.setText(I18n.get("status.loaded.skipped", name, r.messages(), r.framesSkipped()));
        } else {
            statusBar.setText(I18n.get("status.loaded", name, r.messages()));
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
            statusBar.setText(I18n.get("status.loaded", openFile.getFileName(), rows.size()));
        }
    }

    private void closeFile() {
        cancelLoading();
        openFile = null;
        rows.clear();
        pairs.clear();
        updateTitle();
        showExample();
    }

    // ---------------------------------------------------------------- help

    private void showShortcuts() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(stage);
        a.setTitle(I18n.get("shortcuts.title"));
        a.setHeaderText(I18n.get("shortcuts.title"));
        VBox list = new VBox(6);
        String[][] keys = {
            {"Ctrl+O", "shortcuts.open"}, {"Ctrl+C", "shortcuts.copy"}, {"Ctrl+Shift+C", "shortcuts.copyHex"},
            {"Ctrl+Alt+C", "shortcuts.copyText"}, {"Ctrl+= / Ctrl+- / Ctrl+0", "shortcuts.zoom"},
            {"F11", "shortcuts.fullScreen"}, {"Tab", "shortcuts.tab"}, {"\u2190 \u2191 \u2192 \u2193", "shortcuts.arrows"},
            {"F1", "shortcuts.help"}};
        for (String[] k : keys) {
            Label l = new Label(k[0] + "    " + I18n.get(k[1]));
            list.getChildren().add(l);
        }
        a.getDialogPane().setContent(list);
        a.getDialogPane().setId("shortcuts-dialog");
        a.show();
    }

    private void showAbout() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(stage);
        a.setTitle(I18n.get("menu.help.about"));
        a.setHeaderText("ResolveFX");
        String v = MainWindow.class.getPackage().getImplementationVersion();
        a.setContentText(I18n.get("about.text", v == null ? "dev" : v));
        a.show();
    }

    /** For tests: runs on the FX thread and waits. */
    static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
