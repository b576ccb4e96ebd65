package org.resolvefx.core.namespace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.resolvefx.core.trace.Endpoint;
import org.resolvefx.core.trace.Role;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.WireMessage;

/**
 * Lays out a trace as a sequence diagram, the view for long traces: one lifeline per endpoint in the
 * order client, resolver, root, TLDs, authorities (within each role by first contact), one row per
 * message (and, if wanted, per other event as a note on the lifeline it concerns).
 */
public final class SequenceLayout {
    /** Default distance between two lifelines and between two rows (layout units). */
    public static final double LIFELINE_SPACING = 6;
    public static final double ROW_HEIGHT = 1;

    private SequenceLayout() {
    }

    /** Default spacing, notes included. */
    public static SequenceDiagram of(Trace trace) {
        return of(trace, LIFELINE_SPACING, ROW_HEIGHT, true);
    }

    /**
     * @param lifelineSpacing horizontal distance between lifelines, &gt; 0
     * @param rowHeight       vertical distance between rows, &gt; 0
     * @param includeNotes    give non-message events a row of their own
     */
    public static SequenceDiagram of(Trace trace, double lifelineSpacing, double rowHeight, boolean includeNotes) {
        Objects.requireNonNull(trace, "trace");
        if (!(lifelineSpacing > 0) || !(rowHeight > 0)) {
            throw new IllegalArgumentException("lifelineSpacing and rowHeight must be > 0: " + lifelineSpacing + ", "
                    + rowHeight);
        }
        TraceGeometry g = new TraceGeometry(trace);
        List<Endpoint> order = new ArrayList<>(g.endpoints);
        order.sort(Comparator.comparingInt((Endpoint e) -> TraceGeometry.roleRank(g.role.get(e.id())))
                .thenComparingInt(e -> g.firstContact(e.id()))
                .thenComparingInt(e -> g.order.get(e.id())));
        List<Lifeline> lifelines = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Endpoint e = order.get(i);
            lifelines.add(new Lifeline(e.id(), g.role.get(e.id()), e.displayName(), i * lifelineSpacing));
        }
        java.util.Map<String, Double> x = new java.util.HashMap<>();
        lifelines.forEach(l -> x.put(l.endpointId(), l.x()));
        String asker = asker(g);

        double header = 1.5 * rowHeight;
        List<SequenceRow> rows = new ArrayList<>();
        List<TraceEvent> events = trace.events();
        int[] rowOfEvent = new int[events.size()];
        int messageNumber = 0;
        for (int i = 0; i < events.size(); i++) {
            TraceEvent e = events.get(i);
            WireMessage m = TraceGeometry.message(e);
            double y = header + (rows.size() + 0.5) * rowHeight;
            if (m != null) {
                messageNumber++;
                rows.add(new SequenceRow(i, SequenceRow.Kind.MESSAGE, messageNumber, m.fromId(), m.toId(), y,
                        x.get(m.fromId()), x.get(m.toId())));
            } else if (includeNotes) {
                String on = noteAnchor(e, asker);
                if (on != null && x.containsKey(on)) {
                    rows.add(new SequenceRow(i, SequenceRow.Kind.NOTE, 0, on, on, y, x.get(on), x.get(on)));
                }
            }
            rowOfEvent[i] = rows.size() - 1;
        }
        double width = Math.max(0, (lifelines.size() - 1) * lifelineSpacing);
        Bounds bounds = new Bounds(-lifelineSpacing / 2, 0, width + lifelineSpacing / 2,
                header + Math.max(1, rows.size()) * rowHeight);
        return new SequenceDiagram(lifelines, rows, rowOfEvent, header, bounds);
    }

    /** The lifeline a non-message event is about: the server for timeouts and skips, else the asker. */
    private static String noteAnchor(TraceEvent e, String asker) {
        if (e instanceof TraceEvent.Timeout t) {
            return t.endpointId();
        }
        if (e instanceof TraceEvent.Retry r) {
            return r.endpointId();
        }
        if (e instanceof TraceEvent.ServerSkipped s) {
            return s.endpointId();
        }
        if (e instanceof TraceEvent.TcpFallback t) {
            return t.endpointId();
        }
        return asker;
    }

    /** The resolver, or the client when there is none (iterative mode). */
    private static String asker(TraceGeometry g) {
        for (Endpoint e : g.endpoints) {
            if (g.role.get(e.id()) == Role.RESOLVER) {
                return e.id();
            }
        }
        for (Endpoint e : g.endpoints) {
            if (g.role.get(e.id()) == Role.CLIENT) {
                return e.id();
            }
        }
        return null;
    }
}
