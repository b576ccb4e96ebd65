package org.resolvefx.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.sandbox.Scenario;
import org.resolvefx.core.sandbox.WorldLoader;
import org.resolvefx.core.trace.Endpoint;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Role;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.TraceFiles;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;

/** Every teaching scenario of the default world, both modes, on the in-process network. */
class SandboxScenariosTest {

    static SandboxWorld world;

    @BeforeAll
    static void load() throws Exception {
        world = WorldLoader.loadDefault();
    }

    static Stream<Arguments> scenarios() throws Exception {
        SandboxWorld w = WorldLoader.loadDefault();
        return w.scenarios().stream().flatMap(s -> Stream.of(Arguments.of(s.id(), ResolutionMode.ITERATIVE),
                Arguments.of(s.id(), ResolutionMode.RECURSIVE)));
    }

    static ResolverSession session() {
        return ResolverSession.sandbox(world, ResolverOptions.defaults().withSeed(7L), NetworkConditions.defaults(),
                SessionClock.virtual(Instant.parse("2024-06-17T10:00:00Z")));
    }

    @Test
    void theBookCoversEveryScenarioOfTheWorld() {
        Set<String> ids = new LinkedHashSet<>();
        for (Scenario s : world.scenarios()) {
            ids.add(s.id());
        }
        assertThat(ScenarioBook.DEFAULT_WORLD.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("scenarios")
    void resolvesAsTheBookSays(String id, ResolutionMode mode) throws Exception {
        Scenario sc = world.scenario(id).orElseThrow();
        ScenarioBook.Expected ex = ScenarioBook.DEFAULT_WORLD.get(id);
        ResolverSession s = session();
        Trace t = s.resolve(new Question(sc.qname(), sc.qtype(), 1), mode);

        assertThat(ScenarioBook.serversAsked(t)).as("servers asked")
                .containsExactlyElementsOf(mode == ResolutionMode.ITERATIVE ? ex.iterative() : ex.recursive());
        TraceEvent end = ScenarioBook.last(t);
        if (ex.rcode() < 0) {
            assertThat(end).isInstanceOf(TraceEvent.Failure.class);
            assertThat(((TraceEvent.Failure) end).reason()).isEqualTo(ex.failure());
        } else {
            assertThat(end).isInstanceOf(TraceEvent.Answer.class);
            TraceEvent.Answer a = (TraceEvent.Answer) end;
            assertThat(a.rcode()).isEqualTo(ex.rcode());
            assertThat(a.records()).containsExactlyElementsOf(ScenarioBook.normalised(ex.records()));
            assertThat(a.fromCache()).isFalse();
        }
        // exactly one outcome, and it is the last event
        assertThat(t.events().stream().filter(e -> e instanceof TraceEvent.Answer || e instanceof TraceEvent.Failure))
                .hasSize(1);
        // every event narrated in both languages; the clock never goes back
        long last = 0;
        for (TraceEvent e : t.events()) {
            assertThat(e.narration().en()).isNotBlank().doesNotContain("[");
            assertThat(e.narration().de()).isNotBlank().doesNotContain("[");
            assertThat(e.atMicros()).isGreaterThanOrEqualTo(last);
            last = e.atMicros();
        }
        // nothing ignored: the sandbox never sends anything that does not match
        assertThat(ScenarioBook.events(t, TraceEvent.MessageReceived.class)).allMatch(TraceEvent.MessageReceived::accepted);
        // the trace survives its file format
        Trace back = TraceFiles.fromJson(TraceFiles.toJson(t), id + ".trace.json");
        assertThat(TraceFiles.toJson(back)).isEqualTo(TraceFiles.toJson(t));

        if (mode == ResolutionMode.RECURSIVE) {
            Set<String> expected = ScenarioBook.rootKeys();
            expected.addAll(ex.cacheKeys());
            assertThat(ScenarioBook.cacheKeys(s.cacheEntries())).as("cache after")
                    .containsExactlyInAnyOrderElementsOf(expected);
            // the client gets the answer with RA=1, or SERVFAIL when the lookup failed
            List<TraceEvent.MessageReceived> received = ScenarioBook.events(t, TraceEvent.MessageReceived.class);
            TraceEvent.MessageReceived toClient = received.get(received.size() - 1);
            assertThat(t.endpoint(toClient.message().toId()).map(Endpoint::role)).contains(Role.CLIENT);
            Message m = new Message(toClient.message().bytes());
            assertThat(m.getHeader().getFlag(Flags.RA)).isTrue();
            assertThat(m.getHeader().getFlag(Flags.AA)).isFalse();
            assertThat(m.getRcode()).isEqualTo(ex.rcode() < 0 ? Rcode.SERVFAIL : ex.rcode());
            assertThat(toClient.message().from().toString()).isEqualTo("127.0.0.53:53");
            assertThat(t.initialCache()).hasSize(14); // the hints: . NS and 13 addresses
            assertThat(t.initialCache()).allMatch(c -> c.section().equals("hints") && c.sourceId().equals("hints"));
        } else {
            assertThat(t.initialCache()).isEmpty();
            assertThat(ScenarioBook.events(t, TraceEvent.CacheLookup.class)).isEmpty();
            assertThat(ScenarioBook.events(t, TraceEvent.CacheStore.class)).isEmpty();
        }
    }

    @Test
    void endpointsCarryRolesNamesAndZonesOfWhatTheyWereAskedFor() {
        Scenario sc = world.scenario("lecture").orElseThrow();
        Trace t = session().resolve(new Question(sc.qname(), sc.qtype(), 1), ResolutionMode.RECURSIVE);
        assertThat(t.endpoints()).extracting(e -> e.address().getHostAddress() + " " + e.port() + " " + e.role() + " "
                + e.serverName() + " " + e.zone()).containsExactly(
                "127.0.0.1 0 CLIENT null null",
                "127.0.0.53 0 RESOLVER null null",
                "127.0.1.1 53 ROOT a.root-servers.net. .",
                "127.0.2.1 53 TLD a.nic.de. de.",
                "127.0.3.1 53 AUTHORITATIVE ns1.hrz.tu-darmstadt.de. tu-darmstadt.de.",
                "127.0.3.3 53 AUTHORITATIVE ns.informatik.tu-darmstadt.de. informatik.tu-darmstadt.de.");
        assertThat(t.title()).isEqualTo("www.p2p.tu-darmstadt.de A, recursive, sandbox");
        assertThat(t.world()).isEqualTo("default");
        assertThat(t.startedAt()).isEqualTo(Instant.parse("2024-06-17T10:00:00Z"));
    }

    @Test
    void theLectureLookupStepByStep() {
        Scenario sc = world.scenario("lecture").orElseThrow();
        Trace t = session().resolve(new Question(sc.qname(), sc.qtype(), 1), ResolutionMode.ITERATIVE);
        assertThat(t.events()).extracting(org.resolvefx.core.trace.TraceEvents::kindName).containsExactly(
                "messageSent", "messageReceived",                        // priming . NS
                "messageSent", "messageReceived", "referralFollowed",    // root -> de
                "messageSent", "messageReceived", "referralFollowed",    // de -> tu-darmstadt.de
                "messageSent", "messageReceived",                        // CNAME + referral to informatik
                "cnameRestart", "referralFollowed",
                "messageSent", "messageReceived", "answer");             // A 127.0.31.10
        List<TraceEvent.ReferralFollowed> refs = ScenarioBook.events(t, TraceEvent.ReferralFollowed.class);
        assertThat(refs).extracting(r -> r.zone().toString()).containsExactly("de.", "tu-darmstadt.de.",
                "informatik.tu-darmstadt.de.");
        assertThat(refs.get(2).servers()).singleElement().satisfies(ns -> {
            assertThat(ns.name().toString()).isEqualTo("ns.informatik.tu-darmstadt.de.");
            assertThat(ns.glue()).isTrue();
            assertThat(ns.addresses()).extracting(a -> a.getHostAddress()).containsExactly("127.0.3.3");
        });
        // the referral after the CNAME comes from ns1.hrz, the server that gave it
        assertThat(t.endpoint(refs.get(2).fromId()).orElseThrow().serverName()).isEqualTo("ns1.hrz.tu-darmstadt.de.");
        TraceEvent.CnameRestart restart = ScenarioBook.events(t, TraceEvent.CnameRestart.class).get(0);
        assertThat(restart.alias().toString()).isEqualTo("www.p2p.tu-darmstadt.de.");
        assertThat(restart.target().toString()).isEqualTo("charon.dekanat.informatik.tu-darmstadt.de.");
        // every query iterative (RD=0) with EDNS 1232, from the client's address
        for (TraceEvent.MessageSent s : ScenarioBook.events(t, TraceEvent.MessageSent.class)) {
            byte[] b = s.message().bytes();
            assertThat(b[2] & 0x01).as("RD").isZero();
            assertThat(s.message().from().host()).isEqualTo("127.0.0.1");
            assertThat(s.message().to().port()).isEqualTo(53);
        }
        // 2 ms per round trip on the default in-process network: five exchanges
        assertThat(t.durationMicros()).isEqualTo(10_000);
    }
}
