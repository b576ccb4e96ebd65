package org.resolvefx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.TraceFiles;

/** {@code trace} against the in-process sandbox: output, files, exit codes and argument errors. */
class TraceCommandTest {

    @TempDir
    Path dir;

    static CommandRun run(String... args) {
        return CommandRun.of(new TraceCommand(), args);
    }

    @Test
    void printsEveryStepOfTheLectureLookupWithNamesAddressesAndSentences() {
        CommandRun r = run("www.p2p.tu-darmstadt.de", "--sandbox");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        String o = r.out();
        assertThat(o).startsWith("trace www.p2p.tu-darmstadt.de. A  (iterative, sandbox world 'default', "
                + "in-process network)");
        // numbered steps in order: priming, the referrals with their glue, the CNAME, the answer
        assertThat(o).containsSubsequence(
                "  1 ", "QUERY     client 127.0.0.1:", "-> a.root-servers.net. 127.0.1.1:53  udp", ". NS?  RD=0  EDNS 1232",
                "  2 ", "ANSWER    a.root-servers.net. 127.0.1.1:53 -> client", "flags QR AA",
                "REFERRAL", "referral to de.: a.nic.de. (127.0.2.1), f.nic.de. (127.0.2.2)",
                "FOLLOW    to de.",
                "REFERRAL", "referral to tu-darmstadt.de.: ns1.hrz.tu-darmstadt.de. (127.0.3.1)",
                "ALIAS", "CNAME www.p2p.tu-darmstadt.de. -> charon.dekanat.informatik.tu-darmstadt.de.",
                "referral to informatik.tu-darmstadt.de. for charon.dekanat.informatik.tu-darmstadt.de.: "
                        + "ns.informatik.tu-darmstadt.de. (127.0.3.3)",
                "RESTART   www.p2p.tu-darmstadt.de. -> charon.dekanat.informatik.tu-darmstadt.de.",
                "ANSWER", "A 127.0.31.10  (TTL 1592)",
                "DONE      NOERROR: 2 records",
                "Answer: NOERROR (5 queries, 10.000 ms)",
                "    www.p2p.tu-darmstadt.de. 49817 IN CNAME charon.dekanat.informatik.tu-darmstadt.de.",
                "    charon.dekanat.informatik.tu-darmstadt.de. 1592 IN A 127.0.31.10");
        // the narration under the steps
        assertThat(o).contains("The client asks the root server a.root-servers.net for the name servers (NS) of the "
                + "root zone, without asking it to recurse (RD=0).");
        assertThat(o).contains("after 2.000 ms");
    }

    @Test
    void germanBriefAndRecursiveWithTheCache() {
        CommandRun de = run("www.pbs.org", "A", "--sandbox", "--mode", "recursive", "--lang", "de");
        assertThat(de.exit()).isZero();
        assertThat(de.out()).contains("Der Client fragt den lokalen Resolver").contains("SIDE      first find the address "
                + "of ns1.pbsdns.net. (no glue)").contains("CACHE     www.pbs.org. A: miss").contains("SIDE END");
        // side-lookup steps are indented
        assertThat(de.out()).containsPattern("\\n +\\d+ +[0-9.]+ ms {6}CACHE     ns1\\.pbsdns\\.net\\. A: miss");
        CommandRun brief = run("www.pbs.org", "--sandbox", "--brief");
        assertThat(brief.out()).doesNotContain("The client asks");
    }

    @Test
    void timeoutsAndSkippedServersAreShown() {
        CommandRun r = run("www.poly.edu", "--sandbox", "--timeout", "300", "--retries", "1");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("TIMEOUT   ns1.poly.edu (127.0.6.5): no response within 300 ms (attempt 1)")
                .contains("RETRY     ns1.poly.edu (127.0.6.5), attempt 2")
                .contains("TIMEOUT   ns1.poly.edu (127.0.6.5): no response within 600 ms (attempt 2)")
                .contains("SKIP      ns1.poly.edu (127.0.6.5): unreachable - no response after 2 attempts");
        CommandRun lame = run("www.umass.edu", "--sandbox");
        assertThat(lame.out()).contains("REFUSED   ns1.umass.edu. 127.0.6.3:53").contains("SKIP      ns1.umass.edu "
                + "(127.0.6.3): refused - lame delegation");
    }

