package org.resolvefx.ui.flow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.geometry.Orientation;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import org.resolvefx.core.namespace.Lifeline;
import org.resolvefx.core.namespace.SequenceDiagram;
import org.resolvefx.core.namespace.SequenceLayout;
import org.resolvefx.core.namespace.SequenceRow;
import org.resolvefx.core.playback.Arrow;
import org.resolvefx.core.playback.Playback;
import org.resolvefx.core.playback.PlaybackState;
import org.resolvefx.core.trace.Endpoint;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.ui.i18n.I18n;
import org.resolvefx.ui.trace.TraceViewModel;

/**
 * The open trace as a sequence diagram, the view for long lookups: one lifeline per host (their heads
 * stay at the top while the rows scroll), time downwards, one row per event from
 * {@link SequenceLayout}: messages as numbered, labelled arrows drawn like in the flow view, other
 * events as notes on the lifeline they concern. Rows after the cursor are drawn faintly, without
 * labels or notes, so the lecture gives nothing away but the next steps can still be clicked.
 *
 * <p>Virtualised: only the rows in the viewport (plus {@value #OVERSCAN} above and below) have nodes,
 * and those nodes are reused while scrolling, so 10,000 rows scroll like 10.
 */
public final class SequenceView extends Region {
    /** The exported picture shows at most this many rows: the last ones up to the cursor. */
    public static final int EXPORT_ROWS = 60;
    static final int OVERSCAN = 4;
    /** Rows ahead whose spans a sideways scroll brings into sight with the current row's (when they fit). */
    static final int LOOK_AHEAD = 16;
    static final double ROW_EM = 2.8;
    /** Smallest distance between two lifelines; wider views spread them out. */
    static final double SPACING_EM = 17;
    /** Room above the lifeline heads (for their cache badges). */
    static final double HEAD_TOP_EM = 1.2;
    static final double GUTTER_EM = 6.2;
    static final double BOX_HEIGHT_EM = 4.2;

    private final TraceViewModel model;
    private final Group probes = DiagramMetrics.probes();
    private final Pane header = new Pane();
    private final Group headerContent = new Group();
    private final Rectangle headerClip = new Rectangle();
    private final Pane body = new Pane();
    private final Group rowsLayer = new Group();
    private final Rectangle bodyClip = new Rectangle();
    private final ScrollBar vbar = new ScrollBar();
    private final ScrollBar hbar = new ScrollBar();
    private final Label emptyLabel = new Label();
    private final Group exportHost = new Group();

    private Playback builtFor;
    private Locale builtLocale;
    private Context context;
    private final Map<String, EndpointBox> heads = new LinkedHashMap<>();
    private final Map<Integer, SequenceRowNode> active = new HashMap<>();
    private final Deque<SequenceRowNode> pool = new ArrayDeque<>();
    private double scrollX;
    private double scrollY;
    private boolean revealPending;
    private boolean revealCentre;
    private boolean revealBackwards;
    private boolean updatingBars;
    /** The state the rows were last drawn for (the cursor may move on while the view is hidden). */
    private PlaybackState applied;

    public SequenceView(TraceViewModel model) {
        this.model = Objects.requireNonNull(model, "model");
        getStyleClass().add("sequence-view");
        setId("sequence-view");
        getStylesheets().add(Objects.requireNonNull(FlowView.class.getResource("flow.css"), "flow.css")
                .toExternalForm());
        header.getStyleClass().add("sequence-header");
        header.getChildren().add(headerContent);
        header.setClip(headerClip);
        body.getStyleClass().add("sequence-body");
        body.getChildren().add(rowsLayer);
        body.setClip(bodyClip);
        vbar.setOrientation(Orientation.VERTICAL);
        vbar.setId("sequence-vbar");
        hbar.setId("sequence-hbar");
        vbar.valueProperty().addListener((o, a, b) -> {
            if (!updatingBars) {
                scrollTo(scrollX, b.doubleValue());
            }
        });
        hbar.valueProperty().addListener((o, a, b) -> {
            if (!updatingBars) {
                scrollTo(b.doubleValue(), scrollY);
            }
        });
        emptyLabel.getStyleClass().add("flow-empty");
        emptyLabel.setWrapText(true);
        emptyLabel.setManaged(false);
        // the export picture is built in the scene (so CSS applies) but never shown
        exportHost.setManaged(false);
        exportHost.setClip(new Rectangle(0, 0, 0, 0));
        getChildren().addAll(probes, header, body, vbar, hbar, emptyLabel, exportHost);
        addEventHandler(ScrollEvent.SCROLL, e -> {
            double dx = e.isShiftDown() && e.getDeltaX() == 0 ? e.getDeltaY() : e.getDeltaX();
            double dy = e.isShiftDown() && e.getDeltaX() == 0 ? 0 : e.getDeltaY();
            scrollTo(scrollX - dx, scrollY - dy);
            e.consume();
        });
        model.stateProperty().addListener((o, a, b) -> onState());
        I18n.onLocaleChange(this, this::languageChanged);
        ((Text) probes.getChildren().get(0)).fontProperty().addListener((o, a, b) -> {
            if (context != null && isShowing() && DiagramMetrics.read(probes).differsFrom(context.metrics)) {
                rebuildNow();
            }
        });
        sceneProperty().addListener((o, a, b) -> requestLayout());
        OnScreen.whenShown(this, this::catchUp);
    }

