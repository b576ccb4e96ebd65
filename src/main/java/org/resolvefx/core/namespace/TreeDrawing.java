package org.resolvefx.core.namespace;

import java.util.AbstractList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * The result of {@link TreeLayout}: every node with its centre, width and parent, nodes numbered in
 * pre-order (0 is the root). Immutable.
 *
 * @param <T> the node type of the laid-out tree
 */
public final class TreeDrawing<T> {
    private final List<T> nodes;
    private final int[] parent;
    private final int[] depth;
    private final double[] x;
    private final double[] y;
    private final double[] width;
    private final double nodeHeight;
    private final Bounds bounds;
    private volatile Map<T, Integer> indexOf;

    TreeDrawing(List<T> nodes, int[] parent, int[] depth, double[] x, double[] y, double[] width, double nodeHeight) {
        this.nodes = List.copyOf(nodes);
        this.parent = parent;
        this.depth = depth;
        this.x = x;
        this.y = y;
        this.width = width;
        this.nodeHeight = nodeHeight;
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = 0;
        for (int i = 0; i < x.length; i++) {
            minX = Math.min(minX, x[i] - width[i] / 2);
            maxX = Math.max(maxX, x[i] + width[i] / 2);
            maxY = Math.max(maxY, y[i]);
        }
        this.bounds = new Bounds(minX, -nodeHeight / 2, maxX, maxY + nodeHeight / 2);
    }

    /** Number of nodes. */
    public int size() {
        return nodes.size();
    }

    public T node(int index) {
        return nodes.get(index);
    }

    /** Pre-order index of the parent, -1 for the root. */
    public int parent(int index) {
        return parent[index];
    }

    public int depth(int index) {
        return depth[index];
    }

    /** Centre x. */
    public double x(int index) {
        return x[index];
    }

    /** Centre y (depth * level height). */
    public double y(int index) {
        return y[index];
    }

    public double width(int index) {
        return width[index];
    }

    public double nodeHeight() {
        return nodeHeight;
    }

    /** The node's rectangle. */
    public Bounds box(int index) {
        return new Bounds(x[index] - width[index] / 2, y[index] - nodeHeight / 2, x[index] + width[index] / 2,
                y[index] + nodeHeight / 2);
    }

    /** All placements in pre-order (a read-only view; each element is made on access). */
    public List<Placement<T>> placements() {
        return new PlacementList();
    }

    public Placement<T> placement(int index) {
        return new Placement<>(nodes.get(index), index, parent[index], depth[index], x[index], y[index], width[index],
                nodeHeight);
    }

    /** The placement of a node of the laid-out tree (by identity). */
    public Optional<Placement<T>> placementOf(T node) {
        Map<T, Integer> index = indexOf;
        if (index == null) {
            index = new IdentityHashMap<>(nodes.size() * 2);
            for (int i = 0; i < nodes.size(); i++) {
                index.put(nodes.get(i), i);
            }
            indexOf = index;
        }
        Integer i = index.get(node);
        return i == null ? Optional.empty() : Optional.of(placement(i));
    }

    /** The rectangle around every node. */
    public Bounds bounds() {
        return bounds;
    }

    /** Scale and offset that fit the whole drawing into a viewport, centred, with no padding. */
    public ViewportFit fit(double viewportWidth, double viewportHeight) {
        return ViewportFit.of(bounds, viewportWidth, viewportHeight, 0, Double.POSITIVE_INFINITY);
    }

    /** As {@link #fit(double, double)}, keeping {@code padding} pixels free and scaling at most {@code maxScale}. */
    public ViewportFit fit(double viewportWidth, double viewportHeight, double padding, double maxScale) {
        return ViewportFit.of(bounds, viewportWidth, viewportHeight, padding, maxScale);
    }

    /**
     * One placed node.
     *
     * @param node   the node
     * @param index  pre-order index
     * @param parent parent's pre-order index, -1 for the root
     * @param depth  0 for the root
     * @param x      centre x
     * @param y      centre y
     * @param width  node width
     * @param height node height
     */
    public record Placement<T>(T node, int index, int parent, int depth, double x, double y, double width,
                               double height) {
        public double left() {
            return x - width / 2;
        }

        public double right() {
            return x + width / 2;
        }

        public double top() {
            return y - height / 2;
        }

        public double bottom() {
            return y + height / 2;
        }
    }

    private final class PlacementList extends AbstractList<Placement<T>> implements RandomAccess {
        @Override
        public Placement<T> get(int index) {
            return placement(index);
        }

        @Override
        public int size() {
            return nodes.size();
        }
    }
}
