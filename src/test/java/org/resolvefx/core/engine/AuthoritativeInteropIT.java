package org.resolvefx.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolvefx.core.sandbox.RootHint;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * The engine resolves the lecture's example through a hierarchy of real authoritative servers on
 * loopback, all on one free non-standard port: Knot DNS serves the root (127.0.91.1), NSD serves de
 * (127.0.92.1) and tu-darmstadt.de (127.0.93.1), BIND serves informatik.tu-darmstadt.de. BIND only
 * listens on addresses of interfaces, and lo has just 127.0.0.1, so BIND gets 127.0.0.1; Knot and NSD
 * bind any 127.x address. Every daemon runs in the foreground with our own config in a temp folder
 * and is stopped by its process handle in {@link #stopAll()}. Skipped when a daemon is missing,
 * unless -Dinterop.required=true.
 */
@Tag("interop")
class AuthoritativeInteropIT {

    static final String ROOT = "127.0.91.1";
    static final String DE = "127.0.92.1";
    static final String TU = "127.0.93.1";
    static final String INFORMATIK = "127.0.0.1";

    @TempDir
    static Path dir;
    static int port;
    static final List<Process> processes = new ArrayList<>();

    @BeforeAll
    static void startHierarchy() throws Exception {
        Path knotd = Tools.require("knotd");
        Path nsd = Tools.require("nsd");
        Path named = Tools.require("named");
        port = Tools.freePort(Hosts.ip(ROOT), Hosts.ip(DE), Hosts.ip(TU), Hosts.ip(INFORMATIK));
        writeZones();
        try {
            Files.createDirectories(dir.resolve("knot"));
            Files.writeString(dir.resolve("knot.conf"), """
                    server:
                        rundir: "%1$s/knot"
                        listen: %2$s@%3$d
                        udp-workers: 1
                        tcp-workers: 1
                        background-workers: 1
                    log:
                      - target: stderr
                        any: info
                    database:
                        storage: "%1$s/knot"
                    template:
                      - id: default
                        storage: "%1$s"
                        zonefile-sync: -1
                        journal-content: none
                    zone:
                      - domain: .
                        file: "root.zone"
                    """.formatted(dir, ROOT, port));
            processes.add(Tools.start(dir.resolve("knot.log"), knotd.toString(), "-c", dir.resolve("knot.conf").toString()));
            for (String[] z : new String[][] {{"de", DE, "de.zone"}, {"tu", TU, "tu-darmstadt.de.zone"}}) {
                Files.writeString(dir.resolve("nsd-" + z[0] + ".conf"), """
                        server:
                          ip-address: %2$s@%3$d
                          do-ip6: no
                          username: ""
                          chroot: ""
                          zonesdir: "%1$s"
                          pidfile: "%1$s/nsd-%4$s.pid"
                          database: ""
                          xfrdfile: "%1$s/nsd-%4$s.xfrd"
                          zonelistfile: "%1$s/nsd-%4$s.zonelist"
                          xfrdir: "%1$s"
                          verbosity: 1
                          server-count: 1
                        remote-control:
                          control-enable: no
                        zone:
                          name: "%5$s"
                          zonefile: "%6$s"
                        """.formatted(dir, z[1], port, z[0], z[0].equals("de") ? "de" : "tu-darmstadt.de", z[2]));
                processes.add(Tools.start(dir.resolve("nsd-" + z[0] + ".log"), nsd.toString(), "-d", "-c",
                        dir.resolve("nsd-" + z[0] + ".conf").toString()));
            }
            Files.writeString(dir.resolve("named.conf"), """
                    options {
                      directory "%1$s";
                      pid-file none;
                      listen-on port %3$d { %2$s; };
                      listen-on-v6 { none; };
                      recursion no;
                      dnssec-validation no;
                      notify no;
                      session-keyfile none;
                    };
                    controls { };
                    zone "informatik.tu-darmstadt.de" { type primary; file "informatik.tu-darmstadt.de.zone"; };
                    """.formatted(dir, INFORMATIK, port));
            processes.add(Tools.start(dir.resolve("named.log"), named.toString(), "-g", "-4", "-c",
                    dir.resolve("named.conf").toString()));
            awaitAnswer(ROOT, ".", "knot.log");
            awaitAnswer(DE, "de.", "nsd-de.log");
            awaitAnswer(TU, "tu-darmstadt.de.", "nsd-tu.log");
            awaitAnswer(INFORMATIK, "informatik.tu-darmstadt.de.", "named.log");
        } catch (Exception | AssertionError e) {
            stopAll();
            throw e;
        }
    }

    @AfterAll
    static void stopAll() {
        for (Process p : processes) {
            Tools.stop(p);
        }
        processes.clear();
    }

    static void writeZones() throws IOException {
        Files.writeString(dir.resolve("root.zone"), """
                $TTL 518400
                . 86400 IN SOA a.root-servers.net. nstld.verisign-grs.com. 1 1800 900 604800 86400
                . IN NS a.root-servers.net.
                a.root-servers.net. IN A %s
                de. 172800 IN NS a.nic.de.
                a.nic.de. 172800 IN A %s
                """.formatted(ROOT, DE));
        Files.writeString(dir.resolve("de.zone"), """
                $TTL 86400
                de. IN SOA a.nic.de. its.denic.de. 1 7200 7200 3600000 7200
                de. IN NS a.nic.de.
                a.nic.de. IN A %s
                tu-darmstadt.de. IN NS ns1.hrz.tu-darmstadt.de.
                ns1.hrz.tu-darmstadt.de. IN A %s
                """.formatted(DE, TU));
        Files.writeString(dir.resolve("tu-darmstadt.de.zone"), """
                $ORIGIN tu-darmstadt.de.
                $TTL 86400
                @ 300 IN SOA ns1.hrz.tu-darmstadt.de. hostmaster.hrz.tu-darmstadt.de. 1 7200 3600 1209600 300
                @ IN NS ns1.hrz.tu-darmstadt.de.
                ns1.hrz IN A %s
                www.p2p 49817 IN CNAME charon.dekanat.informatik.tu-darmstadt.de.
                informatik 3600 IN NS ns.informatik.tu-darmstadt.de.
                ns.informatik 3600 IN A %s
                """.formatted(TU, INFORMATIK));
        Files.writeString(dir.resolve("informatik.tu-darmstadt.de.zone"), """
                $ORIGIN informatik.tu-darmstadt.de.
                $TTL 3600
                @ IN SOA ns.informatik.tu-darmstadt.de. hostmaster.informatik.tu-darmstadt.de. 1 7200 3600 1209600 300
                @ IN NS ns.informatik.tu-darmstadt.de.
                ns IN A %s
                charon.dekanat 1592 IN A 127.0.31.10
                """.formatted(INFORMATIK));
    }

    /** Polls the server for its zone's SOA until it answers (bounded), or fails with its log. */
    static void awaitAnswer(String address, String zone, String log) throws Exception {
        SimpleResolver r = new SimpleResolver(InetAddress.getByName(address));
        r.setPort(port);
        r.setTimeout(Duration.ofMillis(300));
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (Process p : processes) {
                if (!p.isAlive()) {
                    fail("a server exited: " + Tools.read(dir.resolve(log)));
                }
            }
            try {
                Message m = r.send(Message.newQuery(Record.newRecord(Name.fromString(zone), Type.SOA, DClass.IN)));
                if (!m.getSection(1).isEmpty()) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        fail(address + " did not answer for " + zone + ": " + Tools.read(dir.resolve(log)));
    }

    static ResolverSession session() {
        RootHint hint = new RootHint(Hosts.name("a.root-servers.net."), List.of(Hosts.ip(ROOT)));
        return ResolverSession.live(List.of(hint), ResolverOptions.defaults().withPort(port)
                .withTimeout(Duration.ofMillis(1500)));
    }

    static final List<String> LECTURE_ANSWER = List.of(
            "www.p2p.tu-darmstadt.de. 49817 IN CNAME charon.dekanat.informatik.tu-darmstadt.de.",
            "charon.dekanat.informatik.tu-darmstadt.de. 1592 IN A 127.0.31.10");

    @Test
    void theLectureExampleThroughKnotNsdAndBind() {
        for (ResolutionMode mode : new ResolutionMode[] {ResolutionMode.ITERATIVE, ResolutionMode.RECURSIVE}) {
            Trace t = session().resolve(Question.of("www.p2p.tu-darmstadt.de", Type.A), mode);
            assertThat(ScenarioBook.serversAsked(t)).as(mode + " " + describe(t))
                    .containsExactly(ROOT, ROOT, DE, TU, INFORMATIK);
            TraceEvent end = ScenarioBook.last(t);
            assertThat(end).as(describe(t)).isInstanceOf(TraceEvent.Answer.class);
            assertThat(((TraceEvent.Answer) end).records()).containsExactlyElementsOf(LECTURE_ANSWER);
            assertThat(ScenarioBook.events(t, TraceEvent.ReferralFollowed.class)).extracting(r -> r.zone().toString())
                    .containsExactly("de.", "tu-darmstadt.de.", "informatik.tu-darmstadt.de.");
            assertThat(ScenarioBook.events(t, TraceEvent.ServerSkipped.class)).isEmpty();
        }
    }

    @Test
    void negativeAnswersAndTheCacheWithRealServers() {
        ResolverSession s = session();
        Trace nx = s.resolve(Question.of("nosuchhost.tu-darmstadt.de", Type.A), ResolutionMode.RECURSIVE);
        TraceEvent.Answer a = (TraceEvent.Answer) ScenarioBook.last(nx);
        assertThat(a.rcode()).isEqualTo(org.xbill.DNS.Rcode.NXDOMAIN);
        assertThat(ScenarioBook.cacheKeys(s.cacheEntries())).contains("nosuchhost.tu-darmstadt.de. A (NXDOMAIN)",
                "tu-darmstadt.de. NS", "de. NS");
        Trace lecture = s.resolve(Question.of("www.p2p.tu-darmstadt.de", Type.A), ResolutionMode.RECURSIVE);
        // root and de are cached: the walk starts at tu-darmstadt.de
        assertThat(ScenarioBook.serversAsked(lecture)).containsExactly(TU, INFORMATIK);
        Trace again = s.resolve(Question.of("www.p2p.tu-darmstadt.de", Type.A), ResolutionMode.RECURSIVE);
        assertThat(again.messages()).hasSize(2);
    }

    private static String describe(Trace t) {
        StringBuilder sb = new StringBuilder();
        for (TraceEvent e : t.events()) {
            sb.append("\n  ").append(e.narration().en());
        }
        return sb.toString();
    }
}
