package org.resolvefx.ui.flow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.animation.Interpolator;
import javafx.animation.Transition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.resolvefx.core.namespace.FlowBox;
import org.resolvefx.core.namespace.FlowDiagram;
import org.resolvefx.core.namespace.FlowLayout;
import org.resolvefx.core.namespace.FlowRoute;
import org.resolvefx.core.namespace.ZoneBand;
import org.resolvefx.core.playback.Arrow;
import org.resolvefx.core.playback.EndpointMark;
import org.resolvefx.core.playback.Playback;
import org.resolvefx.core.playback.PlaybackState;
import org.resolvefx.core.trace.Endpoint;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.ui.i18n.I18n;
import org.resolvefx.ui.trace.TraceViewModel;

/**
 * The lecture figure "DNS - Recursive and Iterative Queries" for the open trace: the hosts as boxes
 * placed by {@link FlowLayout}, every message so far as a numbered arrow, the current one emphasised
 * and, on a step forward, a packet travelling along it. Draws only from
 * {@link TraceViewModel#stateProperty()}: the state at a position always gives the same picture,
 * whichever way the cursor got there.
 *
 * <p>Cost: the boxes, zone bands, badge and label positions and the legend are built once per trace
 * (and again when the language or theme changes); a step forward adds one arrow's nodes, a step back
 * removes them, a jump adds or removes the difference. Traces of more than {@value #MANY_MESSAGES}
 * messages show a label only on the current arrow and suggest the sequence view.
 */
public final class FlowView extends Region {
    /** Above this many messages the figure gets crowded: labels only on the current arrow, a hint. */
    public static final int MANY_MESSAGES = 40;
    /** How long the packet travels at speed 1. */
    public static final Duration PACKET_DURATION = Duration.millis(600);
    /** One layout unit of {@link FlowLayout} in em (boxes are 5 x 1.4 units). */
    static final double UNIT_EM = 3.4;
    /** Labels are cut to this many characters (the full text is in the tooltip). */
    static final int LABEL_MAX_CHARS = 34;
    private static final double MARGIN_EM = 1.2;
    private static final double MAX_ZOOM = 6;
    /** Labels are not cut shorter than this to fit an arrow. */
    private static final int MIN_LABEL_CHARS = 10;
    /** How far apart (em) the bows of the arrows between two boxes are, at their middle. */
    static final double BOW_SPACING_EM = 1.8;
    /** How much further apart than in {@link FlowLayout} the rows of boxes stand. */
    static final double STRETCH_Y = 1.3;
    static final double MAX_STRETCH_Y = 1.9;
    static final double STRETCH_X = 1.45;
    /** Arrows between two boxes beyond this many per direction share the outermost bow. */
    private static final int MAX_BOWS = 6;

    private final TraceViewModel model;
    private final Group probes = DiagramMetrics.probes();
    private final Pane viewport = new Pane();
    private final Rectangle viewportClip = new Rectangle();
    private final Group zoomGroup = new Group();
    private final Pane diagram = new Pane();
    private final Group content = new Group();
    private final Group bandLayer = new Group();
    private final Group arrowLayer = new Group();
    private final Group boxLayer = new Group();
    private final Group markLayer = new Group();
    private final Group packetLayer = new Group();
    private final HBox manyNote = new HBox();
    private final Label manyLabel = new Label();
    private final Button manyButton = new Button();
    private final Label emptyLabel = new Label();
    private final Scale scale = new Scale(1, 1);
    private final Translate translate = new Translate();
    private final ObjectProperty<Runnable> onShowSequence = new SimpleObjectProperty<>();

    // built once per trace (and language, theme)
    private Playback builtFor;
    private Locale builtLocale;
    private DiagramMetrics metrics;
    private final Map<String, EndpointBox> boxes = new LinkedHashMap<>();
    private final Map<String, Endpoint> endpoints = new HashMap<>();
    private final List<ArrowGlyph.Geometry> geometries = new ArrayList<>();
    private final List<ArrowGlyph.LabelRow> labelRows = new ArrayList<>();
    private boolean sparse;
    private List<Arrow> finalArrows = List.of();
    private int crowded;

    private final List<Boolean> labelOnlyWhenCurrent = new ArrayList<>();
    /** The geometry changed (a new build): every kept glyph must be drawn again. */
    private boolean redrawAll;
    private FlowLegend legend;

    // what is drawn now
    private final List<ArrowGlyph> glyphs = new ArrayList<>();
    private PlaybackState shown;
    private Transition packetRun;
    private ArrowGlyph packetGlyph;
    private final Group packet = packet();

    private double zoom = 1;
    private double panX;
    private double panY;
    private double dragX;
    private double dragY;


