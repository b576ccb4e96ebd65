package org.resolvefx.core.playback;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.resolvefx.core.trace.Narration;
import org.resolvefx.core.trace.TraceEvent;

/**
 * What the views show after {@code events[0..position)} of a trace have happened. Immutable and equal
 * (by value) whichever way the cursor got here: {@link Playback#stateAt(int)} computes it from the
 * position alone.
 *
 * @param position        number of events that have happened (0 = before the first)
 * @param eventCount      number of events of the trace
 * @param clockMicros     trace-clock time: of the last event that happened, 0 before the first
 * @param event           the event at the cursor ({@code events[position-1]}), empty at position 0
 * @param narration       what to say about it (an introduction at position 0)
 * @param arrows          every message so far, numbered from 1
 * @param endpointMarks   per endpoint id (trace order, then ids only seen in events): its badges
 * @param activeEndpoints endpoints the current event concerns (highlight them)
 * @param cache           the resolver cache at {@code clockMicros}
 * @param namespaceFocus  what the namespace tree lights up
 * @param outcome         the trace's final Answer or Failure event, once the cursor is at the end
 */
public record PlaybackState(int position, int eventCount, long clockMicros, Optional<TraceEvent> event,
                            Narration narration, List<Arrow> arrows, Map<String, EndpointMark> endpointMarks,
                            Set<String> activeEndpoints, CacheView cache, NamespaceFocus namespaceFocus,
                            Optional<TraceEvent> outcome) {

    public PlaybackState {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(narration, "narration");
        Objects.requireNonNull(arrows, "arrows");
        Objects.requireNonNull(endpointMarks, "endpointMarks");
        Objects.requireNonNull(activeEndpoints, "activeEndpoints");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(namespaceFocus, "namespaceFocus");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** All events have happened. */
    public boolean isFinished() {
        return position == eventCount;
    }

    public boolean isAtStart() {
        return position == 0;
    }

    /** The latest arrow so far (the one to emphasise), if any message has been sent yet. */
    public Optional<Arrow> currentArrow() {
        return arrows.isEmpty() ? Optional.empty() : Optional.of(arrows.get(arrows.size() - 1));
    }

    /** True when the event at the cursor is a message (its arrow is {@link #currentArrow()}). */
    public boolean isMessageStep() {
        return event.isPresent()
                && (event.get() instanceof TraceEvent.MessageSent || event.get() instanceof TraceEvent.MessageReceived);
    }

    /** The mark of one endpoint (an untouched mark for ids the trace does not know). */
    public EndpointMark mark(String endpointId) {
        EndpointMark m = endpointMarks.get(endpointId);
        return m != null ? m : EndpointMark.untouched(endpointId);
    }

    /** The cache at another trace-clock time (TTL countdown while playing between two events). */
    public CacheView cacheAt(long atMicros) {
        return cache.at(atMicros);
    }
}