    @Test
    void truncationAndTcpAreShown() {
        CommandRun r = run("many.networkutopia.com", "--sandbox", "--no-edns");
        assertThat(r.out()).contains("TRUNCATED").contains("TC=1: truncated, 0 records fit; ask again over TCP")
                .contains("TCP       truncated over UDP: ask dns1.networkutopia.com (127.0.4.1) again over TCP")
                .contains("127.0.4.1:53  tcp");
        assertThat(r.exit()).isZero();
    }

    @Test
    void negativeAnswersExitZeroFailuresExitOne() {
        CommandRun nx = run("nosuchhost.tu-darmstadt.de", "--sandbox");
        assertThat(nx.exit()).isZero();
        assertThat(nx.out()).contains("NXDOMAIN: nosuchhost.tu-darmstadt.de. does not exist (SOA of tu-darmstadt.de., "
                + "cache it 300 s)").contains("Answer: NXDOMAIN");
        CommandRun loop = run("loop1.networkutopia.com", "--sandbox", "--mode", "recursive");
        assertThat(loop.exit()).isEqualTo(1);
        assertThat(loop.out()).contains("FAILED    cnameLoop: loop1.networkutopia.com -> loop2.networkutopia.com -> "
                + "loop1.networkutopia.com").contains("Failed: cnameLoop");
        CommandRun chicken = run("www.chicken.org", "--sandbox");
        assertThat(chicken.exit()).isEqualTo(1);
        assertThat(chicken.out()).contains("delegationLoop");
    }

