package org.resolvefx.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.resolvefx.core.wire.Dissection;
import org.resolvefx.core.wire.Dissector;
import org.resolvefx.core.wire.MessageSummary;
import org.resolvefx.core.wire.PcapPayloads;

/**
 * Throughput of the dissector and of the one-line summary over the real messages of the golden
 * captures (the reference captures, the BIND zoo with DNSSEC records and a zone transfer, the
 * crafted messages): scores are messages per second on one thread. Target: at least 200,000
 * full dissections per second. Run from the repository root:
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
 * java -cp target/test-classes:target/classes:$(cat target/bench.cp) \
 *   org.openjdk.jmh.Main DissectBenchmark -f 1 -wi 10 -i 5
 * </pre>
 * Ten warm-up seconds: the JIT needs about five before the dissector runs at full speed on two
 * cores, and "-wi 3" often measures a half-compiled walker.
  */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class DissectBenchmark {

    /** Number of messages per invocation; the corpus is cycled to this size so scores are per message. */
    private static final int BATCH = 128;

    private byte[][] messages;

    @Setup
    public void load() throws IOException {
        Path dir = Paths.get(System.getProperty("resolvefx.golden", "src/test/resources/golden"));
        List<byte[]> all = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".pcap")).sorted().toList()) {
                all.addAll(PcapPayloads.dnsMessages(p));
            }
        }
        if (all.isEmpty()) {
            throw new IllegalStateException("no golden captures under " + dir.toAbsolutePath());
        }
        messages = new byte[BATCH][];
        for (int i = 0; i < BATCH; i++) {
            messages[i] = all.get(i % all.size());
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void dissect(Blackhole bh) {
        for (byte[] m : messages) {
            Dissection d = Dissector.dissect(m);
            bh.consume(d);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void summary(Blackhole bh) {
        for (byte[] m : messages) {
            MessageSummary s = MessageSummary.of(m);
            bh.consume(s);
        }
    }
}
