package org.resolvefx.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resolvefx.core.engine.Hosts.ip;
import static org.resolvefx.core.engine.Hosts.name;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.sandbox.ServerBehaviour;
import org.resolvefx.core.sandbox.WorldLoader;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.TraceEvent.FailureReason;
import org.resolvefx.core.trace.TraceEvent.SkipReason;
import org.resolvefx.core.trace.TraceEvents;
import org.resolvefx.core.trace.TraceFiles;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** Timeouts, dead, lame and failing servers, limits, EDNS and TCP fallbacks, loss, cancellation. */
class FailureHandlingTest {

    static SandboxWorld world;
    static final Question LECTURE = Question.of("www.p2p.tu-darmstadt.de", Type.A);
    static final Question POLY = Question.of("www.poly.edu", Type.A);

    @BeforeAll
    static void load() throws Exception {
        world = WorldLoader.loadDefault();
    }

    static ResolverOptions opts() {
        return ResolverOptions.defaults().withSeed(11L);
    }

    static ResolverSession session(SandboxWorld w, ResolverOptions o) {
        return ResolverSession.sandbox(w, o, NetworkConditions.defaults(),
                SessionClock.virtual(Instant.parse("2024-06-17T10:00:00Z")));
    }

    static ResolverSession session(SimulatedNetwork net, ResolverOptions o) {
        return ResolverSession.onNetwork(net, o);
    }

    static SimulatedNetwork network(SandboxWorld w) {
        return new SimulatedNetwork(w, NetworkConditions.defaults(),
                SessionClock.virtual(Instant.parse("2024-06-17T10:00:00Z")));
    }

    static TraceEvent.Failure failure(Trace t) {
        assertThat(ScenarioBook.last(t)).isInstanceOf(TraceEvent.Failure.class);
        return (TraceEvent.Failure) ScenarioBook.last(t);
    }

    static TraceEvent.Answer answer(Trace t) {
        assertThat(ScenarioBook.last(t)).isInstanceOf(TraceEvent.Answer.class);
        return (TraceEvent.Answer) ScenarioBook.last(t);
    }

    @Test
    void aDeadServerTimesOutTwiceWithBackOffThenTheNextOneIsAsked() {
        Trace t = session(world, opts()).resolve(POLY, ResolutionMode.ITERATIVE);
        List<TraceEvent.Timeout> timeouts = ScenarioBook.events(t, TraceEvent.Timeout.class);
        assertThat(timeouts).extracting(TraceEvent.Timeout::waitedMillis).containsExactly(1000L, 2000L);
        assertThat(timeouts).extracting(TraceEvent.Timeout::attempt).containsExactly(1, 2);
        assertThat(ScenarioBook.events(t, TraceEvent.Retry.class)).singleElement()
                .satisfies(r -> assertThat(r.attempt()).isEqualTo(2));
        TraceEvent.ServerSkipped skip = ScenarioBook.events(t, TraceEvent.ServerSkipped.class).get(0);
        assertThat(skip.reason()).isEqualTo(SkipReason.UNREACHABLE);
        assertThat(skip.detail()).isEqualTo("no response after 2 attempts");
        assertThat(t.endpoint(skip.endpointId()).orElseThrow().serverName()).isEqualTo("ns1.poly.edu.");
        // virtual time: three 2 ms round trips, 1 s + 2 s of waiting, one more round trip; no real waiting
        assertThat(t.durationMicros()).isEqualTo(3 * 2_000 + 3_000_000 + 2_000);
        assertThat(answer(t).records()).singleElement().asString().endsWith("IN A 127.0.6.83");
    }

    @Test
    void withoutRetriesEachServerGetsOneAttempt() {
        Trace t = session(world, opts().withRetries(0)).resolve(POLY, ResolutionMode.ITERATIVE);
        assertThat(ScenarioBook.events(t, TraceEvent.Timeout.class)).hasSize(1);
        assertThat(ScenarioBook.events(t, TraceEvent.Retry.class)).isEmpty();
        assertThat(ScenarioBook.serversAsked(t)).containsExactly("127.0.1.1", "127.0.1.1", "127.0.2.31", "127.0.6.5",
                "127.0.6.6");
    }

