package org.resolvefx.core.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resolvefx.core.playback.TraceKit.CLIENT;
import static org.resolvefx.core.playback.TraceKit.DE;
import static org.resolvefx.core.playback.TraceKit.INF;
import static org.resolvefx.core.playback.TraceKit.RESOLVER;
import static org.resolvefx.core.playback.TraceKit.ROOT;
import static org.resolvefx.core.playback.TraceKit.ROOT_B;
import static org.resolvefx.core.playback.TraceKit.TUD;
import static org.resolvefx.core.playback.TraceKit.TUD2;
import static org.resolvefx.core.playback.TraceKit.name;
import static org.resolvefx.core.playback.TraceKit.say;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.resolvefx.core.net.Transport;
import org.resolvefx.core.trace.CacheEntry;
import org.resolvefx.core.trace.Endpoint;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * Random traces built from random event sequences: the state at a position is the same whether the
 * cursor jumped there, stepped there from the start or stepped back from the end, and it never
 * depends on later events.
 */
public class PlaybackPropertiesTest {

    private static final List<Endpoint> HOSTS = List.of(CLIENT, RESOLVER, ROOT, ROOT_B, DE, TUD, TUD2, INF);
    private static final String[] NAMES = {"www.p2p.tu-darmstadt.de.", "charon.dekanat.informatik.tu-darmstadt.de.",
        "de.", "tu-darmstadt.de.", "nx.tu-darmstadt.de."};

    @Property
    void jumpingSteppingForwardAndSteppingBackAgree(@ForAll @Size(max = 40) List<@IntRange(min = 0) Integer> steps) {
        Playback p = Playback.of(randomTrace(steps));
        int n = p.length();
        List<PlaybackState> forward = new ArrayList<>();
        PlaybackState s = p.first();
        forward.add(s);
        for (int k = 0; k < n; k++) {
            s = p.next(s);
            forward.add(s);
        }
        PlaybackState back = p.last();
        for (int k = n; k >= 0; k--) {
            PlaybackState jumped = p.stateAt(k);
            assertThat(forward.get(k)).isEqualTo(jumped);
            assertThat(back).isEqualTo(jumped);
            back = p.previous(back);
        }
    }

    @Property(tries = 300)
    void aPositionNeverDependsOnLaterEvents(@ForAll @Size(max = 40) List<@IntRange(min = 0) Integer> steps) {
        Trace trace = randomTrace(steps);
        Playback full = Playback.of(trace);
        for (int k = 0; k <= full.length(); k++) {
            Trace cut = new Trace(trace.title(), trace.question(), trace.mode(), trace.source(), trace.startedAt(),
                    null, trace.endpoints(), trace.initialCache(), trace.events().subList(0, k));
            PlaybackState a = full.stateAt(k);
            PlaybackState b = Playback.of(cut).last();
            assertThat(a.arrows()).isEqualTo(b.arrows());
            assertThat(a.endpointMarks()).isEqualTo(b.endpointMarks());
            assertThat(a.cache()).isEqualTo(b.cache());
            assertThat(a.namespaceFocus()).isEqualTo(b.namespaceFocus());
            assertThat(a.activeEndpoints()).isEqualTo(b.activeEndpoints());
            assertThat(a.narration()).isEqualTo(b.narration());
        }
    }