    /** What the rows and their nodes need to know, shared by the view and its export picture. */
    final class Context {
        final DiagramMetrics metrics;
        final SequenceDiagram diagram;
        final List<TraceEvent> events;
        final Map<String, Double> xs = new HashMap<>();
        final double[] lifelineXs;
        final double rowHeight;
        final double spacing;
        final double gutter;
        final double contentWidth;
        final double headerHeight;
        final int[] sideDepth;
        final int[] rowOfEvent;
        final Map<String, Endpoint> endpoints = new HashMap<>();
        final String idPrefix;
        int currentRow = -1;
        // texts measured or formatted once per row (rebuilt with the context on language or theme changes)
        private final String[] times;
        private final String[] notes;
        private final Map<Integer, ArrowLook> labelLooks = new HashMap<>();
        private final Map<Integer, ArrowGlyph.LabelRow> labelRows = new HashMap<>();

        Context(DiagramMetrics m, Trace trace, SequenceDiagram d, String idPrefix, double spacing) {
            this.metrics = m;
            this.diagram = d;
            this.events = trace.events();
            this.idPrefix = idPrefix;
            this.rowHeight = Math.round(m.em(ROW_EM));
            this.spacing = spacing;
            this.gutter = m.em(GUTTER_EM);
            List<Lifeline> ls = d.lifelines();
            lifelineXs = new double[ls.size()];
            for (int i = 0; i < ls.size(); i++) {
                double x = gutter + spacing / 2 + i * spacing;
                lifelineXs[i] = x;
                xs.put(ls.get(i).endpointId(), x);
            }
            contentWidth = gutter + Math.max(1, ls.size()) * spacing;
            headerHeight = m.em(BOX_HEIGHT_EM + HEAD_TOP_EM + 0.6);
            for (Endpoint e : trace.endpoints()) {
                endpoints.put(e.id(), e);
            }
            // side lookups: how deeply each row is nested in glueless name-server lookups
            List<SequenceRow> rows = d.rows();
            sideDepth = new int[rows.size()];
            int depth = 0;
            int r = 0;
            for (int i = 0; i < events.size() && r < rows.size(); i++) {
                TraceEvent e = events.get(i);
                if (e instanceof TraceEvent.SideResolutionStarted) {
                    depth++;
                }
                if (rows.get(r).eventIndex() == i) {
                    sideDepth[r] = depth;
                    r++;
                }
                if (e instanceof TraceEvent.SideResolutionFinished) {
                    depth = Math.max(0, depth - 1);
                }
            }
            times = new String[rows.size()];
            notes = new String[rows.size()];
            rowOfEvent = new int[events.size()];
            int last = -1;
            int next = 0;
            for (int i = 0; i < events.size(); i++) {
                if (next < rows.size() && rows.get(next).eventIndex() == i) {
                    last = next++;
                }
                rowOfEvent[i] = last;
            }
        }

        String timeText(int row) {
            if (times[row] == null) {
                times[row] = I18n.get("flow.seq.time", events.get(diagram.rows().get(row).eventIndex()).atMicros()
                        / 1000.0);
            }
            return times[row];
        }

        String noteText(int row, TraceEvent e) {
            if (notes[row] == null) {
                notes[row] = FlowTexts.note(e);
            }
            return notes[row];
        }

        /** The label row of a row's arrow, measured once per look (a query's look changes when it is lost). */
        ArrowGlyph.LabelRow labelRow(int row, ArrowLook look, java.util.function.Supplier<ArrowGlyph.LabelRow> make) {
            if (!look.equals(labelLooks.get(row))) {
                labelLooks.put(row, look);
                labelRows.put(row, make.get());
            }
            return labelRows.get(row);
        }

