package org.resolvefx.ui.namespace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Circle;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.QuadCurveTo;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.text.Text;
import org.resolvefx.core.namespace.Bounds;
import org.resolvefx.core.namespace.NamespaceNode;
import org.resolvefx.core.namespace.NamespaceTree;
import org.resolvefx.core.namespace.TreeDrawing;
import org.resolvefx.core.namespace.TreeLayout;
import org.resolvefx.ui.common.SvgWriter;
import org.resolvefx.ui.i18n.I18n;
import org.xbill.DNS.Name;

/**
 * The scene graph of one laid-out tree: zone regions, edges with cut marks, node glyphs and the
 * referral arrow, in that order from back to front, inside one untransformed {@link #root} group
 * (pan and zoom are the view's business). Built once per tree or collapse change; each cursor step
 * only changes style classes and tags of the names whose marks differ ({@link #apply}).
 *
 * <p>A zone region is a round-joined thick stroke around the zone's node blocks and the edges between
 * them, drawn twice: a wider stroke in the outline colour under a narrower one in the zone's shade,
 * which leaves an outline around the union of all of them. That is one path per zone and layer
 * instead of a shape per node, and follows the zone's shape through the tree (a bounding box would
 * cover the child zones between its names).
 */
final class NamespaceDrawing {

    /** Callbacks for the glyphs' mouse handling (the view's business). */
    interface GlyphActions {
        void attach(NodeGlyph glyph);
    }

    /** Node rectangles {x, y, w, h} and edge segments {x1, y1, x2, y2} of one zone's region. */
    record HullGeometry(List<double[]> rects, List<double[]> segments) {
    }

    /** One zone's region paths: outline and shade, each for the node blocks and for the edges between them. */
    private record ZoneHull(Name zone, List<Path> paths) {
        Path outline() {
            return paths.get(0);
        }
    }

    final Group root = new Group();
    private final Rectangle canvas = new Rectangle();
    private final Group outlines = new Group();
    private final Group fills = new Group();
    private final Group edgeLayer = new Group();
    private final Group cutLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Group referralLayer = new Group();
    private final Path referralCurve = new Path();
    private final Polygon referralHead = new Polygon();
    private final Map<Name, NodeGlyph> glyphs = new LinkedHashMap<>();
    private final Map<Name, ZoneHull> hulls = new LinkedHashMap<>();
    private final Map<Name, Line> edges = new HashMap<>();
    private final Map<Name, List<NodeGlyph.Tag>> tagsShown = new HashMap<>();
    private final Map<Name, Integer> orderShown = new HashMap<>();
    private Metrics metrics = new Metrics(14);
    private NamespaceTree tree = NamespaceTree.empty();
    private Highlights shown = Highlights.NONE;
    private Bounds bounds = new Bounds(0, 0, 1, 1);
    /** How often the tree was laid out, and how many glyphs, zones and edges the last {@link #apply} changed. */
    private int builds;
    private int lastChanges;

    NamespaceDrawing() {
        root.getStyleClass().add("ns-drawing");
        canvas.getStyleClass().add("ns-canvas");
        referralCurve.getStyleClass().add("ns-referral-arrow");
        referralHead.getStyleClass().add("ns-referral-head");
        referralLayer.getChildren().addAll(referralCurve, referralHead);
        referralLayer.setVisible(false);
        referralLayer.setMouseTransparent(true);
        root.getChildren().addAll(canvas, outlines, fills, edgeLayer, cutLayer, nodeLayer, referralLayer);
    }

