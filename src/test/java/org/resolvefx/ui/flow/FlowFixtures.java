package org.resolvefx.ui.flow;

import static org.resolvefx.core.playback.TraceKit.CLIENT;
import static org.resolvefx.core.playback.TraceKit.DE;
import static org.resolvefx.core.playback.TraceKit.QNAME;
import static org.resolvefx.core.playback.TraceKit.RESOLVER;
import static org.resolvefx.core.playback.TraceKit.ROOT;
import static org.resolvefx.core.playback.TraceKit.TUD;
import static org.resolvefx.core.playback.TraceKit.TUD2;
import static org.resolvefx.core.playback.TraceKit.name;
import static org.resolvefx.core.playback.TraceKit.query;
import static org.resolvefx.core.playback.TraceKit.received;
import static org.resolvefx.core.playback.TraceKit.say;
import static org.resolvefx.core.playback.TraceKit.sent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.resolvefx.core.capture.CaptureFiles;
import org.resolvefx.core.net.Transport;
import org.resolvefx.core.playback.TraceKit;
import org.resolvefx.core.trace.CaptureImport;
import org.resolvefx.core.trace.Endpoint;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** Traces for the view tests: the real reference captures, and hand-built ones with dnsjava messages. */
public final class FlowFixtures {
    private FlowFixtures() {
    }

    /** The only trace of a reference capture (copied to src/test/resources/captures/shared). */
    static Trace capture(String name) {
        return captureTraces(name).get(0);
    }

