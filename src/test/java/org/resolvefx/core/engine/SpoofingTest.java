package org.resolvefx.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resolvefx.core.engine.Hosts.ip;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.sandbox.WorldLoader;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Role;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.xbill.DNS.Type;

/** Responses that do not match the query (ID, source address and port, question) are shown and ignored. */
class SpoofingTest {

    static SandboxWorld world;

    @BeforeAll
    static void load() throws Exception {
        world = WorldLoader.loadDefault();
    }

    static ResolverSession session(boolean thenGenuine) {
        SimulatedNetwork net = new SimulatedNetwork(world, NetworkConditions.defaults(),
                SessionClock.virtual(Instant.parse("2024-06-17T10:00:00Z")))
                .withHost(ip("127.0.4.1"), Hosts.spoofer(world, ip("127.0.4.1"), thenGenuine));
        return ResolverSession.onNetwork(net, ResolverOptions.defaults().withSeed(5L).withRetries(0));
    }

    @Test
    void spoofedResponsesAreRecordedIgnoredAndTheGenuineOneIsAccepted() {
        ResolverSession s = session(true);
        Trace t = s.resolve(Question.of("www.networkutopia.com", Type.A), ResolutionMode.RECURSIVE);
        List<TraceEvent.MessageReceived> ignored = ScenarioBook.events(t, TraceEvent.MessageReceived.class).stream()
                .filter(r -> !r.accepted()).toList();
        assertThat(ignored).extracting(TraceEvent.MessageReceived::ignoredReason).satisfiesExactly(
                r -> assertThat(r).startsWith("its ID 0x").contains("does not match the query's ID"),
                r -> assertThat(r).isEqualTo("it came from 127.0.99.99:53, but the query went to 127.0.4.1:53"),
                r -> assertThat(r).isEqualTo("it came from 127.0.4.1:54, but the query went to 127.0.4.1:53"),
                r -> assertThat(r).isEqualTo("its question (evil.example. A) is not the one asked "
                        + "(www.networkutopia.com. A)"),
                r -> assertThat(r).startsWith("it is not a valid DNS message"));
        assertThat(ignored.get(1).narration().en()).contains("ignores a response");
        // the fake sender becomes an endpoint of unknown role
        assertThat(t.endpoint(ignored.get(1).message().fromId()).orElseThrow().role()).isEqualTo(Role.UNKNOWN);
        TraceEvent.Answer a = (TraceEvent.Answer) ScenarioBook.last(t);
        assertThat(a.records()).singleElement().asString().endsWith("IN A 127.0.4.80");
        // nothing from the spoofed messages reached the cache
        Set<String> keys = new HashSet<>(ScenarioBook.cacheKeys(s.cacheEntries()));
        assertThat(keys).contains("www.networkutopia.com. A").noneMatch(k -> k.startsWith("evil"));
    }

    @Test
    void onlySpoofedResponsesMeanATimeout() {
        Trace t = session(false).resolve(Question.of("www.networkutopia.com", Type.A), ResolutionMode.ITERATIVE);
        assertThat(ScenarioBook.events(t, TraceEvent.Timeout.class)).hasSize(1);
        TraceEvent.ServerSkipped skip = ScenarioBook.events(t, TraceEvent.ServerSkipped.class).get(0);
        assertThat(skip.reason()).isEqualTo(TraceEvent.SkipReason.UNREACHABLE);
        assertThat(((TraceEvent.Failure) ScenarioBook.last(t)).reason())
                .isEqualTo(TraceEvent.FailureReason.ALL_SERVERS_FAILED);
        assertThat(ScenarioBook.events(t, TraceEvent.MessageReceived.class).stream().filter(r -> !r.accepted()))
                .hasSize(5);
    }

    @Test
    void idsAndSourcePortsAreRandomPerQuery() {
        ResolverSession s = ResolverSession.sandbox(world, ResolverOptions.defaults());
        Set<Integer> ids = new HashSet<>();
        Set<Integer> ports = new HashSet<>();
        int queries = 0;
        for (int i = 0; i < 5; i++) {
            Trace t = s.resolve(Question.of("www.p2p.tu-darmstadt.de", Type.A), ResolutionMode.ITERATIVE);
            for (TraceEvent.MessageSent m : ScenarioBook.events(t, TraceEvent.MessageSent.class)) {
                ids.add(m.message().id());
                ports.add(m.message().from().port());
                queries++;
            }
        }
        // 25 queries; with 16-bit IDs and ~64k ports a repeat is possible but more than two are not plausible
        assertThat(ids).hasSizeGreaterThan(queries - 3);
        assertThat(ports).hasSizeGreaterThan(queries - 3);
        assertThat(ports).allMatch(p -> p >= 1024 && p <= 65535);
    }
}
