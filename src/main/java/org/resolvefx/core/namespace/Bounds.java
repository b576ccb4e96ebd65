package org.resolvefx.core.namespace;

/** An axis-aligned rectangle in layout units (y grows downwards, as on screen). */
public record Bounds(double minX, double minY, double maxX, double maxY) {
    public Bounds {
        if (!(minX <= maxX) || !(minY <= maxY)) {
            throw new IllegalArgumentException("empty or invalid bounds: " + minX + ".." + maxX + " x " + minY + ".."
                    + maxY);
        }
    }

    public double width() {
        return maxX - minX;
    }

    public double height() {
        return maxY - minY;
    }

    public double centerX() {
        return (minX + maxX) / 2;
    }

    public double centerY() {
        return (minY + maxY) / 2;
    }

    /** True when the two rectangles share interior area (touching edges do not count). */
    public boolean overlaps(Bounds o) {
        return minX < o.maxX && o.minX < maxX && minY < o.maxY && o.minY < maxY;
    }

    public Bounds union(Bounds o) {
        return new Bounds(Math.min(minX, o.minX), Math.min(minY, o.minY), Math.max(maxX, o.maxX),
                Math.max(maxY, o.maxY));
    }
}