    @Test
    void outWritesATraceThatReadsBackAndADirectoryGetsAName() throws Exception {
        Path file = dir.resolve("lecture.trace.json");
        CommandRun r = run("www.p2p.tu-darmstadt.de", "--sandbox", "--mode", "recursive", "--out", file.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Trace saved to " + file);
        Trace t = TraceFiles.read(file);
        assertThat(t.mode()).isEqualTo(ResolutionMode.RECURSIVE);
        assertThat(t.outcome()).get().isInstanceOf(TraceEvent.Answer.class);

        CommandRun intoDir = run("www.p2p.tu-darmstadt.de", "AAAA", "--sandbox", "--out", dir.toString(), "--pcap",
                dir.toString());
        assertThat(intoDir.exit()).isZero();
        Path named = dir.resolve("www.p2p.tu-darmstadt.de-AAAA-iterative.trace.json");
        assertThat(TraceFiles.read(named).question().type()).isEqualTo(org.xbill.DNS.Type.AAAA);
        Path pcap = dir.resolve("www.p2p.tu-darmstadt.de-AAAA-iterative.pcapng");
        byte[] head = Files.readAllBytes(pcap);
        assertThat(head).startsWith(0x0A, 0x0D, 0x0D, 0x0A); // pcapng section header block
    }

    @Test
    void aTraceThatCannotBeSavedExitsOne() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain.txt"), "a file, not a folder");
        CommandRun r = run("www.p2p.tu-darmstadt.de", "--sandbox", "--out", notADirectory.resolve("x.trace.json").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("cannot save the trace");
    }

    @Test
    void badArgumentsGiveClearMessagesAndExitTwo() {
        assertThat(run("www.example.com", "BOGUS", "--sandbox")).satisfies(r -> {
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("'BOGUS' is not a record type");
        });
        assertThat(run("www.example.com", "AXFR", "--sandbox").err()).contains("AXFR is not a type a resolver looks up");
        assertThat(run("www..example", "--sandbox").err()).contains("is not a valid domain name");
        assertThat(run("x.example", "--sandbox", "--mode", "sideways").err())
                .contains("--mode must be iterative, recursive or stub, not 'sideways'");
        assertThat(run("x.example", "--sandbox", "--server", "127.0.0.53").err())
                .contains("choose one of --sandbox/--world, --root-hints and --server");
        assertThat(run("x.example", "--sandbox", "--mode", "stub").err()).contains("--mode stub asks a recursive server");
        assertThat(run("x.example", "--sandbox", "--port", "5300").err()).contains("--port applies to real sockets");
        assertThat(run("x.example", "--server", "dns.example.org").err()).contains("--server needs an IP address");
        assertThat(run("x.example", "--server", "127.0.0.53:53", "--port", "5353").err())
                .contains("name different ports");
        assertThat(run("x.example", "--server", "127.0.0.53", "--mode", "iterative").err())
                .contains("--server names a recursive server for --mode stub");
        assertThat(run("x.example", "--root-hints", dir.resolve("missing").toString()).err())
                .contains("--root-hints: ").contains("no such file");
        assertThat(run("x.example", "--sandbox", "--timeout", "0").err()).contains("--timeout must be 1..300000 ms");
        assertThat(run("x.example", "--sandbox", "--retries", "11").err()).contains("--retries must be 0..10");
        assertThat(run("x.example", "--sandbox", "--lang", "fr").err()).contains("--lang must be en or de");
        assertThat(run("x.example", "--sandbox", "--bufsize", "100").err()).contains("--bufsize must be 512..65535");
        assertThat(run("x.example", "--root-hints", "h", "--seed", "1").err()).contains("apply to --sandbox only");
        assertThat(run("x.example", "--sandbox", "--loss", "120").err()).contains("--loss must be 0..100");
        assertThat(run("x.example", "--world", dir.resolve("nothing").toString()).err()).contains("not a folder");
        // picocli's own checks: unknown options, missing NAME, bad numbers
        assertThat(run("--sandbox").exit()).isEqualTo(2);
        assertThat(run("x.example", "--sandbox", "--timeout", "soon").exit()).isEqualTo(2);
        assertThat(run("x.example", "--frobnicate").exit()).isEqualTo(2);
        for (String[] args : new String[][] {{"www.example.com", "BOGUS", "--sandbox"}, {"x.example", "--sandbox",
            "--lang", "fr"}}) {
            assertThat(run(args).exit()).isEqualTo(2);
        }
    }

    @Test
    void aBrokenWorldFolderIsABadArgumentWithFileAndLine() throws Exception {
        Path w = Files.createDirectories(dir.resolve("world"));
        Files.writeString(w.resolve("world.json"), "{\n  \"format\": \"resolvefx-world\",\n  oops\n}\n");
        CommandRun r = run("x.example", "--world", w.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("world.json:3");
    }

    @Test
    void fileNamesComeFromTheQuestion() {
        assertThat(TraceCommand.baseName(org.resolvefx.core.trace.Question.of("www.p2p.tu-darmstadt.de",
                org.xbill.DNS.Type.A), ResolutionMode.RECURSIVE)).isEqualTo("www.p2p.tu-darmstadt.de-A-recursive");
        assertThat(TraceCommand.baseName(org.resolvefx.core.trace.Question.of(".", org.xbill.DNS.Type.NS),
                ResolutionMode.ITERATIVE)).isEqualTo("root-NS-iterative");
        assertThat(TraceCommand.baseName(org.resolvefx.core.trace.Question.of("_xmpp-client._tcp.example",
                org.xbill.DNS.Type.SRV), ResolutionMode.ITERATIVE)).isEqualTo("_xmpp-client._tcp.example-SRV-iterative");
    }

    @Test
    void helpListsTheOptions() {
        CommandRun r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--sandbox", "--root-hints", "--server", "--port", "--qname-minimisation",
                "--out", "--pcap", "--lang", "Exit codes");
    }
}
