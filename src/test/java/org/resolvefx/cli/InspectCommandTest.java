package org.resolvefx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolvefx.core.capture.CaptureFiles;
import org.resolvefx.core.trace.CaptureImport;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceFiles;

class InspectCommandTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ResolveFxCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    static Path capture(String name) {
        try {
            return Path.of(InspectCommandTest.class.getResource("/captures/shared/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readableDissectionOfEveryMessage() {
        Run r = run("inspect", capture("a-recursive-cold.pcap").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines().filter(l -> l.startsWith("Frame ")).count()).isEqualTo(14);
        assertThat(r.out()).contains("Frame 1 \u00b7").contains("127.0.0.1:52438 \u2192 127.0.0.53:53")
                .contains(".... ...1 .... .... = Recursion desired: Do query recursively")
                .contains("(3)www(3)p2p(12)tu-darmstadt(2)de")
                .contains("CNAME").contains("charon.dekanat.informatik.tu-darmstadt.de");
    }

    @Test
    void jsonHasTheDocumentedShape() throws Exception {
        Run r = run("inspect", "--json", capture("c-tc-tcp-fallback.pcap").toString());
        assertThat(r.exit()).isZero();
        JsonNode a = new ObjectMapper().readTree(r.out());
        assertThat(a).hasSize(4);
        JsonNode first = a.get(0);
        assertThat(first.get("frame").asInt()).isEqualTo(1);
        assertThat(first.get("time").asText()).matches("\\d+\\.\\d{9}");
        assertThat(first.get("src").asText()).startsWith("127.0.0.1:");
        assertThat(first.get("dst").asText()).isEqualTo("127.0.4.1:53");
        assertThat(first.get("transport").asText()).isEqualTo("udp");
        JsonNode rd = null;
        for (JsonNode f : first.get("fields")) {
            if (f.get("name").asText().equals("dns.flags.recdesired")) {
                rd = f;
            }
        }
        assertThat(rd).isNotNull();
        assertThat(rd.get("offset").asInt()).isEqualTo(2);
        assertThat(rd.get("length").asInt()).isEqualTo(2);
        assertThat(rd.get("mask").asInt()).isEqualTo(256);
        assertThat(first.get("errors")).isEmpty();
        // the answer over TCP: reassembled, offsets counted after the length prefix
        JsonNode tcp = a.get(3);
        assertThat(tcp.get("transport").asText()).isEqualTo("tcp");
        assertThat(tcp.get("frame").asInt()).isEqualTo(8);
        assertThat(tcp.get("fields").get(0).get("name").asText()).isEqualTo("dns.id");
        assertThat(tcp.get("fields").get(0).get("offset").asInt()).isZero();
    }

    @Test
    void summaryIsOneLinePerMessage() {
        Run r = run("inspect", "--summary", capture("d-nxdomain.pcap").toString());
        assertThat(r.exit()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(12);
        assertThat(lines.get(9)).startsWith("10\t").contains("127.0.0.53:53 > 127.0.0.1:")
                .contains("nosuchhost.tu-darmstadt.de. A").contains("NXDOMAIN").contains("0xe66f");
        assertThat(lines.get(0).split("\t")).hasSize(9);
    }

    @Test
    void aTruncatedFileShowsWhatCameBeforeTheFaultAndFails(@TempDir Path dir) throws Exception {
        byte[] whole = Files.readAllBytes(capture("a-recursive-cold.pcap"));
        Path cut = dir.resolve("cut.pcap");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 30));
        Run r = run("inspect", "--summary", cut.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out().lines().count()).isEqualTo(13);
        assertThat(r.err()).startsWith("error: ").contains("cut.pcap").contains("frame 14").contains("after 13 messages");

        Run json = run("inspect", "--json", cut.toString());
        assertThat(json.exit()).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(json.out())).hasSize(13);
    }

    @Test
    void missingAndUnknownFilesGiveClearMessages(@TempDir Path dir) throws Exception {
        Run missing = run("inspect", dir.resolve("nope.pcap").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.pcap").contains("no such file");

        Path json = dir.resolve("data.json");
        Files.writeString(json, "{\"hello\": [1, 2, 3]}");
        Run unknown = run("inspect", json.toString());
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("data.json").contains("not a pcap, pcapng");

        Run folder = run("inspect", dir.toString());
        assertThat(folder.exit()).isEqualTo(1);
        assertThat(folder.err()).contains("is a folder");

        Run both = run("inspect", "--json", "--summary", json.toString());
        assertThat(both.exit()).isEqualTo(2);
    }

    @Test
    void hexTextAndRawMessagesAreRead(@TempDir Path dir) throws Exception {
        Path hex = dir.resolve("query.txt");
        Files.writeString(hex, "# the lecture's query\n6ecf 0120 0001 0000 0000 0000 0377 7777 0370 3270 0c74 752d"
                + " 6461 726d 7374 6164 7402 6465 0000 0100 01\n");
        Run r = run("inspect", "--json", hex.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode m = new ObjectMapper().readTree(r.out()).get(0);
        assertThat(m.get("src").isNull()).isTrue();
        assertThat(m.get("time").isNull()).isTrue();
        assertThat(r.out()).contains("www.p2p.tu-darmstadt.de");
    }

    @Test
    void traceFilesAreInspectedToo(@TempDir Path dir) throws Exception {
        List<Trace> traces = CaptureImport.toTraces(CaptureFiles.readAll(capture("b-trace.pcap")).packets(),
                "b-trace.pcap");
        Path file = dir.resolve("walk.trace.json");
        TraceFiles.write(traces.get(0), file);
        Run r = run("inspect", "--summary", file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().count()).isEqualTo(traces.get(0).messages().size());
        assertThat(r.out()).contains("www.p2p.tu-darmstadt.de. A");

        Path broken = dir.resolve("broken.trace.json");
        Files.writeString(broken, "{\"format\": \"resolvefx-trace\", \"formatVersion\": 99}");
        Run bad = run("inspect", broken.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("broken.trace.json").contains("formatVersion");
    }

    @Test
    void summaryLinesWrittenStraightToStandardOutputAreTheSameAsThroughTheWriter() throws Exception {
        String capture = capture("c-tc-tcp-fallback.pcap").toString();
        Run throughWriter = run("inspect", "--summary", capture);
        java.io.PrintStream saved = System.out;
        java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new java.io.PrintStream(console, true, java.nio.charset.StandardCharsets.UTF_8));
            // the command line's own entry: picocli writes to the console, summary lines go there as bytes
            exit = ResolveFxCommand.run(new String[] {"inspect", "--summary", capture});
        } finally {
            System.setOut(saved);
        }
        assertThat(exit).isZero();
        assertThat(throughWriter.out().lines().count()).isGreaterThan(3);
        assertThat(console.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(throughWriter.out());
    }
}
