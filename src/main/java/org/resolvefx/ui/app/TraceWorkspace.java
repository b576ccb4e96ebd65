package org.resolvefx.ui.app;

import java.util.List;
import java.util.Optional;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.resolvefx.core.playback.Arrow;
import org.resolvefx.core.playback.PlaybackState;
import org.resolvefx.core.trace.Endpoint;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.WireMessage;
import org.resolvefx.ui.cache.CacheView;
import org.resolvefx.ui.flow.FlowView;
import org.resolvefx.ui.flow.SequenceView;
import org.resolvefx.ui.i18n.I18n;
import org.resolvefx.ui.inspector.InspectedMessage;
import org.resolvefx.ui.inspector.InspectorView;
import org.resolvefx.ui.namespace.NamespaceView;
import org.resolvefx.ui.player.NarrationBar;
import org.resolvefx.ui.player.PlayerBar;
import org.resolvefx.ui.trace.TraceViewModel;

/**
 * The classroom layout for one lookup: the namespace tree beside the message flow (or the
 * sequence diagram) on top, the inspector beside the resolver's cache below, the narration and
 * the player at the bottom. Every view follows the same cursor ({@link TraceViewModel}); the
 * inspector shows the message of the current step, or the one clicked.
 */
public final class TraceWorkspace extends BorderPane {
    /** The views a lecturer can show or hide (View menu). */
    public enum Pane {
        TREE, FLOW, INSPECTOR, CACHE
    }

    private final TraceViewModel model = new TraceViewModel();
    /**
     * Listens before the views do (fields initialise in order): a long lookup switches to the sequence
     * diagram before the views see the new state, so the hidden message-flow figure never lays out a
     * thousand arrows nobody sees (the views skip work while hidden).
     */
    private final Object diagramChooser = chooseDiagramOnLoad();
    private final NamespaceView tree = new NamespaceView(model);
    private final FlowView flow = new FlowView(model);
    private final SequenceView sequence = new SequenceView(model);
    private final InspectorView inspector = new InspectorView();
    private final CacheView cache = new CacheView(model);
    private final NarrationBar narration = new NarrationBar(model);
    private final PlayerBar player = new PlayerBar(model);
    private final TabPane diagrams = new TabPane();
    private final Tab flowTab = new Tab();
    private final Tab sequenceTab = new Tab();
    private final SplitPane top = new SplitPane();
    private final SplitPane bottom = new SplitPane();
    private final SplitPane rows = new SplitPane();
    private final java.util.EnumSet<Pane> shown = java.util.EnumSet.allOf(Pane.class);
    /** True when the cursor moved while the inspector was not in the scene (see followCursor). */
    private boolean inspectorBehind;
    /** True while a catch-up of the inspector waits in the event queue. */
    private boolean inspectorScheduled;

    public TraceWorkspace() {
        getStyleClass().add("trace-workspace");
        setId("trace-workspace");
        flowTab.textProperty().bind(I18n.text("workspace.flow"));
        flowTab.setContent(flow);
        flowTab.setClosable(false);
        flowTab.setId("tab-flow");
        sequenceTab.textProperty().bind(I18n.text("workspace.sequence"));
        sequenceTab.setContent(sequence);
        sequenceTab.setClosable(false);
        sequenceTab.setId("tab-sequence");
        diagrams.getTabs().setAll(flowTab, sequenceTab);
        diagrams.getStyleClass().add("diagram-tabs");
        flow.onShowSequenceProperty().set(() -> diagrams.getSelectionModel().select(sequenceTab));

        rows.setOrientation(Orientation.VERTICAL);
        // below the classroom views height is scarce: keep the field tree beside the header grid
        inspector.setWideLayoutFrom(45);
        for (javafx.scene.layout.Region r : new javafx.scene.layout.Region[] {tree, diagrams, inspector, cache}) {
            r.setMinSize(0, 0);
        }
        arrange();
        // divider positions only hold once the panes have a size
        rows.heightProperty().addListener((obs, o, n) -> {
            if (o.doubleValue() == 0 && n.doubleValue() > 0) {
                placeDividers();
            }
        });
        setCenter(rows);
        setBottom(new VBox(narration, player));

        model.stateProperty().addListener((obs, o, n) -> followCursor(n));
        inspector.sceneProperty().addListener((obs, o, n) -> {
            if (n != null) {
                catchUpInspector();
            }
        });
        model.onOpenMessageProperty().set(this::openMessage);
        inspector.setPartnerLookup(this::partnerOf);
        // the cache counts TTLs down on the trace clock the player runs between steps
        cache.clockMicrosProperty().bind(player.clockMicrosProperty());
        // -Dresolvefx.startupProbe: the main window shows this workspace first, so its first frame is the app's
        StartupProbe.installIfAsked(this);
    }

