package org.resolvefx.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.sandbox.Scenario;
import org.resolvefx.core.sandbox.ServerSpec;
import org.resolvefx.core.sandbox.WorldLoader;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.TraceFiles;
import org.xbill.DNS.Message;

/**
 * Fuzz: whatever the servers send back (responses with flipped bytes, cut short, lost), a lookup
 * ends with exactly one Answer or Failure, never throws, stays within its limits, and its trace
 * can be written and read back.
 */
class EnginePropertiesTest {

    static final SandboxWorld WORLD;

    static {
        try {
            WORLD = WorldLoader.loadDefault();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Every world server, with its responses corrupted now and then. */
    static SimulatedNetwork corrupting(long seed, double rate, NetworkConditions conditions) {
        SimulatedNetwork net = new SimulatedNetwork(WORLD, conditions,
                SessionClock.virtual(Instant.parse("2024-06-17T10:00:00Z")));
        Random random = new Random(seed);
        for (ServerSpec spec : WORLD.servers()) {
            for (InetAddress address : spec.addresses()) {
                net = net.withHost(address, (query, transport, server, client) -> {
                    var genuine = WORLD.serverAt(address).orElseThrow().handle(query, transport, client);
                    if (genuine.isEmpty()) {
                        return List.of();
                    }
                    byte[] b = genuine.get().clone();
                    synchronized (random) {
                        if (random.nextDouble() < rate) {
                            int flips = 1 + random.nextInt(4);
                            for (int i = 0; i < flips; i++) {
                                b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                            }
                            if (random.nextInt(5) == 0) {
                                b = java.util.Arrays.copyOf(b, random.nextInt(b.length + 1));
                            }
                        }
                    }
                    long delay = spec.behaviour().delayMillis() * 1000L;
                    return List.of(new SimulatedNetwork.Reply(server, b, delay));
                });
            }
        }
        return net;
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.of(WORLD.scenarios());
    }

    @Property(tries = 200)
    void everyLookupEndsOnceWithinItsLimitsWhateverComesBack(
            @ForAll("scenarios") Scenario scenario,
            @ForAll boolean recursive,
            @ForAll boolean minimise,
            @ForAll boolean edns,
            @ForAll long seed,
            @ForAll @DoubleRange(min = 0, max = 0.6) double corruption,
            @ForAll @DoubleRange(min = 0, max = 0.3) double loss,
            @ForAll @IntRange(min = 5, max = 60) int maxQueries) throws Exception {
        ResolverOptions o = ResolverOptions.defaults().withSeed(seed).withQnameMinimisation(minimise).withEdns(edns)
                .withLimits(ResolverOptions.Limits.defaults().withMaxQueries(maxQueries));
        NetworkConditions c = NetworkConditions.defaults().withLoss(loss, seed);
        ResolverSession s = ResolverSession.onNetwork(corrupting(seed, corruption, c), o);
        ResolutionMode mode = recursive ? ResolutionMode.RECURSIVE : ResolutionMode.ITERATIVE;
        Trace t = s.resolve(new Question(scenario.qname(), scenario.qtype(), 1), mode);

        List<TraceEvent> outcomes = new ArrayList<>();
        for (TraceEvent e : t.events()) {
            if (e instanceof TraceEvent.Answer || e instanceof TraceEvent.Failure) {
                outcomes.add(e);
            }
        }
        assertThat(outcomes).hasSize(1);
        assertThat(ScenarioBook.last(t)).isSameAs(outcomes.get(0));
        assertThat(s.lastQueryCount()).isLessThanOrEqualTo(maxQueries);
        assertThat(t.durationMicros()).isLessThanOrEqualTo(o.limits().maxTotalTime().toNanos() / 1000);
        for (TraceEvent.MessageReceived r : ScenarioBook.events(t, TraceEvent.MessageReceived.class)) {
            if (r.accepted()) {
                new Message(r.message().bytes()); // accepted responses always parse
            } else {
                assertThat(r.ignoredReason()).isNotBlank();
            }
        }
        Trace back = TraceFiles.fromJson(TraceFiles.toJson(t), "fuzz.trace.json");
        assertThat(back.events()).hasSameSizeAs(t.events());
        // the session stays usable: a clean lookup afterwards works
        assertThat(s.cacheEntries()).isNotEmpty();
    }
}
