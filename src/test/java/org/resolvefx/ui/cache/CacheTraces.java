package org.resolvefx.ui.cache;

import static org.resolvefx.core.playback.TraceKit.CLIENT;
import static org.resolvefx.core.playback.TraceKit.DE;
import static org.resolvefx.core.playback.TraceKit.RESOLVER;
import static org.resolvefx.core.playback.TraceKit.ROOT;
import static org.resolvefx.core.playback.TraceKit.name;
import static org.resolvefx.core.playback.TraceKit.nxdomain;
import static org.resolvefx.core.playback.TraceKit.query;
import static org.resolvefx.core.playback.TraceKit.received;
import static org.resolvefx.core.playback.TraceKit.referral;
import static org.resolvefx.core.playback.TraceKit.say;
import static org.resolvefx.core.playback.TraceKit.sent;

import java.time.Instant;
import java.util.List;
import org.resolvefx.core.trace.CacheEntry;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.TraceSource;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * A synthetic recursive lookup of a name that does not exist, with dnsjava-made messages and the
 * resolver's cache events: root hints and com's delegation (from an earlier lookup) before it, the de delegation stored with a short TTL
 * (10 s), the NXDOMAIN cached for 5 s, and a last event 12 s later, when all three have expired.
 */
final class CacheTraces {
    static final String QNAME = "nosuch.de.";
    static final long DELEGATION_STORED = 4_100;
    static final long NEGATIVE_STORED = 6_100;
    static final long LATE = 12_000_000;

    private CacheTraces() {
    }

    static CacheEntry entry(String owner, int type, long ttl, long at, boolean negative, String rdata, String source,
                            String section) {
        return new CacheEntry(name(owner), type, ttl, at, negative, negative ? Rcode.NXDOMAIN : Rcode.NOERROR,
                List.of(rdata), source, section);
    }

    static final CacheEntry HINT_NS = entry(".", Type.NS, 518400, -1_000_000, false, "a.root-servers.net.", "hints",
            "hints");
    static final CacheEntry HINT_A = entry("a.root-servers.net.", Type.A, 518400, -1_000_000, false, "127.0.1.1",
            "hints", "hints");
    /** Left over from an earlier lookup, two days to live. */
    static final CacheEntry EARLIER = entry("com.", Type.NS, 172800, -5_000_000, false, "a.gtld-servers.net.",
            "root", "authority");
    static final CacheEntry DE_NS = entry("de.", Type.NS, 10, DELEGATION_STORED, false, "a.nic.de.", "root",
            "authority");
    static final CacheEntry DE_GLUE = entry("a.nic.de.", Type.A, 10, DELEGATION_STORED, false, "127.0.2.1", "root",
            "additional");
    static final CacheEntry NEGATIVE = entry(QNAME, Type.A, 5, NEGATIVE_STORED, true,
            "de. 5 IN SOA a.nic.de. its.denic.de. 1 7200 3600 1209600 5", "de", "authority");

    static Trace nxdomainWithExpiry() {
        byte[] q1 = query(QNAME, Type.A, 0x1111, true);
        byte[] q2 = query(QNAME, Type.A, 0x2222, false);
        byte[] r2 = referral(q2, "de.", "a.nic.de.", "127.0.2.1");
        byte[] q3 = query(QNAME, Type.A, 0x3333, false);
        byte[] r3 = nxdomain(q3, false, "de.");
        byte[] r1 = nxdomain(q1, true, "de.");
        List<TraceEvent> events = List.of(
                sent(1_000, CLIENT, RESOLVER, q1),
                new TraceEvent.CacheLookup(2_000, name(QNAME), Type.A, TraceEvent.CacheOutcome.MISS, List.of(),
                        say("miss")),
                sent(3_000, RESOLVER, ROOT, q2),
                received(4_000, ROOT, RESOLVER, r2),
                new TraceEvent.CacheStore(DELEGATION_STORED, List.of(DE_NS, DE_GLUE), List.of(), say("store de")),
                sent(5_000, RESOLVER, DE, q3),
                received(6_000, DE, RESOLVER, r3),
                new TraceEvent.CacheStore(NEGATIVE_STORED, List.of(NEGATIVE), List.of(), say("store nxdomain")),
                received(7_000, RESOLVER, CLIENT, r1),
                new TraceEvent.Answer(7_100, Rcode.NXDOMAIN, List.of(), false, say("nxdomain")),
                new TraceEvent.CacheLookup(LATE, name(QNAME), Type.A, TraceEvent.CacheOutcome.MISS, List.of(),
                        say("12 s later: everything stored has expired")));
        return new Trace("cache test", Question.of(QNAME, Type.A), ResolutionMode.RECURSIVE, TraceSource.LESSON,
                Instant.EPOCH, null, List.of(CLIENT, RESOLVER, ROOT, DE), List.of(HINT_NS, HINT_A, EARLIER), events);
    }

    /** The same lookup with nothing cached before it and no cache events: the cache stays empty. */
    static Trace emptyCache() {
        Trace t = nxdomainWithExpiry();
        return new Trace(t.title(), t.question(), t.mode(), t.source(), t.startedAt(), t.world(), t.endpoints(),
                List.of(), t.events().stream().filter(e -> !(e instanceof TraceEvent.CacheStore)).toList());
    }

    /** Position right after the event at the given trace-clock time. */
    static int positionAfter(Trace t, long micros) {
        for (int i = 0; i < t.events().size(); i++) {
            if (t.events().get(i).atMicros() == micros) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no event at " + micros);
    }

    static Name n(String s) {
        return name(s);
    }
}
