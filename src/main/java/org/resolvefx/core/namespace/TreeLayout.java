package org.resolvefx.core.namespace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Tidy drawing of a rooted, ordered tree, top-down: the algorithm of C. Buchheim, M. Jünger and
 * S. Leipert, "Improving Walker's Algorithm to Run in Linear Time" (Graph Drawing 2002, LNCS 2528,
 * pp. 344-353), which is J. Q. Walker II's 1990 algorithm with threads and lazily spread shifts.
 * Written here because no maintained Java library does it without a UI toolkit: the known ports
 * (abego TreeLayout, GraphStream's gs-algo) are unmaintained or bring their own graph and view model.
 *
 * <p>Nodes have their own widths (labels differ) and share one height; the distance between two
 * neighbours on a level is half of each width plus {@code gap}. What the drawing guarantees:
 * <ul>
 *   <li>nodes on one level do not overlap and are at least {@code gap} apart;</li>
 *   <li>a parent is centred over its first and last child;</li>
 *   <li>a subtree is drawn the same wherever it occurs (only translated);</li>
 *   <li>a tree and its mirror image are drawn as mirror images where the algorithm allows it, and
 *       symmetric trees symmetrically; small subtrees between big ones are spaced out evenly.</li>
 * </ul>
 * Linear time, and iterative throughout (no recursion), so a chain of any depth is fine.
 *
 * <p>Coordinates: x and y are node centres; y = depth * levelHeight; the drawing is shifted so that
 * the leftmost node edge is at x = 0 and the root's centre is at y = 0.
 */
public final class TreeLayout {
    private final double gap;
    private final double levelHeight;
    private final double nodeHeight;

    /**
     * @param gap         minimum horizontal space between neighbouring nodes on a level
     * @param levelHeight vertical distance between the centres of two levels
     * @param nodeHeight  height of every node (for bounds and fitting)
     */
    public TreeLayout(double gap, double levelHeight, double nodeHeight) {
        if (!(gap >= 0) || Double.isInfinite(gap)) {
            throw new IllegalArgumentException("gap must be a finite number >= 0: " + gap);
        }
        if (!(levelHeight > 0) || Double.isInfinite(levelHeight)) {
            throw new IllegalArgumentException("levelHeight must be a finite number > 0: " + levelHeight);
        }
        if (!(nodeHeight >= 0) || nodeHeight > levelHeight) {
            throw new IllegalArgumentException("nodeHeight must be between 0 and levelHeight: " + nodeHeight);
        }
        this.gap = gap;
        this.levelHeight = levelHeight;
        this.nodeHeight = nodeHeight;
    }

    public double gap() {
        return gap;
    }

    public double levelHeight() {
        return levelHeight;
    }

    public double nodeHeight() {
        return nodeHeight;
    }

    /**
     * Lays out any tree given by its root and a children function (children in drawing order).
     * Nodes are told apart by identity, so the same object must not occur twice.
     *
     * @param width the width of each node, finite and {@code >= 0}
     * @throws IllegalArgumentException for a bad width (naming the node and its position in pre-order)
     */
    public <T> TreeDrawing<T> layout(T root, Function<? super T, ? extends List<? extends T>> children,
                                     ToDoubleFunction<? super T> width) {
        Objects.requireNonNull(root, "root");
        // pre-order numbering, children stored contiguously (CSR) for the walks
        List<T> nodes = new ArrayList<>();
        IntList parent = new IntList();
        IntList childStart = new IntList();
        IntList childCount = new IntList();
        IntList kids = new IntList();
        Deque<T> stack = new ArrayDeque<>();
        Deque<Integer> parentStack = new ArrayDeque<>();
        stack.push(root);
        parentStack.push(-1);
        while (!stack.isEmpty()) {
            T node = stack.pop();
            int p = parentStack.pop();
            int index = nodes.size();
            nodes.add(node);
            parent.add(p);
            List<? extends T> cs = children.apply(node);
            if (cs != null) {
                for (int i = cs.size() - 1; i >= 0; i--) {
                    stack.push(Objects.requireNonNull(cs.get(i), "null child"));
                    parentStack.push(index);
                }
            }
        }
        int n = nodes.size();
        // children of each node in order: their pre-order indices ascend in child order
        int[] count = new int[n];
        for (int v = 1; v < n; v++) {
            count[parent.get(v)]++;
        }
        int[] start = new int[n];
        int acc = 0;
        for (int v = 0; v < n; v++) {
            start[v] = acc;
            acc += count[v];
        }
        int[] fill = new int[n];
        int[] kidArray = new int[Math.max(0, n - 1)];
        for (int v = 1; v < n; v++) {
            int p = parent.get(v);
            kidArray[start[p] + fill[p]++] = v;
        }
        double[] widths = new double[n];
        for (int v = 0; v < n; v++) {
            double w = width.applyAsDouble(nodes.get(v));
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("node " + v + " (pre-order) has width " + w
                        + "; widths must be finite and >= 0: " + nodes.get(v));
            }
            widths[v] = w;
        }
        int[] parents = parent.toArray();
        double[] x = new Tidy(n, parents, start, count, kidArray, widths, gap).run();
        int[] depth = new int[n];
        for (int v = 1; v < n; v++) {
            depth[v] = depth[parents[v]] + 1;
        }
        double minLeft = Double.POSITIVE_INFINITY;
        for (int v = 0; v < n; v++) {
            minLeft = Math.min(minLeft, x[v] - widths[v] / 2);
        }
        double[] y = new double[n];
        for (int v = 0; v < n; v++) {
            x[v] -= minLeft;
            y[v] = depth[v] * levelHeight;
        }
        return new TreeDrawing<>(nodes, parents, depth, x, y, widths, nodeHeight);
    }

    /** Lays out a namespace tree (or a {@link NamespaceTree#visibleSubtree visible subtree} of one). */
    public TreeDrawing<NamespaceNode> layout(NamespaceTree tree, ToDoubleFunction<NamespaceNode> width) {
        return layout(tree.root(), NamespaceNode::children, width);
    }

    /** The two walks of Buchheim, Jünger and Leipert over arrays, in the paper's names. */
    private static final class Tidy {
        private final int n;
        private final int[] parent;
        private final int[] childStart;
        private final int[] childCount;
        private final int[] kids;
        private final double[] width;
        private final double gap;
        private final double[] prelim;
        private final double[] mod;
        private final double[] shift;
        private final double[] change;
        private final double[] midpoint;
        private final int[] thread;
        private final int[] ancestor;
        private final int[] number;

        Tidy(int n, int[] parent, int[] childStart, int[] childCount, int[] kids, double[] width, double gap) {
            this.n = n;
            this.parent = parent;
            this.childStart = childStart;
            this.childCount = childCount;
            this.kids = kids;
            this.width = width;
            this.gap = gap;
            prelim = new double[n];
            mod = new double[n];
            shift = new double[n];
            change = new double[n];
            midpoint = new double[n];
            thread = new int[n];
            ancestor = new int[n];
            number = new int[n];
            for (int v = 0; v < n; v++) {
                thread[v] = -1;
                ancestor[v] = v;
                for (int i = 0; i < childCount[v]; i++) {
                    number[kids[childStart[v] + i]] = i;
                }
            }
        }

        double[] run() {
            // FirstWalk, bottom-up: higher pre-order numbers are never ancestors of lower ones. Each
            // subtree is finished before its parent places it against its left siblings, exactly the
            // order of the paper's recursive FirstWalk.
            for (int v = n - 1; v >= 0; v--) {
                if (childCount[v] > 0) {
                    placeChildren(v);
                }
            }
            double[] x = new double[n];
            double[] modSum = new double[n];
            // SecondWalk, top-down: x = prelim + sum of the ancestors' modifiers
            prelim[0] = childCount[0] > 0 ? midpoint[0] : 0;
            x[0] = prelim[0];
            for (int v = 1; v < n; v++) {
                int p = parent[v];
                modSum[v] = modSum[p] + mod[p];
                x[v] = prelim[v] + modSum[v];
            }
            return x;
        }

        private void placeChildren(int v) {
            int defaultAncestor = kid(v, 0);
            for (int i = 0; i < childCount[v]; i++) {
                int w = kid(v, i);
                double own = childCount[w] > 0 ? midpoint[w] : 0;
                if (i == 0) {
                    prelim[w] = own;
                } else {
                    int left = kid(v, i - 1);
                    prelim[w] = prelim[left] + distance(left, w);
                    if (childCount[w] > 0) {
                        mod[w] = prelim[w] - own;
                    }
                    defaultAncestor = apportion(w, defaultAncestor);
                }
            }
            executeShifts(v);
            midpoint[v] = (prelim[kid(v, 0)] + prelim[kid(v, childCount[v] - 1)]) / 2;
        }

        private int apportion(int v, int defaultAncestor) {
            int p = parent[v];
            int vip = v;
            int vop = v;
            int vim = kid(p, number[v] - 1);
            int vom = kid(p, 0);
            double sip = mod[vip];
            double sop = mod[vop];
            double sim = mod[vim];
            double som = mod[vom];
            while (nextRight(vim) >= 0 && nextLeft(vip) >= 0) {
                vim = nextRight(vim);
                vip = nextLeft(vip);
                vom = nextLeft(vom);
                vop = nextRight(vop);
                ancestor[vop] = v;
                double s = (prelim[vim] + sim) - (prelim[vip] + sip) + distance(vim, vip);
                if (s > 0) {
                    int a = parent[ancestor[vim]] == p ? ancestor[vim] : defaultAncestor;
                    moveSubtree(a, v, s);
                    sip += s;
                    sop += s;
                }
                sim += mod[vim];
                sip += mod[vip];
                som += mod[vom];
                sop += mod[vop];
            }
            if (nextRight(vim) >= 0 && nextRight(vop) < 0) {
                thread[vop] = nextRight(vim);
                mod[vop] += sim - sop;
            }
            if (nextLeft(vip) >= 0 && nextLeft(vom) < 0) {
                thread[vom] = nextLeft(vip);
                mod[vom] += sip - som;
                defaultAncestor = v;
            }
            return defaultAncestor;
        }

        private void moveSubtree(int wm, int wp, double s) {
            int subtrees = number[wp] - number[wm];
            change[wp] -= s / subtrees;
            shift[wp] += s;
            change[wm] += s / subtrees;
            prelim[wp] += s;
            mod[wp] += s;
        }

        private void executeShifts(int v) {
            double s = 0;
            double c = 0;
            for (int i = childCount[v] - 1; i >= 0; i--) {
                int w = kid(v, i);
                prelim[w] += s;
                mod[w] += s;
                c += change[w];
                s += shift[w] + c;
            }
        }

        private int nextLeft(int v) {
            return childCount[v] > 0 ? kid(v, 0) : thread[v];
        }

        private int nextRight(int v) {
            return childCount[v] > 0 ? kid(v, childCount[v] - 1) : thread[v];
        }

        private int kid(int v, int i) {
            return kids[childStart[v] + i];
        }

        private double distance(int left, int right) {
            return (width[left] + width[right]) / 2 + gap;
        }
    }

    /** A growable int array (avoids boxing for large trees). */
    private static final class IntList {
        private int[] a = new int[16];
        private int size;

        void add(int v) {
            if (size == a.length) {
                a = java.util.Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        int get(int i) {
            return a[i];
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(a, size);
        }
    }
}
