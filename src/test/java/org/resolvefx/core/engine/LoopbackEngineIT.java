package org.resolvefx.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.resolvefx.core.net.Transport;
import org.resolvefx.core.sandbox.LoopbackSandbox;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.sandbox.Scenario;
import org.resolvefx.core.sandbox.WorldLoader;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.TraceFiles;
import org.resolvefx.core.trace.TraceSource;
import org.xbill.DNS.Type;

/**
 * The engine over real UDP and TCP sockets against the default world served by {@link LoopbackSandbox}
 * on a non-standard port: every scenario in both modes, with the same expectations as on the
 * in-process network ({@link ScenarioBook}).
 */
class LoopbackEngineIT {

    static SandboxWorld world;
    static LoopbackSandbox sandbox;

    @BeforeAll
    static void serve() throws Exception {
        world = WorldLoader.loadDefault();
        sandbox = LoopbackSandbox.start(world, 0);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** A live session on the sandbox's port; the dead-server scenario gets a short timeout to keep the run quick. */
    static ResolverSession live(Duration timeout) {
        return ResolverSession.live(world.rootHints(), ResolverOptions.defaults().withPort(sandbox.port())
                .withTimeout(timeout));
    }

    static Stream<Arguments> scenarios() throws Exception {
        return WorldLoader.loadDefault().scenarios().stream().flatMap(s -> Stream.of(
                Arguments.of(s.id(), ResolutionMode.ITERATIVE), Arguments.of(s.id(), ResolutionMode.RECURSIVE)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("scenarios")
    void resolvesEveryScenarioOverSockets(String id, ResolutionMode mode) throws Exception {
        Scenario sc = world.scenario(id).orElseThrow();
        ScenarioBook.Expected ex = ScenarioBook.DEFAULT_WORLD.get(id);
        ResolverSession s = live(Duration.ofMillis(id.equals("dead") ? 200 : 1500));
        Trace t = s.resolve(new Question(sc.qname(), sc.qtype(), 1), mode);

        assertThat(t.source()).isEqualTo(TraceSource.LIVE);
        assertThat(ScenarioBook.serversAsked(t)).as("servers asked")
                .containsExactlyElementsOf(mode == ResolutionMode.ITERATIVE ? ex.iterative() : ex.recursive());
        TraceEvent end = ScenarioBook.last(t);
        if (ex.rcode() < 0) {
            assertThat(end).isInstanceOf(TraceEvent.Failure.class);
            assertThat(((TraceEvent.Failure) end).reason()).isEqualTo(ex.failure());
        } else {
            assertThat(end).isInstanceOf(TraceEvent.Answer.class);
            assertThat(((TraceEvent.Answer) end).rcode()).isEqualTo(ex.rcode());
            assertThat(((TraceEvent.Answer) end).records()).containsExactlyElementsOf(ScenarioBook.normalised(ex.records()));
        }
        // real sockets: the asker's real source address, a random port, the server's port
        String from = mode == ResolutionMode.ITERATIVE ? "127.0.0.1" : "127.0.0.53";
        for (TraceEvent.MessageSent m : ScenarioBook.events(t, TraceEvent.MessageSent.class)) {
            if (m.message().to().port() == sandbox.port()) {
                assertThat(m.message().from().host()).isEqualTo(from);
                assertThat(m.message().from().port()).isNotZero();
            }
        }
        assertThat(ScenarioBook.events(t, TraceEvent.MessageReceived.class)).allMatch(TraceEvent.MessageReceived::accepted);
        if (mode == ResolutionMode.RECURSIVE) {
            Set<String> expected = ScenarioBook.rootKeys();
            expected.addAll(ex.cacheKeys());
            assertThat(ScenarioBook.cacheKeys(s.cacheEntries())).containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(TraceFiles.toJson(TraceFiles.fromJson(TraceFiles.toJson(t), id))).isEqualTo(TraceFiles.toJson(t));
    }

    @Test
    void theSecondLookupComesFromTheCacheAndTtlsRunOnTheSessionClock() {
        ResolverSession s = live(Duration.ofMillis(1500));
        Question q = Question.of("www.p2p.tu-darmstadt.de", Type.A);
        s.resolve(q, ResolutionMode.RECURSIVE);
        Trace second = s.resolve(q, ResolutionMode.RECURSIVE);
        assertThat(second.messages()).hasSize(2);
        assertThat(((TraceEvent.Answer) ScenarioBook.last(second)).fromCache()).isTrue();
        // the live clock can be moved too: after 1600 s charon's A (TTL 1592) is gone
        s.advance(Duration.ofSeconds(1600));
        Trace third = s.resolve(q, ResolutionMode.RECURSIVE);
        assertThat(ScenarioBook.serversAsked(third)).containsExactly("127.0.3.3");
    }

    @Test
    void truncatedUdpAnswersAreRepeatedOverTcp() {
        ResolverSession s = ResolverSession.live(world.rootHints(), ResolverOptions.defaults().withPort(sandbox.port())
                .withEdns(false));
        Trace t = s.resolve(Question.of("many.networkutopia.com", Type.A), ResolutionMode.ITERATIVE);
        assertThat(ScenarioBook.serversAsked(t)).endsWith("127.0.4.1", "127.0.4.1/tcp");
        assertThat(ScenarioBook.events(t, TraceEvent.TcpFallback.class)).hasSize(1);
        TraceEvent.Answer a = (TraceEvent.Answer) ScenarioBook.last(t);
        assertThat(a.records()).hasSize(40);
        TraceEvent.MessageReceived overTcp = ScenarioBook.events(t, TraceEvent.MessageReceived.class).stream()
                .filter(r -> r.message().transport() == Transport.TCP).findFirst().orElseThrow();
        assertThat(overTcp.message().length()).isGreaterThan(512);
    }

    @Test
    void everyQueryCanGoOverTcp() {
        ResolverSession s = ResolverSession.live(world.rootHints(), ResolverOptions.defaults().withPort(sandbox.port())
                .withTcpOnly(true));
        Trace t = s.resolve(Question.of("www.p2p.tu-darmstadt.de", Type.A), ResolutionMode.RECURSIVE);
        assertThat(ScenarioBook.serversAsked(t)).containsExactly("127.0.1.1/tcp", "127.0.1.1/tcp", "127.0.2.1/tcp",
                "127.0.3.1/tcp", "127.0.3.3/tcp");
        assertThat(ScenarioBook.last(t)).isInstanceOf(TraceEvent.Answer.class);
    }

    @Test
    void qnameMinimisationOverSockets() {
        ResolverSession s = ResolverSession.live(world.rootHints(), ResolverOptions.defaults().withPort(sandbox.port())
                .withQnameMinimisation(true));
        Trace t = s.resolve(Question.of("www.p2p.tu-darmstadt.de", Type.A), ResolutionMode.ITERATIVE);
        List<String> asked = ScenarioBook.events(t, TraceEvent.MessageSent.class).stream()
                .map(m -> Hosts.parse(m.message().bytes()).getQuestion())
                .map(r -> r.getName() + " " + Type.string(r.getType())).toList();
        // each server learns one label more than its zone (RFC 9156), with QTYPE A
        assertThat(asked).containsExactly(". NS", "de. A", "tu-darmstadt.de. A", "p2p.tu-darmstadt.de. A",
                "www.p2p.tu-darmstadt.de. A", "dekanat.informatik.tu-darmstadt.de. A",
                "charon.dekanat.informatik.tu-darmstadt.de. A");
        assertThat(((TraceEvent.Answer) ScenarioBook.last(t)).records()).hasSize(2);
    }

    @Test
    void aLoopbackSessionNeverSendsAnywhereElse() throws Exception {
        // a referral to a documentation address: the session refuses to send, no packet leaves
        String com = world.zone(Hosts.name("com.")).orElseThrow().masterText()
                .replace("dns1.networkutopia.com. 172800 IN A  127.0.4.1", "dns1.networkutopia.com. 172800 IN A 192.0.2.1");
        SandboxWorld moved = world.withZoneText(Hosts.name("com."), com);
        try (LoopbackSandbox other = LoopbackSandbox.start(moved, 0)) {
            ResolverSession s = ResolverSession.live(moved.rootHints(), ResolverOptions.defaults().withPort(other.port()));
            Trace t = s.resolve(Question.of("www.networkutopia.com", Type.A), ResolutionMode.ITERATIVE);
            TraceEvent.ServerSkipped skip = ScenarioBook.events(t, TraceEvent.ServerSkipped.class).get(0);
            assertThat(skip.detail()).isEqualTo("192.0.2.1 is not a loopback address; this session only talks to "
                    + "127.0.0.0/8 and ::1");
            assertThat(ScenarioBook.serversAsked(t)).doesNotContain("192.0.2.1");
            assertThat(ScenarioBook.last(t)).isInstanceOf(TraceEvent.Failure.class);
        }
    }
}
