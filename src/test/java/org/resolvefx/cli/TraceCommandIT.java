package org.resolvefx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolvefx.core.engine.RootHints;
import org.resolvefx.core.sandbox.LoopbackSandbox;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.sandbox.WorldLoader;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.TraceFiles;
import org.resolvefx.core.trace.TraceSource;

/** {@code trace} over real sockets: the default world on a LoopbackSandbox, a hints file, --port. */
class TraceCommandIT {

    @TempDir
    static Path dir;
    static LoopbackSandbox sandbox;
    static Path hints;

    @BeforeAll
    static void serve() throws Exception {
        SandboxWorld world = WorldLoader.loadDefault();
        sandbox = LoopbackSandbox.start(world, 0);
        hints = dir.resolve("sandbox.hints");
        Files.writeString(hints, RootHints.format(world.rootHints()));
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    static CommandRun run(String... args) {
        return CommandRun.of(new TraceCommand(), args);
    }

    @Test
    void walksTheLoopbackHierarchyFromAHintsFileOnANonStandardPort() throws Exception {
        String port = Integer.toString(sandbox.port());
        Path out = dir.resolve("live.trace.json");
        Path pcap = dir.resolve("live.pcapng");
        CommandRun r = run("www.p2p.tu-darmstadt.de", "--root-hints", hints.toString(), "--port", port,
                "--mode", "recursive", "--out", out.toString(), "--pcap", pcap.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("(recursive, root hints " + hints + ", real sockets, port " + port + ")")
                .containsSubsequence("QUERY     client 127.0.0.1:", "-> resolver 127.0.0.53:53",
                        "QUERY     resolver 127.0.0.53:", "-> a.root-servers.net. 127.0.1.1:" + port,
                        "REFERRAL", "referral to de.", "REFERRAL", "referral to tu-darmstadt.de.", "ALIAS",
                        "ALIAS     resolver 127.0.0.53:53 -> client 127.0.0.1:", "RA",
                        "Answer: NOERROR (5 queries")
                .contains("Trace saved to " + out).contains("pcapng saved to " + pcap);
        Trace t = TraceFiles.read(out);
        assertThat(t.source()).isEqualTo(TraceSource.LIVE);
        assertThat(t.outcome()).get().isInstanceOf(TraceEvent.Answer.class);
        assertThat(t.messages()).hasSize(12);

        // tshark, when installed, reads the pcapng and decodes every message
        Path tshark = findTshark();
        if (tshark != null) {
            Process p = new ProcessBuilder(tshark.toString(), "-r", pcap.toString(), "-d", "udp.port==" + port + ",dns",
                    "-T", "fields", "-e", "dns.qry.name", "-e", "dns.flags.response")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("tshark did not finish");
            }
            List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank()).toList();
            assertThat(lines).hasSize(12);
            assertThat(lines.get(0)).isEqualTo("www.p2p.tu-darmstadt.de\t0");
            assertThat(lines.get(11)).isEqualTo("www.p2p.tu-darmstadt.de\t1");
            assertThat(lines).contains("<Root>\t0", "charon.dekanat.informatik.tu-darmstadt.de\t1");
        }
    }

    @Test
    void asksOneServerInStubMode() {
        String server = "127.0.4.1:" + sandbox.port();
        CommandRun r = run("www.networkutopia.com", "--server", server);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("(stub, asking " + server + " over real sockets)")
                .containsSubsequence("QUERY", "RD=1", "ANSWER", "Answer: NOERROR (1 query",
                        "www.networkutopia.com. 3600 IN A 127.0.4.80");
    }

    @Test
    void aDeadServerIsAFailureWithExitOne() {
        CommandRun r = run("www.poly.edu", "--server", "127.0.6.5:" + sandbox.port(), "--timeout", "100",
                "--retries", "1");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("TIMEOUT").contains("RETRY").contains("Failed: allServersFailed");
    }

    private static Path findTshark() {
        for (String d : (System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/sbin").split(":")) {
            Path p = Path.of(d, "tshark");
            if (!d.isEmpty() && Files.isExecutable(p)) {
                return p;
            }
        }
        if (Boolean.getBoolean("interop.required")) {
            fail("tshark is not installed but interop.required=true");
        }
        return null;
    }
}
