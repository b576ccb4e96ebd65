package org.resolvefx.core.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resolvefx.core.capture.DnsPacket;
import org.resolvefx.core.net.IpText;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.net.Transport;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

class CaptureImportTest {

    private static List<String> kinds(Trace t) {
        List<String> out = new ArrayList<>();
        for (TraceEvent e : t.events()) {
            out.add(TraceEvents.kindName(e) + (e instanceof TraceEvent.MessageSent s ? "#" + s.message().frame()
                    : e instanceof TraceEvent.MessageReceived r ? "#" + r.message().frame() : ""));
        }
        return out;
    }

    private static Endpoint at(Trace t, String address) {
        return t.endpoints().stream().filter(e -> IpText.format(e.address()).equals(address)).findFirst().orElseThrow();
    }

    @Nested
    class RecursiveColdCache {
        final List<Trace> traces = Captures.traces("a-recursive-cold.pcap");
        final Trace t = traces.get(0);

        @Test
        void oneRecursiveTraceWithAllFourteenMessagesInOrder() {
            assertThat(traces).hasSize(1);
            assertThat(t.mode()).isEqualTo(ResolutionMode.RECURSIVE);
            assertThat(t.source()).isEqualTo(TraceSource.CAPTURE);
            assertThat(t.question()).isEqualTo(Question.of("www.p2p.tu-darmstadt.de", Type.A));
            assertThat(t.messages()).extracting(WireMessage::frame)
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L);
            assertThat(t.title()).isEqualTo("www.p2p.tu-darmstadt.de A, recursive, capture a-recursive-cold");
        }

        @Test
        void rolesNamesAndZones() {
            assertThat(t.endpoints()).extracting(e -> IpText.format(e.address()), Endpoint::port, Endpoint::role,
                    Endpoint::serverName, Endpoint::zone).containsExactly(
                    tuple("127.0.0.1", 0, Role.CLIENT, null, null),
                    tuple("127.0.0.53", 0, Role.RESOLVER, null, null),
                    tuple("127.0.1.1", 53, Role.ROOT, "a.root-servers.net.", "."),
                    tuple("127.0.2.1", 53, Role.TLD, "a.nic.de.", "de."),
                    tuple("127.0.3.1", 53, Role.AUTHORITATIVE, "ns1.hrz.tu-darmstadt.de.", "tu-darmstadt.de."),
                    tuple("127.0.3.3", 53, Role.AUTHORITATIVE, "ns.informatik.tu-darmstadt.de.",
                            "informatik.tu-darmstadt.de."));
            assertThat(t.endpoints()).extracting(Endpoint::id).containsExactly("e1", "e2", "e3", "e4", "e5", "e6");
        }

        @Test
        void queriesAreSentAndResponsesReceivedBetweenTheRightEndpoints() {
            List<String> arrows = new ArrayList<>();
            for (TraceEvent e : t.events()) {
                if (e instanceof TraceEvent.MessageSent s) {
                    arrows.add(s.message().fromId() + ">" + s.message().toId());
                } else if (e instanceof TraceEvent.MessageReceived r) {
                    assertThat(r.accepted()).isTrue();
                    arrows.add(r.message().fromId() + "<" + r.message().toId());
                }
            }
            assertThat(arrows).containsExactly("e1>e2", "e2>e3", "e3<e2", "e2>e3", "e3<e2", "e2>e4", "e4<e2",
                    "e2>e5", "e5<e2", "e2>e5", "e5<e2", "e2>e6", "e6<e2", "e2<e1");
        }

