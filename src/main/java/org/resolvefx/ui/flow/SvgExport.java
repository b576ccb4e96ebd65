package org.resolvefx.ui.flow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.ArcTo;
import javafx.scene.shape.Circle;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.HLineTo;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.QuadCurveTo;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.shape.StrokeType;
import javafx.scene.shape.VLineTo;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.transform.NonInvertibleTransformException;
import javafx.scene.transform.Transform;
import org.kordamp.ikonli.javafx.FontIcon;
import org.resolvefx.ui.common.SvgWriter;

/**
 * Writes what a part of the scene graph shows as SVG, through {@link SvgWriter}: the views draw with
 * plain shapes, texts and regions, so walking the nodes after CSS gives exactly the drawn colours,
 * strokes, dashes and positions. Icon glyphs (Ikonli) become paths, so the file needs no icon font.
 * Opacity is folded into the colours by blending with the background (SvgWriter has no group
 * opacity), which is exact for things drawn on the plain canvas.
 *
 * <p>Written by hand because no maintained library converts a JavaFX scene graph to SVG. Supports
 * what the two views use: Region backgrounds and borders, Line, Rectangle, Circle, Polygon, Polyline,
 * Path (absolute elements), Text (single line) and FontIcon. Nodes with the style class
 * "svg-skip" (mouse hit areas) and invisible nodes are left out.
 */
final class SvgExport {
    private final SvgWriter svg;
    private final Node root;
    private final Transform rootInverse;
    private final Color background;

    private SvgExport(Node root, double width, double height, Color background) {
        this.root = root;
        this.background = background == null ? Color.WHITE : background;
        this.svg = new SvgWriter(width, height, this.background);
        try {
            this.rootInverse = root.getLocalToSceneTransform().createInverse();
        } catch (NonInvertibleTransformException e) {
            throw new IllegalStateException("the exported node has a transform that cannot be inverted", e);
        }
    }

    /** The SVG text of a node's subtree, in the node's own coordinates, {@code width x height} big. */
    static String toSvg(Node root, double width, double height) {
        SvgExport e = new SvgExport(root, width, height, backgroundOf(root));
        e.walk(root, 1);
        return e.svg.toSvg();
    }

    /** Writes the SVG atomically (SvgWriter writes a temporary file and moves it in place). */
    static void write(Node root, double width, double height, Path file) throws IOException {
        SvgExport e = new SvgExport(root, width, height, backgroundOf(root));
        e.walk(root, 1);
        e.svg.write(file);
    }

    private static Color backgroundOf(Node n) {
        if (n instanceof Region r && r.getBackground() != null) {
            for (BackgroundFill f : r.getBackground().getFills()) {
                if (f.getFill() instanceof Color c && c.getOpacity() > 0) {
                    return c;
                }
            }
        }
        return Color.WHITE;
    }

