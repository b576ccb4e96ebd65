package org.resolvefx.core.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.resolvefx.core.playback.TraceKit.CLIENT;
import static org.resolvefx.core.playback.TraceKit.DE;
import static org.resolvefx.core.playback.TraceKit.QNAME;
import static org.resolvefx.core.playback.TraceKit.RESOLVER;
import static org.resolvefx.core.playback.TraceKit.ROOT;
import static org.resolvefx.core.playback.TraceKit.TUD;
import static org.resolvefx.core.playback.TraceKit.TUD2;
import static org.resolvefx.core.playback.TraceKit.query;
import static org.resolvefx.core.playback.TraceKit.sent;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.resolvefx.core.playback.LectureCaptures;
import org.resolvefx.core.playback.TraceKit;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.xbill.DNS.Type;

class SequenceLayoutTest {

    @Test
    void lifelinesRunFromClientToAuthoritiesAndRowsFollowTheEvents() {
        Trace t = TraceKit.lectureRecursive();
        SequenceDiagram d = SequenceLayout.of(t);
        assertThat(d.lifelines()).extracting(Lifeline::endpointId).containsExactly("client", "resolver", "root", "de",
                "tud");
        for (int i = 1; i < d.lifelines().size(); i++) {
            assertThat(d.lifelines().get(i).x() - d.lifelines().get(i - 1).x())
                    .isEqualTo(SequenceLayout.LIFELINE_SPACING);
        }
        assertThat(d.rows()).hasSize(t.events().size());
        assertThat(d.rows()).extracting(SequenceRow::eventIndex).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
                12, 13);
        for (int i = 1; i < d.rows().size(); i++) {
            assertThat(d.rows().get(i).y() - d.rows().get(i - 1).y()).isEqualTo(SequenceLayout.ROW_HEIGHT);
        }
        assertThat(d.rows().get(0).y()).isGreaterThan(d.headerHeight());
        SequenceRow first = d.rows().get(0);
        assertThat(first.isMessage()).isTrue();
        assertThat(first.messageNumber()).isEqualTo(1);
        assertThat(first.fromX()).isEqualTo(d.lifeline("client").orElseThrow().x());
        assertThat(first.toX()).isEqualTo(d.lifeline("resolver").orElseThrow().x());
        SequenceRow cacheMiss = d.rows().get(1);
        assertThat(cacheMiss.kind()).isEqualTo(SequenceRow.Kind.NOTE);
        assertThat(cacheMiss.fromId()).isEqualTo("resolver");
        assertThat(cacheMiss.fromX()).isEqualTo(cacheMiss.toX());
        assertThat(d.rows()).filteredOn(SequenceRow::isMessage).extracting(SequenceRow::messageNumber)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(d.bounds().maxY()).isGreaterThanOrEqualTo(d.rows().get(13).y());
    }

    @Test
    void withoutNotesOnlyMessagesGetRowsAndEventsMapToTheLastOne() {
        Trace t = TraceKit.lectureRecursive();
        SequenceDiagram d = SequenceLayout.of(t, 4, 2, false);
        assertThat(d.rows()).hasSize(8).allMatch(SequenceRow::isMessage);
        assertThat(d.rowForEvent(1)).contains(d.rows().get(0)); // the cache miss: after message 1
        assertThat(d.rowForEvent(13)).contains(d.rows().get(7));
        assertThat(d.rowForEvent(99)).isEmpty();
        assertThat(d.yForPosition(0)).isZero();
        assertThat(d.yForPosition(3)).isEqualTo(d.rows().get(1).y());
        assertThat(d.yForPosition(1000)).isEqualTo(d.rows().get(7).y());
        assertThat(d.lifelines().get(1).x()).isEqualTo(4);
    }

    @Test
    void authoritiesAreOrderedByFirstContactWithinTheirRole() {
        byte[] q = query(QNAME, Type.A, 1, false);
        List<TraceEvent> events = List.of(sent(0, RESOLVER, TUD2, q), sent(1, RESOLVER, DE, q),
                sent(2, RESOLVER, TUD, q), sent(3, RESOLVER, ROOT, q),
                new TraceEvent.Timeout(4, "tud", 1000, 1, TraceKit.say("timeout")));
        Trace t = TraceKit.trace(ResolutionMode.RECURSIVE, List.of(TUD, ROOT, DE, TUD2, RESOLVER, CLIENT), List.of(),
                events);
        SequenceDiagram d = SequenceLayout.of(t);
        assertThat(d.lifelines()).extracting(Lifeline::endpointId).containsExactly("client", "resolver", "root", "de",
                "tud2", "tud");
        // the timeout is a note on the server that did not answer
        assertThat(d.rows().get(4).fromId()).isEqualTo("tud");
    }

    @Test
    void realCaptureAndBadSpacing() {
        SequenceDiagram d = SequenceLayout.of(LectureCaptures.nxdomain());
        assertThat(d.lifelines()).extracting(Lifeline::endpointId).containsExactly("e127.0.0.1", "e127.0.0.53",
                "e127.0.1.1", "e127.0.2.1", "e127.0.3.1");
        assertThat(d.rows()).hasSize(12);
        assertThatThrownBy(() -> SequenceLayout.of(LectureCaptures.nxdomain(), 0, 1, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lifelineSpacing");
    }
}
