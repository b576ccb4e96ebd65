package org.resolvefx.bench;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.resolvefx.ui.app.MainWindow;
import org.resolvefx.ui.app.TraceWorkspace;

/**
 * What one playback step costs, node by node: steps the lookup of {@link PlaybackFrameTimes} one event
 * at a time and prints, per step, the time the state listeners took, which nodes the following pulse
 * restyles (CSS flags before the CSS pass: REAPPLY rebuilds a node's styles from the stylesheets, UPDATE
 * only re-evaluates pseudo-classes), which parents it lays out, the time of CSS and layout, and which
 * nodes are dirty for rendering afterwards (their scene bounds: the software renderer repaints them).
 * Grouped by view. A tool for finding what makes frames expensive, not a measurement of frame times
 * (that is {@link PlaybackFrameTimes}); reads private JavaFX fields by reflection (class path only).
 *
 * <p>usage (under Xvfb, like bench-frames.sh): {@code FrameDiagnostics [ALL|LECTURE] [steps] [verbose]}
 */
public final class FrameDiagnostics {
    private static final Field CSS_FLAG;
    private static final Field DIRTY_BITS;
    private static final Field LAYOUT_FLAG;

    static {
        try {
            CSS_FLAG = Node.class.getDeclaredField("cssFlag");
            CSS_FLAG.setAccessible(true);
            DIRTY_BITS = Node.class.getDeclaredField("dirtyBits");
            DIRTY_BITS.setAccessible(true);
            LAYOUT_FLAG = Parent.class.getDeclaredField("layoutFlag");
            LAYOUT_FLAG.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private FrameDiagnostics() {
    }

    public static void main(String[] args) throws Exception {
        TraceWorkspace.Layout layout = args.length > 0 ? TraceWorkspace.Layout.valueOf(args[0]) : TraceWorkspace.Layout.ALL;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        boolean verbose = args.length > 2 && args[2].startsWith("v");
        boolean idle = args.length > 3 && args[3].equals("idle");
        MainWindow window = PlaybackFrameTimes.openWindow(layout);
        Thread.sleep(3000);
        Scene scene = window.scene();
        TraceWorkspace ws = window.lookupWorkspace();
        Probe probe = new Probe(ws, verbose);
        CountDownLatch installed = new CountDownLatch(1);
        Platform.runLater(() -> {
            scene.addPreLayoutPulseListener(probe::preLayout);
            scene.addPostLayoutPulseListener(probe::postLayout);
            installed.countDown();
        });
        installed.await();
        if (args.length > 3 && args[3].equals("watch")) {
            CountDownLatch watching = new CountDownLatch(1);
            Platform.runLater(() -> {
                walk(scene.getRoot(), n -> {
                    if (n instanceof javafx.scene.layout.Region r && r.getWidth() * r.getHeight() > 20_000) {
                        for (javafx.beans.value.ObservableValue<Number> v : List.of(r.widthProperty(), r.heightProperty(),
                                r.layoutXProperty(), r.layoutYProperty())) {
                            v.addListener((o, a, b) -> {
                                if (probe.inPulse || probe.view(r).equals("player")) {
                                    StackTraceElement[] st = new Throwable().getStackTrace();
                                    StringBuilder who = new StringBuilder();
                                    for (int k = 0, shown = 0; k < st.length && shown < 4; k++) {
                                        String c = st[k].getClassName();
                                        if (!c.startsWith("javafx.beans") && !c.startsWith("com.sun.javafx.binding")
                                                && !c.contains("FrameDiagnostics") && !c.startsWith("java.")) {
                                            who.append(" < ").append(c.substring(c.lastIndexOf('.') + 1)).append('.')
                                                    .append(st[k].getMethodName()).append(':').append(st[k].getLineNumber());
                                            shown++;
                                        }
                                    }
                                    System.out.printf(Locale.ROOT, "  change %s %s: %.1f -> %.1f%s%n", probe.view(r), describe(r),
                                            a.doubleValue(), b.doubleValue(), who);
                                }
                            });
                        }
                    }
                });
                watching.countDown();
            });
            watching.await();
        }
        for (int i = 0; i < steps; i++) {
            probe.done = new CountDownLatch(1);
            Platform.runLater(() -> {
                long t0 = System.nanoTime();
                if (idle) {
                    Platform.requestNextPulse();
                } else {
                    ws.model().stepForward();
                }
                probe.stepNanos = System.nanoTime() - t0;
                probe.armed = true;
                probe.position = ws.model().position();
            });
            probe.done.await(10, TimeUnit.SECONDS);
            Thread.sleep(400);
        }
        Platform.exit();
        System.exit(0);
    }

    static final class Probe {
        final TraceWorkspace ws;
        final javafx.scene.Node inspector;
        final boolean verbose;
        volatile boolean armed;
        volatile boolean inPulse;
        volatile CountDownLatch done = new CountDownLatch(1);
        long stepNanos;
        int position;
        long preAt;
        Map<String, int[]> css;
        List<String> reapplied;
        List<String> layoutRoots;

        Probe(TraceWorkspace ws, boolean verbose) {
            this.ws = ws;
            // taken once: TraceWorkspace.inspector() brings the inspector up to date, which asked for during
            // a pulse would pull its work (normally one frame after the step) into the step being measured
            this.inspector = ws.inspector();
            this.verbose = verbose;
        }

        void preLayout() {
            if (!armed) {
                return;
            }
            css = new TreeMap<>();
            reapplied = new ArrayList<>();
            layoutRoots = new ArrayList<>();
            walk(ws.getScene().getRoot(), n -> {
                Object flag = get(CSS_FLAG, n);
                String f = String.valueOf(flag);
                if (!f.equals("CLEAN")) {
                    int[] c = css.computeIfAbsent(view(n) + " " + f, k -> new int[1]);
                    c[0]++;
                    if (f.equals("REAPPLY") && (n.getParent() == null
                            || !"REAPPLY".equals(String.valueOf(get(CSS_FLAG, n.getParent()))))) {
                        reapplied.add(view(n) + ": " + describe(n) + " subtree " + count(n));
                    }
                }
                if (n instanceof Parent p && "NEEDS_LAYOUT".equals(String.valueOf(get(LAYOUT_FLAG, p)))
                        && (p.getParent() == null
                        || !"NEEDS_LAYOUT".equals(String.valueOf(get(LAYOUT_FLAG, p.getParent()))))) {
                    layoutRoots.add(view(n) + ": " + describe(n));
                }
            });
            preAt = System.nanoTime();
            inPulse = true;
        }

        void postLayout() {
            if (!armed) {
                return;
            }
            armed = false;
            inPulse = false;
            long cssLayout = System.nanoTime() - preAt;
            Map<String, double[]> dirty = new LinkedHashMap<>();
            Map<String, Integer> dirtyCount = new TreeMap<>();
            List<String> dirtyNodes = new ArrayList<>();
            walk(ws.getScene().getRoot(), n -> {
                Object bits = get(DIRTY_BITS, n);
                if (bits instanceof Collection<?> c && !c.isEmpty() && treeVisible(n)) {
                    String v = view(n);
                    dirtyCount.merge(v, 1, Integer::sum);
                    // bounds, CSS and child-list bits alone do not repaint the node itself
                    boolean onlyChildren = c.stream().allMatch(b -> List.of("PARENT_CHILDREN", "NODE_BOUNDS",
                            "NODE_TRANSFORMED_BOUNDS", "NODE_CSS", "NODE_FORCE_SYNC").contains(String.valueOf(b)));
                    Bounds b = n.localToScene(n.getBoundsInLocal());
                    if (!onlyChildren && b != null && b.getWidth() > 0) {
                        double[] u = dirty.computeIfAbsent(v, k -> new double[] {1e9, 1e9, -1e9, -1e9});
                        u[0] = Math.min(u[0], b.getMinX());
                        u[1] = Math.min(u[1], b.getMinY());
                        u[2] = Math.max(u[2], b.getMaxX());
                        u[3] = Math.max(u[3], b.getMaxY());
                        if (verbose || b.getWidth() * b.getHeight() > 100_000) {
                            dirtyNodes.add(String.format(Locale.ROOT, "%s: %s %s [%.0f,%.0f %.0fx%.0f]", v, describe(n), c,
                                    b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight()));
                        }
                    }
                }
            });
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "=== step to %d: listeners %.1f ms, css+layout %.1f ms%n", position,
                    stepNanos / 1e6, cssLayout / 1e6));
            out.append("  sizes: center ").append(size(ws.getCenter())).append(" bottom ").append(size(ws.getBottom()))
                    .append(" narration ").append(size(ws.narration())).append(" player ").append(size(ws.player()))
                    .append(" tree ").append(size(ws.tree())).append(" sequence ").append(size(ws.sequence()))
                    .append(" inspector ").append(size(inspector)).append(" cache ").append(size(ws.cache()))
                    .append('\n');
            out.append("  css flags: ").append(fmt(css)).append('\n');
            reapplied.stream().limit(verbose ? 200 : 12).forEach(s -> out.append("  reapply ").append(s).append('\n'));
            layoutRoots.stream().limit(verbose ? 200 : 12).forEach(s -> out.append("  layout ").append(s).append('\n'));
            out.append("  dirty nodes: ").append(dirtyCount).append('\n');
            dirty.forEach((v, u) -> out.append(String.format(Locale.ROOT, "  dirty %s: [%.0f,%.0f]-[%.0f,%.0f] = %.0f px%n",
                    v, u[0], u[1], u[2], u[3], (u[2] - u[0]) * (u[3] - u[1]))));
            dirtyNodes.stream().limit(verbose ? 300 : 15).forEach(s -> out.append("  big-dirty ").append(s).append('\n'));
            System.out.print(out);
            done.countDown();
        }

        private String view(Node n) {
            for (Node p = n; p != null; p = p.getParent()) {
                if (p == ws.tree()) {
                    return "tree";
                }
                if (p == ws.sequence()) {
                    return "sequence";
                }
                if (p == ws.flow()) {
                    return "flow";
                }
                if (p == inspector) {
                    return "inspector";
                }
                if (p == ws.cache()) {
                    return "cache";
                }
                if (p == ws.narration()) {
                    return "narration";
                }
                if (p == ws.player()) {
                    return "player";
                }
            }
            return "other";
        }
    }

    private static String fmt(Map<String, int[]> m) {
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> b.append(k).append('=').append(v[0]).append("  "));
        return b.toString();
    }

    static String size(Node n) {
        if (n == null) {
            return "-";
        }
        Bounds b = n.localToScene(n.getLayoutBounds());
        return String.format(Locale.ROOT, "%.1f,%.1f %.1fx%.1f", b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
    }

    static String describe(Node n) {
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId()) + n.getStyleClass();
    }

    static boolean treeVisible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    static int count(Node n) {
        int[] c = {0};
        walk(n, x -> c[0]++);
        return c[0];
    }

    static void walk(Node n, java.util.function.Consumer<Node> f) {
        f.accept(n);
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, f);
            }
        }
    }

    static Object get(Field f, Object o) {
        try {
            return f.get(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