    private void walk(Node n, double opacity) {
        if (!n.isVisible() || n.getStyleClass().contains("svg-skip")) {
            return;
        }
        double op = opacity * n.getOpacity();
        if (op <= 0.001) {
            return;
        }
        Transform t = rootInverse.createConcatenation(n.getLocalToSceneTransform());
        double scale = scaleOf(t);
        if (n instanceof Region r) {
            region(r, t, op);
        }
        if (n instanceof FontIcon icon) {
            glyph(icon, op);
        } else if (n instanceof Text text) {
            text(text, t, scale, op);
        } else if (n instanceof Shape s) {
            shape(s, t, scale, op);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, op);
            }
        }
    }

    private void region(Region r, Transform t, double op) {
        double w = r.getWidth();
        double h = r.getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        double scale = scaleOf(t);
        Background bg = r.getBackground();
        if (bg != null && r != root) {
            for (BackgroundFill f : bg.getFills()) {
                if (!(f.getFill() instanceof Color)) {
                    continue;
                }
                var in = f.getInsets();
                Point2D p = t.transform(in.getLeft(), in.getTop());
                double radius = f.getRadii() == null ? 0 : f.getRadii().getTopLeftHorizontalRadius();
                svg.rect(p.getX(), p.getY(), (w - in.getLeft() - in.getRight()) * scale,
                        (h - in.getTop() - in.getBottom()) * scale, radius * scale, blend(f.getFill(), op), null, 0,
                        null);
            }
        }
        Border border = r.getBorder();
        if (border != null) {
            for (BorderStroke s : border.getStrokes()) {
                double bw = s.getWidths().getTop();
                if (!(s.getTopStroke() instanceof Color c) || c.getOpacity() == 0 || bw <= 0
                        || s.getTopStyle() == BorderStrokeStyle.NONE) {
                    continue;
                }
                var in = s.getInsets();
                double off = s.getTopStyle().getType() == StrokeType.INSIDE ? bw / 2
                        : s.getTopStyle().getType() == StrokeType.OUTSIDE ? -bw / 2 : 0;
                Point2D p = t.transform(in.getLeft() + off, in.getTop() + off);
                double radius = s.getRadii() == null ? 0 : Math.max(0, s.getRadii().getTopLeftHorizontalRadius() - off);
                svg.rect(p.getX(), p.getY(), (w - in.getLeft() - in.getRight() - 2 * off) * scale,
                        (h - in.getTop() - in.getBottom() - 2 * off) * scale, radius * scale, null, blend(c, op),
                        bw * scale, dashes(s.getTopStyle().getDashArray(), scale));
            }
        }
    }

    private void shape(Shape s, Transform t, double scale, double op) {
        Paint fill = blend(s.getFill(), op);
        Paint stroke = blend(s.getStroke(), op);
        double sw = s.getStroke() == null ? 0 : s.getStrokeWidth() * scale;
        String dash = dashes(s.getStrokeDashArray(), scale);
        if (s instanceof Line l) {
            Point2D a = t.transform(l.getStartX(), l.getStartY());
            Point2D b = t.transform(l.getEndX(), l.getEndY());
            svg.line(a.getX(), a.getY(), b.getX(), b.getY(), stroke, sw, dash, false);
        } else if (s instanceof Rectangle r && axisAligned(t)) {
            Point2D p = t.transform(Math.min(r.getX(), r.getX() + r.getWidth()),
                    Math.min(r.getY(), r.getY() + r.getHeight()));
            svg.rect(p.getX(), p.getY(), r.getWidth() * scale, r.getHeight() * scale, r.getArcWidth() / 2 * scale,
                    fill, stroke, sw, dash);
        } else if (s instanceof Rectangle r) {
            // a turned rectangle: its outline as a path, rounded corners as arcs
            svg.path(roundedRect(r, t, scale), fill, stroke, sw, dash);
        } else if (s instanceof Circle c) {
            Point2D p = t.transform(c.getCenterX(), c.getCenterY());
            svg.circle(p.getX(), p.getY(), c.getRadius() * scale, fill, stroke, sw);
        } else if (s instanceof Polygon || s instanceof Polyline) {
            var pts = s instanceof Polygon pg ? pg.getPoints() : ((Polyline) s).getPoints();
            StringBuilder d = new StringBuilder();
            for (int i = 0; i + 1 < pts.size(); i += 2) {
                Point2D p = t.transform(pts.get(i), pts.get(i + 1));
                d.append(i == 0 ? "M" : " L").append(num(p.getX())).append(' ').append(num(p.getY()));
            }
            if (s instanceof Polygon) {
                d.append(" Z");
            }
            if (d.length() > 0) {
                svg.path(d.toString(), s instanceof Polygon ? fill : null, stroke, sw, dash);
            }
        } else if (s instanceof javafx.scene.shape.Path p) {
            String d = pathData(p.getElements(), t, scale);
            if (!d.isEmpty()) {
                svg.path(d, fill, stroke, sw, dash);
            }
        }
    }

    private static String pathData(Iterable<PathElement> elements, Transform t, double scale) {
        StringBuilder d = new StringBuilder();
        double cx = 0;
        double cy = 0;
        for (PathElement e : elements) {
            if (d.length() > 0) {
                d.append(' ');
            }
            if (e instanceof MoveTo m) {
                cx = m.getX();
                cy = m.getY();
                d.append('M').append(pt(t, cx, cy));
            } else if (e instanceof LineTo l) {
                cx = l.getX();
                cy = l.getY();
                d.append('L').append(pt(t, cx, cy));
            } else if (e instanceof HLineTo h) {
                cx = h.getX();
                d.append('L').append(pt(t, cx, cy));
            } else if (e instanceof VLineTo v) {
                cy = v.getY();
                d.append('L').append(pt(t, cx, cy));
            } else if (e instanceof QuadCurveTo q) {
                cx = q.getX();
                cy = q.getY();
                d.append('Q').append(pt(t, q.getControlX(), q.getControlY())).append(' ').append(pt(t, cx, cy));
            } else if (e instanceof CubicCurveTo c) {
                cx = c.getX();
                cy = c.getY();
                d.append('C').append(pt(t, c.getControlX1(), c.getControlY1())).append(' ')
                        .append(pt(t, c.getControlX2(), c.getControlY2())).append(' ').append(pt(t, cx, cy));
            } else if (e instanceof ArcTo a) {
                cx = a.getX();
                cy = a.getY();
                d.append('A').append(num(a.getRadiusX() * scale)).append(' ').append(num(a.getRadiusY() * scale))
                        .append(' ').append(num(a.getXAxisRotation())).append(' ')
                        .append(a.isLargeArcFlag() ? '1' : '0').append(' ').append(a.isSweepFlag() ? '1' : '0')
                        .append(' ').append(pt(t, cx, cy));
            } else if (e instanceof ClosePath) {
                d.append('Z');
            }
        }
        return d.toString();
    }

    private void text(Text text, Transform t, double scale, double op) {
        String s = text.getText();
        if (s == null || s.isEmpty()) {
            return;
        }
        if (!axisAligned(t)) {
            // SvgWriter writes level text only: turned text goes out as the outline of its glyphs
            outline(text, text.getFill(), op);
            return;
        }
        Bounds b = text.getLayoutBounds();
        Font f = text.getFont();
        boolean bold = f.getStyle().toLowerCase(Locale.ROOT).contains("bold");
        boolean mono = f.getFamily().toLowerCase(Locale.ROOT).contains("mono");
        String[] lines = s.split("\n", -1);
        double lineHeight = lines.length > 1 ? b.getHeight() / lines.length : 0;
        for (int i = 0; i < lines.length; i++) {
            Point2D p = t.transform(b.getMinX(), b.getMinY() + text.getBaselineOffset() + i * lineHeight);
            svg.text(p.getX(), p.getY(), lines[i], f.getSize() * scale, blend(text.getFill(), op), bold, "start",
                    mono);
        }
    }

    /** An icon as its glyph's outline: a path filled with the icon colour. */
    private void glyph(FontIcon icon, double op) {
        outline(icon, icon.getIconColor() != null ? icon.getIconColor() : icon.getFill(), op);
    }

    /** A text's glyphs as a filled path (Shape.union turns glyphs into outlines in the parent's space). */
    private void outline(Text text, Paint color, double op) {
        if (text.getParent() == null) {
            return;
        }
        Shape outline = Shape.union(text, new Rectangle(0, 0, 0, 0));
        if (!(outline instanceof javafx.scene.shape.Path p)) {
            return;
        }
        Transform parent = rootInverse.createConcatenation(text.getParent().getLocalToSceneTransform());
        String d = pathData(p.getElements(), parent, scaleOf(parent));
        if (!d.isEmpty()) {
            svg.path(d, blend(color, op), null, 0, null);
        }
    }

    private static boolean axisAligned(Transform t) {
        return Math.abs(t.getMxy()) < 1e-9 && Math.abs(t.getMyx()) < 1e-9;
    }

    private static String roundedRect(Rectangle r, Transform t, double scale) {
        double x = r.getX();
        double y = r.getY();
        double w = r.getWidth();
        double h = r.getHeight();
        double rx = Math.min(w / 2, r.getArcWidth() / 2);
        double ry = Math.min(h / 2, r.getArcHeight() / 2);
        String a = "A" + num(rx * scale) + " " + num(ry * scale) + " 0 0 1 ";
        if (rx <= 0 || ry <= 0) {
            return "M" + pt(t, x, y) + " L" + pt(t, x + w, y) + " L" + pt(t, x + w, y + h) + " L" + pt(t, x, y + h)
                    + " Z";
        }
        return "M" + pt(t, x + rx, y) + " L" + pt(t, x + w - rx, y) + " " + a + pt(t, x + w, y + ry)
                + " L" + pt(t, x + w, y + h - ry) + " " + a + pt(t, x + w - rx, y + h)
                + " L" + pt(t, x + rx, y + h) + " " + a + pt(t, x, y + h - ry)
                + " L" + pt(t, x, y + ry) + " " + a + pt(t, x + rx, y) + " Z";
    }

    /** The colour as it looks at this opacity over the background. */
    private Paint blend(Paint p, double op) {
        if (!(p instanceof Color c)) {
            return null;
        }
        double a = c.getOpacity() * op;
        if (a >= 0.999) {
            return c;
        }
        if (a <= 0.001) {
            return null;
        }
        Color bg = background;
        return Color.color(c.getRed() * a + bg.getRed() * (1 - a), c.getGreen() * a + bg.getGreen() * (1 - a),
                c.getBlue() * a + bg.getBlue() * (1 - a));
    }

    private static String dashes(java.util.List<Double> dash, double scale) {
        if (dash == null || dash.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (Double d : dash) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(num(d * scale));
        }
        return b.toString();
    }

    /** The (uniform) scale of a transform: the views only translate and scale. */
    private static double scaleOf(Transform t) {
        return Math.sqrt(Math.abs(t.getMxx() * t.getMyy() - t.getMxy() * t.getMyx()));
    }

    private static String pt(Transform t, double x, double y) {
        Point2D p = t.transform(x, y);
        return num(p.getX()) + " " + num(p.getY());
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
