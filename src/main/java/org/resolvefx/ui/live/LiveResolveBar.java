package org.resolvefx.ui.live;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.controlsfx.control.SegmentedButton;
import org.kordamp.ikonli.javafx.FontIcon;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.ui.i18n.I18n;
import org.xbill.DNS.Type;

/**
 * Type a name, pick the record type, iterative or recursive, and where to ask; Resolve starts the
 * lookup and the views follow it as answers arrive; Cancel stops it. Input is checked as it is
 * typed: a name that is not a domain name, or a resolver address that is not an IP address, turns
 * the field red and says why, and Resolve stays off.
 */
public final class LiveResolveBar extends HBox {
    static final List<String> TYPES = List.of("A", "AAAA", "NS", "MX", "CNAME", "TXT", "SOA", "PTR", "SRV", "CAA",
            "DNAME");

    /** What the window is told when a lookup starts, grows, ends. */
    public interface Listener {
        void started(Question q, ResolutionMode mode, LiveResolver.Source source);

        void grew(Trace partial);

        void finished(Trace trace);

        void refused(String problem);
    }

    private final LiveResolver resolver;
    private final Listener listener;
    private final TextField name = new TextField("www.p2p.tu-darmstadt.de");
    private final ComboBox<String> type = new ComboBox<>();
    private final ToggleButton iterative = new ToggleButton();
    private final ToggleButton recursive = new ToggleButton();
    private final ComboBox<LiveResolver.Source> source = new ComboBox<>();
    private final TextField server = new TextField();
    private final Button resolve = new Button();
    private final Button cancel = new Button();
    private final Label problem = new Label();
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private LiveResolver.Run run;

