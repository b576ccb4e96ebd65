package org.resolvefx.ui.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.ArcTo;
import javafx.scene.shape.Circle;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.QuadCurveTo;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Translate;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * One arrow drawn with scene-graph shapes: its line (with the decorations of its kind) in one group,
 * its number badge and label row in another, so that the owner can put all badges above all lines.
 * Used by the flow view (one glyph per arrow, kept while stepping) and by the sequence view's rows
 * (reused while scrolling). Optional parts are created on first use and then only shown or hidden.
 */
final class ArrowGlyph {
    /** Where the line is cut for a lost message, and where its cross sits (fractions of its length). */
    static final double LOST_CUT = 0.6;
    static final double LOST_CROSS = 0.68;
    static final double IGNORED_MARK = 0.78;

    /**
     * Geometry of a glyph in its parent's coordinates: the arrow is a quadratic curve (a straight line
     * when the control point is the middle), the badge a circle, the label row a rectangle turned about
     * its centre.
     *
     * @param curve        the arrow, from the sender's side to the tip of the head
     * @param badgeX       badge centre
     * @param badgeY       badge centre
     * @param badgeRadius  badge radius (0: no badge, as in the legend's samples)
     * @param labelX       centre of the label row, NaN for no label row
     * @param labelY       centre of the label row
     * @param labelDegrees turn of the label row
     */
    record Geometry(FlowPlacement.Curve curve, double badgeX, double badgeY, double badgeRadius, double labelX,
                    double labelY, double labelDegrees) {
        boolean hasLabel() {
            return !Double.isNaN(labelX);
        }

        static Geometry line(double x1, double y1, double x2, double y2) {
            return new Geometry(FlowPlacement.Curve.straight(x1, y1, x2, y2), 0, 0, 0, Double.NaN, 0, 0);
        }
    }

    /** The label row's parts and size for one arrow: measured the same way for placement and drawing. */
    record LabelRow(String text, double width, double height, double retryWidth, double tcpWidth, double textWidth,
                    double errorWidth, String errorText) {
    }

    final Group lines = new Group();
    final Group marks = new Group();
    private final String idPrefix;

    private final Path main = curve("flow-arrow-line");
    private final Polygon head = new Polygon();
    private final Path hit = curve("flow-arrow-hit");
    private Path halo;
    private Path outline;
    private Path inner;
    private Path lostCross;
    private Group ignoredMark;
    private FontIcon ignoredIcon;
    private Circle ignoredBg;

    private final Circle badge = new Circle();
    private final Text badgeText = new Text();
    private Group labelGroup;
    private Rectangle labelBg;
    private Text labelText;
    private Group retryMark;
    private Path retryLoop;
    private Text retryText;
    private Group tcpTag;
    private Group errorTag;

    private ArrowLook look;
    private org.resolvefx.core.playback.Arrow arrow;
    private Geometry geometry;
    private DiagramMetrics metrics;
    private final List<String> stateClasses = new ArrayList<>();
    private double progress = 1;
    /** The arguments and state of the last {@link #draw}, null after ids were cleared. */
    private List<Object> drawnKey;

    ArrowGlyph(String idPrefix) {
        this.idPrefix = idPrefix;
        head.getStyleClass().add("flow-arrow-head");
        badge.getStyleClass().add("flow-badge");
        badgeText.getStyleClass().addAll(DiagramMetrics.BADGE, "flow-badge-number");
        badgeText.setTextOrigin(VPos.CENTER);
        hit.setStroke(javafx.scene.paint.Color.TRANSPARENT);
        hit.getStyleClass().add("svg-skip");
        lines.getChildren().addAll(main, head, hit);
        marks.getChildren().addAll(badge, badgeText);
    }

    private static Path curve(String styleClass) {
        Path p = new Path();
        p.getStyleClass().add(styleClass);
        p.setFill(null);
        return p;
    }

