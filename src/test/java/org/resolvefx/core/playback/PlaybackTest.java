package org.resolvefx.core.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.resolvefx.core.playback.TraceKit.CLIENT;
import static org.resolvefx.core.playback.TraceKit.DE;
import static org.resolvefx.core.playback.TraceKit.INF;
import static org.resolvefx.core.playback.TraceKit.QNAME;
import static org.resolvefx.core.playback.TraceKit.RESOLVER;
import static org.resolvefx.core.playback.TraceKit.ROOT;
import static org.resolvefx.core.playback.TraceKit.ROOT_B;
import static org.resolvefx.core.playback.TraceKit.TUD;
import static org.resolvefx.core.playback.TraceKit.TUD2;
import static org.resolvefx.core.playback.TraceKit.name;
import static org.resolvefx.core.playback.TraceKit.query;
import static org.resolvefx.core.playback.TraceKit.received;
import static org.resolvefx.core.playback.TraceKit.say;
import static org.resolvefx.core.playback.TraceKit.sent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.resolvefx.core.net.Transport;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

class PlaybackTest {

    @Test
    void recursiveLookupNumbersArrowsAndStylesThemAsInTheLectureFigure() {
        Playback p = Playback.of(TraceKit.lectureRecursive());
        List<Arrow> arrows = p.last().arrows();

        assertThat(arrows).extracting(Arrow::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(arrows).extracting(a -> a.fromId() + ">" + a.toId()).containsExactly("client>resolver",
                "resolver>root", "root>resolver", "resolver>de", "de>resolver", "resolver>tud", "tud>resolver",
                "resolver>client");
        assertThat(arrows).extracting(Arrow::style).containsExactly(ArrowStyle.RECURSIVE, ArrowStyle.ITERATIVE,
                ArrowStyle.ITERATIVE, ArrowStyle.ITERATIVE, ArrowStyle.ITERATIVE, ArrowStyle.ITERATIVE,
                ArrowStyle.ITERATIVE, ArrowStyle.RECURSIVE);
        assertThat(arrows).extracting(Arrow::kind).containsExactly(ArrowKind.QUERY, ArrowKind.QUERY,
                ArrowKind.RESPONSE, ArrowKind.QUERY, ArrowKind.RESPONSE, ArrowKind.QUERY, ArrowKind.RESPONSE,
                ArrowKind.RESPONSE);
        assertThat(arrows).extracting(a -> a.label().text()).containsExactly("A? www.p2p.tu-darmstadt.de",
                "A? www.p2p.tu-darmstadt.de", "referral to de", "A? www.p2p.tu-darmstadt.de",
                "referral to tu-darmstadt.de", "A? www.p2p.tu-darmstadt.de", "A 130.83.47.181", "A 130.83.47.181");
        assertThat(arrows.get(2).label().text(Locale.GERMAN)).isEqualTo("Verweis an de");
        assertThat(arrows).extracting(Arrow::inReplyTo).containsExactly(0, 0, 2, 0, 4, 0, 6, 1);
        assertThat(arrows).extracting(Arrow::eventIndex).containsExactly(0, 2, 3, 6, 7, 9, 10, 12);
        assertThat(arrows).allMatch(a -> a.outcome() == ArrowOutcome.DELIVERED && a.transport() == Transport.UDP
                && a.attempt() == 1);
        assertThat(arrows.get(7).rcode()).isEqualTo(Rcode.NOERROR);
        assertThat(arrows.get(0).rcode()).isEqualTo(-1);
    }

    @Test
    void iterativeLookupDrawsEveryArrowIterative() {
        Playback p = Playback.of(TraceKit.lectureIterative());
        List<Arrow> arrows = p.last().arrows();
        assertThat(arrows).hasSize(6).allMatch(a -> a.style() == ArrowStyle.ITERATIVE);
        assertThat(arrows.get(5).label().text()).isEqualTo("CNAME charon.dekanat.informatik.tu-darmstadt.de");
        assertThat(arrows.get(5).label().kind()).isEqualTo(ArrowLabel.Kind.ALIAS);
        // no resolver: the client is the asker whose marks and focus the views show
        assertThat(p.last().activeEndpoints()).containsExactly("client");
        assertThat(p.last().namespaceFocus().currentName()).isEqualTo(name("charon.dekanat.informatik.tu-darmstadt.de."));
        assertThat(p.last().namespaceFocus().nameChain()).containsExactly(name(QNAME),
                name("charon.dekanat.informatik.tu-darmstadt.de."));
        assertThat(p.stateAt(6).namespaceFocus().currentName()).isEqualTo(name(QNAME));
    }

    @Test
    void everyPositionOfTheRecursiveLookupShowsWhatHasHappenedSoFar() {
        Trace trace = TraceKit.lectureRecursive();
        Playback p = Playback.of(trace);
        int[] arrowsAt = {0, 1, 1, 2, 3, 3, 3, 4, 5, 5, 6, 7, 7, 8, 8};
        String[] askedZone = {null, null, null, ".", ".", ".", ".", "de.", "de.", "de.", "tu-darmstadt.de.",
            "tu-darmstadt.de.", "tu-darmstadt.de.", "tu-darmstadt.de.", "tu-darmstadt.de."};
        int[] pathLength = {0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 3};
        assertThat(p.length()).isEqualTo(14);
        for (int k = 0; k <= p.length(); k++) {
            PlaybackState s = p.stateAt(k);
            assertThat(s.position()).isEqualTo(k);
            assertThat(s.arrows()).as("arrows at %d", k).hasSize(arrowsAt[k]);
            assertThat(s.namespaceFocus().askedZone().map(Name::toString).orElse(null)).as("asked zone at %d", k)
                    .isEqualTo(askedZone[k]);
            assertThat(s.namespaceFocus().zonePath()).as("path at %d", k).hasSize(pathLength[k]);
            assertThat(s.clockMicros()).isEqualTo(k == 0 ? 0 : trace.events().get(k - 1).atMicros());
            assertThat(s.event()).isEqualTo(k == 0 ? java.util.Optional.empty()
                    : java.util.Optional.of(trace.events().get(k - 1)));
            assertThat(s.narration()).isEqualTo(k == 0 ? s.narration() : trace.events().get(k - 1).narration());
            assertThat(s.isFinished()).isEqualTo(k == 14);
            assertThat(s.outcome().isPresent()).isEqualTo(k == 14);
            assertThat(s.isMessageStep()).isEqualTo(k > 0 && s.currentArrow().isPresent()
                    && s.currentArrow().get().eventIndex() == k - 1);
        }
        assertThat(p.stateAt(0).narration().en()).contains("www.p2p.tu-darmstadt.de A").contains("recursive");
        assertThat(p.stateAt(0).narration().de()).contains("rekursiv");
        assertThat(p.last().namespaceFocus().zonePath()).containsExactly(Name.root, name("de."),
                name("tu-darmstadt.de."));
        assertThat(p.last().outcome()).containsInstanceOf(TraceEvent.Answer.class);

        // the referral from the root: the root zone refers to de
        PlaybackState referral = p.stateAt(4);
        assertThat(referral.namespaceFocus().referringZone()).contains(Name.root);
        assertThat(referral.namespaceFocus().referredZone()).contains(name("de."));
        assertThat(p.stateAt(5).namespaceFocus().referredZone()).isEmpty();
        // following it (ReferralFollowed, event 5)
        assertThat(p.stateAt(6).namespaceFocus().referringZone()).contains(Name.root);
        assertThat(p.stateAt(6).namespaceFocus().referredZone()).contains(name("de."));
        assertThat(p.stateAt(6).activeEndpoints()).containsExactlyInAnyOrder("resolver", "root");

        // marks: the root has been asked once and answered once from position 4
        assertThat(p.stateAt(2).mark("root").asked()).isFalse();
        assertThat(p.stateAt(3).mark("root").asked()).isTrue();
        assertThat(p.stateAt(3).mark("root").responses()).isZero();
        assertThat(p.stateAt(4).mark("root").responses()).isEqualTo(1);
        assertThat(p.last().mark("client").queries()).isZero();
        assertThat(p.last().mark("resolver").queries()).isEqualTo(1);
        assertThat(p.last().endpointMarks().keySet()).containsExactly("client", "resolver", "root", "de", "tud");

        // current arrow and highlighted endpoints
        assertThat(p.stateAt(3).currentArrow().map(Arrow::number)).contains(2);
        assertThat(p.stateAt(3).activeEndpoints()).containsExactly("resolver", "root");
        assertThat(p.stateAt(2).activeEndpoints()).containsExactly("resolver");
        assertThat(p.stateAt(0).currentArrow()).isEmpty();
        assertThat(p.stateAt(0).activeEndpoints()).isEmpty();
    }

    @Test
    void steppingForwardThenBackGivesTheStatesOfADirectJump() {
        for (Trace trace : List.of(TraceKit.lectureRecursive(), TraceKit.lectureIterative(), troubledTrace())) {
            Playback p = Playback.of(trace);
            PlaybackCursor cursor = new PlaybackCursor(p);
            List<PlaybackState> forward = new ArrayList<>();
            forward.add(cursor.state());
            while (cursor.canStepForward()) {
                forward.add(cursor.stepForward());
            }
            assertThat(cursor.stepForward()).isEqualTo(forward.get(forward.size() - 1));
            for (int k = p.length(); k >= 0; k--) {
                assertThat(cursor.state()).as("back at %d", k).isEqualTo(forward.get(k)).isEqualTo(p.stateAt(k));
                assertThat(cursor.state().hashCode()).isEqualTo(forward.get(k).hashCode());
                cursor.stepBack();
            }
            assertThat(cursor.position()).isZero();
            assertThat(cursor.jumpTo(p.length() + 5).position()).isEqualTo(p.length());
            assertThat(cursor.jumpTo(-3).position()).isZero();
        }
    }

    @Test
    void theStateAtAPositionDoesNotDependOnLaterEvents() {
        for (Trace trace : List.of(TraceKit.lectureRecursive(), troubledTrace())) {
            Playback full = Playback.of(trace);
            for (int k = 0; k <= full.length(); k++) {
                Trace cut = new Trace(trace.title(), trace.question(), trace.mode(), trace.source(), trace.startedAt(),
                        null, trace.endpoints(), trace.initialCache(), trace.events().subList(0, k));
                PlaybackState a = full.stateAt(k);
                PlaybackState b = Playback.of(cut).last();
                assertThat(a.arrows()).as("arrows at %d", k).isEqualTo(b.arrows());
                assertThat(a.endpointMarks()).isEqualTo(b.endpointMarks());
                assertThat(a.cache()).isEqualTo(b.cache());
                assertThat(a.namespaceFocus()).isEqualTo(b.namespaceFocus());
                assertThat(a.activeEndpoints()).isEqualTo(b.activeEndpoints());
            }
        }
    }

    /** Timeouts, a retry, a skipped server, TC=1 and TCP, an ignored spoof, REFUSED, NXDOMAIN, garbage. */
    static Trace troubledTrace() {
        byte[] q1 = query(QNAME, Type.A, 1, true);
        byte[] q2 = query(QNAME, Type.A, 2, false);
        byte[] q3 = query(QNAME, Type.A, 3, false);
        byte[] q4 = query(QNAME, Type.A, 4, false);
        byte[] spoof = TraceKit.answer(query(QNAME, Type.A, 999, false), true, false, QNAME + " 60 IN A 6.6.6.6");
        byte[] q5 = query(QNAME, Type.A, 5, false);
        byte[] tc = TraceKit.truncated(q5, QNAME + " 60 IN A 127.0.41.1");
        byte[] q6 = query(QNAME, Type.A, 5, false);
        byte[] full = TraceKit.answer(q6, true, false, QNAME + " 60 IN A 127.0.41.1", QNAME + " 60 IN A 127.0.41.2");
        byte[] q7 = query("nx.tu-darmstadt.de.", Type.A, 7, false);
        byte[] nx = TraceKit.nxdomain(q7, false, "tu-darmstadt.de.");
        List<TraceEvent> events = List.of(
                sent(0, CLIENT, RESOLVER, q1),                                                      // 0 arrow 1
                sent(10, RESOLVER, ROOT, q2),                                                       // 1 arrow 2
                new TraceEvent.Timeout(1_000_010, "root", 1000, 1, say("timeout")),                // 2
                new TraceEvent.Retry(1_000_020, "root", 2, say("retry")),                          // 3
                sent(1_000_030, RESOLVER, ROOT, q3),                                                // 4 arrow 3
                new TraceEvent.Timeout(2_000_030, "root", 1000, 2, say("timeout")),                // 5
                new TraceEvent.ServerSkipped(2_000_040, "root", TraceEvent.SkipReason.UNREACHABLE, "2 timeouts",
                        say("skip")),                                                              // 6
                sent(2_000_050, RESOLVER, ROOT_B, q4),                                              // 7 arrow 4
                new TraceEvent.MessageReceived(2_000_060, TraceKit.msg(ROOT_B, RESOLVER, spoof), false, "wrong ID",
                        say("spoof")),                                                             // 8 arrow 5
                received(2_000_070, ROOT_B, RESOLVER, TraceKit.error(q4, Rcode.REFUSED)),           // 9 arrow 6
                sent(2_000_080, RESOLVER, TUD, q5),                                                 // 10 arrow 7
                received(2_000_090, TUD, RESOLVER, tc),                                             // 11 arrow 8
                new TraceEvent.TcpFallback(2_000_100, "tud", say("tcp")),                          // 12
                new TraceEvent.MessageSent(2_000_110, TraceKit.msg(RESOLVER, TUD, q6, Transport.TCP), say("tcp q")),
                new TraceEvent.MessageReceived(2_000_120, TraceKit.msg(TUD, RESOLVER, full, Transport.TCP), true,
                        null, say("tcp r")),                                                       // 14 arrow 10
                sent(2_000_130, RESOLVER, TUD2, q7),                                                // 15 arrow 11
                received(2_000_140, TUD2, RESOLVER, nx),                                            // 16 arrow 12
                received(2_000_150, TUD2, RESOLVER, new byte[] {1, 2, 3, (byte) 0x80, 9}),          // 17 arrow 13
                new TraceEvent.CacheLookup(2_000_160, name(QNAME), Type.A, TraceEvent.CacheOutcome.HIT,
                        List.of("127.0.41.1"), say("hit")),                                        // 18
                new TraceEvent.Failure(2_000_170, TraceEvent.FailureReason.ALL_SERVERS_FAILED, "none", say("fail")));
        return TraceKit.trace(ResolutionMode.RECURSIVE, List.of(CLIENT, RESOLVER, ROOT, ROOT_B, DE, TUD, TUD2, INF),
                List.of(), events);
    }

    @Test
    void troublesAreDrawnAsDistinctOutcomes() {
        Playback p = Playback.of(troubledTrace());
        List<Arrow> last = p.last().arrows();
        assertThat(last).hasSize(13);
        // the first query to the root is not lost until its Timeout has happened
        assertThat(p.stateAt(2).arrows().get(1).outcome()).isEqualTo(ArrowOutcome.DELIVERED);
        assertThat(p.stateAt(3).arrows().get(1).outcome()).isEqualTo(ArrowOutcome.LOST);
        assertThat(p.stateAt(5).arrows().get(2).outcome()).isEqualTo(ArrowOutcome.DELIVERED);
        assertThat(p.stateAt(6).arrows().get(2).outcome()).isEqualTo(ArrowOutcome.LOST);
        assertThat(last.get(2).attempt()).isEqualTo(2);
        assertThat(last.get(2).isRetry()).isTrue();
        assertThat(last.get(3).attempt()).isEqualTo(1);
        // the root is crossed out with the reason; timeouts and retries counted
        assertThat(p.stateAt(6).mark("root").isSkipped()).isFalse();
        EndpointMark root = p.stateAt(7).mark("root");
        assertThat(root.skipped()).contains(new EndpointMark.Skip(TraceEvent.SkipReason.UNREACHABLE, "2 timeouts"));
        assertThat(root.timeouts()).isEqualTo(2);
        assertThat(root.timedOut()).isTrue();
        assertThat(root.retries()).isEqualTo(1);
        assertThat(root.queries()).isEqualTo(2);
        // spoofed answer ignored; the real REFUSED answers query 4
        assertThat(last.get(4).outcome()).isEqualTo(ArrowOutcome.IGNORED);
        assertThat(last.get(4).inReplyTo()).isZero();
        assertThat(last.get(5).outcome()).isEqualTo(ArrowOutcome.ERROR);
        assertThat(last.get(5).label().text()).isEqualTo("REFUSED");
        assertThat(last.get(5).inReplyTo()).isEqualTo(4);
        assertThat(last.get(5).rcode()).isEqualTo(Rcode.REFUSED);
        // TC=1 then the same query over TCP
        assertThat(last.get(7).outcome()).isEqualTo(ArrowOutcome.TRUNCATED);
        assertThat(last.get(7).label().text()).isEqualTo("TC=1");
        assertThat(last.get(8).transport()).isEqualTo(Transport.TCP);
        assertThat(last.get(9).transport()).isEqualTo(Transport.TCP);
        assertThat(last.get(9).inReplyTo()).isEqualTo(9);
        assertThat(last.get(9).label().text()).isEqualTo("A 127.0.41.1 +1");
        assertThat(p.stateAt(13).mark("tud").tcpUsed()).isFalse();
        assertThat(p.stateAt(14).mark("tud").tcpUsed()).isTrue();
        // NXDOMAIN is an answer, not an error
        assertThat(last.get(11).outcome()).isEqualTo(ArrowOutcome.DELIVERED);
        assertThat(last.get(11).label().text()).isEqualTo("NXDOMAIN");
        assertThat(last.get(11).label().kind()).isEqualTo(ArrowLabel.Kind.NXDOMAIN);
        // garbage bytes do not crash anything
        assertThat(last.get(12).outcome()).isEqualTo(ArrowOutcome.MALFORMED);
        assertThat(last.get(12).label().text()).isEqualTo("malformed (5 bytes)");
        assertThat(last.get(12).rcode()).isEqualTo(-1);
        // the cache hit puts the badge on the resolver from then on
        assertThat(p.stateAt(18).mark("resolver").answeredFromCache()).isFalse();
        assertThat(p.stateAt(19).mark("resolver").answeredFromCache()).isTrue();
        assertThat(p.last().outcome()).containsInstanceOf(TraceEvent.Failure.class);
        // arrow styles: the client's RD=1 query to the resolver is recursive, the rest iterative
        assertThat(last.get(0).style()).isEqualTo(ArrowStyle.RECURSIVE);
        assertThat(last.subList(1, 13)).allMatch(a -> a.style() == ArrowStyle.ITERATIVE);
    }

    @Test
    void cacheShowsLiveEntriesOnTheTraceClockAndMarksAddedAndExpiredOnes() {
        long s = 1_000_000L;
        // stored 10 s before the trace with a TTL of 30 s: expires at 20 s on the trace clock
        var old = TraceKit.entry("de.", Type.NS, 30, -10 * s, "a.nic.de.", "root");
        var longLived = TraceKit.entry(".", Type.NS, 518400, -10 * s, "a.root-servers.net.", "hints");
        var fresh = TraceKit.entry(QNAME, Type.A, 5, 12 * s, "130.83.47.181", "tud");
        var replacement = TraceKit.entry(QNAME, Type.A, 60, 14 * s, "130.83.47.182", "tud2");
        List<TraceEvent> events = List.of(
                new TraceEvent.CacheLookup(5 * s, name(QNAME), Type.A, TraceEvent.CacheOutcome.MISS, List.of(),
                        say("miss")),
                new TraceEvent.CacheStore(12 * s, List.of(fresh), List.of(), say("store")),
                new TraceEvent.CacheStore(14 * s, List.of(replacement), List.of(), say("replace")),
                new TraceEvent.CacheLookup(25 * s, name(QNAME), Type.A, TraceEvent.CacheOutcome.HIT, List.of(),
                        say("hit")));
        Playback p = Playback.of(TraceKit.trace(ResolutionMode.RECURSIVE, List.of(CLIENT, RESOLVER),
                List.of(old, longLived), events));

        CacheView at0 = p.stateAt(0).cache();
        assertThat(at0.live()).extracting(CachedRecord::entry).containsExactly(old, longLived);
        assertThat(at0.live()).extracting(CachedRecord::remainingSeconds).containsExactly(20L, 518390L);
        assertThat(at0.expired()).isEmpty();
        assertThat(at0.live()).noneMatch(CachedRecord::addedNow);
        assertThat(at0.addedNow()).isEmpty();

        CacheView at1 = p.stateAt(1).cache();
        assertThat(at1.atMicros()).isEqualTo(5 * s);
        assertThat(at1.live()).extracting(CachedRecord::remainingSeconds).containsExactly(15L, 518385L);
        assertThat(at1.live()).noneMatch(CachedRecord::addedNow);

        CacheView at2 = p.stateAt(2).cache();
        assertThat(at2.live()).extracting(CachedRecord::entry).containsExactly(old, longLived, fresh);
        assertThat(at2.live().get(2).addedNow()).isTrue();
        assertThat(at2.live().get(2).remainingSeconds()).isEqualTo(5);
        assertThat(at2.addedNow()).containsExactly(fresh);

        // a new store of the same name and type replaces the old one (it is not "expired")
        CacheView at3 = p.stateAt(3).cache();
        assertThat(at3.live()).extracting(CachedRecord::entry).containsExactly(old, longLived, replacement);
        assertThat(at3.expired()).isEmpty();

        // between events 3 and 4 the UI counts down: at 20 s the NS entry has just expired
        CacheView playing = p.stateAt(3).cacheAt(19_500_000L);
        assertThat(playing.live()).extracting(CachedRecord::entry).containsExactly(old, longLived, replacement);
        assertThat(playing.live().get(0).remainingSeconds()).isEqualTo(1);
        CacheView later = p.stateAt(3).cacheAt(20 * s);
        assertThat(later.live()).extracting(CachedRecord::entry).containsExactly(longLived, replacement);
        assertThat(later.expired()).extracting(CachedRecord::entry).containsExactly(old);
        assertThat(later.live().get(1).remainingSeconds()).isEqualTo(54);

        // at 25 s the next position shows the expiry as "since the previous position"
        CacheView at4 = p.stateAt(4).cache();
        assertThat(at4.live()).extracting(CachedRecord::entry).containsExactly(longLived, replacement);
        assertThat(at4.expired()).extracting(CachedRecord::entry).containsExactly(old);
        assertThat(p.stateAt(4).mark("resolver").cacheHits()).isEqualTo(1);

        // stepping back brings the entry back to life
        assertThat(p.previous(p.stateAt(4)).cache()).isEqualTo(at3);
    }

    @Test
    void realRecursiveCaptureGivesFourteenArrowsAndThePathDownTheTree() {
        Trace trace = LectureCaptures.recursiveCold();
        Playback p = Playback.of(trace);
        List<Arrow> arrows = p.last().arrows();
        assertThat(arrows).hasSize(14);
        assertThat(arrows.get(0).style()).isEqualTo(ArrowStyle.RECURSIVE);
        assertThat(arrows.get(13).style()).isEqualTo(ArrowStyle.RECURSIVE);
        assertThat(arrows.subList(1, 13)).allMatch(a -> a.style() == ArrowStyle.ITERATIVE);
        assertThat(arrows).extracting(a -> a.label().text()).containsExactly(
                "A? www.p2p.tu-darmstadt.de",
                "NS? .",
                "NS b.root-servers.net +1",
                "A? www.p2p.tu-darmstadt.de",
                "referral to de",
                "A? www.p2p.tu-darmstadt.de",
                "referral to tu-darmstadt.de",
                "A? www.p2p.tu-darmstadt.de",
                "CNAME charon.dekanat.informatik.tu-darmstadt.de",
                "A? charon.dekanat.informatik.tu-darmstadt.de",
                "referral to informatik.tu-darmstadt.de",
                "A? charon.dekanat.informatik.tu-darmstadt.de",
                "A 127.0.31.10",
                "A 127.0.31.10 (via CNAME)");
        assertThat(arrows).allMatch(a -> a.outcome() == ArrowOutcome.DELIVERED);
        assertThat(arrows).filteredOn(Arrow::isResponse).allMatch(a -> a.inReplyTo() == a.number() - 1
                || a.number() == 14 && a.inReplyTo() == 1);
        // only the root's zone is given; de, tu-darmstadt.de and informatik are learned from the referrals' glue
        assertThat(p.last().namespaceFocus().zonePath()).containsExactly(Name.root, name("de."),
                name("tu-darmstadt.de."), name("informatik.tu-darmstadt.de."));
        assertThat(p.stateAt(11).namespaceFocus().referringZone()).contains(name("tu-darmstadt.de."));
        assertThat(p.stateAt(11).namespaceFocus().referredZone()).contains(name("informatik.tu-darmstadt.de."));
        assertThat(p.positionOfArrow(14)).isEqualTo(14);
        assertThat(p.positionAt(p.clockAt(7))).isEqualTo(7);
    }

    @Test
    void realCapturesOfTruncationAndNxdomain() {
        Playback tc = Playback.of(LectureCaptures.tcFallback());
        List<Arrow> a = tc.last().arrows();
        assertThat(a).extracting(x -> x.transport() + " " + x.label().text()).containsExactly(
                "UDP A? many.networkutopia.com", "UDP TC=1", "TCP A? many.networkutopia.com",
                "TCP A 127.0.41.13 +39");
        assertThat(a.get(1).outcome()).isEqualTo(ArrowOutcome.TRUNCATED);
        assertThat(a.get(3).outcome()).isEqualTo(ArrowOutcome.DELIVERED);
        assertThat(a.get(3).inReplyTo()).isEqualTo(3);
        assertThat(tc.last().mark("e127.0.4.1").tcpUsed()).isTrue();

        Playback nx = Playback.of(LectureCaptures.nxdomain());
        List<Arrow> b = nx.last().arrows();
        assertThat(b).hasSize(12);
        assertThat(b.get(8).label().text()).isEqualTo("NXDOMAIN");
        assertThat(b.get(8).outcome()).isEqualTo(ArrowOutcome.DELIVERED);
        assertThat(b.get(9).style()).isEqualTo(ArrowStyle.RECURSIVE);
        assertThat(b.get(9).rcode()).isEqualTo(Rcode.NXDOMAIN);
        // dig +norec straight to the authoritative server: iterative
        assertThat(b.get(10).style()).isEqualTo(ArrowStyle.ITERATIVE);
        assertThat(b.get(11).style()).isEqualTo(ArrowStyle.ITERATIVE);
    }

    @Test
    void sideResolutionsAndTheirEnd() {
        List<TraceEvent> events = List.of(
                new TraceEvent.SideResolutionStarted(1, name("ns.man-da.de."), say("side")),
                new TraceEvent.SideResolutionStarted(2, name("ns2.man-da.de."), say("side 2")),
                new TraceEvent.SideResolutionFinished(3, name("ns2.man-da.de."), List.of(), false, say("end 2")),
                new TraceEvent.SideResolutionFinished(4, name("ns.man-da.de."), List.of(TraceKit.ip("82.195.66.249")),
                        true, say("end")));
        Playback p = Playback.of(TraceKit.trace(ResolutionMode.RECURSIVE, List.of(CLIENT, RESOLVER), List.of(),
                events));
        assertThat(p.stateAt(1).namespaceFocus().activeSideResolution()).contains(name("ns.man-da.de."));
        assertThat(p.stateAt(2).namespaceFocus().activeSideResolution()).contains(name("ns2.man-da.de."));
        assertThat(p.stateAt(3).namespaceFocus().activeSideResolution()).contains(name("ns.man-da.de."));
        assertThat(p.stateAt(4).namespaceFocus().activeSideResolution()).isEmpty();
        assertThat(p.stateAt(4).namespaceFocus().sideResolutions()).containsExactly(name("ns.man-da.de."),
                name("ns2.man-da.de."));
        assertThat(p.stateAt(1).activeEndpoints()).containsExactly("resolver");
    }

    @Test
    void positionsOutsideTheTraceAreRejectedWithAClearMessage() {
        Playback p = Playback.of(TraceKit.lectureIterative());
        assertThatThrownBy(() -> p.stateAt(-1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("position -1").hasMessageContaining("0..7");
        assertThatThrownBy(() -> p.stateAt(8)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> p.positionOfArrow(7)).hasMessageContaining("arrow 7");
        assertThat(p.positionAt(-5)).isZero();
        assertThat(p.positionAt(Long.MAX_VALUE)).isEqualTo(7);
        assertThat(p.positionAt(1_050)).isEqualTo(2);
    }

    @Test
    void emptyTraceHasOneState() {
        Playback p = Playback.of(TraceKit.trace(ResolutionMode.STUB, List.of(), List.of(), List.of()));
        PlaybackState s = p.first();
        assertThat(s.isFinished()).isTrue();
        assertThat(s.isAtStart()).isTrue();
        assertThat(s.arrows()).isEmpty();
        assertThat(s.endpointMarks()).isEmpty();
        assertThat(s.outcome()).isEmpty();
        assertThat(s.narration().en()).contains("stub resolver");
        assertThat(s.namespaceFocus().currentName()).isEqualTo(name(QNAME));
    }

    @Test
    void stateListsAreReadOnly() {
        PlaybackState s = Playback.of(TraceKit.lectureRecursive()).last();
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> s.arrows().remove(0));
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> s.endpointMarks().clear());
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> s.namespaceFocus().zonePath().add(Name.root));
    }
}