    public LiveResolveBar(LiveResolver resolver, Listener listener) {
        this.resolver = resolver;
        this.listener = listener;
        getStyleClass().add("resolve-bar");
        setId("resolve-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);

        name.setId("resolve-name");
        name.setPrefColumnCount(22);
        name.promptTextProperty().bind(I18n.text("resolve.name.prompt"));
        name.setOnAction(e -> resolve());
        type.getItems().setAll(TYPES);
        type.setValue("A");
        type.setEditable(true);
        type.setId("resolve-type");
        type.setPrefWidth(100);

        iterative.textProperty().bind(I18n.text("resolve.mode.iterative"));
        recursive.textProperty().bind(I18n.text("resolve.mode.recursive"));
        iterative.setId("resolve-iterative");
        recursive.setId("resolve-recursive");
        SegmentedButton mode = new SegmentedButton(iterative, recursive);
        mode.getStyleClass().add("resolve-mode");
        recursive.setSelected(true);
        // one of the two is always chosen
        mode.getToggleGroup().selectedToggleProperty().addListener((obs, o, n) -> {
            if (n == null) {
                o.setSelected(true);
            }
        });

        source.getItems().setAll(LiveResolver.Source.values());
        source.setValue(LiveResolver.Source.SANDBOX);
        source.setId("resolve-source");
        source.setCellFactory(lv -> new SourceCell());
        source.setButtonCell(new SourceCell());
        server.setId("resolve-server");
        server.setPrefColumnCount(12);
        server.promptTextProperty().bind(I18n.text("resolve.server.prompt"));
        server.visibleProperty().bind(source.valueProperty().isEqualTo(LiveResolver.Source.RESOLVER));
        server.managedProperty().bind(server.visibleProperty());
        source.valueProperty().addListener((obs, o, n) -> {
            // a given resolver answers recursively: there is no iterative walk to show
            iterative.setDisable(n == LiveResolver.Source.RESOLVER);
            if (n == LiveResolver.Source.RESOLVER) {
                recursive.setSelected(true);
            }
            validate();
        });

        resolve.textProperty().bind(I18n.text("resolve.go"));
        resolve.setGraphic(new FontIcon("mdi2m-magnify"));
        resolve.setId("resolve-go");
        resolve.getStyleClass().add("accent");
        resolve.setDefaultButton(false);
        resolve.setOnAction(e -> resolve());
        cancel.textProperty().bind(I18n.text("resolve.cancel"));
        cancel.setId("resolve-cancel");
        cancel.setOnAction(e -> cancel());
        cancel.disableProperty().bind(running.not());
        problem.getStyleClass().add("resolve-problem");
        problem.setId("resolve-problem");
        problem.managedProperty().bind(problem.visibleProperty());

        Tooltip sourceTip = new Tooltip();
        sourceTip.textProperty().bind(I18n.text("resolve.source.tooltip"));
        source.setTooltip(sourceTip);

        name.textProperty().addListener((obs, o, n) -> validate());
        server.textProperty().addListener((obs, o, n) -> validate());
        type.getEditor().textProperty().addListener((obs, o, n) -> validate());
        running.addListener((obs, o, n) -> validate());
        I18n.onLocaleChange(this, () -> {
            validate();
            source.setButtonCell(new SourceCell());
        });
        // buttons keep their words; the name field is what gives way on a narrow or projected screen
        for (javafx.scene.control.Control c : List.of(iterative, recursive, resolve, cancel, type, source)) {
            c.setMinWidth(USE_PREF_SIZE);
        }
        name.setMinWidth(120);
        HBox.setHgrow(name, javafx.scene.layout.Priority.SOMETIMES);
        getChildren().addAll(name, type, mode, source, server, resolve, cancel, problem);
        validate();
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public TextField nameField() {
        return name;
    }

    /** Sets the form (lessons and tests). */
    public void set(String qname, String qtype, ResolutionMode mode, LiveResolver.Source src) {
        name.setText(qname);
        type.setValue(qtype);
        (mode == ResolutionMode.ITERATIVE ? iterative : recursive).setSelected(true);
        source.setValue(src);
    }

    /** What is wrong with the form, and which field it is in. */
    private record Problem(String text, javafx.scene.Node field) {
    }

    private Problem problem() {
        String n = name.getText() == null ? "" : name.getText().trim();
        if (n.isEmpty()) {
            return new Problem(I18n.get("resolve.problem.emptyName"), null);
        }
        try {
            Question.of(n.endsWith(".") ? n : n + ".", Type.A);
        } catch (IllegalArgumentException e) {
            return new Problem(I18n.get("resolve.problem.badName", n), name);
        }
        String t = typeText();
        if (t == null || Type.value(t.toUpperCase(java.util.Locale.ROOT)) < 0) {
            return new Problem(I18n.get("resolve.problem.badType", t == null ? "" : t), type);
        }
        if (source.getValue() == LiveResolver.Source.RESOLVER) {
            try {
                SocketAddr.parse(server.getText() == null ? "" : server.getText(), 53);
            } catch (IllegalArgumentException e) {
                return new Problem(I18n.get("resolve.problem.badServer", server.getText()), server);
            }
        }
        return null;
    }

    private String typeText() {
        String edited = type.getEditor().getText();
        String t = edited == null || edited.isBlank() ? type.getValue() : edited;
        return t == null ? null : t.trim();
    }

    private void validate() {
        Problem p = problem();
        problem.setText(p == null ? "" : p.text());
        // an empty name is not an error worth shouting about, just a reason to keep Resolve off
        problem.setVisible(p != null && p.field() != null);
        resolve.setDisable(p != null || running.get());
        for (javafx.scene.Node field : List.of(name, type, server)) {
            field.pseudoClassStateChanged(DANGER, p != null && p.field() == field);
        }
    }

    /** AtlantaFX's pseudo-class for invalid input (a red outline). */
    private static final javafx.css.PseudoClass DANGER = javafx.css.PseudoClass.getPseudoClass("danger");

    /** Starts the lookup in the form (if it is valid and none is running). */
    public void resolve() {
        if (problem() != null || running.get()) {
            return;
        }
        String n = name.getText().trim();
        String t = typeText();
        Question q = Question.of(n.endsWith(".") ? n : n + ".", Type.value(t.toUpperCase(java.util.Locale.ROOT)));
        ResolutionMode mode = source.getValue() == LiveResolver.Source.RESOLVER ? ResolutionMode.STUB
                : iterative.isSelected() ? ResolutionMode.ITERATIVE : ResolutionMode.RECURSIVE;
        SocketAddr srv = source.getValue() == LiveResolver.Source.RESOLVER ? SocketAddr.parse(server.getText(), 53)
                : null;
        running.set(true);
        listener.started(q, mode, source.getValue());
        Consumer<Trace> done = trace -> {
            running.set(false);
            listener.finished(trace);
        };
        run = resolver.start(q, mode, source.getValue(), srv, listener::grew, done, e -> {
            running.set(false);
            listener.refused(e.getMessage());
        });
    }

    public void cancel() {
        if (run != null) {
            run.cancel();
        }
    }

    private static final class SourceCell extends ListCell<LiveResolver.Source> {
        @Override
        protected void updateItem(LiveResolver.Source s, boolean empty) {
            super.updateItem(s, empty);
            setText(empty || s == null ? null : I18n.get("resolve.source." + s.name().toLowerCase(java.util.Locale.ROOT)));
        }
    }
}