    /**
     * Draws a (visible sub)tree. The root group must be in a scene with the stylesheets applied, so that
     * labels can be measured with their real fonts.
     */
    void build(NamespaceTree visible, ZoneColors colours, Metrics m, GlyphActions actions) {
        this.tree = visible;
        this.metrics = m;
        builds++;
        glyphs.clear();
        hulls.clear();
        edges.clear();
        tagsShown.clear();
        orderShown.clear();
        shown = Highlights.NONE;
        outlines.getChildren().clear();
        fills.getChildren().clear();
        edgeLayer.getChildren().clear();
        cutLayer.getChildren().clear();
        referralLayer.setVisible(false);

        List<Node> made = new ArrayList<>(visible.size());
        for (NamespaceNode n : visible.nodes()) {
            NodeGlyph g = new NodeGlyph(n, !n.children().isEmpty());
            glyphs.put(n.name(), g);
            made.add(g);
            actions.attach(g);
        }
        nodeLayer.getChildren().setAll(made);
        nodeLayer.applyCss();
        for (NodeGlyph g : glyphs.values()) {
            g.arrange(m);
        }

        TreeDrawing<NamespaceNode> d = new TreeLayout(m.hgap(), 1, 0).layout(visible,
                n -> glyphs.get(n.name()).blockWidth());
        int maxDepth = 0;
        for (int i = 0; i < d.size(); i++) {
            maxDepth = Math.max(maxDepth, d.depth(i));
        }
        double[] levelHeight = new double[maxDepth + 1];
        for (int i = 0; i < d.size(); i++) {
            levelHeight[d.depth(i)] = Math.max(levelHeight[d.depth(i)], glyph(d, i).blockHeight());
        }
        double[] top = new double[maxDepth + 1];
        for (int k = 1; k <= maxDepth; k++) {
            top[k] = top[k - 1] + levelHeight[k - 1] + m.vgap();
        }
        for (int i = 0; i < d.size(); i++) {
            NodeGlyph g = glyph(d, i);
            g.setLayoutX(d.x(i));
            g.setLayoutY(top[d.depth(i)]);
        }

        Map<Name, HullGeometry> geometry = new LinkedHashMap<>();
        List<Node> edgeNodes = new ArrayList<>();
        List<Node> cutNodes = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            NodeGlyph g = glyph(d, i);
            NamespaceNode n = g.node;
            HullGeometry hull = geometry.computeIfAbsent(n.zone(), z -> new HullGeometry(new ArrayList<>(),
                    new ArrayList<>()));
            hull.rects().add(new double[] {g.getLayoutX() - g.blockWidth() / 2, g.getLayoutY(), g.blockWidth(),
                g.blockHeight()});
            if (i == 0) {
                continue;
            }
            NodeGlyph p = glyph(d, d.parent(i));
            double x1 = p.getLayoutX();
            double y1 = p.getLayoutY() + p.blockHeight();
            double x2 = g.getLayoutX();
            double y2 = g.getLayoutY();
            Line edge = new Line(x1, y1, x2, y2);
            edge.getStyleClass().add("ns-edge");
            edge.setMouseTransparent(true);
            if (n.zoneApex()) {
                edge.getStyleClass().add("cut");
                double dx = x2 - x1;
                double dy = y2 - y1;
                double len = Math.hypot(dx, dy);
                // a little below the middle, where the edges fanning out of a parent are further apart
                double mx = x1 + 0.6 * dx;
                double my = y1 + 0.6 * dy;
                double px = -dy / len * m.cutHalfLength();
                double py = dx / len * m.cutHalfLength();
                Line cut = new Line(mx - px, my - py, mx + px, my + py);
                cut.getStyleClass().add("ns-cut-mark");
                cut.setMouseTransparent(true);
                cutNodes.add(cut);
            } else {
                hull.segments().add(new double[] {x1, y1, x2, y2});
            }
            edges.put(n.name(), edge);
            edgeNodes.add(edge);
        }
        edgeLayer.getChildren().setAll(edgeNodes);
        cutLayer.getChildren().setAll(cutNodes);