    private Object chooseDiagramOnLoad() {
        javafx.beans.value.ChangeListener<PlaybackState> chooser = (obs, o, n) -> {
            // a long lookup reads better (and draws far faster) as a sequence diagram; short ones as the figure
            if (model.lastMoveProperty().get() == TraceViewModel.Move.LOAD && model.trace() != null) {
                showSequence(model.trace().messages().size() > FlowView.MANY_MESSAGES);
            }
        };
        model.stateProperty().addListener(chooser);
        return chooser;
    }

    public TraceViewModel model() {
        return model;
    }

    public PlayerBar player() {
        return player;
    }

    public NarrationBar narration() {
        return narration;
    }

    /** The inspector of this workspace, showing the cursor's message (brought up to date if it was hidden). */
    public InspectorView inspector() {
        catchUpInspector();
        return inspector;
    }

    private void catchUpInspector() {
        if (inspectorBehind) {
            inspectorBehind = false;
            PlaybackState s = model.state();
            List<Arrow> arrows = s == null ? List.of() : s.arrows();
            inspector.show(arrows.isEmpty() ? null : inspect(arrows.get(arrows.size() - 1)));
        }
    }

    public FlowView flow() {
        return flow;
    }

    public SequenceView sequence() {
        return sequence;
    }

    public NamespaceView tree() {
        return tree;
    }

    public CacheView cache() {
        return cache;
    }

    /** True when the sequence diagram is the diagram on show (else the message-flow figure). */
    public boolean showsSequence() {
        return diagrams.getSelectionModel().getSelectedItem() == sequenceTab;
    }

    public void showSequence(boolean sequenceDiagram) {
        diagrams.getSelectionModel().select(sequenceDiagram ? sequenceTab : flowTab);
    }

    /** Ready-made choices of views: everything, or what a lecture hall needs to see. */
    public enum Layout {
        /** Tree, flow, inspector and cache. */
        ALL(java.util.EnumSet.allOf(Pane.class)),
        /** Tree and flow over the whole height: for the projector. */
        LECTURE(java.util.EnumSet.of(Pane.TREE, Pane.FLOW)),
        /** The message flow alone. */
        FLOW(java.util.EnumSet.of(Pane.FLOW)),
        /** Flow and inspector: for the message-format lessons. */
        MESSAGES(java.util.EnumSet.of(Pane.FLOW, Pane.INSPECTOR));

        private final java.util.Set<Pane> panes;

        Layout(java.util.Set<Pane> panes) {
            this.panes = panes;
        }

        public java.util.Set<Pane> panes() {
            return panes;
        }
    }

    public void setLayout(Layout layout) {
        shown.clear();
        shown.addAll(layout.panes());
        arrange();
    }

    public boolean isShown(Pane p) {
        return shown.contains(p);
    }

    /** Shows or hides one of the four views; at least one view always stays. */
    public void setShown(Pane p, boolean on) {
        if (on) {
            shown.add(p);
        } else if (shown.size() > 1) {
            shown.remove(p);
        }
        arrange();
    }