    public FlowView(TraceViewModel model) {
        this.model = Objects.requireNonNull(model, "model");
        getStyleClass().add("flow-view");
        setId("flow-view");
        getStylesheets().add(Objects.requireNonNull(FlowView.class.getResource("flow.css"), "flow.css")
                .toExternalForm());
        diagram.getStyleClass().add("flow-diagram");
        diagram.setId("flow-diagram");
        content.getChildren().addAll(bandLayer, arrowLayer, boxLayer, markLayer, packetLayer);
        packetLayer.getChildren().add(packet);
        packetLayer.setMouseTransparent(true);
        diagram.getChildren().add(content);
        zoomGroup.getChildren().add(diagram);
        zoomGroup.getTransforms().addAll(translate, scale);
        viewport.getChildren().add(zoomGroup);
        viewport.setClip(viewportClip);
        viewport.getStyleClass().add("flow-viewport");

        FontIcon info = new FontIcon(MaterialDesignI.INFORMATION_OUTLINE);
        info.getStyleClass().add("flow-note-icon");
        manyLabel.getStyleClass().add("flow-many-text");
        manyButton.getStyleClass().add("flow-many-button");
        manyButton.setId("flow-open-sequence");
        manyButton.setOnAction(e -> {
            Runnable r = onShowSequence.get();
            if (r != null) {
                r.run();
            }
        });
        manyButton.visibleProperty().bind(onShowSequence.isNotNull());
        manyButton.managedProperty().bind(manyButton.visibleProperty());
        manyNote.getChildren().addAll(info, manyLabel, manyButton);
        manyNote.setAlignment(Pos.CENTER_LEFT);
        manyNote.getStyleClass().add("flow-many-note");
        manyNote.setId("flow-many-note");
        manyNote.setVisible(false);
        manyNote.setManaged(false);
        emptyLabel.getStyleClass().add("flow-empty");
        emptyLabel.setId("flow-empty");
        emptyLabel.setManaged(false);
        emptyLabel.setWrapText(true);
        getChildren().addAll(probes, viewport, manyNote, emptyLabel);

        model.stateProperty().addListener((o, a, b) -> onState());
        I18n.onLocaleChange(this, this::languageChanged);
        // a theme change gives the probes another font: every size derives from it
        ((Text) probes.getChildren().get(0)).fontProperty().addListener((o, a, b) -> {
            if (metrics != null && isShowing() && DiagramMetrics.read(probes).differsFrom(metrics)) {
                rebuildNow();
            }
        });
        sceneProperty().addListener((o, a, b) -> requestLayout());
        OnScreen.whenShown(this, this::catchUp);
        installZoom();
    }

    /** What the "sequence view" button of the many-messages hint does (no button when null). */
    public ObjectProperty<Runnable> onShowSequenceProperty() {
        return onShowSequence;
    }

    /**
     * The node to snapshot for a PNG: the whole figure at its natural size (not just what the
     * viewport shows), with the current state, legend included. The packet animation is finished
     * first. JavaFX thread only.
     */
    public Node exportNode() {
        finishPacket();
        ensureBuilt();
        if (builtFor != null && model.state() != null && shown != model.state()) {
            // drawn while hidden: the picture must show the cursor's state all the same
            apply(model.state(), TraceViewModel.Move.JUMP);
        }
        return diagram;
    }

    /** Writes the figure of the current state as SVG (atomically), for slides. JavaFX thread only. */
    public void writeSvg(Path file) throws IOException {
        Node n = exportNode();
        SvgExport.write(n, diagram.getPrefWidth(), diagram.getPrefHeight(), file);
    }

    /** The SVG text of the current state (what {@link #writeSvg} writes). */
    public String toSvg() {
        exportNode();
        return SvgExport.toSvg(diagram, diagram.getPrefWidth(), diagram.getPrefHeight());
    }

    // ------------------------------------------------------------------ state

    private boolean isShowing() {
        return getScene() != null && getScene().getWindow() != null && getScene().getWindow().isShowing();
    }

    private void onState() {
        if (getScene() == null) {
            requestLayout();
            return;
        }
        if (!OnScreen.isTreeVisible(this)) {
            // in the other tab (or hidden otherwise): nothing to draw now. The view draws from the state
            // alone, so it catches up when it is shown again (see catchUp)
            finishPacket();
            return;
        }
        // a new trace (or a live one grown by a step) is laid out first, then shown with its real move,
        // so that a growing lookup still animates its newest message
        ensureBuilt(false);
        apply(model.state(), model.lastMoveProperty().get());
    }

    private void ensureBuilt() {
        ensureBuilt(true);
    }

