package org.resolvefx.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.resolvefx.core.namespace.TreeDrawing;
import org.resolvefx.core.namespace.TreeLayout;

/**
 * Tidy layout of a 10,000-node tree (target: well under 100 ms). Run:
 * {@code mvn -o -q test-compile} then
 * {@code java -cp target/test-classes:target/classes:$(mvn -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) org.openjdk.jmh.Main TreeLayout -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TreeLayoutBench {

    /** "bushy": random recursive tree (namespace-like fan-out); "deep": long chains with side branches. */
    @Param({"bushy", "deep"})
    public String shape;

    @Param({"10000"})
    public int nodes;

    private Node root;
    private final TreeLayout layout = new TreeLayout(8, 60, 24);

    static final class Node {
        final double width;
        final List<Node> children = new ArrayList<>(2);

        Node(double width) {
            this.width = width;
        }
    }

    @Setup
    public void build() {
        Random r = new Random(42);
        List<Node> all = new ArrayList<>(nodes);
        root = new Node(20);
        all.add(root);
        for (int i = 1; i < nodes; i++) {
            Node parent = shape.equals("deep") && r.nextInt(10) != 0 ? all.get(i - 1) : all.get(r.nextInt(i));
            Node n = new Node(10 + r.nextInt(120));
            parent.children.add(n);
            all.add(n);
        }
    }

    @Benchmark
    public TreeDrawing<Node> layout() {
        return layout.layout(root, n -> n.children, n -> n.width);
    }
}