    private void arrange() {
        top.getItems().clear();
        if (shown.contains(Pane.TREE)) {
            top.getItems().add(tree);
        }
        if (shown.contains(Pane.FLOW)) {
            top.getItems().add(diagrams);
        }
        bottom.getItems().clear();
        if (shown.contains(Pane.INSPECTOR)) {
            bottom.getItems().add(inspector);
        }
        if (shown.contains(Pane.CACHE)) {
            bottom.getItems().add(cache);
        }
        rows.getItems().clear();
        if (!top.getItems().isEmpty()) {
            rows.getItems().add(top);
        }
        if (!bottom.getItems().isEmpty()) {
            rows.getItems().add(bottom);
        }
        placeDividers();
    }

    private void placeDividers() {
        if (top.getItems().size() == 2) {
            top.setDividerPositions(0.4);
        }
        if (bottom.getItems().size() == 2) {
            bottom.setDividerPositions(0.66);
        }
        if (rows.getItems().size() == 2) {
            rows.setDividerPositions(0.6);
        }
    }

    /**
     * The inspector shows the latest message as of the cursor (the current step's, or the last one
     * before it): a function of the position alone, so stepping back restores it exactly.
     */
    private void followCursor(PlaybackState s) {
        inspectorBehind = true;
        if (inspector.getScene() == null || inspectorScheduled) {
            // not on show (a layout without it, or the other workspace): dissecting and laying out a message
            // nobody sees was a third of a step's work. It catches up when it is shown or asked for
            return;
        }
        // Shown a frame later than the other views: a step's frame then draws the diagram and the tree, and
        // the next one the inspector (its field tree, grid and bytes are the dearest part of a step), so no
        // single frame carries both. Whoever asks for the inspector before gets it up to date (inspector()).
        inspectorScheduled = true;
        javafx.application.Platform.runLater(() -> {
            inspectorScheduled = false;
            if (inspector.getScene() != null) {
                catchUpInspector();
            }
        });
    }

    private void openMessage(WireMessage m) {
        PlaybackState s = model.state();
        if (s == null) {
            return;
        }
        for (Arrow a : s.arrows()) {
            if (a.message().equals(m)) {
                inspectorBehind = false;
                inspector.show(inspect(a));
                return;
            }
        }
    }

    private InspectedMessage inspect(Arrow a) {
        Trace t = model.trace();
        String from = t.endpoint(a.fromId()).map(Endpoint::displayName).orElse(a.message().from().toString());
        String to = t.endpoint(a.toId()).map(Endpoint::displayName).orElse(a.message().to().toString());
        String caption = I18n.get("workspace.caption", a.number(), from, to,
                a.message().transport().name(), a.message().length());
        return new InspectedMessage(caption, a.message().unsafeBytes(), "arrow-" + a.number());
    }

    /** A response's query (and a query's response) among the arrows drawn so far. */
    private Optional<InspectedMessage> partnerOf(InspectedMessage m) {
        PlaybackState s = model.state();
        if (s == null || m == null || !m.pairKey().startsWith("arrow-")) {
            return Optional.empty();
        }
        int n = Integer.parseInt(m.pairKey().substring("arrow-".length()));
        List<Arrow> arrows = s.arrows();
        for (Arrow a : arrows) {
            if (a.number() == n && a.inReplyTo() > 0 && a.inReplyTo() <= arrows.size()) {
                return Optional.of(inspect(arrows.get(a.inReplyTo() - 1)));
            }
        }
        for (Arrow a : arrows) {
            if (a.inReplyTo() == n) {
                return Optional.of(inspect(a));
            }
        }
        return Optional.empty();
    }

    /** The node to picture for a view name of the export command and menu. */
    public Node exportNode(ExportView view) {
        return switch (view) {
            case FLOW -> showsSequence() ? sequence.exportNode() : flow.exportNode();
            case TREE -> tree.exportNode();
            case INSPECTOR -> inspector();
            case WINDOW -> getScene() == null ? this : getScene().getRoot();
        };
    }

    ObservableList<Node> rowsForTests() {
        return rows.getItems();
    }
}
