package org.resolvefx.core.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reader streams: a capture much larger than the heap allowed is read in a separate JVM with a 16 MB heap,
 * the first message comes after reading a tiny part of the file, progress grows to the total, and cancelling or
 * closing stops it. No assertion is about time.
 */
class StreamingTest {
    static final int MESSAGES = LargeCapture.MESSAGES;

    private static Path large;

    @BeforeAll
    static void writeLargeCapture() throws IOException {
        large = LargeCapture.write(Path.of("target", "streaming", "large.pcap"));
    }

    /** Run in a child JVM with a small heap: reads the file, prints the count, exits 0 when it is right. */
    public static final class CountMessages {
        public static void main(String[] args) throws IOException {
            long count = 0;
            try (MessageSource source = CaptureFiles.open(Path.of(args[0]))) {
                for (DnsPacket p = source.next(); p != null; p = source.next()) {
                    count++;
                }
            }
            long peak = 0;
            for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory
                    .getMemoryPoolMXBeans()) {
                if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.println("messages=" + count + " peakHeapBytes=" + peak);
            System.exit(count == Long.parseLong(args[1]) ? 0 : 2);
        }
    }

    @Test
    void aCaptureLargerThanTheHeapIsReadInAJvmWithASixteenMegabyteHeap() throws Exception {
        assertThat(Files.size(large)).isGreaterThan(24L * 1024 * 1024);
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(javaBin.toString(), "-Xmx16m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), CountMessages.class.getName(),
                large.toString(), Integer.toString(MESSAGES))
                .redirectErrorStream(true).start();
        String output;
        try (var in = p.getInputStream()) {
            output = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("messages=" + MESSAGES);
    }

    @Test
    void theFirstMessageComesAtOnceAndProgressGrowsToTheTotal() throws IOException {
        try (MessageSource source = CaptureFiles.open(large)) {
            assertThat(source.totalBytes()).isEqualTo(Files.size(large));
            assertThat(source.next()).isNotNull();
            assertThat(source.bytesRead()).isLessThan(256 * 1024);
            assertThat(source.progress()).isLessThan(0.02);
            double last = source.progress();
            long count = 1;
            for (DnsPacket p = source.next(); p != null; p = source.next()) {
                count++;
                if (count % 10_000 == 0) {
                    assertThat(source.progress()).isGreaterThanOrEqualTo(last);
                    last = source.progress();
                }
            }
            assertThat(count).isEqualTo(MESSAGES);
            assertThat(source.bytesRead()).isEqualTo(source.totalBytes());
            assertThat(source.progress()).isEqualTo(1.0);
            assertThat(source.framesRead()).isEqualTo(LargeCapture.FRAMES);
            assertThat(source.framesSkipped()).isEqualTo(2L * LargeCapture.TCP_CONNECTIONS);
        }
    }

    @Test
    void cancellingFromAnotherThreadStopsReadingBetweenPackets() throws Exception {
        AtomicLong read = new AtomicLong();
        try (MessageSource source = CaptureFiles.open(large)) {
            Thread reader = new Thread(() -> {
                try {
                    while (source.next() != null) {
                        read.incrementAndGet();
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            List<Throwable> failures = new ArrayList<>();
            reader.setUncaughtExceptionHandler((t, e) -> failures.add(e));
            reader.start();
            while (read.get() < 1000 && reader.isAlive()) {
                Thread.onSpinWait();
            }
            source.cancel();
            reader.join(60_000);
            assertThat(reader.isAlive()).isFalse();
            assertThat(failures).isEmpty();
            assertThat(source.isCancelled()).isTrue();
            assertThat(read.get()).isBetween(1000L, (long) MESSAGES - 1);
            assertThat(source.next()).isNull();
        }
    }

    @Test
    void interruptingTheReadingThreadEndsTheSourceQuietly() throws Exception {
        AtomicLong read = new AtomicLong();
        List<Throwable> failures = new ArrayList<>();
        try (MessageSource source = CaptureFiles.open(large)) {
            Thread reader = new Thread(() -> {
                try {
                    while (source.next() != null) {
                        read.incrementAndGet();
                    }
                } catch (IOException e) {
                    failures.add(e);
                }
            });
            reader.start();
            while (read.get() < 1000 && reader.isAlive()) {
                Thread.onSpinWait();
            }
            reader.interrupt();
            reader.join(60_000);
            assertThat(reader.isAlive()).isFalse();
            assertThat(failures).isEmpty();
            assertThat(read.get()).isLessThan(MESSAGES);
            assertThat(source.isCancelled()).isTrue();
        }
    }

    @Test
    void closingEndsTheSourceQuietly() throws IOException {
        MessageSource source = CaptureFiles.open(large);
        assertThat(source.next()).isNotNull();
        source.close();
        assertThat(source.next()).isNull();
        assertThat(source.isCancelled()).isTrue();
        source.close(); // twice is fine
    }

    @Test
    void theTcpBoundsHoldForTheAbandonedConnections() throws IOException {
        // drive the decoder directly to look at its state after the whole file
        PacketDecoder decoder = new PacketDecoder();
        java.util.ArrayDeque<DnsPacket> out = new java.util.ArrayDeque<>();
        try (var in = Files.newInputStream(large)) {
            ByteInput bytes = new ByteInput(in);
            PcapReader frames = PcapReader.open(bytes, "large.pcap");
            long maxFlows = 0;
            for (Frame f = frames.next(); f != null; f = frames.next()) {
                decoder.decode(f, out);
                out.clear();
                maxFlows = Math.max(maxFlows, decoder.tcp().flowCount());
                assertThat(decoder.tcp().bufferedBytes()).isLessThanOrEqualTo(TcpReassembler.MAX_BUFFERED);
            }
            assertThat(maxFlows).isEqualTo(TcpReassembler.MAX_FLOWS);
        }
    }
}
