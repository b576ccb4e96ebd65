package org.resolvefx.core.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;

/**
 * Wireshark's own dissector must open the exported files without complaint and decode the same DNS
 * messages. Skipped when tshark is not installed, unless -Dinterop.required=true (CI), which makes
 * a missing tshark a failure.
 */
class PcapngExportTsharkIT {

    @TempDir
    Path dir;

    private static String tshark;

    @BeforeAll
    static void findTshark() {
        for (String candidate : new String[] {"/usr/bin/tshark", "/usr/local/bin/tshark"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                tshark = candidate;
            }
        }
        if (tshark == null) {
            if (Boolean.getBoolean("interop.required")) {
                fail("tshark is required (interop.required=true) but not installed");
            }
            Assumptions.abort("tshark is not installed");
        }
    }

    record Run(int exit, List<String> out, List<String> err) {
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(tshark);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Path err = Files.createTempFile("tshark", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("tshark did not finish within 60 s");
        }
        List<String> errLines = new ArrayList<>(Files.readAllLines(err, StandardCharsets.UTF_8));
        Files.delete(err);
        // tshark's own note about running as root is not about the file
        errLines.removeIf(l -> l.startsWith("Running as user \"root\""));
        String text = new String(out, StandardCharsets.UTF_8);
        return new Run(p.exitValue(), text.isEmpty() ? List.of() : List.of(text.split("\n")), errLines);
    }

    private static final String[] CHECKSUMS = {"-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE",
            "-o", "tcp.check_checksum:TRUE"};

    /** What tshark should print for each message: "0x6ecf<TAB>www.p2p.tu-darmstadt.de<TAB>0" (0 = query). */
    private static List<String> expectedRows(List<Trace> traces) throws IOException {
        List<String> rows = new ArrayList<>();
        for (Trace t : traces) {
            for (WireMessage m : t.messages()) {
                Message parsed = new Message(m.bytes());
                Name qname = parsed.getQuestion().getName();
                String name = qname.equals(Name.root) ? "<Root>" : qname.toString(true);
                rows.add(String.format("0x%04x\t%s\t%s", m.id(), name, m.isResponse() ? "1" : "0"));
            }
        }
        return rows;
    }

    private void checkFile(Path file, List<Trace> traces) throws Exception {
        Run fields = run(concat(new String[] {"-r", file.toString(), "-Y", "dns", "-T", "fields", "-e", "dns.id",
                "-e", "dns.qry.name", "-e", "dns.flags.response"}));
        assertThat(fields.err()).as("tshark complaints").isEmpty();
        assertThat(fields.exit()).isZero();
        assertThat(fields.out()).containsExactlyElementsOf(expectedRows(traces));

        Run sums = run(concat(CHECKSUMS, new String[] {"-r", file.toString(), "-T", "fields", "-e", "ip.checksum.status",
                "-e", "ipv6.src", "-e", "udp.checksum.status", "-e", "tcp.checksum.status"}));
        assertThat(sums.err()).isEmpty();
        for (String row : sums.out()) {
            String[] f = row.split("\t", -1);
            // 1 = good; IPv6 has no header checksum, so there the IPv4 field is empty
            assertThat(f[0].isEmpty() ? f[1] : f[0]).as(row).isNotEmpty().isNotEqualTo("0").isNotEqualTo("2");
            assertThat(f[2] + f[3]).as(row).isEqualTo("1");
        }

        Run expert = run(concat(CHECKSUMS, new String[] {"-r", file.toString(), "-q", "-z", "expert,warn"}));
        assertThat(expert.err()).isEmpty();
        assertThat(String.join("\n", expert.out())).doesNotContain("Errors (", "Warnings (");
    }

    private static String[] concat(String[]... parts) {
        List<String> all = new ArrayList<>();
        for (String[] p : parts) {
            all.addAll(List.of(p));
        }
        return all.toArray(new String[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a-recursive-cold.pcap", "b-trace.pcapng", "c-tc-tcp-fallback.pcap", "d-nxdomain.pcap"})
    void tsharkDecodesTheExportLikeTheOriginal(String capture) throws Exception {
        List<Trace> traces = Captures.traces(capture);
        Path eth = dir.resolve("eth.pcapng");
        PcapngExport.write(traces, eth, PcapngExport.Options.DEFAULT);
        checkFile(eth, traces);
        Path raw = dir.resolve("raw.pcapng");
        PcapngExport.write(traces, raw, new PcapngExport.Options(PcapngExport.LinkType.RAW_IP, false));
        checkFile(raw, traces);

        // the original capture gives the same DNS rows as our export
        Run original = run("-r", Captures.path(capture).toString(), "-Y", "dns", "-T", "fields", "-e", "dns.id",
                "-e", "dns.qry.name", "-e", "dns.flags.response");
        assertThat(original.out()).containsExactlyElementsOf(expectedRows(traces));
    }

    @Test
    void tcpStreamsAreReassembledAndClosed() throws Exception {
        List<Trace> traces = Captures.traces("c-tc-tcp-fallback.pcap");
        Path f = dir.resolve("tcp.pcapng");
        PcapngExport.write(traces, f, PcapngExport.Options.DEFAULT);
        Run flags = run("-r", f.toString(), "-Y", "tcp", "-T", "fields", "-e", "tcp.flags.str", "-e", "tcp.seq",
                "-e", "tcp.ack", "-e", "dns.count.answers");
        assertThat(flags.out()).extracting(s -> s.replace('\u00b7', '.')).containsExactly(
                "..........S.\t0\t0\t", ".......A..S.\t0\t1\t", ".......A....\t1\t1\t",
                ".......AP...\t1\t1\t0", ".......AP...\t1\t43\t40", ".......A...F\t43\t683\t",
                ".......A...F\t683\t44\t", ".......A....\t44\t684\t");
    }

    @Test
    void ipv6AndCommentsAreShownByTshark() throws Exception {
        Trace t = TestTraces.everyKind();
        Path f = dir.resolve("every.pcapng");
        PcapngExport.write(t, f);
        Run r = run("-r", f.toString(), "-d", "tcp.port==5353,dns", "-d", "udp.port==5353,dns", "-Y", "dns",
                "-T", "fields", "-e", "ipv6.dst", "-e", "dns.id", "-e", "frame.comment");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).hasSize(t.messages().size());
        assertThat(r.out()).anyMatch(l -> l.startsWith("::1\t0x1111\t") && l.contains("over TCP"));
        Run cap = run("-r", f.toString(), "-q", "-z", "expert,warn");
        assertThat(String.join("\n", cap.out())).doesNotContain("Errors (", "Warnings (");
    }
}
