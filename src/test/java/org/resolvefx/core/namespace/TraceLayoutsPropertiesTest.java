package org.resolvefx.core.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.resolvefx.core.playback.PlaybackPropertiesTest;
import org.resolvefx.core.trace.Trace;

/** The flow and sequence layouts of random traces: boxes never overlap, every message has an arrow. */
class TraceLayoutsPropertiesTest {

    @Property(tries = 300)
    void flowAndSequenceLayoutsOfRandomTraces(@ForAll @Size(max = 40) List<@IntRange(min = 0) Integer> steps) {
        Trace t = PlaybackPropertiesTest.randomTrace(steps);
        FlowDiagram flow = FlowLayout.of(t);
        FlowLayoutTest.assertNoOverlaps(flow);
        List<FlowRoute> routes = flow.routes(t.messages());
        assertThat(routes).hasSize(t.messages().size());
        assertThat(routes).allMatch(r -> Double.isFinite(r.x1() + r.y1() + r.x2() + r.y2()));

        SequenceDiagram seq = SequenceLayout.of(t);
        assertThat(seq.rows().stream().filter(SequenceRow::isMessage).count()).isEqualTo(t.messages().size());
        for (int i = 1; i < seq.rows().size(); i++) {
            assertThat(seq.rows().get(i).y()).isGreaterThan(seq.rows().get(i - 1).y());
            assertThat(seq.rows().get(i).eventIndex()).isGreaterThan(seq.rows().get(i - 1).eventIndex());
        }
        for (int i = 1; i < seq.lifelines().size(); i++) {
            assertThat(seq.lifelines().get(i).x()).isGreaterThan(seq.lifelines().get(i - 1).x());
        }
    }
}