        colours.assign(visible);
        List<Node> outlineNodes = new ArrayList<>();
        List<Node> fillNodes = new ArrayList<>();
        for (Map.Entry<Name, HullGeometry> e : geometry.entrySet()) {
            String shade = "zone-c" + colours.shadeOf(e.getKey());
            HullGeometry blocks = new HullGeometry(e.getValue().rects(), List.of());
            HullGeometry links = new HullGeometry(List.of(), e.getValue().segments());
            Path outline = hullPath(blocks, "ns-zone-outline", "blocks", shade);
            Path outlineLinks = hullPath(links, "ns-zone-outline", "links", shade);
            Path fill = hullPath(blocks, "ns-zone-fill", "blocks", shade);
            Path fillLinks = hullPath(links, "ns-zone-fill", "links", shade);
            hulls.put(e.getKey(), new ZoneHull(e.getKey(), List.of(outline, outlineLinks, fill, fillLinks)));
            outlineNodes.add(outline);
            outlineNodes.add(outlineLinks);
            fillNodes.add(fill);
            fillNodes.add(fillLinks);
        }
        outlines.getChildren().setAll(outlineNodes);
        fills.getChildren().setAll(fillNodes);

        Bounds layout = d.bounds();
        double bottom = top[maxDepth] + levelHeight[maxDepth];
        bounds = new Bounds(layout.minX() - m.margin(), -m.topMargin(), layout.maxX() + m.margin()
                + m.referralReach(), bottom + m.margin());
        canvas.setX(bounds.minX());
        canvas.setY(bounds.minY());
        canvas.setWidth(bounds.width());
        canvas.setHeight(bounds.height());
    }

    private NodeGlyph glyph(TreeDrawing<NamespaceNode> d, int i) {
        return glyphs.get(d.node(i).name());
    }

    private static Path hullPath(HullGeometry g, String... styleClasses) {
        List<PathElement> elements = new ArrayList<>(g.rects().size() * 5 + g.segments().size() * 2);
        for (double[] r : g.rects()) {
            elements.add(new MoveTo(r[0], r[1]));
            elements.add(new LineTo(r[0] + r[2], r[1]));
            elements.add(new LineTo(r[0] + r[2], r[1] + r[3]));
            elements.add(new LineTo(r[0], r[1] + r[3]));
            elements.add(new ClosePath());
        }
        for (double[] s : g.segments()) {
            elements.add(new MoveTo(s[0], s[1]));
            elements.add(new LineTo(s[2], s[3]));
        }
        Path p = new Path(elements);
        p.getStyleClass().addAll(styleClasses);
        p.setUserData(g);
        p.setMouseTransparent(true);
        return p;
    }

    // ------------------------------------------------------------------ per step

    /** Shows the marks of one position, touching only the names, zones and edges whose marks change. */
    void apply(Highlights h) {
        int changes = 0;
        Set<Name> names = new HashSet<>(shown.nodes().keySet());
        names.addAll(h.nodes().keySet());
        names.addAll(shown.zones().keySet());
        names.addAll(h.zones().keySet());
        for (Name n : names) {
            NodeGlyph g = glyphs.get(n);
            if (g == null) {
                continue;
            }
            Set<NodeMark> marks = h.node(n);
            if (!marks.equals(g.marks())) {
                g.setMarks(marks);
                changes++;
            }
            List<NodeGlyph.Tag> tags = tags(n, marks, h.zone(n));
            int order = h.zoneOrder().getOrDefault(n, 0);
            if (!tags.equals(tagsShown.getOrDefault(n, List.of())) || order != orderShown.getOrDefault(n, 0)) {
                g.setTags(order, tags, metrics);
                changes++;
                tagsShown.put(n, tags);
                orderShown.put(n, order);
            }
        }
        Set<Name> zones = new HashSet<>(shown.zones().keySet());
        zones.addAll(h.zones().keySet());
        for (Name z : zones) {
            ZoneHull hull = hulls.get(z);
            if (hull != null && !shown.zone(z).equals(h.zone(z))) {
                changes++;
                for (ZoneMark mark : ZoneMark.values()) {
                    for (Path p : hull.paths()) {
                        setClass(p, mark.styleClass(), h.zone(z).contains(mark));
                    }
                }
            }
        }
        Set<Name> edgeNames = new HashSet<>(shown.edges().keySet());
        edgeNames.addAll(h.edges().keySet());
        for (Name c : edgeNames) {
            Line edge = edges.get(c);
            if (edge != null && !shown.edge(c).equals(h.edge(c))) {
                changes++;
                for (EdgeMark mark : EdgeMark.values()) {
                    setClass(edge, mark.styleClass(), h.edge(c).orElse(null) == mark);
                }
            }
        }
        shown = h;
        lastChanges = changes;
        placeReferral(h);
    }

    private static List<NodeGlyph.Tag> tags(Name n, Set<NodeMark> marks, Set<ZoneMark> zoneMarks) {
        List<NodeGlyph.Tag> out = new ArrayList<>();
        if (zoneMarks.contains(ZoneMark.REFERRING)) {
            out.add(new NodeGlyph.Tag("\u2192 " + I18n.get("namespace.tag.referral"), "referral"));
        }
        if (marks.contains(NodeMark.CURRENT)) {
            out.add(new NodeGlyph.Tag("\u25b6 " + I18n.get("namespace.tag.current"), "current"));
        }
        if (marks.contains(NodeMark.ALIAS)) {
            out.add(new NodeGlyph.Tag(I18n.get("namespace.tag.alias"), "alias"));
        }
        if (marks.contains(NodeMark.SIDE_LOOKUP) || marks.contains(NodeMark.SIDE_ACTIVE)) {
            out.add(new NodeGlyph.Tag("\u21aa " + I18n.get("namespace.tag.side"),
                    marks.contains(NodeMark.SIDE_ACTIVE) ? "side-active" : "side"));
        }
        if (marks.contains(NodeMark.NXDOMAIN)) {
            out.add(new NodeGlyph.Tag("\u2715 " + I18n.get("namespace.tag.nxdomain"), "nxdomain"));
        }
        return out;
    }

    private static void setClass(Node n, String styleClass, boolean on) {
        boolean has = n.getStyleClass().contains(styleClass);
        if (on && !has) {
            n.getStyleClass().add(styleClass);
        } else if (!on && has) {
            n.getStyleClass().remove(styleClass);
        }
    }

    /**
     * The arrow from the zone that just referred to the zone it referred to: beside the tree edges
     * leading down from one apex to the other (a referral always points down the tree to a closer
     * zone), or, for a referral that does not (a broken one), a curve on the right.
     */
    private void placeReferral(Highlights h) {
        List<Name> from = h.zonesWith(ZoneMark.REFERRING);
        List<Name> to = h.zonesWith(ZoneMark.REFERRED);
        NodeGlyph a = from.isEmpty() ? null : glyphs.get(from.get(0));
        NodeGlyph b = to.isEmpty() ? null : glyphs.get(to.get(0));
        if (a == null || b == null || a == b) {
            referralLayer.setVisible(false);
            return;
        }
        Metrics m = metrics;
        double ex;
        double ey;
        double ux;
        double uy;
        if (b.node.name().subdomain(a.node.name())) {
            List<NodeGlyph> chain = new ArrayList<>();
            for (Name n = b.node.name(); !n.equals(a.node.name()); n = new Name(n, 1)) {
                NodeGlyph g = glyphs.get(n);
                if (g != null) {
                    chain.add(0, g);
                }
            }
            chain.add(0, a);
            List<double[]> points = new ArrayList<>();
            for (int i = 1; i < chain.size(); i++) {
                NodeGlyph p = chain.get(i - 1);
                NodeGlyph c = chain.get(i);
                double x1 = p.getLayoutX();
                double y1 = p.getLayoutY() + p.blockHeight();
                double x2 = c.getLayoutX();
                double y2 = c.getLayoutY() - (i == chain.size() - 1 ? 0.15 * m.em() : 0);
                double len = Math.hypot(x2 - x1, y2 - y1);
                double nx = (y2 - y1) / len * m.referralOffset();
                double ny = -(x2 - x1) / len * m.referralOffset();
                points.add(new double[] {x1 + nx, y1 + ny});
                points.add(new double[] {x2 + nx, y2 + ny});
            }
            List<PathElement> els = new ArrayList<>();
            els.add(new MoveTo(points.get(0)[0], points.get(0)[1]));
            for (int i = 1; i < points.size(); i++) {
                els.add(new LineTo(points.get(i)[0], points.get(i)[1]));
            }
            referralCurve.getElements().setAll(els);
            double[] last = points.get(points.size() - 1);
            double[] before = points.get(points.size() - 2);
            ex = last[0];
            ey = last[1];
            double len = Math.hypot(ex - before[0], ey - before[1]);
            ux = (ex - before[0]) / len;
            uy = (ey - before[1]) / len;
        } else {
            double sx = a.getLayoutX() + a.blockWidth() / 2;
            double sy = a.getLayoutY() + a.boxHeight() / 2;
            ex = b.getLayoutX() + b.blockWidth() / 2 + 0.2 * m.em();
            ey = b.getLayoutY() + b.boxHeight() / 2;
            double cx = Math.max(sx, ex) + m.referralReach();
            referralCurve.getElements().setAll(new MoveTo(sx, sy), new CubicCurveTo(cx, sy, cx, ey, ex, ey));
            ux = -1;
            uy = 0;
        }
        double size = 0.8 * m.em();
        double bx = ex - ux * size;
        double by = ey - uy * size;
        referralHead.getPoints().setAll(ex, ey, bx - uy * size * 0.55, by + ux * size * 0.55, bx + uy * size * 0.55,
                by - ux * size * 0.55);
        referralLayer.setVisible(true);
    }

    // ------------------------------------------------------------------ queries

    int builds() {
        return builds;
    }

    int lastChanges() {
        return lastChanges;
    }

    Optional<NodeGlyph> glyph(Name n) {
        return Optional.ofNullable(glyphs.get(n));
    }

    Iterable<NodeGlyph> glyphs() {
        return glyphs.values();
    }

    int size() {
        return glyphs.size();
    }

    NamespaceTree tree() {
        return tree;
    }

    Highlights shown() {
        return shown;
    }

    Metrics metrics() {
        return metrics;
    }

    /** The drawing's extent in its own (layout) coordinates, margins included. */
    Bounds bounds() {
        return bounds;
    }

    boolean referralVisible() {
        return referralLayer.isVisible();
    }

    Path referralCurve() {
        return referralCurve;
    }

    Group referralLayer() {
        return referralLayer;
    }

    /** The style classes of a zone's outline (for tests). */
    List<String> zoneClasses(Name zone) {
        ZoneHull h = hulls.get(zone);
        return h == null ? List.of() : List.copyOf(h.outline().getStyleClass());
    }

    Set<Name> zones() {
        return hulls.keySet();
    }

    /** The style classes of the edge into a name (for tests). */
    List<String> edgeClasses(Name child) {
        Line l = edges.get(child);
        return l == null ? List.of() : List.copyOf(l.getStyleClass());
    }

    // ------------------------------------------------------------------ SVG

    /** The drawing as SVG, from the shapes as they are drawn now (colours as the theme resolved them). */
    SvgWriter toSvg() {
        SvgWriter w = new SvgWriter(bounds.width(), bounds.height(), canvas.getFill());
        for (Node n : root.getChildren()) {
            if (n != canvas) {
                export(n, -bounds.minX(), -bounds.minY(), w);
            }
        }
        return w;
    }

    private static void export(Node n, double ox, double oy, SvgWriter w) {
        if (!n.isVisible()) {
            return;
        }
        double x = ox + n.getLayoutX() + n.getTranslateX();
        double y = oy + n.getLayoutY() + n.getTranslateY();
        if (n instanceof Group g) {
            for (Node c : g.getChildren()) {
                export(c, x, y, w);
            }
        } else if (n instanceof Path p && p.getUserData() instanceof HullGeometry hull) {
            exportHull(p, hull, x, y, w);
        } else if (n instanceof Rectangle r) {
            w.rect(x + r.getX(), y + r.getY(), r.getWidth(), r.getHeight(), r.getArcWidth() / 2, r.getFill(),
                    r.getStroke(), r.getStrokeWidth(), dash(r));
        } else if (n instanceof Line l) {
            w.line(x + l.getStartX(), y + l.getStartY(), x + l.getEndX(), y + l.getEndY(), l.getStroke(),
                    l.getStrokeWidth(), dash(l), false);
        } else if (n instanceof Circle c) {
            w.circle(x + c.getCenterX(), y + c.getCenterY(), c.getRadius(), c.getFill(), c.getStroke(),
                    c.getStrokeWidth());
        } else if (n instanceof Text t) {
            String style = t.getFont().getStyle().toLowerCase(java.util.Locale.ROOT);
            w.text(x + t.getX(), y + t.getY() + t.getBaselineOffset(), t.getText(), t.getFont().getSize(), t.getFill(),
                    style.contains("bold"), "start", false);
        } else if (n instanceof Polygon poly) {
            List<Double> pts = poly.getPoints();
            StringBuilder d = new StringBuilder();
            for (int i = 0; i + 1 < pts.size(); i += 2) {
                d.append(i == 0 ? "M" : " L").append(num(x + pts.get(i))).append(' ').append(num(y + pts.get(i + 1)));
            }
            w.path(d.append(" Z").toString(), poly.getFill(), poly.getStroke(), poly.getStrokeWidth(), dash(poly));
        } else if (n instanceof Path p) {
            w.path(pathData(p, x, y), p.getFill(), p.getStroke(), p.getStrokeWidth(), dash(p));
        }
    }

    /**
     * SvgWriter strokes have butt caps and mitre joins, so a round-joined region is written as what it
     * is: each rectangle grown by half the stroke width with that corner radius, each segment a line
     * of the stroke width with a disc at each end.
     */
    private static void exportHull(Path p, HullGeometry hull, double x, double y, SvgWriter w) {
        double r = p.getStrokeWidth() / 2;
        Paint paint = p.getStroke();
        for (double[] rect : hull.rects()) {
            w.rect(x + rect[0] - r, y + rect[1] - r, rect[2] + 2 * r, rect[3] + 2 * r, r, paint, null, 0, null);
        }
        for (double[] s : hull.segments()) {
            w.line(x + s[0], y + s[1], x + s[2], y + s[3], paint, 2 * r, null, false);
            w.circle(x + s[0], y + s[1], r, paint, null, 0);
            w.circle(x + s[2], y + s[3], r, paint, null, 0);
        }
    }

    private static String pathData(Path p, double x, double y) {
        StringBuilder d = new StringBuilder();
        for (PathElement e : p.getElements()) {
            if (e instanceof MoveTo m) {
                d.append(" M").append(num(x + m.getX())).append(' ').append(num(y + m.getY()));
            } else if (e instanceof LineTo l) {
                d.append(" L").append(num(x + l.getX())).append(' ').append(num(y + l.getY()));
            } else if (e instanceof QuadCurveTo q) {
                d.append(" Q").append(num(x + q.getControlX())).append(' ').append(num(y + q.getControlY()))
                        .append(' ').append(num(x + q.getX())).append(' ').append(num(y + q.getY()));
            } else if (e instanceof CubicCurveTo c) {
                d.append(" C").append(num(x + c.getControlX1())).append(' ').append(num(y + c.getControlY1()))
                        .append(' ').append(num(x + c.getControlX2())).append(' ').append(num(y + c.getControlY2()))
                        .append(' ').append(num(x + c.getX())).append(' ').append(num(y + c.getY()));
            } else if (e instanceof ClosePath) {
                d.append(" Z");
            }
        }
        return d.toString().trim();
    }

    private static String dash(Shape s) {
        if (s.getStrokeDashArray().isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Double v : s.getStrokeDashArray()) {
            sb.append(sb.length() == 0 ? "" : " ").append(num(v));
        }
        return sb.toString();
    }

    private static String num(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
