package org.resolvefx.core.namespace;

/**
 * How to map layout units into a viewport: {@code view = layout * scale + offset}. The content keeps
 * its aspect ratio and is centred.
 *
 * @param scale   view pixels per layout unit
 * @param offsetX added to scaled x
 * @param offsetY added to scaled y
 */
public record ViewportFit(double scale, double offsetX, double offsetY) {

    public ViewportFit {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be positive and finite: " + scale);
        }
    }

    /**
     * Fits {@code content} into a viewport of {@code width} x {@code height}, keeping {@code padding}
     * pixels free on every side and never scaling beyond {@code maxScale} (use
     * {@code Double.POSITIVE_INFINITY} for no limit).
     */
    public static ViewportFit of(Bounds content, double width, double height, double padding, double maxScale) {
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("viewport must have a positive size: " + width + " x " + height);
        }
        if (padding < 0 || 2 * padding >= Math.min(width, height)) {
            throw new IllegalArgumentException("padding " + padding + " leaves no room in " + width + " x " + height);
        }
        double availableW = width - 2 * padding;
        double availableH = height - 2 * padding;
        double scale = Math.min(content.width() > 0 ? availableW / content.width() : Double.POSITIVE_INFINITY,
                content.height() > 0 ? availableH / content.height() : Double.POSITIVE_INFINITY);
        scale = Math.min(scale, maxScale);
        if (Double.isInfinite(scale)) {
            scale = 1; // a single point: nothing to stretch
        }
        double offsetX = width / 2 - content.centerX() * scale;
        double offsetY = height / 2 - content.centerY() * scale;
        return new ViewportFit(scale, offsetX, offsetY);
    }

    public double toViewX(double x) {
        return x * scale + offsetX;
    }

    public double toViewY(double y) {
        return y * scale + offsetY;
    }

    /** From view coordinates back to layout units (hit testing). */
    public double toLayoutX(double viewX) {
        return (viewX - offsetX) / scale;
    }

    public double toLayoutY(double viewY) {
        return (viewY - offsetY) / scale;
    }

    public Bounds toView(Bounds b) {
        return new Bounds(toViewX(b.minX()), toViewY(b.minY()), toViewX(b.maxX()), toViewY(b.maxY()));
    }
}