    /** Lays the trace out when it, the language or the sizes changed; shows the state when asked to. */
    private void ensureBuilt(boolean show) {
        if (getScene() == null) {
            return;
        }
        Playback p = model.playback();
        if (p != builtFor || !I18n.locale().equals(builtLocale) || metrics == null) {
            rebuild();
            shown = null;
            if (show && model.state() != null) {
                apply(model.state(), TraceViewModel.Move.LOAD);
            }
        }
    }

    private void rebuildNow() {
        builtFor = null;
        if (getScene() != null) {
            finishPacket();
            ensureBuilt();
        }
    }

    private void apply(PlaybackState state, TraceViewModel.Move move) {
        finishPacket();
        if (state == null || builtFor == null) {
            return;
        }
        int before = glyphs.size();
        List<Arrow> arrows = state.arrows();
        while (glyphs.size() > arrows.size()) {
            ArrowGlyph g = glyphs.remove(glyphs.size() - 1);
            arrowLayer.getChildren().remove(g.lines);
            markLayer.getChildren().remove(g.marks);
        }
        int current = arrows.size() - 1;
        int previousCurrent = shown == null ? -1 : Math.min(shown.arrows().size() - 1, glyphs.size() - 1);
        for (int i = 0; i < glyphs.size(); i++) {
            ArrowGlyph g = glyphs.get(i);
            boolean labelToggles = sparse || labelOnlyWhenCurrent.get(i);
            if (redrawAll || !g.arrow().equals(arrows.get(i))
                    || (labelToggles && (i == current || i == previousCurrent))) {
                draw(g, arrows.get(i), i == current);
            }
        }
        for (int i = glyphs.size(); i < arrows.size(); i++) {
            ArrowGlyph g = newGlyph();
            glyphs.add(g);
            draw(g, arrows.get(i), i == current);
            arrowLayer.getChildren().add(g.lines);
            markLayer.getChildren().add(g.marks);
        }
        redrawAll = false;
        for (int i = 0; i < glyphs.size(); i++) {
            ArrowGlyph g = glyphs.get(i);
            g.setState("current", i == current);
            g.setState("older", i < current);
        }
        for (EndpointBox b : boxes.values()) {
            EndpointMark mark = state.mark(b.endpointId());
            b.applyMark(mark, state.activeEndpoints().contains(b.endpointId()));
        }
        shown = state;
        boolean animate = move == TraceViewModel.Move.STEP_FORWARD && model.animateProperty().get()
                && state.isMessageStep() && arrows.size() == before + 1 && !glyphs.isEmpty();
        if (animate) {
            startPacket(glyphs.get(glyphs.size() - 1));
        }
    }

