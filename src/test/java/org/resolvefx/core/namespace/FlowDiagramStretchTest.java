package org.resolvefx.core.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.resolvefx.core.playback.TraceKit;
import org.resolvefx.core.trace.Trace;

class FlowDiagramStretchTest {

    @Test
    void stretchingMovesCentresKeepsSizesAndRoutesEndOnTheMovedBorders() {
        Trace trace = TraceKit.lectureRecursive();
        FlowDiagram d = FlowLayout.of(trace);
        FlowDiagram s = d.stretched(1, 1.4);
        assertThat(s.boxes()).hasSameSizeAs(d.boxes());
        for (int i = 0; i < d.boxes().size(); i++) {
            FlowBox a = d.boxes().get(i);
            FlowBox b = s.boxes().get(i);
            assertThat(b.endpointId()).isEqualTo(a.endpointId());
            assertThat(b.x()).isEqualTo(a.x());
            assertThat(b.y()).isCloseTo(a.y() * 1.4, within(1e-9));
            assertThat(b.width()).isEqualTo(a.width());
            assertThat(b.height()).isEqualTo(a.height());
        }
        // bands still reach from their first box's top to their last box's bottom
        for (ZoneBand band : s.bands()) {
            List<FlowBox> in = s.boxes().stream().filter(b -> band.zone().equals(b.zone())).toList();
            double top = in.stream().mapToDouble(b -> b.y() - b.height() / 2).min().orElseThrow();
            double bottom = in.stream().mapToDouble(b -> b.y() + b.height() / 2).max().orElseThrow();
            assertThat(band.top()).isCloseTo(top, within(1e-9));
            assertThat(band.bottom()).isCloseTo(bottom, within(1e-9));
        }
        // every route starts and ends on the border of its (moved) boxes, lanes unchanged
        List<FlowRoute> before = d.routes(trace.messages());
        List<FlowRoute> after = s.routes(trace.messages());
        for (int i = 0; i < after.size(); i++) {
            FlowRoute r = after.get(i);
            assertThat(r.lane()).isEqualTo(before.get(i).lane());
            assertThat(onBorder(s.box(r.fromId()).orElseThrow(), r.x1(), r.y1())).isTrue();
            assertThat(onBorder(s.box(r.toId()).orElseThrow(), r.x2(), r.y2())).isTrue();
        }
        assertThat(s.bounds().height()).isGreaterThan(d.bounds().height());
    }

    @Test
    void shrinkingIsRefused() {
        FlowDiagram d = FlowLayout.of(TraceKit.lectureRecursive());
        assertThatThrownBy(() -> d.stretched(0.5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.stretched(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean onBorder(FlowBox b, double x, double y) {
        Bounds r = b.bounds();
        double e = 1e-9;
        boolean inside = x >= r.minX() - e && x <= r.maxX() + e && y >= r.minY() - e && y <= r.maxY() + e;
        boolean edge = Math.abs(x - r.minX()) < e || Math.abs(x - r.maxX()) < e || Math.abs(y - r.minY()) < e
                || Math.abs(y - r.maxY()) < e;
        return inside && edge;
    }
}
