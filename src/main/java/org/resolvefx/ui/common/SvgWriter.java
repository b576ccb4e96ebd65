package org.resolvefx.ui.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import org.resolvefx.core.trace.AtomicFiles;

/**
 * A small SVG 1.1 builder for exporting the message flow and the namespace tree as vector
 * graphics for slides. Written by hand: the views are plain JavaFX shapes whose geometry we
 * know, and no maintained Java library converts a JavaFX scene graph to SVG.
 */
public final class SvgWriter {
    private final StringBuilder body = new StringBuilder(8192);
    private final double width;
    private final double height;
    private final Color background;

    public SvgWriter(double width, double height, Paint background) {
        this.width = width;
        this.height = height;
        this.background = background instanceof Color c ? c : null;
    }

    public static String color(Paint p) {
        if (!(p instanceof Color c) || c.getOpacity() == 0) {
            return "none";
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }

    private static String opacity(Paint p) {
        return p instanceof Color c && c.getOpacity() < 1
                ? String.format(Locale.ROOT, " fill-opacity=\"%.3f\"", c.getOpacity()) : "";
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** A rectangle; {@code dash} like "6 4" or null for a solid stroke. */
    public SvgWriter rect(double x, double y, double w, double h, double radius, Paint fill, Paint stroke,
                          double strokeWidth, String dash) {
        body.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(w)).append("\" height=\"").append(num(h)).append("\" rx=\"").append(num(radius))
                .append("\" fill=\"").append(color(fill)).append('"').append(opacity(fill))
                .append(" stroke=\"").append(color(stroke)).append("\" stroke-width=\"").append(num(strokeWidth))
                .append('"');
        dash(dash);
        body.append("/>\n");
        return this;
    }

    public SvgWriter line(double x1, double y1, double x2, double y2, Paint stroke, double strokeWidth, String dash,
                          boolean arrowHead) {
        body.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"")
                .append(num(x2)).append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(color(stroke))
                .append("\" stroke-width=\"").append(num(strokeWidth)).append('"');
        dash(dash);
        body.append("/>\n");
        if (arrowHead) {
            arrowHead(x1, y1, x2, y2, stroke, Math.max(6, strokeWidth * 4));
        }
        return this;
    }

    /** A path in SVG path syntax (e.g. from the view's own curve points). */
    public SvgWriter path(String d, Paint fill, Paint stroke, double strokeWidth, String dash) {
        body.append("<path d=\"").append(escape(d)).append("\" fill=\"").append(color(fill)).append('"')
                .append(opacity(fill)).append(" stroke=\"").append(color(stroke)).append("\" stroke-width=\"")
                .append(num(strokeWidth)).append('"');
        dash(dash);
        body.append("/>\n");
        return this;
    }

    public SvgWriter circle(double cx, double cy, double r, Paint fill, Paint stroke, double strokeWidth) {
        body.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"")
                .append(num(r)).append("\" fill=\"").append(color(fill)).append('"').append(opacity(fill))
                .append(" stroke=\"").append(color(stroke)).append("\" stroke-width=\"").append(num(strokeWidth))
                .append("\"/>\n");
        return this;
    }

    /** Text anchored at (x, y) baseline; anchor is "start", "middle" or "end". */
    public SvgWriter text(double x, double y, String text, double fontSize, Paint fill, boolean bold, String anchor,
                          boolean monospace) {
        body.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" font-size=\"")
                .append(num(fontSize)).append("\" font-family=\"")
                .append(monospace ? "DejaVu Sans Mono, Menlo, Consolas, monospace" : "DejaVu Sans, Helvetica, Arial, sans-serif")
                .append("\" fill=\"").append(color(fill)).append('"');
        if (bold) {
            body.append(" font-weight=\"bold\"");
        }
        body.append(" text-anchor=\"").append(anchor).append("\">").append(escape(text)).append("</text>\n");
        return this;
    }

    /** A filled triangle at (x2, y2) pointing along the line from (x1, y1). */
    public SvgWriter arrowHead(double x1, double y1, double x2, double y2, Paint fill, double size) {
        double angle = Math.atan2(y2 - y1, x2 - x1);
        double ax = x2 - size * Math.cos(angle - Math.PI / 7);
        double ay = y2 - size * Math.sin(angle - Math.PI / 7);
        double bx = x2 - size * Math.cos(angle + Math.PI / 7);
        double by = y2 - size * Math.sin(angle + Math.PI / 7);
        return path("M" + num(x2) + " " + num(y2) + " L" + num(ax) + " " + num(ay) + " L" + num(bx) + " " + num(by)
                + " Z", fill, fill, 1, null);
    }

    /** Opens a group, e.g. to give a tooltip-like title to what follows. */
    public SvgWriter beginGroup(String title) {
        body.append("<g>");
        if (title != null && !title.isEmpty()) {
            body.append("<title>").append(escape(title)).append("</title>");
        }
        body.append('\n');
        return this;
    }

    public SvgWriter endGroup() {
        body.append("</g>\n");
        return this;
    }

    private void dash(String dash) {
        if (dash != null && !dash.isBlank()) {
            body.append(" stroke-dasharray=\"").append(dash).append('"');
        }
    }

    public String toSvg() {
        StringBuilder sb = new StringBuilder(body.length() + 400);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ").append(num(width))
                .append(' ').append(num(height)).append("\">\n");
        if (background != null) {
            sb.append("<rect width=\"100%\" height=\"100%\" fill=\"").append(color(background)).append("\"/>\n");
        }
        sb.append(body).append("</svg>\n");
        return sb.toString();
    }

    /** Writes atomically: a half-written slide graphic never replaces a good one. */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, toSvg().getBytes(StandardCharsets.UTF_8));
    }
}
