package org.resolvefx.core.trace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable record of one lookup, whatever produced it: a live run, a sandbox run, an imported
 * capture or a lesson. Views only move a cursor over {@link #events()}.
 *
 * @param title        a short caption ("www.p2p.tu-darmstadt.de A, recursive, sandbox")
 * @param question     what the client asked
 * @param mode         iterative, recursive or stub
 * @param source       live, sandbox, capture or lesson
 * @param startedAt    wall-clock start (capture time of the first message for captures)
 * @param world        id of the sandbox world the trace ran in ("default", a lesson id), or null
 * @param endpoints    every host taking part, each with a unique id
 * @param initialCache what the resolver's cache held when the trace began (for second lookups, lessons)
 * @param events       the steps in order of the trace clock
 */
public record Trace(String title, Question question, ResolutionMode mode, TraceSource source, Instant startedAt,
                    String world, List<Endpoint> endpoints, List<CacheEntry> initialCache, List<TraceEvent> events) {

    public Trace {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(startedAt, "startedAt");
        endpoints = List.copyOf(endpoints);
        initialCache = List.copyOf(initialCache);
        events = List.copyOf(events);
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Endpoint e : endpoints) {
            if (!ids.add(e.id())) {
                throw new IllegalArgumentException("duplicate endpoint id " + e.id());
            }
        }
    }

    public Optional<String> worldId() {
        return Optional.ofNullable(world);
    }

    public Optional<Endpoint> endpoint(String id) {
        for (Endpoint e : endpoints) {
            if (e.id().equals(id)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The messages on the wire, in order (the numbered arrows). */
    public List<WireMessage> messages() {
        List<WireMessage> out = new ArrayList<>();
        for (TraceEvent e : events) {
            if (e instanceof TraceEvent.MessageSent s) {
                out.add(s.message());
            } else if (e instanceof TraceEvent.MessageReceived r) {
                out.add(r.message());
            }
        }
        return out;
    }

    /** Trace-clock time of the last event (0 for an empty trace). */
    public long durationMicros() {
        return events.isEmpty() ? 0 : events.get(events.size() - 1).atMicros();
    }

    /** How the lookup ended: the last Answer or Failure event, if any. */
    public Optional<TraceEvent> outcome() {
        for (int i = events.size() - 1; i >= 0; i--) {
            TraceEvent e = events.get(i);
            if (e instanceof TraceEvent.Answer || e instanceof TraceEvent.Failure) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