    /** Measures the label row of an arrow; {@code text} null means: no label row at all. */
    static LabelRow measure(ArrowLook look, String text, String malformedText, DiagramMetrics m) {
        if (text == null) {
            return new LabelRow(null, 0, 0, 0, 0, 0, 0, null);
        }
        double pad = m.em(0.35);
        double gap = m.em(0.3);
        double tagPad = m.em(0.28);
        double w = pad;
        double retry = 0;
        if (look.attempt() > 1) {
            retry = m.em(0.95) + m.width(Integer.toString(look.attempt()), DiagramMetrics.TAG);
            w += retry + gap;
        }
        double tcp = 0;
        if (look.tcp()) {
            tcp = m.width(FlowTexts.tcpTag(), DiagramMetrics.TAG) + 2 * tagPad;
            w += tcp + gap;
        }
        String errorText = look.errorTag() != null ? look.errorTag() : look.malformed() ? malformedText : null;
        if (errorText != null && text.equals(errorText)) {
            // the label of an error response is its RCODE: show it once, as the red tag
            text = "";
        }
        double textW = text.isEmpty() ? 0 : m.width(text, DiagramMetrics.LABEL);
        w += textW;
        double err = 0;
        if (errorText != null) {
            err = m.width(errorText, DiagramMetrics.TAG) + 2 * tagPad;
            w += (textW > 0 ? gap : 0) + err;
        }
        w += pad;
        double h = Math.max(m.height(DiagramMetrics.LABEL), m.height(DiagramMetrics.TAG) + m.em(0.2)) + m.em(0.3);
        return new LabelRow(text, w, h, retry, tcp, textW, err, errorText);
    }

    /** The badge radius for an arrow number: wide enough for four digits. */
    static double badgeRadius(int number, DiagramMetrics m) {
        return Math.max(m.em(0.78), m.width(Integer.toString(number), DiagramMetrics.BADGE) / 2 + m.em(0.3));
    }

    ArrowLook look() {
        return look;
    }

    /** The arrow drawn (set by the owner; null for legend samples and ghost rows). */
    org.resolvefx.core.playback.Arrow arrow() {
        return arrow;
    }

    void setArrow(org.resolvefx.core.playback.Arrow a) {
        this.arrow = a;
    }

    Geometry geometry() {
        return geometry;
    }

    /** Draws the arrow. {@code row} comes from {@link #measure} (its text null for no label). */
    void draw(ArrowLook newLook, Geometry g, LabelRow row, DiagramMetrics m) {
        // drawing the same again would still replace every path element and transform, and make the
        // renderer repaint the glyph: skip it
        List<Object> key = java.util.Arrays.asList(newLook, g, row, m, progress, List.copyOf(stateClasses));
        if (key.equals(drawnKey)) {
            return;
        }
        drawnKey = key;
        this.look = newLook;
        this.geometry = g;
        this.metrics = m;
        List<String> classes = new ArrayList<>(newLook.classes());
        classes.addAll(stateClasses);
        // setting equal classes again would still make CSS restyle the whole glyph: compare first
        if (!lines.getStyleClass().equals(classes)) {
            lines.getStyleClass().setAll(classes);
            marks.getStyleClass().setAll(classes);
        }
        int n = newLook.number();
        setId(lines, idPrefix + "arrow-" + n);
        setId(marks, idPrefix + "arrow-mark-" + n);
        setId(badgeText, idPrefix + "badge-" + n);

        // badge (radius 0: no badge, as in the legend's samples)
        boolean hasBadge = g.badgeRadius() > 0;
        badge.setVisible(hasBadge);
        badgeText.setVisible(hasBadge);
        badge.setCenterX(g.badgeX());
        badge.setCenterY(g.badgeY());
        badge.setRadius(Math.max(0, g.badgeRadius()));
        String num = Integer.toString(n);
        badgeText.setText(num);
        badgeText.setX(g.badgeX() - m.width(num, DiagramMetrics.BADGE) / 2);
        badgeText.setY(g.badgeY());

        drawLabel(newLook, g, row, m);
        drawLine(m);
    }

    /** Length of the arrow head for this look. */
    static double headLength(ArrowLook look, DiagramMetrics m) {
        return m.em(look.tcp() ? 1.15 : look.classes().contains("recursive") ? 1.05 : 0.9);
    }