        Context withPrefix(String prefix) {
            Context c = new Context(metrics, model.trace(), diagram, prefix, spacing);
            c.currentRow = currentRow;
            return c;
        }

        List<SequenceRow> rows() {
            return diagram.rows();
        }

        DiagramMetrics metrics() {
            return metrics;
        }

        double rowHeight() {
            return rowHeight;
        }

        double contentWidth() {
            return contentWidth;
        }

        double spacing() {
            return spacing;
        }

        double gutter() {
            return gutter;
        }

        int currentRow() {
            return currentRow;
        }

        double[] lifelineXs() {
            return lifelineXs;
        }

        List<TraceEvent> events() {
            return events;
        }

        String idPrefix() {
            return idPrefix;
        }

        double x(String endpointId) {
            Double x = xs.get(endpointId);
            return x == null ? gutter : x;
        }

        int sideDepth(int row) {
            return row >= 0 && row < sideDepth.length ? sideDepth[row] : 0;
        }

        /** The row showing position k (the row of the last event that happened), -1 before any. */
        int rowForPosition(int k) {
            return k <= 0 || rowOfEvent.length == 0 ? -1 : rowOfEvent[Math.min(k, rowOfEvent.length) - 1];
        }

        String name(String id) {
            return FlowTexts.endpointName(endpoints.get(id), id);
        }

        void open(Arrow a) {
            model.openMessage(a.message());
        }

        void jumpToRow(int row) {
            model.jumpTo(diagram.rows().get(row).eventIndex() + 1);
        }
    }

    // ------------------------------------------------------------------ export

    /**
     * The node to snapshot for a PNG: the lifeline heads and the rows up to the cursor, at most
     * {@value #EXPORT_ROWS} of them (the last ones before and at the cursor), and the legend below.
     * Built anew on each call, inside the view's scene so that its CSS applies. JavaFX thread only.
     */
    public Node exportNode() {
        if (!ensureBuilt() && context != null && applied != model.state() && model.state() != null) {
            // drawn while hidden: bring the current row up to date first
            apply(TraceViewModel.Move.JUMP);
        }
        exportHost.getChildren().clear();
        Pane pane = new Pane();
        pane.getStyleClass().add("sequence-export");
        pane.setId("sequence-export");
        exportHost.getChildren().add(pane);
        if (context == null) {
            pane.setPrefSize(1, 1);
            return pane;
        }
        Context c = context.withPrefix("export-");
        PlaybackState s = model.state();
        int to = c.currentRow;
        int from = Math.max(0, to - EXPORT_ROWS + 1);
        int count = to < 0 ? 0 : to - from + 1;
        DiagramMetrics m = c.metrics;
        double top = c.headerHeight;
        Group heads = new Group();
        addHeads(heads, c, s, "export-");
        javafx.scene.shape.Path lines = new javafx.scene.shape.Path();
        lines.getStyleClass().add("sequence-lifeline");
        double rowsBottom = top + Math.max(1, count) * c.rowHeight;
        for (double x : c.lifelineXs) {
            lines.getElements().addAll(new MoveTo(x, top - m.em(0.5)), new LineTo(x, rowsBottom));
        }
        pane.getChildren().addAll(lines, heads);
        for (int i = 0; i < count; i++) {
            SequenceRowNode row = new SequenceRowNode(c);
            row.bind(from + i, s);
            row.setLayoutY(top + i * c.rowHeight);
            pane.getChildren().add(row);
        }
        FlowLegend legend = FlowLegend.of(FlowLegend.presentIn(model.playback()), m, 3);
        pane.getChildren().add(legend);
        legend.applyCss();
        legend.autosize();
        legend.relocate(m.em(0.8), rowsBottom + m.em(1));
        double w = Math.max(c.contentWidth, legend.getWidth() + m.em(1.6));
        double h = rowsBottom + m.em(2) + legend.getHeight();
        pane.setMinSize(w, h);
        pane.setPrefSize(w, h);
        pane.setMaxSize(w, h);
        pane.applyCss();
        pane.layout();
        return pane;
    }

    /** Writes the export picture ({@link #exportNode()}) as SVG, atomically. JavaFX thread only. */
    public void writeSvg(Path file) throws IOException {
        Region n = (Region) exportNode();
        SvgExport.write(n, n.getPrefWidth(), n.getPrefHeight(), file);
    }

