package org.resolvefx.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.resolvefx.ui.flow.FlowPlacement;

/**
 * Placing the badges and labels of the message-flow figure (done once per trace, and again when the
 * language or theme changes): a resolver fanning out to four servers, arrows alternating query and
 * response. 14 and 40 arrows are placed "dense" (every label shown, crossings counted); 1,000 arrows
 * "sparse" (the flow view shows one label at a time above 40). Run (see src/docs/flow-views.md):
 * {@code mvn -o -q test-compile}, {@code mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp},
 * {@code java -cp target/test-classes:target/classes:$(cat target/bench.cp) org.openjdk.jmh.Main FlowPlacement -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FlowPlacementBench {

    @Param({"14", "40", "1000"})
    public int arrows;

    private List<FlowPlacement.Obb> boxes;
    private List<FlowPlacement.Request> requests;

    @Setup
    public void setUp() {
        boxes = List.of(FlowPlacement.Obb.axis(-240, -35, 0, 35), FlowPlacement.Obb.axis(400, -220, 640, 200));
        requests = new ArrayList<>(arrows);
        int[] perPairSide = new int[8];
        for (int i = 0; i < arrows; i++) {
            int server = (i / 2) % 4;
            boolean response = i % 2 == 1;
            int slot = server * 2 + (response ? 1 : 0);
            int k = perPairSide[slot]++;
            double y = -180 + server * 120;
            double len = Math.hypot(400, y);
            double nx = -y / len;
            double ny = 400 / len;
            double bow = (response ? -1 : 1) * (Math.min(k, 5) + 0.5) * 25;
            FlowPlacement.Curve c = response ? FlowPlacement.Curve.bowed(400, y, 0, 0, nx, ny, 0, bow)
                    : FlowPlacement.Curve.bowed(0, 0, 400, y, nx, ny, 0, bow);
            requests.add(new FlowPlacement.Request(c, 11, 120, 18, 1, 13, response ? 0.4 : 0.6));
        }
    }

    @Benchmark
    public List<FlowPlacement.Placed> place() {
        return FlowPlacement.place(boxes, requests, 4, arrows <= 40);
    }
}