    private void drawLine(DiagramMetrics m) {
        FlowPlacement.Curve c = geometry.curve();
        double len = Math.max(1e-6, c.chord());
        boolean lost = look.lost();
        double headLen = Math.min(headLength(look, m), len * 0.4);
        // where the line ends: before the head's tip, or where a lost message vanished
        double end = lost ? LOST_CUT : Math.max(0, 1 - headLen * 0.8 / len);
        double f = progress;
        boolean done = f >= 1;
        double shown = end * f;
        part(main, c, shown);
        part(hit, c, 1);
        hit.setStrokeWidth(m.em(1.2));
        if (halo != null || stateClasses.contains("current")) {
            halo = ensureBelow(halo, "flow-arrow-halo");
            part(halo, c, done ? (lost ? end : Math.max(0, 1 - headLen * 0.5 / len)) : shown);
            halo.setVisible(stateClasses.contains("current"));
        }
        if (look.hasErrorMark() || outline != null) {
            outline = ensureBelowMain(outline, "flow-arrow-outline");
            part(outline, c, shown);
            outline.setVisible(look.hasErrorMark());
        }
        if (look.tcp() || inner != null) {
            inner = ensureAboveMain(inner, "flow-arrow-inner");
            part(inner, c, shown);
            inner.setVisible(look.tcp());
        }
        // head: along the curve's direction at its end
        double a = c.angleAt(1);
        double ux = Math.cos(a);
        double uy = Math.sin(a);
        double hw = headLen * 0.5;
        double bx = c.x2() - ux * headLen;
        double by = c.y2() - uy * headLen;
        head.getPoints().setAll(c.x2(), c.y2(), bx - uy * hw, by + ux * hw, bx + uy * hw, by - ux * hw);
        head.setVisible(done && !lost);
        // lost: a cross where the message vanished
        if (lost || lostCross != null) {
            if (lostCross == null) {
                lostCross = new Path();
                lostCross.getStyleClass().add("flow-lost-cross");
                lines.getChildren().add(lines.getChildren().indexOf(hit), lostCross);
            }
            double cx = c.xAt(LOST_CROSS);
            double cy = c.yAt(LOST_CROSS);
            double s = m.em(0.5);
            lostCross.getElements().setAll(new MoveTo(cx - s, cy - s), new LineTo(cx + s, cy + s),
                    new MoveTo(cx - s, cy + s), new LineTo(cx + s, cy - s));
            lostCross.setId(idPrefix + "lost-mark-" + look.number());
            lostCross.setVisible(lost && done);
        }
        // ignored: a shield near the receiver
        if (look.ignored() || ignoredMark != null) {
            if (ignoredMark == null) {
                ignoredBg = new Circle();
                ignoredBg.getStyleClass().add("flow-ignored-bg");
                ignoredIcon = new FontIcon(MaterialDesignS.SHIELD_OFF);
                ignoredIcon.getStyleClass().add("flow-ignored-icon");
                ignoredMark = new Group(ignoredBg, ignoredIcon);
                ignoredMark.getStyleClass().add("flow-ignored-mark");
                lines.getChildren().add(lines.getChildren().indexOf(hit), ignoredMark);
            }
            double cx = c.xAt(IGNORED_MARK);
            double cy = c.yAt(IGNORED_MARK);
            ignoredBg.setCenterX(cx);
            ignoredBg.setCenterY(cy);
            ignoredBg.setRadius(m.em(0.72));
            ignoredIcon.setIconSize((int) Math.round(m.em(1.05)));
            centre(ignoredIcon, cx, cy);
            ignoredMark.setId(idPrefix + "ignored-mark-" + look.number());
            ignoredMark.setVisible(look.ignored() && done);
        }
    }

    /** The part of the curve from its start to t, as one quadratic piece (de Casteljau). */
    private static void part(Path p, FlowPlacement.Curve c, double t) {
        double qx = c.x0() + (c.cx() - c.x0()) * t;
        double qy = c.y0() + (c.cy() - c.y0()) * t;
        p.getElements().setAll(new MoveTo(c.x0(), c.y0()), new QuadCurveTo(qx, qy, c.xAt(t), c.yAt(t)));
    }

