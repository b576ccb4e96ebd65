package org.resolvefx.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.resolvefx.core.wire.Dissection;
import org.resolvefx.core.wire.Dissector;
import org.resolvefx.core.wire.MessageSummary;
import org.resolvefx.core.wire.PcapPayloads;

/**
 * Companion to {@link DissectBenchmark}: messages per second of the measuring thread's own CPU
 * time (not wall time), so the figure stays meaningful on a machine that other processes load.
 * It leaves out garbage-collection threads; JMH's wall-clock score is the one to quote when the
 * machine is idle. Prints one line per golden capture and one for all messages together.
 * Not a test: run it by hand (see src/docs/dissector.md).
 */
public final class DissectCpuThroughput {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static volatile Object sink;

    private DissectCpuThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Paths.get(args.length > 0 ? args[0] : "src/test/resources/golden");
        List<Path> pcaps;
        try (Stream<Path> s = Files.list(dir)) {
            pcaps = s.filter(p -> p.toString().endsWith(".pcap")).sorted().toList();
        }
        List<byte[]> all = new ArrayList<>();
        List<List<byte[]>> perFile = new ArrayList<>();
        for (Path p : pcaps) {
            List<byte[]> ms = PcapPayloads.dnsMessages(p);
            perFile.add(ms);
            all.addAll(ms);
        }
        // warm up until the JIT has settled: a few CPU-seconds over everything
        measure(all, 4.0, true);
        for (int i = 0; i < pcaps.size(); i++) {
            report(pcaps.get(i).getFileName().toString(), perFile.get(i));
        }
        report("all " + all.size() + " messages", all);
    }

    private static void report(String what, List<byte[]> messages) {
        double dissect = measure(messages, 2.0, true);
        double summary = measure(messages, 1.0, false);
        System.out.printf(Locale.ROOT, "%-28s dissect %,10.0f msg/s   summary %,12.0f msg/s  (per CPU-second)%n",
                what, dissect, summary);
    }

    /** Runs over the messages until {@code cpuSeconds} of this thread's CPU time are used. */
    private static double measure(List<byte[]> messages, double cpuSeconds, boolean full) {
        long start = CPU.getCurrentThreadCpuTime();
        long budget = (long) (cpuSeconds * 1e9);
        long count = 0;
        long used;
        do {
            for (byte[] m : messages) {
                if (full) {
                    Dissection d = Dissector.dissect(m);
                    sink = d;
                } else {
                    sink = MessageSummary.of(m);
                }
            }
            count += messages.size();
            used = CPU.getCurrentThreadCpuTime() - start;
        } while (used < budget);
        return count / (used / 1e9);
    }
}
