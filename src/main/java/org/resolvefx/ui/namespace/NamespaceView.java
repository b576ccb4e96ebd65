package org.resolvefx.ui.namespace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.animation.Animation;
import javafx.animation.PathTransition;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.resolvefx.core.namespace.Bounds;
import org.resolvefx.core.namespace.NamespaceBuilder;
import org.resolvefx.core.namespace.NamespaceTree;
import org.resolvefx.core.namespace.ViewportFit;
import org.resolvefx.core.playback.Playback;
import org.resolvefx.core.playback.PlaybackState;
import org.resolvefx.ui.i18n.I18n;
import org.resolvefx.ui.trace.TraceViewModel;
import org.xbill.DNS.Name;

/**
 * The domain name space as a tree, root on top, with its zones as shaded regions, zone cuts marked
 * on the edges, and the lookup at the cursor lighting up its path zone by zone.
 *
 * <p>Reads {@link TraceViewModel#namespaceProperty()} (the tree), {@link TraceViewModel#traceProperty()}
 * (which names matter) and {@link TraceViewModel#stateProperty()} (what is lit). The tree is laid out
 * once per change of tree, trace, collapse state, language or font size; a cursor step only changes
 * the style classes and tags of the names whose marks change (see {@link Highlights}).
 *
 * <p>Interaction: drag to pan, scroll or {@code +}/{@code -} to zoom, {@code 0} or {@code F} to fit,
 * arrow keys to pan; click a node's knob to collapse or expand its subtree; hover a node for its records.
 */
public final class NamespaceView extends BorderPane {

    /** This view's stylesheet (added to the view itself; the theme files stay untouched). */
    public static final String STYLESHEET = Objects.requireNonNull(
            NamespaceView.class.getResource("/org/resolvefx/ui/namespace/namespace.css"), "namespace.css")
            .toExternalForm();

    static final double MIN_ZOOM = 0.05;
    static final double MAX_ZOOM = 4;
    /** Fit never enlarges beyond this: a small tree at 1:1 already reads from the back row. */
    static final double MAX_FIT_ZOOM = 1.0;
    static final double ZOOM_STEP = 1.25;
    /** Base duration of the referral hop animation, divided by the playback speed. */
    static final Duration REFERRAL_HOP = Duration.millis(700);

    private final TraceViewModel model;
    private final NamespaceDrawing drawing = new NamespaceDrawing();
    private final Pane viewport = new Pane();
    private final Group content = new Group();
    private final Translate pan = new Translate();
    private final Scale zoom = new Scale(1, 1, 0, 0);
    private final Text emProbe = new Text("M");
    private final HoverCard hoverCard = new HoverCard();
    private final Label emptyLabel = new Label();
    private final NamespaceLegend legend = new NamespaceLegend();
    private final ZoneColors colours = new ZoneColors();

    private NamespaceTree fullTree = NamespaceTree.empty();
    private Playback namesFor;
    private LookupNames names = LookupNames.NONE;
    private Set<Name> collapsed = new LinkedHashSet<>();
    private boolean autoCollapse = true;
    private boolean dirty = true;
    private boolean rebuildScheduled;
    private boolean fitPending = true;
    /** The view shows a fit and the user has not panned or zoomed since: resizing or relayout fits again. */
    private boolean fitted;
    /** The next layout only follows a new font size or language: keep a fit a fit. */
    private boolean refitOnRebuild;
    private double builtEm;
    private Point2D dragFrom;
    private PathTransition hop;

