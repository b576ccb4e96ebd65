package org.resolvefx.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.resolvefx.core.capture.CaptureFiles;
import org.resolvefx.core.capture.DnsPacket;
import org.resolvefx.core.capture.LargeCapture;
import org.resolvefx.core.capture.MessageSource;

/**
 * How long the capture reader takes for a 40 MB pcap of 200,000 DNS messages (UDP pairs, TCP connections,
 * abandoned connections), reading every message. Run: {@code mvn -o -q test-compile} then
 * {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main CaptureReadBench}
 * (see src/docs/capture-reading.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CaptureReadBench {
    Path large;

    @Setup
    public void setUp() throws IOException {
        large = LargeCapture.write(Files.createTempDirectory("resolvefx-bench").resolve("large.pcap"));
        large.toFile().deleteOnExit();
    }

    @Benchmark
    public long readLargePcap() throws IOException {
        long bytes = 0;
        try (MessageSource source = CaptureFiles.open(large)) {
            for (DnsPacket p = source.next(); p != null; p = source.next()) {
                bytes += p.length();
            }
        }
        return bytes;
    }
}