    /** The SVG text of the export picture. */
    public String toSvg() {
        Region n = (Region) exportNode();
        return SvgExport.toSvg(n, n.getPrefWidth(), n.getPrefHeight());
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
            // in the other tab: nothing to draw now; the rows are drawn from the state when it is shown
            return;
        }
        if (ensureBuilt()) {
            return;
        }
        apply(model.lastMoveProperty().get());
    }

    /** Shows the cursor's state if it moved while the view was hidden (centred on it, like a jump). */
    private void catchUp() {
        if (getScene() == null || !OnScreen.isTreeVisible(this)) {
            return;
        }
        // built even without a trace: building sets the hint that no lookup is open
        if (!ensureBuilt() && model.state() != null && applied != model.state()) {
            apply(TraceViewModel.Move.JUMP);
        }
    }

    /** Builds for the current trace when needed; true when it (re)built and showed the state. */
    private boolean ensureBuilt() {
        if (getScene() == null) {
            return false;
        }
        Playback p = model.playback();
        if (p != builtFor || !I18n.locale().equals(builtLocale) || context == null) {
            rebuild();
            apply(TraceViewModel.Move.LOAD);
            return true;
        }
        return false;
    }

    private void rebuildNow() {
        builtFor = null;
        context = null;
        if (getScene() != null) {
            ensureBuilt();
        }
    }

    private void rebuild() {
        for (SequenceRowNode n : active.values()) {
            rowsLayer.getChildren().remove(n);
        }
        active.clear();
        pool.clear();
        rowsLayer.getChildren().clear();
        heads.clear();
        headerContent.getChildren().clear();
        builtLocale = I18n.locale();
        Playback p = model.playback();
        emptyLabel.setText(I18n.get("flow.empty"));
        if (p == null) {
            context = null;
            builtFor = null;
            emptyLabel.setVisible(true);
            requestLayout();
            return;
        }
        emptyLabel.setVisible(false);
        DiagramMetrics m = DiagramMetrics.read(probes);
        Trace trace = p.trace();
        SequenceDiagram d = SequenceLayout.of(trace);
        context = new Context(m, trace, d, "", spacingFor(m, d, getWidth()));
        addHeads(headerContent, context, model.state(), "");
        scrollX = 0;
        scrollY = 0;
        builtFor = p;
        requestLayout();
    }

    private void addHeads(Group into, Context c, PlaybackState s, String prefix) {
        DiagramMetrics m = c.metrics;
        double w = c.spacing - m.em(1.2);
        double h = m.em(BOX_HEIGHT_EM);
        for (Lifeline l : c.diagram.lifelines()) {
            EndpointBox box = new EndpointBox(prefix + "seq-", l.endpointId(), l.role(), c.endpoints.get(l.endpointId()),
                    l.displayName(), m);
            box.place(c.x(l.endpointId()), m.em(HEAD_TOP_EM) + h / 2, w, h);
            if (s != null) {
                box.applyMark(s.mark(l.endpointId()), s.activeEndpoints().contains(l.endpointId()));
            }
            into.getChildren().add(box);
            if (prefix.isEmpty()) {
                heads.put(l.endpointId(), box);
            }
        }
    }

    private void apply(TraceViewModel.Move move) {
        PlaybackState s = model.state();
        if (context == null || s == null) {
            return;
        }
        applied = s;
        int previous = context.currentRow;
        context.currentRow = context.rowForPosition(s.position());
        for (EndpointBox b : heads.values()) {
            b.applyMark(s.mark(b.endpointId()), s.activeEndpoints().contains(b.endpointId()));
        }
        for (Map.Entry<Integer, SequenceRowNode> e : active.entrySet()) {
            e.getValue().bind(e.getKey(), s);
        }
        if (context.currentRow != previous || move == TraceViewModel.Move.LOAD) {
            revealPending = true;
            revealCentre = move != TraceViewModel.Move.STEP_FORWARD && move != TraceViewModel.Move.STEP_BACK;
            revealBackwards = move == TraceViewModel.Move.STEP_BACK;
            requestLayout();
            if (body.getHeight() > 0) {
                reveal();
            }
        }
    }

    /** Scrolls so that the current row is in view: a page at a time when stepping, centred after a jump. */
    private void reveal() {
        revealPending = false;
        if (context == null) {
            return;
        }
        if (context.currentRow < 0) {
            scrollTo(scrollX, 0);
            return;
        }
        double rowTop = context.currentRow * context.rowHeight;
        double viewH = body.getHeight();
        double y = scrollY;
        if (revealCentre) {
            if (rowTop < scrollY || rowTop + context.rowHeight > scrollY + viewH) {
                y = rowTop - (viewH - context.rowHeight) / 2;
            }
        } else if (rowTop < scrollY) {
            // stepping back out of the view: a page back, the current row near the bottom
            y = rowTop + context.rowHeight + lead(viewH) - viewH;
        } else if (rowTop + context.rowHeight > scrollY + viewH) {
            // stepping on out of the view: a page on, with the rows that led here above the current row.
            // Scrolling repaints the whole diagram, so it happens once a page, not on every step
            y = rowTop - lead(viewH);
        }
        // sideways too, when the lifelines are wider than the view: the current row's span in sight. A span
        // already in sight (with room for its badge and head) stays where it is, so that rows alternating
        // between near and far lifelines do not move the diagram (and repaint all of it) on every step
        SequenceRow row = context.rows().get(context.currentRow);
        double fromX = context.x(row.fromId());
        double toX = context.x(row.toId());
        double a = Math.min(fromX, toX);
        double b = Math.max(fromX, toX);
        double viewW = body.getWidth();
        double room = context.metrics.em(2.5);
        double x = scrollX;
        boolean inSight = a - room >= scrollX && b + room <= scrollX + viewW;
        if (!inSight) {
            if (b - a + 2 * room > viewW) {
                // too wide for the view: show the sender's end, where the badge is
                x = fromX > toX ? b + room - viewW : a - room;
            } else {
                // bring the coming rows' spans into sight along with this one's, as many as fit: with
                // lifelines wider than the view, the next rows would otherwise scroll back and forth
                int dir = revealBackwards ? -1 : 1;
                for (int r = context.currentRow + dir, k = 0; r >= 0 && r < context.rows().size() && k < LOOK_AHEAD;
                        r += dir, k++) {
                    SequenceRow next = context.rows().get(r);
                    double na = Math.min(a, Math.min(context.x(next.fromId()), context.x(next.toId())));
                    double nb = Math.max(b, Math.max(context.x(next.fromId()), context.x(next.toId())));
                    if (nb - na + 2 * room > viewW) {
                        break;
                    }
                    a = na;
                    b = nb;
                }
                double margin = Math.min(context.spacing / 2, (viewW - (b - a)) / 2);
                x = a - margin < scrollX ? a - margin : b + margin - viewW;
            }
        }
        scrollTo(x, y);
    }

    /** Rows kept in view on the far side of the current row when a step turns a page: a quarter of the view. */
    private double lead(double viewH) {
        int rows = (int) Math.floor(viewH / context.rowHeight);
        return Math.max(1, Math.min(rows - 1, rows / 4)) * context.rowHeight;
    }

    private void scrollTo(double x, double y) {
        if (context == null) {
            return;
        }
        double maxY = Math.max(0, context.rows().size() * context.rowHeight - body.getHeight());
        double maxX = Math.max(0, context.contentWidth - body.getWidth());
        double nx = Math.max(0, Math.min(maxX, x));
        double ny = Math.max(0, Math.min(maxY, y));
        if (nx == scrollX && ny == scrollY) {
            return;
        }
        scrollX = nx;
        scrollY = ny;
        layoutRows();
    }

    // ------------------------------------------------------------------ layout, virtual rows

    /** Lifelines spread over the width of the view, but never closer than {@value #SPACING_EM} em. */
    private double spacingFor(DiagramMetrics m, SequenceDiagram d, double width) {
        double min = m.em(SPACING_EM);
        int n = Math.max(1, d.lifelines().size());
        double avail = width - m.em(GUTTER_EM) - vbar.prefWidth(-1);
        return Math.floor(Math.max(min, avail / n));
    }

    @Override
    protected void layoutChildren() {
        if (getScene() != null && OnScreen.isTreeVisible(this)
                && (builtFor != model.playback() || context == null || applied != model.state())) {
            catchUp();
        }
        if (context != null && spacingFor(context.metrics, context.diagram, getWidth()) != context.spacing) {
            // wider or narrower: lay the lifelines out again (rows are rebound, the cursor stays)
            double keep = scrollY;
            rebuild();
            scrollY = keep;
            apply(TraceViewModel.Move.GROW);
        }
        double w = getWidth();
        double h = getHeight();
        double bar = vbar.prefWidth(-1);
        double hbarH = hbar.prefHeight(-1);
        if (context == null) {
            header.resizeRelocate(0, 0, w, 0);
            body.resizeRelocate(0, 0, w, h);
            vbar.setVisible(false);
            hbar.setVisible(false);
            double ew = Math.min(w * 0.8, emptyLabel.prefWidth(-1));
            emptyLabel.resizeRelocate((w - ew) / 2, h / 2 - emptyLabel.prefHeight(ew) / 2, ew,
                    emptyLabel.prefHeight(ew));
            return;
        }
        double headerH = context.headerHeight;
        boolean needH = context.contentWidth > w - bar;
        double bodyW = w - bar;
        double bodyH = Math.max(0, h - headerH - (needH ? hbarH : 0));
        header.resizeRelocate(0, 0, bodyW, headerH);
        headerClip.setWidth(bodyW);
        headerClip.setHeight(headerH);
        body.resizeRelocate(0, headerH, bodyW, bodyH);
        bodyClip.setWidth(bodyW);
        bodyClip.setHeight(bodyH);
        vbar.setVisible(true);
        vbar.resizeRelocate(bodyW, headerH, bar, bodyH);
        hbar.setVisible(needH);
        hbar.resizeRelocate(0, h - hbarH, bodyW, needH ? hbarH : 0);
        if (revealPending && bodyH > 0) {
            reveal();
        }
        scrollTo(scrollX, scrollY);
        layoutRows();
    }

    /** Gives nodes to the rows in view (plus a margin), takes them from rows out of view. */
    private void layoutRows() {
        if (context == null) {
            return;
        }
        PlaybackState s = model.state();
        double rowH = context.rowHeight;
        int n = context.rows().size();
        double viewH = body.getHeight();
        int first = Math.max(0, (int) Math.floor(scrollY / rowH) - OVERSCAN);
        int last = Math.min(n - 1, (int) Math.ceil((scrollY + viewH) / rowH) + OVERSCAN);
        active.entrySet().removeIf(e -> {
            if (e.getKey() < first || e.getKey() > last) {
                SequenceRowNode node = e.getValue();
                node.release();
                pool.push(node);
                return true;
            }
            return false;
        });
        for (int i = first; i <= last && s != null; i++) {
            if (!active.containsKey(i)) {
                SequenceRowNode node = pool.isEmpty() ? null : pool.pop();
                if (node == null) {
                    node = new SequenceRowNode(context);
                    rowsLayer.getChildren().add(node);
                }
                node.setVisible(true);
                node.bind(i, s);
                active.put(i, node);
            }
        }
        for (Map.Entry<Integer, SequenceRowNode> e : active.entrySet()) {
            e.getValue().setLayoutY(e.getKey() * rowH);
        }
        rowsLayer.setTranslateY(-scrollY);
        rowsLayer.setTranslateX(-scrollX);
        headerContent.setTranslateX(-scrollX);
        updatingBars = true;
        vbar.setMin(0);
        vbar.setMax(Math.max(0, n * rowH - viewH));
        vbar.setVisibleAmount(viewH);
        vbar.setUnitIncrement(rowH);
        vbar.setBlockIncrement(Math.max(rowH, viewH - rowH));
        vbar.setValue(scrollY);
        hbar.setMin(0);
        hbar.setMax(Math.max(0, context.contentWidth - body.getWidth()));
        hbar.setVisibleAmount(body.getWidth());
        hbar.setValue(scrollX);
        updatingBars = false;
    }

    // ------------------------------------------------------------------ for tests

    /** Row nodes that exist now (shown or pooled): bounded by the viewport, not by the trace. */
    int rowNodeCount() {
        return active.size() + pool.size();
    }

    /** The row index showing the cursor's position, -1 before the first. */
    int currentRow() {
        return context == null ? -1 : context.currentRow;
    }

    /** The row index of a message number (for tests). */
    int rowOfMessage(int number) {
        List<SequenceRow> rows = context.rows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).messageNumber() == number) {
                return i;
            }
        }
        return -1;
    }

    double scrollY() {
        return scrollY;
    }

    ScrollBar verticalBar() {
        return vbar;
    }

    Region body() {
        return body;
    }

    /** What the rows in view show, top to bottom (for tests comparing drawn states). */
    String describeDrawnState() {
        StringBuilder b = new StringBuilder();
        for (EndpointBox box : heads.values()) {
            b.append(box.describe()).append('\n');
        }
        active.keySet().stream().sorted().forEach(i -> b.append(active.get(i).describe()).append('\n'));
        return b.toString();
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