    public NamespaceView(TraceViewModel model) {
        this.model = Objects.requireNonNull(model, "model");
        getStyleClass().add("namespace-view");
        getStylesheets().add(STYLESHEET);

        emProbe.getStyleClass().add("ns-em");
        emProbe.setManaged(false);
        emProbe.setVisible(false);
        content.getTransforms().addAll(pan, zoom);
        content.getChildren().add(drawing.root);
        // placed by pan and zoom only: the drawing's size must not drive the window's layout
        content.setManaged(false);
        emptyLabel.getStyleClass().add("ns-empty");
        emptyLabel.textProperty().bind(I18n.text("namespace.empty"));
        emptyLabel.setManaged(false);
        viewport.setId("ns-viewport");
        viewport.getStyleClass().add("ns-viewport");
        viewport.getChildren().addAll(content, hoverCard, emptyLabel, emProbe);
        viewport.setFocusTraversable(true);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(viewport.widthProperty());
        clip.heightProperty().bind(viewport.heightProperty());
        viewport.setClip(clip);
        viewport.setMinSize(0, 0);
        viewport.setPrefSize(640, 420);

        setTop(toolbar());
        setCenter(viewport);
        setBottom(legend);

        installMouse();
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        viewport.widthProperty().addListener((o, a, b) -> onViewportResized());
        viewport.heightProperty().addListener((o, a, b) -> onViewportResized());

        model.namespaceProperty().addListener((o, a, b) -> invalidate());
        model.traceProperty().addListener((o, a, b) -> invalidate());
        model.stateProperty().addListener((o, a, b) -> onState());
        I18n.onLocaleChange(this, () -> {
            dirty = true;
            refitOnRebuild = true;
            ensureBuilt();
        });
        emProbe.fontProperty().addListener((o, a, b) -> {
            if (b != null && b.getSize() != builtEm) {
                refitOnRebuild = true;
                invalidate();
            }
        });
        sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                scheduleRebuild();
            }
        });
    }

    // ------------------------------------------------------------------ public API

    /** Scales and centres the whole (visible) tree into the viewport, never beyond 1:1. */
    public void fitToWindow() {
        ensureBuilt();
        double w = viewport.getWidth();
        double h = viewport.getHeight();
        if (w <= 1 || h <= 1) {
            fitPending = true;
            return;
        }
        fitPending = false;
        fitted = true;
        double padding = Math.min(12, Math.min(w, h) / 4);
        ViewportFit f = ViewportFit.of(drawing.bounds(), w, h, padding, MAX_FIT_ZOOM);
        setTransform(Math.max(MIN_ZOOM, f.scale()), f.offsetX(), f.offsetY());
    }

    public void zoomIn() {
        zoomAround(ZOOM_STEP, viewport.getWidth() / 2, viewport.getHeight() / 2);
    }

    public void zoomOut() {
        zoomAround(1 / ZOOM_STEP, viewport.getWidth() / 2, viewport.getHeight() / 2);
    }

    /** View pixels per layout pixel. */
    public double zoom() {
        return zoom.getX();
    }

    /**
     * Collapses or expands the subtree below a name (the knob under a node does this). Expanding a
     * name of a big tree opens one level: children that lead nowhere the lookup went stay collapsed.
     */
    public void toggle(Name name) {
        ensureBuilt();
        Set<Name> next = new LinkedHashSet<>(collapsed);
        if (next.remove(name)) {
            next.addAll(DefaultCollapse.childrenToCollapse(fullTree, name, names.interesting()));
        } else {
            next.add(name);
        }
        autoCollapse = false;
        collapsed = next;
        rebuildAnchoredOn(name);
    }

    /** Shows every name of the tree. */
    public void expandAll() {
        autoCollapse = false;
        collapsed = new LinkedHashSet<>();
        rebuildAnchoredOn(null);
    }

    /** Back to the default: the whole tree if small, else the lookup's paths with their siblings collapsed. */
    public void showDefaultView() {
        autoCollapse = true;
        dirty = true;
        fitPending = true;
        ensureBuilt();
    }

    /** The names whose subtrees are collapsed now. */
    public Set<Name> collapsedNames() {
        ensureBuilt();
        return Set.copyOf(collapsed);
    }

    /** Number of names drawn (collapsed subtrees count only their top). */
    public int visibleNodeCount() {
        ensureBuilt();
        return drawing.size();
    }

    /** The tree as drawn: the model's tree plus the lookup's names it lacked (an NXDOMAIN question). */
    public NamespaceTree displayedTree() {
        ensureBuilt();
        return fullTree;
    }

    /** What is lit now. */
    public Highlights highlights() {
        ensureBuilt();
        return drawing.shown();
    }

    /** The drawn node of a name, if it is visible (its box, label, caption, knob and tags). */
    public Optional<Node> nodeFor(Name name) {
        ensureBuilt();
        return drawing.glyph(name).map(g -> g);
    }

    /** The whole tree at 1:1, untransformed by pan and zoom: snapshot it for PNG export. */
    public Node exportNode() {
        ensureBuilt();
        return drawing.root;
    }

    /** Writes the tree (zones, edges, cut marks, labels, highlights, tags) as SVG, atomically. */
    public void writeSvg(Path file) throws IOException {
        ensureBuilt();
        drawing.toSvg().write(file);
    }

    /** The SVG text of {@link #writeSvg}. */
    public String toSvg() {
        ensureBuilt();
        return drawing.toSvg().toSvg();
    }

    /** Style classes of the drawn zone region of an apex (tests, and the lesson player's checks). */
    public java.util.List<String> zoneStyleClasses(Name zone) {
        ensureBuilt();
        return drawing.zoneClasses(zone);
    }

    /** Style classes of the edge into a name. */
    public java.util.List<String> edgeStyleClasses(Name child) {
        ensureBuilt();
        return drawing.edgeClasses(child);
    }

    /** Texts of the tags shown above a name's box ("▶ resolving", "→ referral", ...). */
    public java.util.List<String> tagTexts(Name name) {
        ensureBuilt();
        return drawing.glyph(name).map(NodeGlyph::tagTexts).orElse(java.util.List.of());
    }

    /** The lines of the hover card for a name (what hovering it shows). */
    public java.util.List<String> hoverText(Name name) {
        ensureBuilt();
        return drawing.glyph(name).map(g -> HoverCard.lines(g.node, g.marks()).stream()
                .map(HoverCard.Line::text).toList()).orElse(java.util.List.of());
    }

    /** True while the curved referral arrow is shown. */
    public boolean referralArrowShown() {
        ensureBuilt();
        return drawing.referralVisible();
    }

    // ------------------------------------------------------------------ building

    private void invalidate() {
        dirty = true;
        scheduleRebuild();
    }

    private void scheduleRebuild() {
        if (!rebuildScheduled) {
            rebuildScheduled = true;
            Platform.runLater(() -> {
                rebuildScheduled = false;
                ensureBuilt();
            });
        }
    }

    private void ensureBuilt() {
        if (dirty && getScene() != null) {
            rebuild(anchor());
        }
    }

    private void rebuildAnchoredOn(Name name) {
        dirty = true;
        if (getScene() == null) {
            return;
        }
        rebuild(name == null ? anchor() : anchorOf(name));
    }

    /** Where a name (or its nearest drawn ancestor) is on screen now, to keep it there across a rebuild. */
    private record Anchor(Name name, double viewX, double viewY) {
    }

    private Anchor anchor() {
        if (drawing.size() == 0 || fitPending) {
            return null;
        }
        PlaybackState s = model.state();
        return anchorOf(s == null ? Name.root : s.namespaceFocus().currentName());
    }

    private Anchor anchorOf(Name name) {
        for (Name n = name; ; n = new Name(n, 1)) {
            Optional<NodeGlyph> g = drawing.glyph(n);
            if (g.isPresent()) {
                return new Anchor(n, pan.getX() + g.get().getLayoutX() * zoom.getX(),
                        pan.getY() + g.get().getLayoutY() * zoom.getX());
            }
            if (n.labels() <= 1) {
                return null;
            }
        }
    }

    private void rebuild(Anchor anchor) {
        dirty = false;
        emProbe.applyCss();
        double em = emProbe.getFont().getSize();
        builtEm = em;
        Playback playback = model.playback();
        if (playback != namesFor) {
            namesFor = playback;
            names = LookupNames.of(playback);
            if (playback == null || model.lastMoveProperty().get() == TraceViewModel.Move.LOAD) {
                colours.clear();
            }
        }
        NamespaceTree base = model.namespaceProperty().get();
        fullTree = withNames(base == null ? NamespaceTree.empty() : base, names.asked());
        if (autoCollapse) {
            collapsed = new LinkedHashSet<>(DefaultCollapse.of(fullTree, names.interesting()));
        }
        stopHop();
        hoverCard.hide();
        drawing.build(fullTree.visibleSubtree(collapsed), colours, new Metrics(em), this::attach);
        drawing.apply(currentHighlights());
        emptyLabel.setVisible(fullTree.size() <= 1 && playback == null);
        layoutEmptyLabel();
        boolean refit = fitPending || fitted && refitOnRebuild;
        refitOnRebuild = false;
        if (refit) {
            fitToWindow();
        } else if (anchor != null) {
            // the tree changed under the user's pan and zoom: keep them, and the name in focus in place
            fitted = false;
            drawing.glyph(anchor.name()).ifPresent(g -> setTransform(zoom.getX(),
                    anchor.viewX() - g.getLayoutX() * zoom.getX(), anchor.viewY() - g.getLayoutY() * zoom.getX()));
        }
    }

    /** The model's tree, plus the names the lookup asks about that it lacks (a world has no NXDOMAIN names). */
    static NamespaceTree withNames(NamespaceTree tree, Collection<Name> asked) {
        Set<Name> missing = new HashSet<>();
        for (Name n : asked) {
            if (!tree.contains(n)) {
                missing.add(n);
            }
        }
        if (missing.isEmpty()) {
            return tree;
        }
        NamespaceBuilder b = new NamespaceBuilder().add(tree);
        missing.forEach(b::addQuestion);
        return b.snapshot();
    }

    private Highlights currentHighlights() {
        PlaybackState s = model.state();
        if (s == null || model.playback() == null) {
            return Highlights.NONE;
        }
        return Highlights.of(fullTree, s.namespaceFocus(), names.nxdomainAt(s));
    }

    private void onState() {
        if (model.lastMoveProperty().get() == TraceViewModel.Move.LOAD) {
            // a new trace starts from the default view; a growing one (GROW) keeps what the user opened
            autoCollapse = true;
            fitPending = true;
            dirty = true;
        }
        boolean hadReferral = drawing.referralVisible();
        if (dirty && getScene() != null) {
            rebuild(anchor());
        } else {
            drawing.apply(currentHighlights());
        }
        stopHop();
        if (drawing.referralVisible() && !hadReferral && model.lastMoveProperty().get() == TraceViewModel.Move.STEP_FORWARD
                && model.animateProperty().get()) {
            startHop();
        }
    }

    // ------------------------------------------------------------------ animation

    private void startHop() {
        Circle packet = new Circle(0.35 * drawing.metrics().em());
        packet.getStyleClass().add("ns-referral-packet");
        drawing.referralLayer().getChildren().add(packet);
        hop = new PathTransition(REFERRAL_HOP.divide(Math.max(0.05, model.speedProperty().get())),
                drawing.referralCurve(), packet);
        hop.setOnFinished(e -> drawing.referralLayer().getChildren().remove(packet));
        hop.play();
    }

    private void stopHop() {
        if (hop != null) {
            if (hop.getStatus() == Animation.Status.RUNNING) {
                hop.stop();
            }
            drawing.referralLayer().getChildren().remove(hop.getNode());
            hop = null;
        }
    }

    // ------------------------------------------------------------------ pan and zoom

    private void setTransform(double scale, double tx, double ty) {
        zoom.setX(scale);
        zoom.setY(scale);
        pan.setX(tx);
        pan.setY(ty);
    }

    private void zoomAround(double factor, double px, double py) {
        ensureBuilt();
        fitted = false;
        double s = zoom.getX();
        double next = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, s * factor));
        double tx = px - (px - pan.getX()) * next / s;
        double ty = py - (py - pan.getY()) * next / s;
        setTransform(next, tx, ty);
    }

    private void panBy(double dx, double dy) {
        fitted = false;
        pan.setX(pan.getX() + dx);
        pan.setY(pan.getY() + dy);
    }

    private void onViewportResized() {
        layoutEmptyLabel();
        if ((fitPending || fitted) && viewport.getWidth() > 1 && viewport.getHeight() > 1) {
            fitToWindow();
        }
    }

    private void layoutEmptyLabel() {
        emptyLabel.autosize();
        emptyLabel.relocate(Math.max(0, (viewport.getWidth() - emptyLabel.getWidth()) / 2),
                Math.max(0, (viewport.getHeight() - emptyLabel.getHeight()) / 2));
    }

    private void installMouse() {
        viewport.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            viewport.requestFocus();
            if (e.getButton() == MouseButton.PRIMARY) {
                dragFrom = new Point2D(e.getX() - pan.getX(), e.getY() - pan.getY());
            }
        });
        viewport.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (dragFrom != null) {
                hoverCard.hide();
                pan.setX(e.getX() - dragFrom.getX());
                pan.setY(e.getY() - dragFrom.getY());
                fitPending = false;
                fitted = false;
            }
        });
        viewport.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> dragFrom = null);
        viewport.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                fitPending = false;
                zoomAround(Math.pow(1.1, e.getDeltaY() / 40), e.getX(), e.getY());
                e.consume();
            }
        });
    }

    private void onKey(KeyEvent e) {
        KeyCode c = e.getCode();
        double step = 0.1 * Math.max(viewport.getWidth(), viewport.getHeight());
        switch (c) {
            case PLUS, ADD, EQUALS -> zoomIn();
            case MINUS, SUBTRACT -> zoomOut();
            case DIGIT0, NUMPAD0, F -> fitToWindow();
            case LEFT -> panBy(step, 0);
            case RIGHT -> panBy(-step, 0);
            case UP -> panBy(0, step);
            case DOWN -> panBy(0, -step);
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Mouse handling of one node glyph: the knob toggles, hovering shows the card. */
    private void attach(NodeGlyph g) {
        if (g.toggle != null) {
            g.toggle.setCursor(javafx.scene.Cursor.HAND);
            g.toggle.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                    e.consume();
                    toggle(g.node.name());
                }
            });
        }
        g.box.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && g.toggle != null) {
                e.consume();
                toggle(g.node.name());
            }
        });
        g.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            if (dragFrom == null) {
                hoverCard.show(g.node, g.marks());
                Point2D p = viewport.sceneToLocal(e.getSceneX(), e.getSceneY());
                double x = Math.min(p.getX() + 18, viewport.getWidth() - hoverCard.getWidth() - 4);
                double y = p.getY() + 18;
                if (y + hoverCard.getHeight() > viewport.getHeight() - 4) {
                    y = p.getY() - hoverCard.getHeight() - 12;
                }
                hoverCard.relocate(Math.max(4, x), Math.max(4, y));
            }
        });
        g.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hoverCard.hide());
    }

    // ------------------------------------------------------------------ toolbar

    private Region toolbar() {
        Label title = new Label();
        title.textProperty().bind(I18n.text("namespace.title"));
        title.getStyleClass().add("view-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button out = button("ns-zoom-out", "mdi2m-magnify-minus-outline", null, "namespace.zoomOut", this::zoomOut);
        Button in = button("ns-zoom-in", "mdi2m-magnify-plus-outline", null, "namespace.zoomIn", this::zoomIn);
        // icons with tooltips: the tree often shares the screen, and labelled buttons would crowd it
        Button fit = button("ns-fit", "mdi2f-fit-to-page-outline", null, "namespace.fit.tip", this::fitToWindow);
        Button focus = button("ns-default-view", "mdi2f-file-tree-outline", null, "namespace.defaultView.tip",
                this::showDefaultView);
        Button all = button("ns-expand-all", "mdi2a-arrow-expand-all", null, "namespace.expandAll.tip",
                this::expandAll);
        title.setMinWidth(Region.USE_PREF_SIZE);
        ToggleButton showLegend = new ToggleButton();
        showLegend.setId("ns-legend-toggle");
        showLegend.textProperty().bind(I18n.text("namespace.legend"));
        showLegend.setMinWidth(Region.USE_PREF_SIZE);
        // the legend is there when asked for; by default the tree gets the room
        showLegend.setSelected(false);
        legend.visibleProperty().bind(showLegend.selectedProperty());
        legend.managedProperty().bind(showLegend.selectedProperty());
        HBox bar = new HBox(6, title, spacer, out, in, fit, focus, all, showLegend);
        bar.getStyleClass().add("view-toolbar");
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return bar;
    }

    private static Button button(String id, String icon, String textKey, String tipKey, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.setGraphic(new FontIcon(icon));
        if (textKey != null) {
            b.textProperty().bind(I18n.text(textKey));
        }
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(I18n.text(tipKey));
        b.setTooltip(tip);
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    /** How often the tree has been laid out (tests: once per tree change, never per step). */
    int layoutCount() {
        return drawing.builds();
    }

    /** How many glyphs, zone regions and edges the last cursor move restyled. */
    int lastStepChanges() {
        return drawing.lastChanges();
    }

    /** The drawing's extent in layout units (for tests of fitting). */
    Bounds drawingBounds() {
        return drawing.bounds();
    }
}