    private ArrowGlyph newGlyph() {
        ArrowGlyph g = new ArrowGlyph("");
        g.installTooltip(() -> FlowTexts.tooltip(g.arrow(), name(g.arrow().fromId()), name(g.arrow().toId())));
        for (Node n : g.pickables()) {
            n.setOnMouseEntered(e -> g.setState("hover", true));
            n.setOnMouseExited(e -> g.setState("hover", false));
            n.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress() && g.arrow() != null) {
                    model.openMessage(g.arrow().message());
                    e.consume();
                }
            });
        }
        return g;
    }

    private void draw(ArrowGlyph g, Arrow a, boolean current) {
        int i = a.number() - 1;
        ArrowGlyph.Geometry geo = geometries.get(i);
        ArrowGlyph.LabelRow row = labelRows.get(i);
        boolean labelHidden = sparse || labelOnlyWhenCurrent.get(i);
        if (labelHidden && !current) {
            geo = new ArrowGlyph.Geometry(geo.curve(), geo.badgeX(), geo.badgeY(), geo.badgeRadius(), Double.NaN, 0,
                    0);
        }
        ArrowLook look = ArrowLook.of(a);
        if (!look.equals(ArrowLook.of(finalArrows.get(i)))) {
            // the outcome known now differs from the final one (LOST comes later): measure again
            row = ArrowGlyph.measure(look, row.text(), FlowTexts.malformedTag(), metrics);
        }
        g.setArrow(a);
        g.draw(look, geo, row, metrics);
        if (labelHidden && current) {
            // its label found no free spot: while current it is shown above everything else
            g.marks.toFront();
        }
    }

    private String name(String id) {
        Endpoint e = endpoints.get(id);
        return FlowTexts.endpointName(e, id);
    }

    // ------------------------------------------------------------------ building

    private void rebuild() {
        builtFor = null;
        DiagramMetrics newMetrics = DiagramMetrics.read(probes);
        // same language and sizes (a live lookup growing, another trace of the same hosts): keep the box
        // and arrow nodes and only move them; otherwise start afresh
        boolean keepNodes = metrics != null && !newMetrics.differsFrom(metrics) && I18n.locale().equals(builtLocale);
        Map<String, EndpointBox> oldBoxes = keepNodes ? new HashMap<>(boxes) : Map.of();
        boxes.clear();
        endpoints.clear();
        geometries.clear();
        labelRows.clear();
        if (!keepNodes) {
            glyphs.clear();
            arrowLayer.getChildren().clear();
            markLayer.getChildren().clear();
        }
        redrawAll = true;
        bandLayer.getChildren().clear();
        boxLayer.getChildren().clear();
        if (legend != null) {
            content.getChildren().remove(legend);
            legend = null;
        }
        metrics = newMetrics;
        builtLocale = I18n.locale();
        emptyLabel.setText(I18n.get("flow.empty"));
        Playback p = model.playback();
        if (p == null) {
            emptyLabel.setVisible(true);
            manyNote.setVisible(false);
            diagram.setPrefSize(1, 1);
            requestLayout();
            return;
        }
        emptyLabel.setVisible(false);
        Trace trace = p.trace();
        for (Endpoint e : trace.endpoints()) {
            endpoints.put(e.id(), e);
        }
        // more room between the rows of servers than the lecture layout gives: labels run along the arrows,
        // and the more arrows share a pair of boxes, the more bows stand side by side
        FlowDiagram flow = FlowLayout.of(trace).stretched(STRETCH_X, stretchY(p.last().arrows()));
        double u = metrics.em(UNIT_EM);
        double gap = metrics.em(0.3);
        List<FlowPlacement.Obb> obstacles = new ArrayList<>();
        List<FlowPlacement.Obb> taken = new ArrayList<>();
        Extent extent = new Extent();

        Map<String, Integer> order = new HashMap<>();
        for (FlowBox b : flow.boxes()) {
            order.put(b.endpointId(), order.size());
            EndpointBox box = oldBoxes.get(b.endpointId());
            if (box == null || !box.shows(b.role(), endpoints.get(b.endpointId()), b.displayName())) {
                box = new EndpointBox("", b.endpointId(), b.role(), endpoints.get(b.endpointId()), b.displayName(),
                        metrics);
            }
            box.place(b.x() * u, b.y() * u, b.width() * u, b.height() * u);
            boxes.put(b.endpointId(), box);
            boxLayer.getChildren().add(box);
            double x0 = (b.x() - b.width() / 2) * u;
            double y0 = (b.y() - b.height() / 2) * u;
            double x1 = (b.x() + b.width() / 2) * u;
            double y1 = (b.y() + b.height() / 2) * u;
            obstacles.add(FlowPlacement.Obb.axis(x0, y0, x1, y1).inflate(metrics.em(0.15)));
            // room for the cache badge above and the skip reason below a box
            extent.add(x0 - metrics.em(0.5), y0 - metrics.em(1.1), x1, y1 + metrics.em(0.8));
        }
        // zone bands: behind the servers of one zone, the zone written at the top right
        for (ZoneBand band : flow.bands()) {
            FlowBox any = flow.boxes().stream().filter(b -> b.column() == band.column()).findFirst().orElse(null);
            if (any == null) {
                continue;
            }
            double padX = metrics.em(0.5);
            double left = (any.x() - any.width() / 2) * u - padX;
            double right = (any.x() + any.width() / 2) * u + padX;
            double labelH = metrics.height(DiagramMetrics.NOTE);
            double top = band.top() * u - labelH - metrics.em(0.35);
            double bottom = band.bottom() * u + metrics.em(0.4);
            Rectangle rect = new Rectangle(left, top, right - left, bottom - top);
            rect.setArcWidth(metrics.em(0.8));
            rect.setArcHeight(metrics.em(0.8));
            int depth = Math.min(5, band.zone().labels() - 1);
            rect.getStyleClass().addAll("flow-zone-band", "zone-depth-" + depth);
            String zoneText = FlowTexts.zone(band.zone());
            Text label = new Text(zoneText);
            label.getStyleClass().addAll(DiagramMetrics.NOTE, "flow-zone-label");
            label.setTextOrigin(VPos.CENTER);
            double lw = metrics.width(zoneText, DiagramMetrics.NOTE);
            label.setX(right - padX - lw);
            label.setY(top + metrics.em(0.2) + labelH / 2);
            label.setId("zone-label-" + FlowTexts.plain(band.zone()));
            bandLayer.getChildren().addAll(rect, label);
            obstacles.add(FlowPlacement.Obb.axis(right - padX - lw, top + metrics.em(0.2), right - padX,
                    top + metrics.em(0.2) + labelH));
            taken.add(FlowPlacement.Obb.axis(left, top, right, bottom));
            extent.add(left, top, right, bottom);
        }
        taken.addAll(obstacles);

        // every arrow of the whole trace: its bow, and where its badge and label go
        List<Arrow> all = p.last().arrows();
        finalArrows = all;
        sparse = all.size() > MANY_MESSAGES;
        List<FlowRoute> routes = flow.routes(trace.messages());
        List<FlowPlacement.Request> requests = new ArrayList<>(all.size());
        Map<String, Integer> ordinal = new HashMap<>();
        // how many other boxes each box exchanges messages with: labels keep away from the hub of a fan
        Map<String, Set<String>> partners = new HashMap<>();
        for (Arrow a : all) {
            partners.computeIfAbsent(a.fromId(), x -> new java.util.HashSet<>()).add(a.toId());
            partners.computeIfAbsent(a.toId(), x -> new java.util.HashSet<>()).add(a.fromId());
        }
        String malformed = FlowTexts.malformedTag();
        double spacing = metrics.em(BOW_SPACING_EM);
        for (Arrow a : all) {
            FlowRoute r = routes.get(a.number() - 1);
            FlowBox from = flow.box(a.fromId()).orElseThrow();
            FlowBox to = flow.box(a.toId()).orElseThrow();
            // lanes are measured against the direction from the box listed first, as FlowDiagram does
            boolean forward = order.get(a.fromId()) <= order.get(a.toId());
            FlowBox first = forward ? from : to;
            FlowBox second = forward ? to : from;
            double dx = second.x() - first.x();
            double dy = second.y() - first.y();
            double d = Math.hypot(dx, dy);
            double nx = d == 0 ? 0 : -dy / d;
            double ny = d == 0 ? 1 : dx / d;
            int side = r.lane() >= 0 ? 1 : -1;
            String key = first.endpointId() + "\u0000" + second.endpointId() + "\u0000" + side;
            int k = ordinal.merge(key, 1, Integer::sum) - 1;
            double endOffset = r.lane() * FlowDiagram.LANE_WIDTH * u;
            double bow = side * Math.max((Math.min(k, MAX_BOWS - 1) + 0.5) * spacing, Math.abs(endOffset));
            FlowPlacement.Curve curve = from == to
                    ? FlowPlacement.Curve.straight(r.x1() * u, r.y1() * u, r.x2() * u, r.y2() * u)
                    : FlowPlacement.Curve.bowed(r.x1() * u, r.y1() * u, r.x2() * u, r.y2() * u, nx, ny, endOffset,
                    bow);
            ArrowLook look = ArrowLook.of(a);
            double radius = ArrowGlyph.badgeRadius(a.number(), metrics);
            double head = ArrowGlyph.headLength(look, metrics);
            int fanFrom = partners.get(a.fromId()).size();
            int fanTo = partners.get(a.toId()).size();
            double preferred = fanFrom > fanTo ? 0.6 : fanFrom < fanTo ? 0.4 : 0.5;
            FlowPlacement.Request probe = new FlowPlacement.Request(curve, radius, 1, 1, 1, head, preferred);
            double room = probe.steep() ? Double.POSITIVE_INFINITY
                    : curve.chord() - 2 * radius - head - 4 * gap;
            ArrowGlyph.LabelRow row = fittedRow(a, look, malformed, room);
            labelRows.add(row);
            int outward = nx * side >= 0 ? 1 : -1;
            // the cross of a lost message and the shield of an ignored one must stay visible
            if (look.lost() || look.ignored()) {
                double t = look.lost() ? ArrowGlyph.LOST_CROSS : ArrowGlyph.IGNORED_MARK;
                double mx = curve.xAt(t);
                double my = curve.yAt(t);
                double mr = metrics.em(0.75);
                obstacles.add(FlowPlacement.Obb.axis(mx - mr, my - mr, mx + mr, my + mr));
            }
            requests.add(new FlowPlacement.Request(curve, radius, row.width(), row.height(), outward, head,
                    preferred));
        }
        List<FlowPlacement.Placed> placed = FlowPlacement.place(obstacles, requests, gap, !sparse);
        crowded = (int) placed.stream().filter(FlowPlacement.Placed::crowded).count();

        labelOnlyWhenCurrent.clear();
        for (FlowPlacement.Placed pl : placed) {
            labelOnlyWhenCurrent.add(pl.labelOnlyWhenCurrent());
        }
        List<double[]> pieces = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            FlowPlacement.Request rq = requests.get(i);
            FlowPlacement.Placed pl = placed.get(i);
            boolean label = rq.hasLabel();
            geometries.add(new ArrowGlyph.Geometry(rq.curve(), pl.badgeX(), pl.badgeY(), rq.badgeRadius(),
                    label ? pl.labelX() : Double.NaN, pl.labelY(), pl.labelDegrees()));
            FlowPlacement.Obb[] parts = FlowPlacement.parts(rq, pl);
            for (FlowPlacement.Obb part : parts) {
                if ((!sparse && !pl.labelOnlyWhenCurrent()) || part == parts[0]) {
                    taken.add(part);
                }
                double[] b = part.bounds();
                extent.add(b[0], b[1], b[2], b[3]);
            }
            for (double[] piece : rq.curve().pieces(12)) {
                pieces.add(piece);
                extent.add(Math.min(piece[0], piece[2]), Math.min(piece[1], piece[3]),
                        Math.max(piece[0], piece[2]), Math.max(piece[1], piece[3]));
            }
        }
        if (extent.isEmpty()) {
            extent.add(0, 0, u, u);
        }
        placeLegend(p, all, extent, taken, pieces);

        double margin = metrics.em(MARGIN_EM);
        content.setTranslateX(margin - extent.minX);
        content.setTranslateY(margin - extent.minY);
        double w = extent.maxX - extent.minX + 2 * margin;
        double h = extent.maxY - extent.minY + 2 * margin;
        diagram.setMinSize(w, h);
        diagram.setPrefSize(w, h);
        diagram.setMaxSize(w, h);
        manyLabel.setText(I18n.get("flow.many", all.size()));
        manyButton.setText(I18n.get("flow.many.open"));
        manyNote.setVisible(sparse);
        builtFor = p;
        requestLayout();
    }

    /** Vertical stretch: 1.3 for up to two arrows per pair and direction, more for busier pairs. */
    static double stretchY(List<Arrow> arrows) {
        Map<String, Integer> perSide = new HashMap<>();
        int max = 0;
        for (Arrow a : arrows) {
            boolean forward = a.fromId().compareTo(a.toId()) <= 0;
            String key = (forward ? a.fromId() + "\u0000" + a.toId() : a.toId() + "\u0000" + a.fromId()) + a.kind();
            max = Math.max(max, perSide.merge(key, 1, Integer::sum));
        }
        return Math.max(STRETCH_Y, Math.min(MAX_STRETCH_Y, 1 + 0.2 * Math.min(max, MAX_BOWS)));
    }

    /** The label row of an arrow, its text cut so that the row fits {@code room} pixels. */
    private ArrowGlyph.LabelRow fittedRow(Arrow a, ArrowLook look, String malformed, double room) {
        int max = LABEL_MAX_CHARS;
        ArrowGlyph.LabelRow row = ArrowGlyph.measure(look, FlowTexts.label(a, max), malformed, metrics);
        while (row.width() > room && max > MIN_LABEL_CHARS) {
            max--;
            row = ArrowGlyph.measure(look, FlowTexts.label(a, max), malformed, metrics);
        }
        return row;
    }

    /** The rectangle around everything drawn, grown piece by piece. */
    private static final class Extent {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;

        void add(double x0, double y0, double x1, double y1) {
            minX = Math.min(minX, x0);
            minY = Math.min(minY, y0);
            maxX = Math.max(maxX, x1);
            maxY = Math.max(maxY, y1);
        }

        boolean isEmpty() {
            return minX > maxX;
        }
    }

    /** Puts the legend into a free corner of the figure, or below it (growing the extent). */
    private void placeLegend(Playback p, List<Arrow> all, Extent extent, List<FlowPlacement.Obb> taken,
                             List<double[]> pieces) {
        Set<String> present = FlowLegend.presentIn(p);
        double gap = metrics.em(0.8);
        for (int columns : new int[] {2, 1}) {
            FlowLegend candidate = FlowLegend.of(present, metrics, columns);
            content.getChildren().add(candidate);
            candidate.applyCss();
            candidate.autosize();
            double lw = candidate.getWidth();
            double lh = candidate.getHeight();
            double[][] spots = {
                {extent.maxX - lw, extent.maxY - lh},
                {extent.minX, extent.maxY - lh},
                {extent.minX, extent.minY},
                {extent.maxX - lw, extent.minY},
            };
            boolean fits = lw <= extent.maxX - extent.minX && lh <= extent.maxY - extent.minY;
            for (double[] s : spots) {
                FlowPlacement.Obb r = FlowPlacement.Obb.axis(s[0], s[1], s[0] + lw, s[1] + lh).inflate(gap);
                if (fits && free(r, taken, pieces)) {
                    candidate.relocate(s[0], s[1]);
                    legend = candidate;
                    return;
                }
            }
            content.getChildren().remove(candidate);
        }
        FlowLegend below = FlowLegend.of(present, metrics, Math.min(3, Math.max(1, present.size() / 3)));
        content.getChildren().add(below);
        below.applyCss();
        below.autosize();
        below.relocate(extent.minX, extent.maxY + gap);
        legend = below;
        extent.add(extent.minX, extent.maxY + gap, extent.minX + below.getWidth(),
                extent.maxY + gap + below.getHeight());
    }

    private static boolean free(FlowPlacement.Obb r, List<FlowPlacement.Obb> taken, List<double[]> pieces) {
        for (FlowPlacement.Obb b : taken) {
            if (r.overlaps(b)) {
                return false;
            }
        }
        for (double[] s : pieces) {
            if (r.intersects(s[0], s[1], s[2], s[3])) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ packet

    private static Group packet() {
        Rectangle body = new Rectangle();
        body.getStyleClass().add("flow-packet-body");
        javafx.scene.shape.Path flap = new javafx.scene.shape.Path();
        flap.getStyleClass().add("flow-packet-flap");
        Text number = new Text();
        number.getStyleClass().addAll(DiagramMetrics.BADGE, "flow-packet-number");
        number.setTextOrigin(VPos.CENTER);
        Group g = new Group(body, flap, number);
        g.getStyleClass().add("flow-packet");
        g.setId("flow-packet");
        g.setVisible(false);
        return g;
    }

    private void startPacket(ArrowGlyph g) {
        double w = metrics.em(2.3);
        double h = metrics.em(1.6);
        Rectangle body = (Rectangle) packet.getChildren().get(0);
        javafx.scene.shape.Path flap = (javafx.scene.shape.Path) packet.getChildren().get(1);
        Text number = (Text) packet.getChildren().get(2);
        body.setX(-w / 2);
        body.setY(-h / 2);
        body.setWidth(w);
        body.setHeight(h);
        body.setArcWidth(metrics.em(0.4));
        body.setArcHeight(metrics.em(0.4));
        flap.getElements().setAll(new MoveTo(-w / 2, -h / 2), new LineTo(0, 0), new LineTo(w / 2, -h / 2));
        String num = Integer.toString(g.look().number());
        number.setText(num);
        number.setX(-metrics.width(num, DiagramMetrics.BADGE) / 2);
        number.setY(h * 0.12);
        packet.getStyleClass().setAll("flow-packet");
        packet.getStyleClass().addAll(g.look().classes().subList(1, g.look().classes().size()));
        packetGlyph = g;
        g.setProgress(0);
        double speed = Math.max(0.05, model.speedProperty().get());
        Duration d = PACKET_DURATION.divide(speed);
        packetRun = new Transition() {
            {
                setCycleDuration(d);
                setInterpolator(Interpolator.EASE_BOTH);
            }

            @Override
            protected void interpolate(double f) {
                g.setProgress(f);
                double[] pt = g.pointAt(f);
                packet.setTranslateX(pt[0]);
                packet.setTranslateY(pt[1]);
            }
        };
        packetRun.setOnFinished(e -> finishPacket());
        double[] start = g.pointAt(0);
        packet.setTranslateX(start[0]);
        packet.setTranslateY(start[1]);
        packet.setVisible(true);
        packetRun.play();
    }

    /** Ends a running packet animation at once, leaving exactly the state's drawing. */
    private void finishPacket() {
        if (packetRun != null) {
            Transition t = packetRun;
            packetRun = null;
            t.stop();
        }
        if (packetGlyph != null) {
            packetGlyph.setProgress(1);
            packetGlyph = null;
        }
        packet.setVisible(false);
    }

    /** True while a packet is travelling (for tests). */
    boolean isAnimating() {
        return packetRun != null;
    }

    // ------------------------------------------------------------------ layout, zoom

    /** Shows the cursor's state if it moved while the view was hidden (no animation: like a jump). */
    private void catchUp() {
        if (getScene() == null || !OnScreen.isTreeVisible(this)) {
            return;
        }
        // built even without a trace: building sets the hint that no lookup is open
        ensureBuilt();
        if (builtFor != null && model.state() != null && shown != model.state()) {
            apply(model.state(), TraceViewModel.Move.JUMP);
        }
    }

    @Override
    protected void layoutChildren() {
        if (getScene() != null && OnScreen.isTreeVisible(this)
                && (builtFor != model.playback() || metrics == null || shown != model.state())) {
            catchUp();
        }
        double w = getWidth();
        double h = getHeight();
        viewport.resizeRelocate(0, 0, w, h);
        viewportClip.setWidth(w);
        viewportClip.setHeight(h);
        fit();
        if (manyNote.isVisible()) {
            double nw = Math.min(w - metrics.em(1), manyNote.prefWidth(-1));
            double nh = manyNote.prefHeight(nw);
            manyNote.resizeRelocate((w - nw) / 2, metrics.em(0.4), nw, nh);
        }
        if (emptyLabel.isVisible()) {
            double ew = Math.min(w * 0.8, emptyLabel.prefWidth(-1));
            double eh = emptyLabel.prefHeight(ew);
            emptyLabel.resizeRelocate((w - ew) / 2, (h - eh) / 2, ew, eh);
        }
    }

    private double fitScale() {
        double w = getWidth();
        double h = getHeight();
        double dw = diagram.getPrefWidth();
        double dh = diagram.getPrefHeight();
        if (w <= 0 || h <= 0 || dw <= 0 || dh <= 0) {
            return 1;
        }
        double top = manyNote.isVisible() && metrics != null ? manyNote.prefHeight(-1) + metrics.em(0.6) : 0;
        return Math.min(w / dw, Math.max(1, h - top) / dh);
    }

    private void fit() {
        double s = fitScale() * zoom;
        double dw = diagram.getPrefWidth();
        double dh = diagram.getPrefHeight();
        double top = manyNote.isVisible() && metrics != null ? manyNote.prefHeight(-1) + metrics.em(0.6) : 0;
        scale.setX(s);
        scale.setY(s);
        translate.setX((getWidth() - dw * s) / 2 + panX);
        translate.setY(top + (getHeight() - top - dh * s) / 2 + panY);
    }

    private void installZoom() {
        addEventFilter(ScrollEvent.SCROLL, e -> {
            if (!e.isControlDown() || e.getDeltaY() == 0) {
                return;
            }
            double old = fitScale() * zoom;
            double dx = (e.getX() - translate.getX()) / old;
            double dy = (e.getY() - translate.getY()) / old;
            zoom = Math.max(1, Math.min(MAX_ZOOM, zoom * (e.getDeltaY() > 0 ? 1.15 : 1 / 1.15)));
            if (zoom == 1) {
                panX = 0;
                panY = 0;
            } else {
                fit();
                double s = fitScale() * zoom;
                panX += e.getX() - (translate.getX() + dx * s);
                panY += e.getY() - (translate.getY() + dy * s);
            }
            fit();
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            dragX = e.getX();
            dragY = e.getY();
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (zoom > 1) {
                panX += e.getX() - dragX;
                panY += e.getY() - dragY;
                dragX = e.getX();
                dragY = e.getY();
                fit();
            }
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getClickCount() == 2 && e.getButton() == MouseButton.PRIMARY) {
                zoom = 1;
                panX = 0;
                panY = 0;
                fit();
            }
        });
    }

    /** Zoom factor on top of fitting (1 = fit), for tests and a zoom control. */
    public double zoom() {
        return zoom;
    }

    // ------------------------------------------------------------------ for tests

    /**
     * A text description of everything drawn now: boxes with their marks, and per arrow its classes,
     * label, marks and geometry. Two equal descriptions mean the same picture.
     */
    String describeDrawnState() {
        StringBuilder b = new StringBuilder();
        for (EndpointBox box : boxes.values()) {
            b.append(box.describe()).append('\n');
        }
        for (ArrowGlyph g : glyphs) {
            ArrowGlyph.Geometry geo = g.geometry();
            b.append("arrow ").append(g.look().number()).append(' ').append(g.lines.getStyleClass())
                    .append(" label='").append(g.shownLabel()).append("' marks=").append(g.shownMarks())
                    .append(String.format(Locale.ROOT, " curve=(%.1f,%.1f)-(%.1f,%.1f)-(%.1f,%.1f) badge=(%.1f,%.1f)",
                            geo.curve().x0(), geo.curve().y0(), geo.curve().cx(), geo.curve().cy(), geo.curve().x2(),
                            geo.curve().y2(), geo.badgeX(), geo.badgeY()))
                    .append('\n');
        }
        b.append("note=").append(manyNote.isVisible()).append(" packet=").append(packet.isVisible());
        return b.toString();
    }

    /** The arrow glyphs drawn now (for tests). */
    List<ArrowGlyph> glyphs() {
        return List.copyOf(glyphs);
    }

    FlowLegend legend() {
        return legend;
    }

    /** Badges that found no free spot (they overlap a box or another arrow's badge or label). */
    int crowdedUnits() {
        return crowded;
    }

    /** Arrows whose label found no free spot and shows only while they are current. */
    int labelsOnlyWhenCurrent() {
        return (int) labelOnlyWhenCurrent.stream().filter(b -> b).count();
    }

    /** Views not on screen (an old scene, a closed window) rebuild when they are laid out again. */
    private void languageChanged() {
        if (isShowing()) {
            rebuildNow();
        } else {
            requestLayout();
        }
    }
}
