package org.resolvefx.core.predict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.WireMessage;

/**
 * The generator reads every message's bytes: damaged bytes (truncated, flipped, random) and events in
 * any order must still give well-formed questions, never an exception.
 */
class PredictQuestionsPropertiesTest {
    private static final List<Trace> TRACES = new ArrayList<>();

    static {
        for (String c : List.of("a-recursive-cold", "b-trace", "c-tc-tcp-fallback", "d-nxdomain")) {
            TRACES.addAll(PredictFixtures.capture(c));
        }
    }

    /** One change to a message: cut it at a length, or set a byte. */
    record Damage(int event, int offset, int value, boolean cut) {
    }

    @Provide
    Arbitrary<List<Damage>> damages() {
        Arbitrary<Damage> one = Combinators.combine(Arbitraries.integers().between(0, 40),
                Arbitraries.integers().between(0, 700), Arbitraries.integers().between(0, 255),
                Arbitraries.of(true, false)).as(Damage::new);
        return one.list().ofMinSize(1).ofMaxSize(6);
    }

    private static WireMessage damaged(WireMessage m, Damage d) {
        byte[] b = m.bytes();
        if (d.cut()) {
            b = java.util.Arrays.copyOf(b, Math.min(b.length, d.offset() % (b.length + 1)));
        } else if (b.length > 0) {
            b[d.offset() % b.length] = (byte) d.value();
        }
        return new WireMessage(m.fromId(), m.toId(), m.from(), m.to(), m.transport(), b, m.frame());
    }

    private static Trace apply(Trace t, List<Damage> damages, boolean shuffle, long seed) {
        List<TraceEvent> events = new ArrayList<>(t.events());
        for (Damage d : damages) {
            int i = d.event() % events.size();
            TraceEvent e = events.get(i);
            if (e instanceof TraceEvent.MessageSent s) {
                events.set(i, new TraceEvent.MessageSent(s.atMicros(), damaged(s.message(), d), s.narration()));
            } else if (e instanceof TraceEvent.MessageReceived r) {
                events.set(i, new TraceEvent.MessageReceived(r.atMicros(), damaged(r.message(), d), r.accepted(),
                        r.ignoredReason(), r.narration()));
            }
        }
        if (shuffle) {
            java.util.Collections.shuffle(events, new java.util.Random(seed));
        }
        return new Trace(t.title(), t.question(), t.mode(), t.source(), t.startedAt(), t.world(), t.endpoints(),
                t.initialCache(), events);
    }

    @Property(tries = 300)
    void damagedTracesGiveWellFormedQuestions(@ForAll("damages") List<Damage> damages,
                                              @ForAll boolean shuffle, @ForAll long seed) {
        for (Trace original : TRACES) {
            Trace t = apply(original, damages, shuffle, seed);
            List<PredictQuestion> qs = PredictQuestions.forTrace(t);
            for (PredictQuestion q : qs) {
                assertThat(q.step()).isBetween(1, t.events().size());
                assertThat(q.prompt().en()).isNotBlank();
                assertThat(q.explanation().de()).isNotBlank();
            }
            assertThat(qs.stream().filter(q -> q.kindOrNull() == QuestionKind.NEXT_KIND).count())
                    .isEqualTo(t.events().size());
        }
    }
}