    private void drawLabel(ArrowLook l, Geometry g, LabelRow row, DiagramMetrics m) {
        boolean show = g.hasLabel() && row != null && row.text() != null;
        if (!show) {
            if (labelGroup != null) {
                labelGroup.setVisible(false);
            }
            return;
        }
        if (labelGroup == null) {
            labelBg = new Rectangle();
            labelBg.getStyleClass().add("flow-label-bg");
            labelText = new Text();
            labelText.getStyleClass().addAll(DiagramMetrics.LABEL, "flow-label");
            labelText.setTextOrigin(VPos.CENTER);
            labelGroup = new Group(labelBg, labelText);
            labelGroup.getStyleClass().add("flow-label-row");
            marks.getChildren().add(0, labelGroup);
        }
        labelGroup.setVisible(true);
        double h = row.height();
        double w = row.width();
        // drawn level with its top left at (0, 0), then turned about its centre and moved into place
        labelGroup.getTransforms().setAll(new Translate(g.labelX(), g.labelY()), new Rotate(g.labelDegrees()),
                new Translate(-w / 2, -h / 2));
        double cy = h / 2;
        labelBg.setX(0);
        labelBg.setY(0);
        labelBg.setWidth(w);
        labelBg.setHeight(h);
        labelBg.setArcWidth(h);
        labelBg.setArcHeight(h);
        double pad = m.em(0.35);
        double gap = m.em(0.3);
        double cursor = pad;
        // retry: a loop arrow with the attempt number
        if (l.attempt() > 1 || retryMark != null) {
            if (retryMark == null) {
                retryLoop = new Path();
                retryLoop.getStyleClass().add("flow-retry-loop");
                retryText = new Text();
                retryText.getStyleClass().addAll(DiagramMetrics.TAG, "flow-retry-number");
                retryText.setTextOrigin(VPos.CENTER);
                retryMark = new Group(retryLoop, retryText);
                retryMark.getStyleClass().add("flow-retry-mark");
                labelGroup.getChildren().add(retryMark);
            }
            retryMark.setVisible(l.attempt() > 1);
            retryMark.setId(idPrefix + "retry-mark-" + l.number());
            if (l.attempt() > 1) {
                loop(retryLoop, cursor + m.em(0.42), cy, m.em(0.3), m.em(0.28));
                retryText.setText(Integer.toString(l.attempt()));
                retryText.setX(cursor + m.em(0.95));
                retryText.setY(cy);
                cursor += row.retryWidth() + gap;
            }
        }
        if (l.tcp() || tcpTag != null) {
            if (tcpTag == null) {
                tcpTag = tag("flow-tcp-tag");
                labelGroup.getChildren().add(tcpTag);
            }
            tcpTag.setVisible(l.tcp());
            tcpTag.setId(idPrefix + "tcp-tag-" + l.number());
            if (l.tcp()) {
                placeTag(tcpTag, FlowTexts.tcpTag(), cursor, cy, row.tcpWidth(), m);
                cursor += row.tcpWidth() + gap;
            }
        }
        labelText.setText(row.text());
        labelText.setX(cursor);
        labelText.setY(cy);
        cursor += row.textWidth();
        boolean err = row.errorText() != null;
        if (err || errorTag != null) {
            if (errorTag == null) {
                errorTag = tag("flow-error-tag");
                labelGroup.getChildren().add(errorTag);
            }
            errorTag.setVisible(err);
            errorTag.setId(idPrefix + "error-tag-" + l.number());
            if (err) {
                placeTag(errorTag, row.errorText(), cursor + (row.textWidth() > 0 ? gap : 0), cy, row.errorWidth(), m);
            }
        }
    }

    private static Group tag(String styleClass) {
        Rectangle bg = new Rectangle();
        bg.getStyleClass().add("flow-tag-bg");
        Text t = new Text();
        t.getStyleClass().addAll(DiagramMetrics.TAG, "flow-tag-text-fill");
        t.setTextOrigin(VPos.CENTER);
        Group g = new Group(bg, t);
        g.getStyleClass().addAll("flow-tag", styleClass);
        return g;
    }

    private static void placeTag(Group tag, String text, double x, double cy, double width, DiagramMetrics m) {
        Rectangle bg = (Rectangle) tag.getChildren().get(0);
        Text t = (Text) tag.getChildren().get(1);
        double h = m.height(DiagramMetrics.TAG) + m.em(0.1);
        bg.setX(x);
        bg.setY(cy - h / 2);
        bg.setWidth(width);
        bg.setHeight(h);
        bg.setArcWidth(m.em(0.4));
        bg.setArcHeight(m.em(0.4));
        t.setText(text);
        t.setX(x + m.em(0.28));
        t.setY(cy);
    }

    /** A loop arrow (an almost full circle, clockwise, with a head at the top) around (cx, cy). */
    static void loop(Path p, double cx, double cy, double r, double headSize) {
        double a0 = Math.toRadians(-50);
        double sx = cx + r * Math.cos(a0);
        double sy = cy + r * Math.sin(a0);
        double ex = cx;
        double ey = cy - r;
        p.getElements().setAll(new MoveTo(sx, sy), arc(r, ex, ey),
                new MoveTo(ex + headSize * 0.7, ey), new LineTo(ex - headSize * 0.3, ey - headSize * 0.55),
                new MoveTo(ex + headSize * 0.7, ey), new LineTo(ex - headSize * 0.3, ey + headSize * 0.55));
    }

    private static ArcTo arc(double r, double x, double y) {
        ArcTo a = new ArcTo(r, r, 0, x, y, true, true);
        return a;
    }

    static void centre(Text icon, double cx, double cy) {
        var b = icon.getLayoutBounds();
        icon.setLayoutX(cx - (b.getMinX() + b.getWidth() / 2));
        icon.setLayoutY(cy - (b.getMinY() + b.getHeight() / 2));
    }

