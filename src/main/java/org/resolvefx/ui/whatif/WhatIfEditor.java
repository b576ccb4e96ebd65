package org.resolvefx.ui.whatif;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.resolvefx.core.predict.TraceComparison;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.sandbox.ServerSpec;
import org.resolvefx.core.sandbox.WorldException;
import org.resolvefx.core.sandbox.ZoneSpec;
import org.resolvefx.core.trace.Narration;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.ui.common.Icons;
import org.resolvefx.ui.i18n.I18n;
import org.xbill.DNS.Name;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Record;

/**
 * What-if editing of a sandbox world: pick a zone, edit its master file (checked as you type with
 * {@link SandboxWorld#withZoneText}, the problem shown with line and column and marked in the text,
 * Apply disabled while the zone is invalid), apply it, and the new world goes to
 * {@link #onApplyProperty()}: the window re-creates its sandbox session with it and resolves the
 * question again, then calls {@link #showComparison(Trace, Trace)} for the one-line "what changed".
 * Reset returns to the baseline world (the lesson's, or the default). Forms write the common edits
 * as master-file lines: add a record, delegate a subdomain.
 */
public final class WhatIfEditor extends BorderPane {
    private final ObjectProperty<Consumer<SandboxWorld>> onApply = new SimpleObjectProperty<>(w -> { });
    private final ReadOnlyObjectWrapper<SandboxWorld> world = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ZoneProblem> problem = new ReadOnlyObjectWrapper<>();
    private SandboxWorld baseline;
    /** Unapplied text per zone, kept when switching zones. */
    private final Map<Name, String> drafts = new HashMap<>();
    private Name zone;
    private boolean loading;
    private int validRecords;
    private Narration comparison;
    private Narration notice;

    private final Label title = new Label();
    private final ComboBox<Name> zones = new ComboBox<>();
    private final Label fileLabel = new Label();
    private final Label servedBy = new Label();
    private final ZoneTextArea editor = new ZoneTextArea();
    private final Label status = new Label();
    private final Hyperlink goTo = new Hyperlink();
    private final Button apply = new Button();
    private final Button discard = new Button();
    private final Button reset = new Button();
    private final Label comparisonLabel = new Label();
    private final AddRecordForm addForm = new AddRecordForm();
    private final DelegateForm delegateForm = new DelegateForm();
    private final TitledPane addPane = new TitledPane();
    private final TitledPane delegatePane = new TitledPane();