        @Test
        void inferredEventsSitWhereTheBytesShowThem() {
            assertThat(kinds(t)).containsExactly("messageSent#1", "messageSent#2", "messageReceived#3",
                    "messageSent#4", "messageReceived#5", "referralFollowed", "messageSent#6", "messageReceived#7",
                    "referralFollowed", "messageSent#8", "messageReceived#9", "cnameRestart", "messageSent#10",
                    "messageReceived#11", "referralFollowed", "messageSent#12", "messageReceived#13",
                    "messageReceived#14", "answer");
            List<TraceEvent.ReferralFollowed> referrals = t.events().stream()
                    .filter(TraceEvent.ReferralFollowed.class::isInstance).map(TraceEvent.ReferralFollowed.class::cast)
                    .toList();
            assertThat(referrals).extracting(r -> r.zone().toString(), TraceEvent.ReferralFollowed::fromId)
                    .containsExactly(tuple("de.", "e3"), tuple("tu-darmstadt.de.", "e4"),
                            tuple("informatik.tu-darmstadt.de.", "e5"));
            assertThat(referrals.get(1).servers()).extracting(s -> s.name().toString(), TraceEvent.NameServer::glue)
                    .containsExactlyInAnyOrder(tuple("ns1.hrz.tu-darmstadt.de.", true),
                            tuple("ns2.hrz.tu-darmstadt.de.", true));
            TraceEvent.CnameRestart restart = (TraceEvent.CnameRestart) t.events().get(11);
            assertThat(restart.alias().toString()).isEqualTo("www.p2p.tu-darmstadt.de.");
            assertThat(restart.target().toString()).isEqualTo("charon.dekanat.informatik.tu-darmstadt.de.");
            TraceEvent.Answer answer = (TraceEvent.Answer) t.events().get(t.events().size() - 1);
            assertThat(answer.rcode()).isEqualTo(Rcode.NOERROR);
            assertThat(answer.fromCache()).isFalse();
            assertThat(answer.records()).containsExactly(
                    "www.p2p.tu-darmstadt.de. 3600 IN CNAME charon.dekanat.informatik.tu-darmstadt.de.",
                    "charon.dekanat.informatik.tu-darmstadt.de. 3600 IN A 127.0.31.10");
        }

        @Test
        void timesAreRelativeToTheFirstMessage() {
            List<DnsPacket> packets = Captures.packets("a-recursive-cold.pcap");
            assertThat(t.startedAt()).isEqualTo(packets.get(0).time());
            assertThat(t.events().get(0).atMicros()).isZero();
            // frame 14 came 1621 microseconds after frame 1 (tshark: 0.001621)
            assertThat(t.durationMicros()).isEqualTo(1621);
            long previous = 0;
            for (TraceEvent e : t.events()) {
                assertThat(e.atMicros()).isGreaterThanOrEqualTo(previous);
                previous = e.atMicros();
            }
        }

        @Test
        void noCacheEvents() {
            assertThat(t.events()).noneMatch(e -> e instanceof TraceEvent.CacheLookup || e instanceof TraceEvent.CacheStore);
            assertThat(t.initialCache()).isEmpty();
        }