    @Test
    void whenEveryServerFailsTheClientGetsServfail() throws Exception {
        SandboxWorld allDead = world.withBehaviour(name("ns1.poly.edu."), ServerBehaviour.DEAD)
                .withBehaviour(name("ns2.poly.edu."), ServerBehaviour.DEAD);
        Trace t = session(allDead, opts()).resolve(POLY, ResolutionMode.RECURSIVE);
        assertThat(failure(t).reason()).isEqualTo(FailureReason.ALL_SERVERS_FAILED);
        assertThat(failure(t).detail()).contains("poly.edu");
        assertThat(ScenarioBook.events(t, TraceEvent.ServerSkipped.class)).hasSize(2)
                .allMatch(s -> s.reason() == SkipReason.UNREACHABLE);
        List<TraceEvent.MessageReceived> got = ScenarioBook.events(t, TraceEvent.MessageReceived.class);
        Message toClient = new Message(got.get(got.size() - 1).message().bytes());
        assertThat(toClient.getRcode()).isEqualTo(Rcode.SERVFAIL);
    }

    @Test
    void refusingFailingAndLameServersAreSkippedWithTheirReason() {
        // ns1.umass.edu: REFUSED (the world's own lame server); then stand-ins for three more kinds
        SimulatedNetwork net = network(world)
                .withHost(ip("127.0.2.31"), Hosts.rcode(Rcode.SERVFAIL))                 // a.edu-servers.net
                .withHost(ip("127.0.2.32"), Hosts.referral("edu.", "a.edu-servers.net.")); // b: refers to itself
        Trace t = session(net, opts()).resolve(Question.of("www.umass.edu", Type.A), ResolutionMode.ITERATIVE);
        assertThat(ScenarioBook.events(t, TraceEvent.ServerSkipped.class)).extracting(TraceEvent.ServerSkipped::reason)
                .containsExactly(SkipReason.SERVFAIL, SkipReason.LAME);
        assertThat(ScenarioBook.events(t, TraceEvent.ServerSkipped.class).get(1).detail())
                .contains("not below edu");
        assertThat(failure(t).reason()).isEqualTo(FailureReason.ALL_SERVERS_FAILED);

        Trace lame = session(world, opts()).resolve(Question.of("www.umass.edu", Type.A), ResolutionMode.ITERATIVE);
        TraceEvent.ServerSkipped refused = ScenarioBook.events(lame, TraceEvent.ServerSkipped.class).get(0);
        assertThat(refused.reason()).isEqualTo(SkipReason.REFUSED);
        assertThat(refused.detail()).contains("lame delegation").contains("umass.edu");
        assertThat(refused.narration().en()).contains("refused to answer");
    }

    @Test
    void theQueryLimitStopsALookup() {
        ResolverOptions o = opts().withLimits(ResolverOptions.Limits.defaults().withMaxQueries(3));
        Trace t = session(world, o).resolve(LECTURE, ResolutionMode.RECURSIVE);
        assertThat(failure(t).reason()).isEqualTo(FailureReason.QUERY_LIMIT);
        assertThat(ScenarioBook.serversAsked(t)).hasSize(3);
        // the client still hears back: SERVFAIL
        List<TraceEvent.MessageReceived> got = ScenarioBook.events(t, TraceEvent.MessageReceived.class);
        assertThat(got.get(got.size() - 1).message().from().toString()).isEqualTo("127.0.0.53:53");
    }

    @Test
    void theReferralLimitStopsALookup() {
        ResolverOptions o = opts().withLimits(ResolverOptions.Limits.defaults().withMaxReferrals(1));
        Trace t = session(world, o).resolve(LECTURE, ResolutionMode.ITERATIVE);
        assertThat(failure(t).reason()).isEqualTo(FailureReason.REFERRAL_DEPTH);
        assertThat(ScenarioBook.serversAsked(t)).containsExactly("127.0.1.1", "127.0.1.1", "127.0.2.1");
    }

    @Test
    void tooLongAnAliasChainStopsALookup() {
        ResolverOptions o = opts().withLimits(ResolverOptions.Limits.defaults().withMaxCnameChain(1));
        Trace t = session(world, o).resolve(Question.of("chain.networkutopia.com", Type.A), ResolutionMode.ITERATIVE);
        assertThat(failure(t).reason()).isEqualTo(FailureReason.CNAME_CHAIN_TOO_LONG);
        assertThat(failure(t).detail()).contains("2 aliases");
    }

    @Test
    void theTimeLimitEndsALookupThatWaitsTooLong() {
        ResolverOptions o = opts().withLimits(ResolverOptions.Limits.defaults().withMaxTotalTime(Duration.ofMillis(500)));
        Trace t = session(world, o).resolve(POLY, ResolutionMode.ITERATIVE);
        assertThat(failure(t).reason()).isEqualTo(FailureReason.TIME_LIMIT);
        assertThat(t.durationMicros()).isEqualTo(500_000);
    }