    @Property
    void statesAreConsistentWithTheirEvents(@ForAll @Size(max = 40) List<@IntRange(min = 0) Integer> steps) {
        Trace trace = randomTrace(steps);
        Playback p = Playback.of(trace);
        int messagesSoFar = 0;
        int timeoutsSoFar = 0;
        for (int k = 0; k <= p.length(); k++) {
            if (k > 0) {
                TraceEvent e = trace.events().get(k - 1);
                if (e instanceof TraceEvent.MessageSent || e instanceof TraceEvent.MessageReceived) {
                    messagesSoFar++;
                } else if (e instanceof TraceEvent.Timeout) {
                    timeoutsSoFar++;
                }
            }
            PlaybackState s = p.stateAt(k);
            assertThat(s.arrows()).hasSize(messagesSoFar);
            for (int i = 0; i < s.arrows().size(); i++) {
                Arrow a = s.arrows().get(i);
                assertThat(a.number()).isEqualTo(i + 1);
                assertThat(a.eventIndex()).isLessThan(k);
                assertThat(a.inReplyTo()).isBetween(0, a.number() - 1);
            }
            assertThat(s.arrows().stream().filter(a -> a.outcome() == ArrowOutcome.LOST).count())
                    .isLessThanOrEqualTo(timeoutsSoFar);
            assertThat(s.cache().live()).allMatch(c -> c.entry().isLiveAt(s.clockMicros())
                    && c.remainingSeconds() > 0);
            assertThat(s.cache().expired()).noneMatch(c -> c.entry().isLiveAt(s.clockMicros()));
            assertThat(s.namespaceFocus().zonePath()).doesNotHaveDuplicates();
            int total = s.endpointMarks().values().stream().mapToInt(m -> m.queries() + m.responses()).sum();
            assertThat(total).isEqualTo(messagesSoFar);
        }
    }

    /** Playback reads every message (labels, flags, referrals): mangled bytes must never break it. */
    @Property
    void mangledMessagesNeverBreakPlayback(@ForAll @IntRange(min = 0, max = 13) int which,
                                           @ForAll @Size(max = 8) List<@IntRange(min = 0) Integer> flips,
                                           @ForAll @IntRange(min = 0, max = 400) int cut,
                                           @ForAll boolean asSent) {
        byte[] b = REAL.get(which).clone();
        for (int f : flips) {
            b[f % b.length] ^= (byte) (1 << (f / b.length % 8));
        }
        byte[] bytes = java.util.Arrays.copyOf(b, Math.min(b.length, cut == 0 ? b.length : cut));
        TraceEvent e = asSent
                ? new TraceEvent.MessageSent(1, TraceKit.msg(RESOLVER, ROOT, bytes), say("q"))
                : new TraceEvent.MessageReceived(1, TraceKit.msg(ROOT, RESOLVER, bytes), true, null, say("r"));
        Playback p = Playback.of(TraceKit.trace(ResolutionMode.RECURSIVE, HOSTS, List.of(), List.of(e)));
        Arrow a = p.last().arrows().get(0);
        assertThat(a.label().en()).isNotBlank();
        assertThat(a.label().de()).isNotBlank();
        if (a.outcome() == ArrowOutcome.MALFORMED) {
            assertThat(a.kind()).isEqualTo(asSent ? ArrowKind.QUERY : ArrowKind.RESPONSE);
        }
    }

    private static final List<byte[]> REAL = CaptureFixture.read("a-recursive-cold.pcap").stream()
            .map(CaptureFixture.Captured::dns).toList();