    public WhatIfEditor(SandboxWorld baseline) {
        getStyleClass().add("whatif-editor");
        setId("whatif-editor");
        getStylesheets().add(Objects.requireNonNull(WhatIfEditor.class.getResource(
                "/org/resolvefx/ui/whatif/whatif.css")).toExternalForm());
        build();
        // the fixed texts follow the language through their bindings; these depend on the zone and its state
        title.textProperty().bind(I18n.text("whatif.title"));
        apply.textProperty().bind(I18n.text("whatif.apply"));
        discard.textProperty().bind(I18n.text("whatif.discard"));
        reset.textProperty().bind(I18n.text("whatif.reset"));
        goTo.textProperty().bind(I18n.text("whatif.goTo"));
        addPane.textProperty().bind(I18n.text("whatif.add.title"));
        delegatePane.textProperty().bind(I18n.text("whatif.delegate.title"));
        I18n.onLocaleChange(this, this::refreshTexts);
        editor.textArea().textProperty().addListener((obs, o, n) -> {
            if (!loading) {
                drafts.put(zone, n);
                notice = null;
                validate();
            }
        });
        // a filter: the text area would otherwise take the Enter as a new line
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                apply();
                e.consume();
            }
        });
        setBaseline(baseline);
    }

    // ------------------------------------------------------------------ API

    /** Receives the world after Apply and after Reset (re-create the sandbox session with it). */
    public ObjectProperty<Consumer<SandboxWorld>> onApplyProperty() {
        return onApply;
    }

    /** The world to return to on Reset; setting it starts afresh (no edits, first zone). */
    public void setBaseline(SandboxWorld w) {
        baseline = Objects.requireNonNull(w, "baseline");
        drafts.clear();
        comparison = null;
        notice = null;
        world.set(w);
        fillZones();
        Name first = w.zones().isEmpty() ? null : w.zones().get(0).origin();
        selectZone(zone != null && w.zone(zone).isPresent() ? zone : first);
    }

    public SandboxWorld baseline() {
        return baseline;
    }

    /** The world with every applied edit. */
    public ReadOnlyObjectProperty<SandboxWorld> worldProperty() {
        return world.getReadOnlyProperty();
    }

    public SandboxWorld world() {
        return world.get();
    }

    /** The problem of the text being edited, or null while it is a valid zone. */
    public ReadOnlyObjectProperty<ZoneProblem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public Optional<ZoneProblem> problem() {
        return Optional.ofNullable(problem.get());
    }

    /** The zone being edited. */
    public Name zone() {
        return zone;
    }

    /** Edits a zone of the world (its draft, if it has one). */
    public void selectZone(Name origin) {
        if (origin == null || world.get().zone(origin).isEmpty()) {
            return;
        }
        if (zone != null && !zone.equals(origin)) {
            String now = editor.textArea().getText();
            if (!now.equals(appliedText(zone))) {
                drafts.put(zone, now);
            }
        }
        zone = origin;
        if (!origin.equals(zones.getValue())) {
            zones.setValue(origin);
        }
        loading = true;
        try {
            editor.textArea().setText(drafts.getOrDefault(origin, appliedText(origin)));
            editor.textArea().positionCaret(0);
            editor.textArea().setScrollTop(0);
        } finally {
            loading = false;
        }
        describeZone();
        validate();
    }

    /** Edits the zone that holds a name (the question being resolved). */
    public void selectZoneFor(Name name) {
        world.get().zoneContaining(name).ifPresent(z -> selectZone(z.origin()));
    }

    /** True when the text is a valid zone that differs from the applied one. */
    public boolean canApply() {
        return !apply.isDisable();
    }

    /**
     * Applies the edited zone: the world changes and goes to {@link #onApplyProperty()}. Returns false
     * (and changes nothing) while the text is invalid or unchanged.
     */
    public boolean apply() {
        if (zone == null || problem.get() != null) {
            return false;
        }
        String text = editor.textArea().getText();
        if (text.equals(appliedText(zone))) {
            return false;
        }
        try {
            SandboxWorld next = world.get().withZoneText(zone, text);
            world.set(next);
            drafts.remove(zone);
            comparison = null;
            notice = new Narration(I18n.format(Locale.ENGLISH, "whatif.applied", zoneText(zone)),
                    I18n.format(Locale.GERMAN, "whatif.applied", zoneText(zone)));
            validate();
            zones.setButtonCell(new ZoneCell());
            onApply.get().accept(next);
            return true;
        } catch (WorldException e) {
            // validate() accepted it a moment ago; show the problem rather than lose the edit
            problem.set(ZoneProblem.of(e, text));
            refreshTexts();
            return false;
        }
    }

    /** Throws away the edits of the zone on show (back to its applied text). */
    public void discard() {
        if (zone == null) {
            return;
        }
        drafts.remove(zone);
        selectZone(zone);
    }

    /** Back to the baseline world: every edit and applied change is dropped. */
    public void reset() {
        SandboxWorld b = baseline;
        Name keep = zone;
        setBaseline(b);
        if (keep != null) {
            selectZone(keep);
        }
        notice = new Narration(I18n.format(Locale.ENGLISH, "whatif.resetDone"),
                I18n.format(Locale.GERMAN, "whatif.resetDone"));
        refreshTexts();
        onApply.get().accept(b);
    }

    /** Shows "what changed" between the question resolved before and after the last apply. */
    public void showComparison(Trace before, Trace after) {
        showComparison(TraceComparison.of(before, after));
    }

    public void showComparison(TraceComparison c) {
        comparison = c == null ? null : c.summary();
        refreshTexts();
    }

    /** The "what changed" line on show ("" when none). */
    public String comparisonText() {
        return comparisonLabel.isVisible() ? comparisonLabel.getText() : "";
    }

    /** The status line (the problem with line and column, or "Valid: ..."). */
    public String statusText() {
        return status.getText();
    }

    /** Who serves the zone on show, as the header says it. */
    public String servedByText() {
        return servedBy.getText();
    }

    public ZoneTextArea editor() {
        return editor;
    }

    /**
     * Appends a record line ({@code owner [ttl] IN type data}) to the zone being edited, as the "Add a
     * record" form does; blank TTL leaves the zone's default.
     */
    public void addRecordLine(String owner, String ttl, String type, String data) {
        String line = owner.strip() + "\t" + (ttl == null || ttl.isBlank() ? "" : ttl.strip() + "\t") + "IN\t"
                + type.strip().toUpperCase(Locale.ROOT) + "\t" + data.strip();
        appendLines(List.of(line));
    }

    /**
     * Appends a delegation of {@code child} to name server {@code nsName}, with a glue address record
     * when {@code glue} is given (needed when the server's name lies inside the delegated zone).
     */
    public void addDelegationLines(String child, String nsName, String glue) {
        List<String> lines = new ArrayList<>();
        lines.add(child.strip() + "\tIN\tNS\t" + nsName.strip());
        if (glue != null && !glue.isBlank()) {
            String g = glue.strip();
            lines.add(nsName.strip() + "\tIN\t" + (g.contains(":") ? "AAAA" : "A") + "\t" + g);
        }
        appendLines(lines);
    }

    /** A window with the editor, owned by the main window and in its look. */
    public Stage openWindow(Window owner) {
        Stage s = new Stage();
        if (owner != null) {
            s.initOwner(owner);
        }
        Scene scene = new Scene(this, 1100, 720);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        s.setScene(scene);
        s.titleProperty().bind(I18n.text("whatif.title"));
        s.show();
        return s;
    }

    // ------------------------------------------------------------------ inside

    private String appliedText(Name origin) {
        return world.get().zone(origin).map(ZoneSpec::masterText).orElse("");
    }

    private void appendLines(List<String> lines) {
        String now = editor.textArea().getText();
        StringBuilder sb = new StringBuilder(now);
        if (!now.isEmpty() && !now.endsWith("\n")) {
            sb.append('\n');
        }
        int from = sb.length();
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        editor.textArea().setText(sb.toString());
        editor.textArea().selectRange(from, sb.length() - 1);
    }

    private void validate() {
        if (zone == null) {
            problem.set(null);
            refreshTexts();
            return;
        }
        String text = editor.textArea().getText();
        try {
            SandboxWorld checked = world.get().withZoneText(zone, text);
            validRecords = checked.zone(zone).map(z -> z.records().size()).orElse(0);
            problem.set(null);
        } catch (WorldException e) {
            problem.set(ZoneProblem.of(e, text));
        } catch (RuntimeException e) {
            // never let a strange text crash the editor: show what happened as the problem
            problem.set(new ZoneProblem(0, 1, 1, e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        editor.problemProperty().set(problem.get());
        refreshTexts();
    }

    private void describeZone() {
        refreshTexts();
    }

    /** "zones/tu-darmstadt.de.zone" rather than the class-path location of a bundled world. */
    static String shortSource(String source) {
        int at = source.lastIndexOf("/zones/");
        return at >= 0 ? source.substring(at + 1) : source;
    }

    private static String zoneText(Name n) {
        return n == null ? "" : n.toString();
    }

    private static String host(Name n) {
        String s = n.toString();
        return s.length() > 1 && s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private void refreshTexts() {
        SandboxWorld w = world.get();
        if (w == null || zone == null) {
            return;
        }
        ZoneSpec spec = w.zone(zone).orElse(null);
        fileLabel.setText(spec == null ? "" : I18n.get("whatif.file", shortSource(spec.source())));
        List<String> servers = new ArrayList<>();
        for (ServerSpec s : w.serversFor(zone)) {
            servers.add(host(s.name()) + " (" + s.addressText() + ")");
        }
        String served = servers.isEmpty() ? I18n.get("whatif.servedByNone")
                : I18n.get("whatif.servedBy", String.join(", ", servers));
        String parent = delegatedFrom(w, zone);
        servedBy.setText(parent.isEmpty() ? served : served + " \u00b7 " + parent);

        ZoneProblem p = problem.get();
        status.getStyleClass().removeAll("whatif-status-problem", "whatif-status-valid");
        boolean edited = !editor.textArea().getText().equals(appliedText(zone));
        if (p != null) {
            status.getStyleClass().add("whatif-status-problem");
            status.setGraphic(Icons.icon("mdi2a-alert-circle", status.fontProperty(), 1.1));
            status.setText(p.hasLine() ? I18n.get("whatif.problem", p.line(), p.column(), p.message())
                    : I18n.get("whatif.problemZone", p.message()));
        } else {
            status.getStyleClass().add("whatif-status-valid");
            status.setGraphic(Icons.icon("mdi2c-check-circle", status.fontProperty(), 1.1));
            status.setText(I18n.get(edited ? "whatif.validChanged" : "whatif.valid", validRecords));
        }
        goTo.setVisible(p != null && p.hasLine());
        apply.setDisable(p != null || !edited);
        discard.setDisable(!edited);
        reset.setDisable(w == baseline && drafts.isEmpty() && !edited);
        Narration line = comparison != null ? comparison : notice;
        if (line != null) {
            String prefix = comparison != null ? I18n.get("whatif.compare", line.text(I18n.locale()))
                    : line.text(I18n.locale());
            comparisonLabel.setText(prefix);
            comparisonLabel.setVisible(true);
        } else {
            comparisonLabel.setText("");
            comparisonLabel.setVisible(false);
        }
        zones.setButtonCell(new ZoneCell());
    }

    /** "delegated from de. (a.nic.de, f.nic.de)", or "" for the root and undelegated zones. */
    private static String delegatedFrom(SandboxWorld w, Name origin) {
        for (ZoneSpec z : w.zones()) {
            if (z.origin().equals(origin) || !origin.subdomain(z.origin())) {
                continue;
            }
            List<String> ns = new ArrayList<>();
            for (Record r : z.records()) {
                if (r instanceof NSRecord n && r.getName().equals(origin)) {
                    ns.add(host(n.getTarget()));
                }
            }
            if (!ns.isEmpty()) {
                return I18n.get("whatif.delegatedFrom", z.origin().toString(), String.join(", ", ns));
            }
        }
        return "";
    }

    private void fillZones() {
        List<Name> origins = new ArrayList<>();
        for (ZoneSpec z : world.get().zones()) {
            origins.add(z.origin());
        }
        zones.getItems().setAll(origins);
    }

    private final class ZoneCell extends ListCell<Name> {
        @Override
        protected void updateItem(Name n, boolean empty) {
            super.updateItem(n, empty);
            if (empty || n == null) {
                setText(null);
                return;
            }
            String mark = "";
            boolean applied = baseline != null && world.get() != baseline
                    && !appliedText(n).equals(baseline.zone(n).map(ZoneSpec::masterText).orElse(""));
            if (drafts.containsKey(n) && !drafts.get(n).equals(appliedText(n))) {
                mark = "  \u270e " + I18n.get("whatif.edited");
            } else if (applied) {
                mark = "  \u2022 " + I18n.get("whatif.changed");
            }
            setText(n + mark);
        }
    }

    private void build() {
        title.getStyleClass().add("whatif-title");
        title.setGraphic(Icons.icon("mdi2p-pencil-outline", title.fontProperty(), 1.1));
        zones.setId("whatif-zone");
        zones.setCellFactory(lv -> new ZoneCell());
        zones.setButtonCell(new ZoneCell());
        zones.valueProperty().addListener((obs, o, n) -> {
            if (n != null && !n.equals(zone)) {
                selectZone(n);
            }
        });
        fileLabel.getStyleClass().add("whatif-file");
        fileLabel.setId("whatif-file");
        servedBy.getStyleClass().add("whatif-served");
        servedBy.setId("whatif-served");
        servedBy.setWrapText(true);
        servedBy.setMinHeight(Region.USE_PREF_SIZE);
        HBox head = new HBox(title, zones, fileLabel);
        head.setAlignment(Pos.CENTER_LEFT);
        head.getStyleClass().add("whatif-head");
        VBox top = new VBox(head, servedBy);
        top.getStyleClass().add("whatif-top");
        setTop(top);

        editor.setId("whatif-editor-area");
        addPane.setContent(addForm);
        addPane.setId("whatif-add-pane");
        delegatePane.setContent(delegateForm);
        delegatePane.setId("whatif-delegate-pane");
        delegatePane.setExpanded(false);
        VBox helpers = new VBox(addPane, delegatePane);
        helpers.getStyleClass().add("whatif-helpers");
        ScrollPane helperScroll = new ScrollPane(helpers);
        helperScroll.setFitToWidth(true);
        helperScroll.getStyleClass().add("whatif-helper-scroll");
        helperScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        HBox middle = new HBox(editor, helperScroll);
        middle.getStyleClass().add("whatif-middle");
        HBox.setHgrow(editor, Priority.ALWAYS);
        setCenter(middle);

        status.setId("whatif-status");
        status.getStyleClass().add("whatif-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        goTo.setId("whatif-goto");
        goTo.managedProperty().bind(goTo.visibleProperty());
        goTo.setOnAction(e -> problem().ifPresent(p -> editor.goTo(p.line(), p.column(), p.length())));
        apply.setId("whatif-apply");
        apply.getStyleClass().add("accent");
        apply.setOnAction(e -> apply());
        discard.setId("whatif-discard");
        discard.setOnAction(e -> discard());
        reset.setId("whatif-reset");
        reset.setOnAction(e -> reset());
        HBox statusRow = new HBox(status, goTo);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        statusRow.getStyleClass().add("whatif-status-row");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        comparisonLabel.setId("whatif-comparison");
        comparisonLabel.getStyleClass().add("whatif-comparison");
        comparisonLabel.setWrapText(true);
        comparisonLabel.setMinHeight(Region.USE_PREF_SIZE);
        comparisonLabel.managedProperty().bind(comparisonLabel.visibleProperty());
        comparisonLabel.setMaxWidth(Double.MAX_VALUE);
        for (Button b : new Button[] {discard, reset, apply}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox buttons = new HBox(gap, discard, reset, apply);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.getStyleClass().add("whatif-buttons");
        VBox bottom = new VBox(statusRow, comparisonLabel, buttons);
        bottom.getStyleClass().add("whatif-bottom");
        setBottom(bottom);
    }

    // ------------------------------------------------------------------ forms

    private static TextField field(String id, String promptKey) {
        TextField f = new TextField();
        f.setId(id);
        f.getStyleClass().add("whatif-field");
        f.promptTextProperty().bind(I18n.text(promptKey));
        return f;
    }

    private static Label label(String id, String textKey) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("whatif-form-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.textProperty().bind(I18n.text(textKey));
        return l;
    }

    /** Owner, TTL, type, data: one master-file line. */
    private final class AddRecordForm extends VBox {
        private final Label ownerLabel = label("whatif-add-owner-label", "whatif.add.owner");
        private final TextField owner = field("whatif-add-owner", "whatif.add.ownerPrompt");
        private final Label ttlLabel = label("whatif-add-ttl-label", "whatif.add.ttl");
        private final TextField ttl = new TextField();
        private final Label typeLabel = label("whatif-add-type-label", "whatif.add.type");
        private final ComboBox<String> type = new ComboBox<>();
        private final Label dataLabel = label("whatif-add-data-label", "whatif.add.data");
        private final TextField data = field("whatif-add-data", "whatif.add.dataPrompt");
        private final Label message = new Label();
        private final Button add = new Button();

        AddRecordForm() {
            getStyleClass().add("whatif-form");
            type.getItems().setAll("A", "AAAA", "CNAME", "MX", "NS", "TXT", "DNAME", "SRV");
            type.setValue("A");
            type.setId("whatif-add-type");
            ttl.setId("whatif-add-ttl");
            ttl.getStyleClass().add("whatif-field");
            // a number, the same in every language
            ttl.setPromptText("3600");
            ttl.setPrefColumnCount(6);
            GridPane grid = new GridPane();
            grid.getStyleClass().add("whatif-grid");
            grid.addRow(0, ownerLabel, owner);
            grid.addRow(1, ttlLabel, ttl);
            grid.addRow(2, typeLabel, type);
            grid.addRow(3, dataLabel, data);
            GridPane.setHgrow(owner, Priority.ALWAYS);
            GridPane.setHgrow(data, Priority.ALWAYS);
            message.getStyleClass().add("whatif-form-message");
            message.setWrapText(true);
            message.setId("whatif-add-message");
            add.setId("whatif-add");
            add.textProperty().bind(I18n.text("whatif.add.button"));
            add.setOnAction(e -> submit());
            getChildren().setAll(grid, add, message);
        }

        private void submit() {
            if (owner.getText().isBlank() || data.getText().isBlank()) {
                message.setText(I18n.get("whatif.helper.missing", owner.getText().isBlank()
                        ? I18n.get("whatif.add.owner") : I18n.get("whatif.add.data")));
                return;
            }
            message.setText("");
            addRecordLine(owner.getText(), ttl.getText(), type.getValue(), data.getText());
        }

    }

    /** Child label, name server, glue: an NS line and its glue. */
    private final class DelegateForm extends VBox {
        private final Label childLabel = label("whatif-delegate-child-label", "whatif.delegate.child");
        private final TextField child = field("whatif-delegate-child", "whatif.delegate.childPrompt");
        private final Label nsLabel = label("whatif-delegate-ns-label", "whatif.delegate.ns");
        private final TextField ns = field("whatif-delegate-ns", "whatif.delegate.nsPrompt");
        private final Label glueLabel = label("whatif-delegate-glue-label", "whatif.delegate.glue");
        private final TextField glue = field("whatif-delegate-glue", "whatif.delegate.gluePrompt");
        private final Label note = new Label();
        private final Label message = new Label();
        private final Button add = new Button();

        DelegateForm() {
            getStyleClass().add("whatif-form");
            GridPane grid = new GridPane();
            grid.getStyleClass().add("whatif-grid");
            grid.addRow(0, childLabel, child);
            grid.addRow(1, nsLabel, ns);
            grid.addRow(2, glueLabel, glue);
            GridPane.setHgrow(child, Priority.ALWAYS);
            GridPane.setHgrow(ns, Priority.ALWAYS);
            GridPane.setHgrow(glue, Priority.ALWAYS);
            note.getStyleClass().add("whatif-form-note");
            note.textProperty().bind(I18n.text("whatif.delegate.note"));
            note.setWrapText(true);
            message.getStyleClass().add("whatif-form-message");
            message.setWrapText(true);
            message.setId("whatif-delegate-message");
            add.setId("whatif-delegate");
            add.textProperty().bind(I18n.text("whatif.delegate.button"));
            add.setOnAction(e -> submit());
            getChildren().setAll(grid, add, message, note);
        }

        private void submit() {
            if (child.getText().isBlank() || ns.getText().isBlank()) {
                message.setText(I18n.get("whatif.helper.missing", child.getText().isBlank()
                        ? I18n.get("whatif.delegate.child") : I18n.get("whatif.delegate.ns")));
                return;
            }
            message.setText("");
            addDelegationLines(child.getText(), ns.getText(), glue.getText());
        }

    }
}