    private Path ensureBelow(Path l, String styleClass) {
        if (l == null) {
            l = curve(styleClass);
            lines.getChildren().add(0, l);
        }
        return l;
    }

    private Path ensureBelowMain(Path l, String styleClass) {
        if (l == null) {
            l = curve(styleClass);
            lines.getChildren().add(lines.getChildren().indexOf(main), l);
        }
        return l;
    }

    private Path ensureAboveMain(Path l, String styleClass) {
        if (l == null) {
            l = curve(styleClass);
            lines.getChildren().add(lines.getChildren().indexOf(main) + 1, l);
        }
        return l;
    }

    /** Adds or removes a state class (current, older, hover, future) on both groups. */
    void setState(String styleClass, boolean on) {
        if (on == stateClasses.contains(styleClass)) {
            return;
        }
        if (on) {
            stateClasses.add(styleClass);
            // one fixed order, so that the same state always gives the same class list
            stateClasses.sort(java.util.Comparator.naturalOrder());
        } else {
            stateClasses.remove(styleClass);
        }
        if (look != null) {
            List<String> classes = new ArrayList<>(look.classes());
            classes.addAll(stateClasses);
            if (!lines.getStyleClass().equals(classes)) {
                lines.getStyleClass().setAll(classes);
                marks.getStyleClass().setAll(classes);
            }
        }
        if (styleClass.equals("current") && geometry != null) {
            drawLine(metrics);
        }
    }

    private static void setId(Node n, String id) {
        if (!id.equals(n.getId())) {
            n.setId(id);
        }
    }

    /** Forgets the ids of all parts (a pooled row's glyph must not be found by look-ups). */
    void clearIds() {
        drawnKey = null;
        for (Node n : new Node[] {lines, marks, badgeText, lostCross, ignoredMark, retryMark, tcpTag, errorTag}) {
            if (n != null) {
                n.setId(null);
            }
        }
    }

    boolean hasState(String styleClass) {
        return stateClasses.contains(styleClass);
    }

    /** Part of the line drawn, 0..1, while its packet travels; decorations at the end appear at 1. */
    void setProgress(double f) {
        progress = Math.max(0, Math.min(1, f));
        if (geometry != null) {
            drawLine(metrics);
        }
    }

    /** Point at fraction f of the way the packet travels (to the cross for a lost message). */
    double[] pointAt(double f) {
        FlowPlacement.Curve c = geometry.curve();
        double t = f * (look.lost() ? LOST_CROSS : 1);
        return new double[] {c.xAt(t), c.yAt(t)};
    }

    /** Installs the hover summary (computed when shown, in the current language) on both groups. */
    void installTooltip(Supplier<String> text) {
        Tooltip tip = new Tooltip();
        tip.getStyleClass().add("flow-tooltip");
        tip.setShowDelay(Duration.millis(200));
        tip.setShowDuration(Duration.seconds(30));
        tip.setOnShowing(e -> tip.setText(text.get()));
        Tooltip.install(lines, tip);
        Tooltip.install(marks, tip);
    }

    /** The nodes that react to the mouse (line hit area, badge, label). */
    List<Node> pickables() {
        return List.of(lines, marks);
    }

    /** The label row text as drawn (null when hidden), for state descriptions in tests. */
    String shownLabel() {
        return labelGroup != null && labelGroup.isVisible() ? labelText.getText() : null;
    }

    /** Which of the optional marks are showing, for state descriptions in tests. */
    List<String> shownMarks() {
        List<String> out = new ArrayList<>();
        if (lostCross != null && lostCross.isVisible()) {
            out.add("lost");
        }
        if (ignoredMark != null && ignoredMark.isVisible()) {
            out.add("ignored");
        }
        if (labelGroup != null && labelGroup.isVisible()) {
            if (retryMark != null && retryMark.isVisible()) {
                out.add("retry" + retryText.getText());
            }
            if (tcpTag != null && tcpTag.isVisible()) {
                out.add("tcp");
            }
            if (errorTag != null && errorTag.isVisible()) {
                out.add("error:" + ((Text) errorTag.getChildren().get(1)).getText());
            }
        }
        if (outline != null && outline.isVisible()) {
            out.add("outline");
        }
        if (inner != null && inner.isVisible()) {
            out.add("double");
        }
        if (halo != null && halo.isVisible()) {
            out.add("halo");
        }
        if (!head.isVisible()) {
            out.add("no-head");
        }
        return out;
    }
}