    /** Decodes each number into one event, so that jqwik can shrink a failing trace event by event. */
    public static Trace randomTrace(List<Integer> steps) {
        Random setup = new Random(steps.size());
        List<CacheEntry> initial = List.of(
                TraceKit.entry("de.", Type.NS, 1 + setup.nextInt(10), -setup.nextInt(5_000_000), "a.nic.de.", "root"),
                TraceKit.entry(".", Type.NS, 518400, -1_000_000, "a.root-servers.net.", "hints"));
        List<TraceEvent> events = new ArrayList<>();
        List<byte[]> queries = new ArrayList<>();
        long t = 0;
        for (int v : steps) {
            Random r = new Random(v);
            t += r.nextInt(3_000_000);
            Endpoint server = HOSTS.get(2 + r.nextInt(HOSTS.size() - 2));
            Endpoint asker = r.nextInt(5) == 0 ? CLIENT : RESOLVER;
            String qname = NAMES[r.nextInt(NAMES.length)];
            switch (Math.floorMod(v, 14)) {
                case 0, 1 -> {
                    byte[] q = TraceKit.query(qname, Type.A, r.nextInt(4), r.nextBoolean());
                    queries.add(q);
                    Endpoint to = asker == CLIENT ? (r.nextBoolean() ? RESOLVER : server) : server;
                    events.add(new TraceEvent.MessageSent(t, TraceKit.msg(asker, to, q,
                            r.nextInt(4) == 0 ? Transport.TCP : Transport.UDP), say("q")));
                }
                case 2, 3 -> {
                    byte[] q = queries.isEmpty() ? TraceKit.query(qname, Type.A, 1, false)
                            : queries.get(r.nextInt(queries.size()));
                    byte[] bytes = switch (r.nextInt(7)) {
                        case 0 -> TraceKit.referral(q, "de.", "a.nic.de.", "127.0.2.1");
                        case 1 -> TraceKit.referral(q, "tu-darmstadt.de.", "ns1.hrz.tu-darmstadt.de.", "127.0.3.1",
                                "ns.man-da.de.", null);
                        case 2 -> TraceKit.answer(q, true, r.nextBoolean(), qname + " 300 IN A 127.0.31.10");
                        case 3 -> TraceKit.nxdomain(q, r.nextBoolean(), "tu-darmstadt.de.");
                        case 4 -> TraceKit.error(q, r.nextBoolean() ? Rcode.SERVFAIL : Rcode.REFUSED);
                        case 5 -> TraceKit.truncated(q);
                        default -> new byte[r.nextInt(14)];
                    };
                    Endpoint from = r.nextInt(4) == 0 ? RESOLVER : server;
                    boolean accepted = r.nextInt(5) != 0;
                    events.add(new TraceEvent.MessageReceived(t, TraceKit.msg(from, asker, bytes,
                            r.nextInt(4) == 0 ? Transport.TCP : Transport.UDP), accepted,
                            accepted ? null : "wrong ID", say("r")));
                }
                case 4 -> events.add(new TraceEvent.Timeout(t, server.id(), 1000, 1 + r.nextInt(3), say("t")));
                case 5 -> events.add(new TraceEvent.Retry(t, server.id(), 2 + r.nextInt(2), say("retry")));
                case 6 -> events.add(new TraceEvent.ServerSkipped(t, server.id(),
                        TraceEvent.SkipReason.values()[r.nextInt(TraceEvent.SkipReason.values().length)], "why",
                        say("skip")));
                case 7 -> events.add(new TraceEvent.CacheLookup(t, name(qname), Type.A,
                        TraceEvent.CacheOutcome.values()[r.nextInt(3)], List.of(), say("lookup")));
                case 8 -> {
                    List<CacheEntry> stored = new ArrayList<>();
                    for (int i = 0; i <= r.nextInt(2); i++) {
                        stored.add(TraceKit.entry(NAMES[r.nextInt(NAMES.length)], r.nextBoolean() ? Type.A : Type.NS,
                                r.nextInt(8), t, "x", server.id()));
                    }
                    events.add(new TraceEvent.CacheStore(t, stored, List.of(), say("store")));
                }
                case 9 -> events.add(new TraceEvent.ReferralFollowed(t, server.id(), name(r.nextBoolean() ? "de."
                        : "informatik.tu-darmstadt.de."), List.of(new TraceEvent.NameServer(name("a.nic.de."),
                        List.of(TraceKit.ip("127.0.2.1")), true)), say("follow")));
                case 10 -> events.add(new TraceEvent.CnameRestart(t, name(qname), name(NAMES[r.nextInt(2)]), false,
                        say("cname")));
                case 11 -> {
                    if (r.nextBoolean()) {
                        events.add(new TraceEvent.SideResolutionStarted(t, name("ns.man-da.de."), say("side")));
                    } else {
                        events.add(new TraceEvent.SideResolutionFinished(t, name("ns.man-da.de."), List.of(),
                                r.nextBoolean(), say("side end")));
                    }
                }
                case 12 -> events.add(new TraceEvent.TcpFallback(t, server.id(), say("tcp")));
                default -> events.add(r.nextBoolean()
                        ? new TraceEvent.Answer(t, Rcode.NOERROR, List.of("x"), r.nextBoolean(), say("answer"))
                        : new TraceEvent.Failure(t, TraceEvent.FailureReason.QUERY_LIMIT, "limit", say("fail")));
            }
        }
        return TraceKit.trace(ResolutionMode.RECURSIVE, HOSTS, initial, events);
    }
}