        @Test
        void messagesKeepTheCapturedBytes() {
            List<DnsPacket> packets = Captures.packets("a-recursive-cold.pcap");
            for (int i = 0; i < packets.size(); i++) {
                assertThat(t.messages().get(i).bytes()).isEqualTo(packets.get(i).message());
                assertThat(t.messages().get(i).from()).isEqualTo(packets.get(i).src());
                assertThat(t.messages().get(i).to()).isEqualTo(packets.get(i).dst());
            }
        }
    }

    @Nested
    class DigTrace {
        @Test
        void pcapAndPcapngGiveTheSameIterativeWalk() {
            List<Trace> fromPcap = Captures.traces("b-trace.pcap");
            List<Trace> fromPcapng = Captures.traces("b-trace.pcapng");
            assertThat(fromPcap).hasSize(1);
            assertThat(fromPcapng).isEqualTo(fromPcap);
            Trace t = fromPcap.get(0);
            assertThat(t.mode()).isEqualTo(ResolutionMode.ITERATIVE);
            assertThat(t.question()).isEqualTo(Question.of("www.p2p.tu-darmstadt.de", Type.A));
            assertThat(t.messages()).hasSize(8);
            assertThat(t.endpoints()).extracting(e -> IpText.format(e.address()), Endpoint::role, Endpoint::serverName,
                    Endpoint::zone).containsExactly(
                    tuple("127.0.0.1", Role.CLIENT, null, null),
                    tuple("127.0.1.1", Role.ROOT, "a.root-servers.net.", "."),
                    tuple("127.0.2.1", Role.TLD, "a.nic.de.", "de."),
                    tuple("127.0.3.2", Role.AUTHORITATIVE, "ns2.hrz.tu-darmstadt.de.", "tu-darmstadt.de."));
        }

        @Test
        void thePrimingQueryBelongsToTheWalkAndTheWalkEndsAtTheCname() {
            Trace t = Captures.traces("b-trace.pcap").get(0);
            assertThat(kinds(t)).containsExactly("messageSent#1", "messageReceived#2", "messageSent#3",
                    "messageReceived#4", "referralFollowed", "messageSent#5", "messageReceived#6", "referralFollowed",
                    "messageSent#7", "messageReceived#8", "answer");
            TraceEvent.Answer answer = (TraceEvent.Answer) t.events().get(10);
            assertThat(answer.records()).containsExactly(
                    "www.p2p.tu-darmstadt.de. 3600 IN CNAME charon.dekanat.informatik.tu-darmstadt.de.");
        }
    }

    @Nested
    class TruncatedUdpThenTcp {
        final Trace t = Captures.traces("c-tc-tcp-fallback.pcap").get(0);

        @Test
        void oneWalkWithATcpFallbackBetweenTheTwoExchanges() {
            assertThat(Captures.traces("c-tc-tcp-fallback.pcap")).hasSize(1);
            assertThat(kinds(t)).containsExactly("messageSent#1", "messageReceived#2", "tcpFallback", "messageSent#6",
                    "messageReceived#8", "answer");
            assertThat(t.messages()).extracting(WireMessage::transport)
                    .containsExactly(Transport.UDP, Transport.UDP, Transport.TCP, Transport.TCP);
            TraceEvent.TcpFallback fb = (TraceEvent.TcpFallback) t.events().get(2);
            assertThat(t.endpoint(fb.endpointId()).orElseThrow().address()).isEqualTo(TestTraces.ip("127.0.4.1"));
            assertThat(fb.atMicros()).isEqualTo(467); // when the TCP query went out
        }

        @Test
        void theServerIsAnAuthorityForItsZoneAndTheAnswerHasAllFortyRecords() {
            assertThat(t.mode()).isEqualTo(ResolutionMode.ITERATIVE);
            Endpoint server = at(t, "127.0.4.1");
            assertThat(server.role()).isEqualTo(Role.AUTHORITATIVE);
            assertThat(server.zone()).isEqualTo("networkutopia.com.");
            assertThat(server.serverName()).isNull(); // no NS record in the capture names it
            TraceEvent.Answer answer = (TraceEvent.Answer) t.events().get(5);
            assertThat(answer.records()).hasSize(40);
        }
    }

    @Nested
    class NonExistentName {
        final List<Trace> traces = Captures.traces("d-nxdomain.pcap");

        @Test
        void twoLookupsThroughTheResolverAndDirectly() {
            assertThat(traces).hasSize(2);
            assertThat(traces).extracting(Trace::mode).containsExactly(ResolutionMode.RECURSIVE, ResolutionMode.ITERATIVE);
            assertThat(traces.get(0).messages()).extracting(WireMessage::frame)
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
            assertThat(traces.get(1).messages()).extracting(WireMessage::frame).containsExactly(11L, 12L);
            assertThat(traces).extracting(Trace::title).containsExactly(
                    "nosuchhost.tu-darmstadt.de A, recursive, capture d-nxdomain (lookup 1 of 2)",
                    "nosuchhost.tu-darmstadt.de A, iterative, capture d-nxdomain (lookup 2 of 2)");
            // each trace starts its own clock
            assertThat(traces.get(1).events().get(0).atMicros()).isZero();
            assertThat(traces.get(1).startedAt()).isEqualTo(Captures.packets("d-nxdomain.pcap").get(10).time());
        }

        @Test
        void bothEndWithNxdomain() {
            for (Trace t : traces) {
                TraceEvent.Answer a = (TraceEvent.Answer) t.outcome().orElseThrow();
                assertThat(a.rcode()).isEqualTo(Rcode.NXDOMAIN);
                assertThat(a.narration().en()).contains("nosuchhost.tu-darmstadt.de does not exist (NXDOMAIN)");
            }
        }

        @Test
        void theAuthorityIsKnownByItsSoaAndItsDelegation() {
            Endpoint ns1 = at(traces.get(1), "127.0.3.1");
            assertThat(ns1.role()).isEqualTo(Role.AUTHORITATIVE);
            assertThat(ns1.zone()).isEqualTo("tu-darmstadt.de.");
            assertThat(ns1.serverName()).isEqualTo("ns1.hrz.tu-darmstadt.de.");
            assertThat(at(traces.get(1), "127.0.0.1").role()).isEqualTo(Role.CLIENT);
        }
    }

    // ------------------------------------------------------------------ synthetic situations

    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

    private static DnsPacket packet(long frame, long micros, String src, String dst, Transport t, Message m) {
        return new DnsPacket(frame, T0.plusNanos(micros * 1000), SocketAddr.parse(src, 53), SocketAddr.parse(dst, 53),
                t, m.toWire());
    }

    @Test
    void aQueryWithoutResponseTimesOutAndTheRepeatIsARetry() {
        Message q = TestTraces.query(7, "example.org", Type.A, false);
        Message r = TestTraces.response(q, Rcode.NOERROR, Flags.AA);
        r.addRecord(new org.xbill.DNS.ARecord(TestTraces.name("example.org"), DClass.IN, 60, TestTraces.ip("192.0.2.1")),
                org.xbill.DNS.Section.ANSWER);
        List<DnsPacket> packets = List.of(
                packet(1, 0, "127.0.0.1:4000", "127.0.5.1:53", Transport.UDP, q),
                packet(2, 2_000_000, "127.0.0.1:4000", "127.0.5.1:53", Transport.UDP, q),
                packet(3, 2_000_300, "127.0.5.1:53", "127.0.0.1:4000", Transport.UDP, r));
        List<Trace> traces = CaptureImport.toTraces(packets, "retry");
        assertThat(traces).hasSize(1);
        Trace t = traces.get(0);
        assertThat(kinds(t)).containsExactly("messageSent#1", "timeout", "retry", "messageSent#2", "messageReceived#3",
                "answer");
        TraceEvent.Timeout timeout = (TraceEvent.Timeout) t.events().get(1);
        assertThat(timeout.waitedMillis()).isEqualTo(2000);
        assertThat(timeout.attempt()).isEqualTo(1);
        assertThat(timeout.atMicros()).isEqualTo(2_000_000);
        assertThat(((TraceEvent.Retry) t.events().get(2)).attempt()).isEqualTo(2);
        // the response pairs with the later of the two identical queries
        assertThat(t.messages()).extracting(WireMessage::frame).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aQueryUnansweredUntilTheCaptureEndsTimesOutThere() {
        Message q = TestTraces.query(9, "dead.example", Type.AAAA, false);
        Message other = TestTraces.query(10, "other.example", Type.A, false);
        List<DnsPacket> packets = List.of(
                packet(1, 0, "127.0.0.1:4000", "127.0.6.1:53", Transport.UDP, q),
                packet(2, 1_500_000, "127.0.0.2:4001", "127.0.6.2:53", Transport.UDP, other));
        List<Trace> traces = CaptureImport.toTraces(packets, "dead");
        assertThat(traces).hasSize(2);
        TraceEvent.Timeout t = (TraceEvent.Timeout) traces.get(0).events().get(1);
        assertThat(t.waitedMillis()).isEqualTo(1500);
        assertThat(traces.get(0).endpoints().get(1).role()).isEqualTo(Role.UNKNOWN);
    }

    @Test
    void aResponseWithoutItsQueryIsKeptButNotAccepted() {
        Message q = TestTraces.query(1, "a.example", Type.A, false);
        Message stray = TestTraces.response(TestTraces.query(2, "a.example", Type.A, false), Rcode.NOERROR, Flags.AA);
        Message r = TestTraces.response(q, Rcode.NOERROR, Flags.AA);
        List<DnsPacket> packets = List.of(
                packet(1, 0, "127.0.0.1:4000", "127.0.7.1:53", Transport.UDP, q),
                packet(2, 10, "127.0.7.1:53", "127.0.0.1:4000", Transport.UDP, stray),
                packet(3, 20, "127.0.7.1:53", "127.0.0.1:4000", Transport.UDP, r));
        Trace t = CaptureImport.toTraces(packets, "stray").get(0);
        TraceEvent.MessageReceived ignored = (TraceEvent.MessageReceived) t.events().get(1);
        assertThat(ignored.accepted()).isFalse();
        assertThat(ignored.ignoredReason()).isEqualTo(CaptureImport.UNPAIRED_REASON);
        assertThat(((TraceEvent.MessageReceived) t.events().get(2)).accepted()).isTrue();
    }

    @Test
    void aStubLookupWhenTheResolverAsksNobodyInTheCapture() {
        Message q = TestTraces.query(0x1234, "cached.example", Type.A, true);
        Message r = TestTraces.response(q, Rcode.NOERROR, Flags.RA);
        r.addRecord(new org.xbill.DNS.ARecord(TestTraces.name("cached.example"), DClass.IN, 60, TestTraces.ip("192.0.2.7")),
                org.xbill.DNS.Section.ANSWER);
        List<DnsPacket> packets = List.of(
                packet(1, 0, "127.0.0.1:5000", "127.0.0.53:53", Transport.UDP, q),
                packet(2, 50, "127.0.0.53:53", "127.0.0.1:5000", Transport.UDP, r));
        Trace t = CaptureImport.toTraces(packets, "stub").get(0);
        assertThat(t.mode()).isEqualTo(ResolutionMode.STUB);
        assertThat(t.endpoints()).extracting(Endpoint::role).containsExactly(Role.CLIENT, Role.RESOLVER);
        assertThat(t.outcome()).get().isInstanceOf(TraceEvent.Answer.class);
    }

    @Test
    void twoOverlappingClientLookupsGetTheirOwnUpstreamQueries() {
        // the resolver works on two names at once; each upstream query goes to the lookup whose name it asks
        Message qa = TestTraces.query(1, "alpha.example", Type.A, true);
        Message qb = TestTraces.query(2, "beta.example", Type.A, true);
        Message ua = TestTraces.query(11, "alpha.example", Type.A, false);
        Message ub = TestTraces.query(12, "beta.example", Type.A, false);
        Message rua = answer(ua, "alpha.example", "192.0.2.1", true);
        Message rub = answer(ub, "beta.example", "192.0.2.2", true);
        Message ra = answer(qa, "alpha.example", "192.0.2.1", false);
        Message rb = answer(qb, "beta.example", "192.0.2.2", false);
        List<DnsPacket> packets = List.of(
                packet(1, 0, "127.0.0.1:1000", "127.0.0.53:53", Transport.UDP, qa),
                packet(2, 10, "127.0.0.2:2000", "127.0.0.53:53", Transport.UDP, qb),
                packet(3, 20, "127.0.0.53:3000", "127.0.8.1:53", Transport.UDP, ub),
                packet(4, 30, "127.0.0.53:3001", "127.0.8.1:53", Transport.UDP, ua),
                packet(5, 40, "127.0.8.1:53", "127.0.0.53:3000", Transport.UDP, rub),
                packet(6, 50, "127.0.8.1:53", "127.0.0.53:3001", Transport.UDP, rua),
                packet(7, 60, "127.0.0.53:53", "127.0.0.2:2000", Transport.UDP, rb),
                packet(8, 70, "127.0.0.53:53", "127.0.0.1:1000", Transport.UDP, ra));
        List<Trace> traces = CaptureImport.toTraces(packets, "overlap");
        assertThat(traces).hasSize(2);
        assertThat(traces.get(0).messages()).extracting(WireMessage::frame).containsExactly(1L, 4L, 6L, 8L);
        assertThat(traces.get(1).messages()).extracting(WireMessage::frame).containsExactly(2L, 3L, 5L, 7L);
        assertThat(traces).extracting(Trace::mode).containsOnly(ResolutionMode.RECURSIVE);
    }

    @Test
    void anUpstreamQueryAfterEveryLookupClosedGoesToTheNearestOne() {
        Message qa = TestTraces.query(1, "alpha.example", Type.A, true);
        Message qb = TestTraces.query(2, "beta.example", Type.A, true);
        Message prefetch = TestTraces.query(3, "gamma.example", Type.A, false);
        List<DnsPacket> packets = List.of(
                packet(1, 0, "127.0.0.1:1000", "127.0.0.53:53", Transport.UDP, qa),
                packet(2, 10, "127.0.0.53:53", "127.0.0.1:1000", Transport.UDP, answer(qa, "alpha.example", "192.0.2.1", false)),
                packet(3, 1_000_000, "127.0.0.1:1001", "127.0.0.53:53", Transport.UDP, qb),
                packet(4, 1_000_010, "127.0.0.53:53", "127.0.0.1:1001", Transport.UDP, answer(qb, "beta.example", "192.0.2.2", false)),
                // 0.9 s after the second lookup, long after the first: a prefetch the second one is nearest to
                packet(5, 1_900_000, "127.0.0.53:3000", "127.0.8.1:53", Transport.UDP, prefetch),
                packet(6, 1_900_100, "127.0.8.1:53", "127.0.0.53:3000", Transport.UDP, answer(prefetch, "gamma.example", "192.0.2.3", true)));
        List<Trace> traces = CaptureImport.toTraces(packets, "prefetch");
        assertThat(traces).hasSize(2);
        assertThat(traces.get(0).messages()).extracting(WireMessage::frame).containsExactly(1L, 2L);
        assertThat(traces.get(1).messages()).extracting(WireMessage::frame).containsExactly(3L, 4L, 5L, 6L);
        // the answer event stays with the client's response, before the late upstream exchange
        assertThat(kinds(traces.get(1))).containsExactly("messageSent#3", "messageReceived#4", "answer",
                "messageSent#5", "messageReceived#6");
    }

    private static Message answer(Message q, String name, String addr, boolean aa) {
        Message r = aa ? TestTraces.response(q, Rcode.NOERROR, Flags.AA) : TestTraces.response(q, Rcode.NOERROR, Flags.RA);
        r.addRecord(new org.xbill.DNS.ARecord(TestTraces.name(name), DClass.IN, 60, TestTraces.ip(addr)),
                org.xbill.DNS.Section.ANSWER);
        return r;
    }

    @Test
    void garbageNeverThrowsAndEveryMessageLandsInExactlyOneTrace() {
        InetAddress dummy = TestTraces.ip("127.0.0.9");
        List<DnsPacket> packets = List.of(
                new DnsPacket(1, T0, new SocketAddr(dummy, 1), new SocketAddr(dummy, 53), Transport.UDP, new byte[0]),
                new DnsPacket(2, T0, new SocketAddr(dummy, 53), new SocketAddr(dummy, 1), Transport.UDP,
                        new byte[] {0, 1, (byte) 0x80}),
                new DnsPacket(3, T0, new SocketAddr(dummy, 1), new SocketAddr(dummy, 53), Transport.TCP,
                        new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}));
        List<Trace> traces = CaptureImport.toTraces(packets, "garbage");
        assertThat(traces.stream().mapToInt(t -> t.messages().size()).sum()).isEqualTo(3);
        assertThat(CaptureImport.toTraces(List.of(), "empty")).isEmpty();
    }
}
