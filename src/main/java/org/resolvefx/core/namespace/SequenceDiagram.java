package org.resolvefx.core.namespace;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lifelines and rows of the sequence-diagram view of one trace, made by {@link SequenceLayout}.
 * Immutable.
 */
public final class SequenceDiagram {
    private final List<Lifeline> lifelines;
    private final List<SequenceRow> rows;
    private final Map<String, Lifeline> byId = new HashMap<>();
    /** For each event, the index of its row, or of the last row before it when it has none; -1 if none. */
    private final int[] rowOfEvent;
    private final double headerHeight;
    private final Bounds bounds;

    SequenceDiagram(List<Lifeline> lifelines, List<SequenceRow> rows, int[] rowOfEvent, double headerHeight,
                    Bounds bounds) {
        this.lifelines = List.copyOf(lifelines);
        this.rows = List.copyOf(rows);
        this.rowOfEvent = Arrays.copyOf(rowOfEvent, rowOfEvent.length);
        this.headerHeight = headerHeight;
        this.bounds = bounds;
        for (Lifeline l : this.lifelines) {
            byId.put(l.endpointId(), l);
        }
    }

    /** Left to right: clients, resolvers, root servers, TLD servers, authoritative servers, others. */
    public List<Lifeline> lifelines() {
        return lifelines;
    }

    /** Top to bottom, in event order. */
    public List<SequenceRow> rows() {
        return rows;
    }

    public Optional<Lifeline> lifeline(String endpointId) {
        return Optional.ofNullable(byId.get(endpointId));
    }

    /** Height of the header (names of the lifelines) above the first row. */
    public double headerHeight() {
        return headerHeight;
    }

    /**
     * The row of an event; for an event without a row of its own (notes left out), the last row before
     * it. Empty when there is none.
     */
    public Optional<SequenceRow> rowForEvent(int eventIndex) {
        if (eventIndex < 0 || eventIndex >= rowOfEvent.length || rowOfEvent[eventIndex] < 0) {
            return Optional.empty();
        }
        return Optional.of(rows.get(rowOfEvent[eventIndex]));
    }

    /**
     * Where a view should scroll for a playback position (events[0..position) happened): the row of the
     * last event that happened, or the top before the first.
     */
    public double yForPosition(int position) {
        if (position <= 0) {
            return 0;
        }
        return rowForEvent(Math.min(position, rowOfEvent.length) - 1).map(SequenceRow::y).orElse(0.0);
    }

    public Bounds bounds() {
        return bounds;
    }

    public ViewportFit fit(double viewportWidth, double viewportHeight, double padding, double maxScale) {
        return ViewportFit.of(bounds, viewportWidth, viewportHeight, padding, maxScale);
    }
}
