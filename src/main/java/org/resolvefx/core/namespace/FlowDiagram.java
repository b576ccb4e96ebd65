package org.resolvefx.core.namespace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.resolvefx.core.net.Transport;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.WireMessage;

/**
 * The boxes of the message-flow figure for one trace, in layout units, made by {@link FlowLayout}.
 * Immutable.
 */
public final class FlowDiagram {
    /** Sideways distance between two lanes of arrows. */
    public static final double LANE_WIDTH = 0.15;

    private final ResolutionMode mode;
    private final List<FlowBox> boxes;
    private final List<ZoneBand> bands;
    private final Map<String, FlowBox> byId = new LinkedHashMap<>();
    private final Map<String, Integer> order = new HashMap<>();
    private final Bounds bounds;

    FlowDiagram(ResolutionMode mode, List<FlowBox> boxes, List<ZoneBand> bands) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.boxes = List.copyOf(boxes);
        this.bands = List.copyOf(bands);
        Bounds b = null;
        for (FlowBox box : this.boxes) {
            order.put(box.endpointId(), byId.size());
            byId.put(box.endpointId(), box);
            b = b == null ? box.bounds() : b.union(box.bounds());
        }
        this.bounds = b == null ? new Bounds(0, 0, 0, 0) : b;
    }

    public ResolutionMode mode() {
        return mode;
    }

    /** One box per endpoint: hosts, then servers top to bottom, then side-lookup servers. */
    public List<FlowBox> boxes() {
        return boxes;
    }

    /** The groups of servers that serve the same zone. */
    public List<ZoneBand> bands() {
        return bands;
    }

    public Optional<FlowBox> box(String endpointId) {
        return Optional.ofNullable(byId.get(endpointId));
    }

    /** The rectangle around all boxes. */
    public Bounds bounds() {
        return bounds;
    }

    public ViewportFit fit(double viewportWidth, double viewportHeight, double padding, double maxScale) {
        return ViewportFit.of(bounds, viewportWidth, viewportHeight, padding, maxScale);
    }

    /**
     * The same figure with the box centres moved apart by the factors (about the origin), the boxes
     * keeping their size: a view that writes labels along the arrows needs more room between the rows
     * of servers than the boxes alone. Zone bands stretch with their boxes; {@link #routes} of the
     * result end on the moved boxes' borders.
     *
     * @throws IllegalArgumentException unless both factors are at least 1
     */
    public FlowDiagram stretched(double xFactor, double yFactor) {
        if (!(xFactor >= 1) || !(yFactor >= 1) || Double.isInfinite(xFactor) || Double.isInfinite(yFactor)) {
            throw new IllegalArgumentException("stretch factors must be finite and at least 1: " + xFactor + ", "
                    + yFactor);
        }
        List<FlowBox> moved = new ArrayList<>(boxes.size());
        for (FlowBox b : boxes) {
            moved.add(new FlowBox(b.endpointId(), b.role(), b.column(), b.displayName(), b.zone(), b.x() * xFactor,
                    b.y() * yFactor, b.width(), b.height()));
        }
        List<ZoneBand> movedBands = new ArrayList<>(bands.size());
        for (ZoneBand z : bands) {
            // a band runs from its first box's top to its last box's bottom: move those centres
            double half = FlowLayout.BOX_HEIGHT / 2;
            movedBands.add(new ZoneBand(z.zone(), z.column(), (z.top() + half) * yFactor - half,
                    (z.bottom() - half) * yFactor + half));
        }
        return new FlowDiagram(mode, moved, movedBands);
    }

    /**
     * The arrow of every message, in order (route i belongs to arrow number i + 1). Between two hosts,
     * queries and responses run on opposite sides of the line joining the boxes, TCP messages one lane
     * further out than UDP, and every second repeat of the same kind one lane further again.
     *
     * @throws IllegalArgumentException when a message names an endpoint that has no box here
     */
    public List<FlowRoute> routes(List<WireMessage> messages) {
        List<FlowRoute> out = new ArrayList<>(messages.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            WireMessage m = messages.get(i);
            FlowBox from = require(m.fromId(), i);
            FlowBox to = require(m.toId(), i);
            boolean response = m.isResponse();
            boolean tcp = m.transport() == Transport.TCP;
            String a = order.get(from.endpointId()) <= order.get(to.endpointId()) ? from.endpointId() : to.endpointId();
            String b = a.equals(from.endpointId()) ? to.endpointId() : from.endpointId();
            String key = a + "\u0000" + b + "\u0000" + response + "\u0000" + tcp;
            int occurrence = seen.merge(key, 1, Integer::sum) - 1;
            int magnitude = (tcp ? 3 : 1) + occurrence % 2;
            int lane = response ? -magnitude : magnitude;
            out.add(route(i, from, to, byId.get(a), byId.get(b), lane));
        }
        return out;
    }

    private FlowBox require(String id, int index) {
        FlowBox box = byId.get(id);
        if (box == null) {
            throw new IllegalArgumentException("message " + (index + 1) + " names endpoint '" + id
                    + "', which has no box in this diagram (messages of another trace?)");
        }
        return box;
    }

    private static FlowRoute route(int index, FlowBox from, FlowBox to, FlowBox first, FlowBox second, int lane) {
        if (from == to) {
            // a host talking to itself: a short loop on its right side
            double x = from.x() + from.width() / 2;
            double off = Math.abs(lane) * LANE_WIDTH;
            return new FlowRoute(index, from.endpointId(), to.endpointId(), x, from.y() - off, x, from.y() + off, lane);
        }
        // lanes are measured against one fixed direction per pair, so both directions share the sides
        double dx = second.x() - first.x();
        double dy = second.y() - first.y();
        double len = Math.hypot(dx, dy);
        double ux = dx / len;
        double uy = dy / len;
        double nx = -uy;
        double ny = ux;
        double off = lane * LANE_WIDTH;
        double sx = (to.x() - from.x()) / len;
        double sy = (to.y() - from.y()) / len;
        // the lane is a parallel line; it leaves the sender's box and enters the receiver's at their borders
        double fx = from.x() + nx * off;
        double fy = from.y() + ny * off;
        double tx = to.x() + nx * off;
        double ty = to.y() + ny * off;
        double t1 = exitDistance(from, fx, fy, sx, sy);
        double t2 = exitDistance(to, tx, ty, -sx, -sy);
        return new FlowRoute(index, from.endpointId(), to.endpointId(), fx + sx * t1, fy + sy * t1, tx - sx * t2,
                ty - sy * t2, lane);
    }

    /** How far a ray from a point in a box, along a unit direction, runs before it leaves the box. */
    private static double exitDistance(FlowBox b, double px, double py, double ux, double uy) {
        Bounds r = b.bounds();
        double tx = ux > 0 ? (r.maxX() - px) / ux : ux < 0 ? (r.minX() - px) / ux : Double.POSITIVE_INFINITY;
        double ty = uy > 0 ? (r.maxY() - py) / uy : uy < 0 ? (r.minY() - py) / uy : Double.POSITIVE_INFINITY;
        return Math.max(0, Math.min(tx, ty));
    }
}