    @Test
    void truncatedAnswersAreAskedAgainOverTcp() {
        Question many = Question.of("many.networkutopia.com", Type.A);
        for (ResolverOptions o : List.of(opts().withEdns(false), opts().withUdpPayloadSize(512))) {
            Trace t = session(world, o).resolve(many, ResolutionMode.ITERATIVE);
            assertThat(ScenarioBook.serversAsked(t)).endsWith("127.0.4.1", "127.0.4.1/tcp");
            TraceEvent.TcpFallback fb = ScenarioBook.events(t, TraceEvent.TcpFallback.class).get(0);
            assertThat(t.endpoint(fb.endpointId()).orElseThrow().serverName()).isEqualTo("dns1.networkutopia.com.");
            assertThat(answer(t).records()).hasSize(40);
        }
        // with --tcp there is nothing to fall back from
        Trace tcp = session(world, opts().withTcpOnly(true)).resolve(many, ResolutionMode.ITERATIVE);
        assertThat(ScenarioBook.serversAsked(tcp)).allMatch(s -> s.endsWith("/tcp"));
        assertThat(ScenarioBook.events(tcp, TraceEvent.TcpFallback.class)).isEmpty();
    }

    @Test
    void theRecursiveResolverTruncatesForAClientWithoutEdnsAndTheClientRetriesOverTcp() {
        Trace t = session(world, opts().withEdns(false)).resolve(Question.of("many.networkutopia.com", Type.A),
                ResolutionMode.RECURSIVE);
        List<TraceEvent> tail = t.events().subList(t.events().size() - 5, t.events().size());
        assertThat(tail).extracting(TraceEvents::kindName).containsExactly("messageReceived", "tcpFallback",
                "messageSent", "messageReceived", "answer");
        TraceEvent.MessageReceived cut = (TraceEvent.MessageReceived) tail.get(0);
        assertThat(cut.message().bytes()[2] & 0x02).as("TC").isNotZero();
        assertThat(tail.get(1).narration().en()).contains("the client asks the local resolver");
        TraceEvent.MessageReceived full = (TraceEvent.MessageReceived) tail.get(3);
        assertThat(full.message().transport()).isEqualTo(org.resolvefx.core.net.Transport.TCP);
    }

    @Test
    void aServerThatRejectsEdnsIsAskedAgainWithoutIt() {
        SimulatedNetwork net = network(world).withHost(ip("127.0.4.1"), Hosts.noEdns(world, ip("127.0.4.1")));
        ResolverSession s = session(net, opts());
        Trace t = s.resolve(Question.of("www.networkutopia.com", Type.A), ResolutionMode.ITERATIVE);
        assertThat(ScenarioBook.serversAsked(t)).endsWith("127.0.4.1", "127.0.4.1");
        TraceEvent.Retry retry = ScenarioBook.events(t, TraceEvent.Retry.class).get(0);
        assertThat(retry.narration().en()).contains("EDNS(0)").contains("FORMERR");
        assertThat(retry.narration().de()).contains("EDNS(0)");
        List<TraceEvent.MessageSent> sent = ScenarioBook.events(t, TraceEvent.MessageSent.class);
        assertThat(Hosts.parse(sent.get(sent.size() - 2).message().bytes()).getOPT()).isNotNull();
        assertThat(Hosts.parse(sent.get(sent.size() - 1).message().bytes()).getOPT()).isNull();
        assertThat(answer(t).records()).singleElement().asString().endsWith("127.0.4.80");
    }

    @Test
    void aDelegationWithoutAnyResolvableServerFailsWithNoServers() throws Exception {
        String org = world.zone(name("org.")).orElseThrow().masterText()
                .replace("pbs.org.        86400 IN NS ns1.pbsdns.net.", "pbs.org.        86400 IN NS ns1.nowhere.net.");
        SandboxWorld w = world.withZoneText(name("org."), org);
        Trace t = session(w, opts()).resolve(Question.of("www.pbs.org", Type.A), ResolutionMode.RECURSIVE);
        assertThat(failure(t).reason()).isEqualTo(FailureReason.NO_SERVERS);
        TraceEvent.SideResolutionFinished side = ScenarioBook.events(t, TraceEvent.SideResolutionFinished.class).get(0);
        assertThat(side.success()).isFalse();
        assertThat(side.serverName().toString()).isEqualTo("ns1.nowhere.net.");
    }