    static List<Trace> captureTraces(String name) {
        try {
            Path file = Path.of(FlowFixtures.class.getResource("/captures/shared/" + name + ".pcap").toURI());
            return CaptureImport.toTraces(CaptureFiles.readAll(file).packets(), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** a-recursive-cold: 14 messages, client -> resolver -> root, de, tu-darmstadt.de, informatik. */
    static Trace recursiveCold() {
        return capture("a-recursive-cold");
    }

    /** Event index of each special visual in {@link #troubled()} (the position it shows from is index + 1). */
    static final int CACHE_HIT_EVENT = 1;
    static final int TIMEOUT_EVENT = 3;
    static final int RETRY_QUERY_EVENT = 5;
    static final int IGNORED_EVENT = 6;
    static final int REFUSED_EVENT = 10;
    static final int SKIP_EVENT = 11;
    static final int TCP_QUERY_EVENT = 15;

    /**
     * A recursive lookup with every trouble the flow view draws: a cache hit, a timeout and a retry, a
     * spoofed answer ignored, a REFUSED answer from a lame server that is then skipped, TC=1 and the
     * same query over TCP.
     */
    static Trace troubled() {
        byte[] q1 = query(QNAME, Type.A, 1, true);
        byte[] q2 = query(QNAME, Type.A, 2, false);
        byte[] q3 = query(QNAME, Type.A, 3, false);
        byte[] spoof = TraceKit.answer(query(QNAME, Type.A, 999, false), true, false, QNAME + " 60 IN A 6.6.6.6");
        byte[] ref = TraceKit.referral(q3, "tu-darmstadt.de.", "ns1.hrz.tu-darmstadt.de.", "127.0.3.1",
                "ns2.hrz.tu-darmstadt.de.", "127.0.3.2");
        byte[] q4 = query(QNAME, Type.A, 4, false);
        byte[] q5 = query(QNAME, Type.A, 5, false);
        byte[] tc = TraceKit.truncated(q5, QNAME + " 60 IN A 127.0.41.1");
        byte[] q6 = query(QNAME, Type.A, 6, false);
        byte[] full = TraceKit.answer(q6, true, false, QNAME + " 60 IN A 127.0.41.1", QNAME + " 60 IN A 127.0.41.2");
        byte[] answer = TraceKit.answer(q1, false, true, QNAME + " 60 IN A 127.0.41.1", QNAME + " 60 IN A 127.0.41.2");
        List<TraceEvent> events = List.of(
                sent(0, CLIENT, RESOLVER, q1),                                                         // 0: 1
                new TraceEvent.CacheLookup(100, name("de."), Type.NS, TraceEvent.CacheOutcome.HIT,
                        List.of("de. 172800 IN NS a.nic.de."), say("cache hit")),                     // 1
                sent(200, RESOLVER, DE, q2),                                                           // 2: 2
                new TraceEvent.Timeout(1_000_200, "de", 1000, 1, say("timeout")),                     // 3
                new TraceEvent.Retry(1_000_300, "de", 2, say("retry")),                               // 4
                sent(1_000_400, RESOLVER, DE, q3),                                                     // 5: 3
                new TraceEvent.MessageReceived(1_000_500, TraceKit.msg(DE, RESOLVER, spoof), false, "wrong ID",
                        say("spoof")),                                                                // 6: 4
                received(1_000_600, DE, RESOLVER, ref),                                                // 7: 5
                new TraceEvent.ReferralFollowed(1_000_700, "de", name("tu-darmstadt.de."), List.of(),
                        say("follow")),                                                               // 8
                sent(1_000_800, RESOLVER, TUD, q4),                                                    // 9: 6
                received(1_000_900, TUD, RESOLVER, TraceKit.error(q4, Rcode.REFUSED)),                 // 10: 7
                new TraceEvent.ServerSkipped(1_001_000, "tud", TraceEvent.SkipReason.LAME,
                        "REFUSED: not authoritative for tu-darmstadt.de", say("skip")),               // 11
                sent(1_001_100, RESOLVER, TUD2, q5),                                                   // 12: 8
                received(1_001_200, TUD2, RESOLVER, tc),                                               // 13: 9
                new TraceEvent.TcpFallback(1_001_300, "tud2", say("tcp")),                            // 14
                new TraceEvent.MessageSent(1_001_400, TraceKit.msg(RESOLVER, TUD2, q6, Transport.TCP),
                        say("tcp q")),                                                                // 15: 10
                new TraceEvent.MessageReceived(1_001_500, TraceKit.msg(TUD2, RESOLVER, full, Transport.TCP), true,
                        null, say("tcp r")),                                                          // 16: 11
                received(1_001_600, RESOLVER, CLIENT, answer),                                         // 17: 12
                new TraceEvent.Answer(1_001_700, Rcode.NOERROR, List.of(QNAME + " 60 IN A 127.0.41.1"), false,
                        say("done")));                                                                // 18
        return TraceKit.trace(ResolutionMode.RECURSIVE, List.of(CLIENT, RESOLVER, DE, TUD, TUD2), List.of(), events);
    }

    /**
     * A glueless delegation: the referral to de names a.nic.de without its address, so the resolver
     * looks that address up first (a side lookup) before it asks de.
     */
    static Trace glueless() {
        byte[] q1 = query(QNAME, Type.A, 1, true);
        byte[] q2 = query(QNAME, Type.A, 2, false);
        byte[] ref = TraceKit.referral(q2, "de.", "a.nic.de.", null);
        byte[] q3 = query("a.nic.de.", Type.A, 3, false);
        byte[] glue = TraceKit.answer(q3, true, false, "a.nic.de. 300 IN A 127.0.2.1");
        byte[] q4 = query(QNAME, Type.A, 4, false);
        byte[] a4 = TraceKit.answer(q4, true, false, QNAME + " 60 IN A 127.0.41.1");
        byte[] a1 = TraceKit.answer(q1, false, true, QNAME + " 60 IN A 127.0.41.1");
        List<TraceEvent> events = List.of(
                sent(0, CLIENT, RESOLVER, q1),                                                   // row 0
                sent(10, RESOLVER, ROOT, q2),                                                    // row 1
                received(20, ROOT, RESOLVER, ref),                                               // row 2
                new TraceEvent.SideResolutionStarted(30, name("a.nic.de."), say("side")),       // row 3
                sent(40, RESOLVER, ROOT, q3),                                                    // row 4
                received(50, ROOT, RESOLVER, glue),                                              // row 5
                new TraceEvent.SideResolutionFinished(60, name("a.nic.de."),
                        List.of(TraceKit.ip("127.0.2.1")), true, say("side done")),             // row 6
                sent(70, RESOLVER, DE, q4),                                                      // row 7
                received(80, DE, RESOLVER, a4),                                                  // row 8
                received(90, RESOLVER, CLIENT, a1));                                             // row 9
        return TraceKit.trace(ResolutionMode.RECURSIVE, List.of(CLIENT, RESOLVER, ROOT, DE), List.of(), events);
    }

    /**
     * A long synthetic lookup of exactly {@code messages} messages (even, at least 4): the client asks the
     * resolver, which asks root, de and tu-darmstadt.de in turn, again and again, with notes between.
     */
    public static Trace huge(int messages) {
        List<TraceEvent> events = new ArrayList<>();
        byte[] q1 = query(QNAME, Type.A, 1, true);
        events.add(sent(0, CLIENT, RESOLVER, q1));
        Endpoint[] servers = {ROOT, DE, TUD};
        long t = 10;
        for (int i = 0; i < (messages - 2) / 2; i++) {
            Endpoint s = servers[i % servers.length];
            int id = 2 + i % 60_000;
            byte[] q = query(QNAME, Type.A, id, false);
            events.add(sent(t, RESOLVER, s, q));
            events.add(received(t + 5, s, RESOLVER, TraceKit.referral(q, "de.", "a.nic.de.", "127.0.2.1")));
            if (i % 10 == 9) {
                events.add(new TraceEvent.CacheLookup(t + 6, name(QNAME), Type.A, TraceEvent.CacheOutcome.MISS,
                        List.of(), say("miss")));
            }
            t += 10;
        }
        events.add(received(t, RESOLVER, CLIENT, TraceKit.answer(q1, false, true, QNAME + " 60 IN A 127.0.41.1")));
        return TraceKit.trace(ResolutionMode.RECURSIVE, List.of(CLIENT, RESOLVER, ROOT, DE, TUD), List.of(), events);
    }
}