    @Test
    void ipv6AddressesOfServersAreUsedOnlyWhenAskedFor() {
        Question q = Question.of("www.tu-darmstadt.de", Type.A);
        for (boolean v6 : new boolean[] {false, true}) {
            java.util.concurrent.atomic.AtomicBoolean dead = new java.util.concurrent.atomic.AtomicBoolean();
            SimulatedNetwork net = network(world)
                    .withHost(ip("127.0.3.1"), Hosts.switchable(world, ip("127.0.3.1"), dead))
                    .withHost(ip("127.0.3.2"), Hosts.switchable(world, ip("127.0.3.2"), dead));
            ResolverSession s = session(net, opts().withRetries(0).withIpv6(v6));
            // learn the zone's own NS set with A and AAAA addresses (ns3 is only there), then ns1 and ns2 die
            s.resolve(Question.of("tu-darmstadt.de", Type.NS), ResolutionMode.RECURSIVE);
            dead.set(true);
            Trace t = s.resolve(q, ResolutionMode.RECURSIVE);
            List<String> asked = ScenarioBook.serversAsked(t);
            if (v6) {
                // nobody listens on the documentation address: it times out like a dead server
                assertThat(asked).containsExactly("127.0.3.1", "127.0.3.2", "2001:db8:83f:22::63", "127.0.3.4");
            } else {
                assertThat(asked).containsExactly("127.0.3.1", "127.0.3.2", "127.0.3.4");
            }
            assertThat(answer(t).records()).singleElement().asString().endsWith("127.0.3.80");
        }
    }

    @Test
    void randomServerOrderVariesWithTheSeedAndRepeatsForTheSameSeed() {
        Set<String> firstRoots = new HashSet<>();
        for (long seed = 1; seed <= 20; seed++) {
            ResolverOptions o = ResolverOptions.defaults().withSeed(seed).withRandomServerOrder(true);
            Trace a = session(world, o).resolve(LECTURE, ResolutionMode.ITERATIVE);
            Trace b = session(world, o).resolve(LECTURE, ResolutionMode.ITERATIVE);
            assertThat(ScenarioBook.serversAsked(a)).isEqualTo(ScenarioBook.serversAsked(b));
            firstRoots.add(ScenarioBook.serversAsked(a).get(0));
            assertThat(answer(a).records()).hasSize(2);
        }
        assertThat(firstRoots).hasSizeGreaterThan(3);
    }

    @Test
    void lossIsSeededRetriesCoverItAndTheSameSeedGivesTheSameTrace() {
        NetworkConditions lossy = NetworkConditions.defaults().withLoss(0.3, 42);
        Instant start = Instant.parse("2024-06-17T10:00:00Z");
        Trace a = ResolverSession.sandbox(world, opts().withRetries(3), lossy, SessionClock.virtual(start))
                .resolve(LECTURE, ResolutionMode.RECURSIVE);
        Trace b = ResolverSession.sandbox(world, opts().withRetries(3), lossy, SessionClock.virtual(start))
                .resolve(LECTURE, ResolutionMode.RECURSIVE);
        assertThat(TraceFiles.toJson(a)).isEqualTo(TraceFiles.toJson(b));
        assertThat(ScenarioBook.events(a, TraceEvent.Timeout.class)).isNotEmpty();
        assertThat(answer(a).records()).hasSize(2);
    }

    @Test
    void cancellingStopsTheLookupAtOnce() {
        CancelToken cancel = new CancelToken();
        List<String> kinds = new ArrayList<>();
        Trace t = session(world, opts()).resolve(LECTURE, ResolutionMode.RECURSIVE, batch -> {
            for (TraceEvent e : batch.events()) {
                kinds.add(TraceEvents.kindName(e));
                if (e instanceof TraceEvent.MessageReceived) {
                    cancel.cancel();
                }
            }
        }, cancel);
        assertThat(failure(t).reason()).isEqualTo(FailureReason.CANCELLED);
        // the priming response arrived, then nothing more was sent
        assertThat(ScenarioBook.serversAsked(t)).containsExactly("127.0.1.1");
        assertThat(kinds).endsWith("failure");
        // a cancelled lookup does not answer the client
        assertThat(ScenarioBook.events(t, TraceEvent.MessageReceived.class)).hasSize(1);
    }

    @Test
    void questionsAResolverDoesNotLookUpAreRefused() {
        ResolverSession s = session(world, opts());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.resolve(Question.of("example.com", Type.AXFR),
                ResolutionMode.ITERATIVE)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AXFR");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.resolve(Question.of("example.com", Type.A),
                ResolutionMode.STUB)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stub");
    }
}
