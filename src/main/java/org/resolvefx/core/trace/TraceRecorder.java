package org.resolvefx.core.trace;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;

/**
 * Builds a trace while a live or sandbox resolution runs. Thread-safe: the engine's threads add
 * endpoints and append events, the UI takes {@link #snapshot()}s at any time and listens for
 * batches of new events (it forwards them to the FX thread itself; this class knows nothing of
 * JavaFX).
 *
 * <p>Events keep the order of appending, and the trace clock never goes backwards: an event whose
 * time is earlier than the last one (two threads racing) is stored with the last time instead.
 * {@link #record(LongFunction)} takes the time under the lock and avoids that altogether.
 */
public final class TraceRecorder {

    /** Receives every batch of new events, in order, on the appending thread. Must not append itself. */
    @FunctionalInterface
    public interface Listener {
        void onEvents(Batch batch);
    }

    /**
     * New events and the endpoints as they are now.
     *
     * @param firstIndex index of the first new event in the trace's event list
     */
    public record Batch(int firstIndex, List<TraceEvent> events, List<Endpoint> endpoints) {
        public Batch {
            events = List.copyOf(events);
            endpoints = List.copyOf(endpoints);
        }
    }

    /** Stops a listener. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** Address in text form, so that equal addresses match whatever InetAddress subclass or host name they carry. */
    private record EndpointKey(String address, int port) {
        static EndpointKey of(InetAddress a, int port) {
            return new EndpointKey(org.resolvefx.core.net.IpText.format(a), port);
        }
    }

    private final Object lock = new Object();
    /** Serialises appends with their delivery so that listeners see batches in trace order. */
    private final ReentrantLock delivery = new ReentrantLock(true);
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final TraceClock clock;
    private final Question question;
    private final ResolutionMode mode;
    private final TraceSource source;
    private final String world;
    private String title;
    private List<CacheEntry> initialCache = List.of();
    private final Map<EndpointKey, String> idsByKey = new LinkedHashMap<>();
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final List<TraceEvent> events = new ArrayList<>();
    private long lastAt;

    public TraceRecorder(String title, Question question, ResolutionMode mode, TraceSource source, String world,
                         TraceClock clock) {
        this.title = Objects.requireNonNull(title, "title");
        this.question = Objects.requireNonNull(question, "question");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.source = Objects.requireNonNull(source, "source");
        this.world = world;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A recorder on the real clock. */
    public TraceRecorder(String title, Question question, ResolutionMode mode, TraceSource source, String world) {
        this(title, question, mode, source, world, TraceClock.system());
    }

    public ResolutionMode mode() {
        return mode;
    }

    public Question question() {
        return question;
    }

    public TraceClock clock() {
        return clock;
    }

    /** Microseconds since the trace started, on this recorder's clock. */
    public long nowMicros() {
        return clock.elapsedMicros();
    }

    public void setTitle(String newTitle) {
        synchronized (lock) {
            title = Objects.requireNonNull(newTitle, "title");
        }
    }

    /** What the cache held when the lookup began (for second lookups and lessons). */
    public void setInitialCache(List<CacheEntry> entries) {
        synchronized (lock) {
            initialCache = List.copyOf(entries);
        }
    }

    // ------------------------------------------------------------------ endpoints

    /**
     * The id of the endpoint at this address and port, added if new ("e1", "e2", ... in order of
     * adding). A known endpoint keeps its id; what it is known as improves: an UNKNOWN role is
     * replaced by a known one, and a missing server name or zone is filled in.
     *
     * @param port the service port for servers, 0 for clients and resolvers (they use random source ports)
     */
    public String endpoint(InetAddress address, int port, Role role, String serverName, String zone) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(role, "role");
        synchronized (lock) {
            EndpointKey key = EndpointKey.of(address, port);
            String id = idsByKey.get(key);
            if (id == null) {
                id = "e" + (endpoints.size() + 1);
                idsByKey.put(key, id);
                endpoints.put(id, new Endpoint(id, address, port, role, serverName, zone));
                return id;
            }
            Endpoint old = endpoints.get(id);
            Role newRole = old.role() == Role.UNKNOWN ? role : old.role();
            String newName = old.serverName() == null ? serverName : old.serverName();
            String newZone = old.zone() == null ? zone : old.zone();
            endpoints.put(id, new Endpoint(id, old.address(), old.port(), newRole, newName, newZone));
            return id;
        }
    }

    /** Replaces what is known of an endpoint (the id stays). */
    public void updateEndpoint(String id, Role role, String serverName, String zone) {
        synchronized (lock) {
            Endpoint old = endpoints.get(id);
            if (old == null) {
                throw new IllegalArgumentException("unknown endpoint id " + id);
            }
            endpoints.put(id, new Endpoint(id, old.address(), old.port(), role, serverName, zone));
        }
    }

    public Optional<Endpoint> endpointById(String id) {
        synchronized (lock) {
            return Optional.ofNullable(endpoints.get(id));
        }
    }

    /** A copy of the endpoints by id, in order of adding. */
    public Map<String, Endpoint> endpoints() {
        synchronized (lock) {
            return new LinkedHashMap<>(endpoints);
        }
    }

    // ------------------------------------------------------------------ events

    /**
     * Creates and appends an event stamped with the current trace time, taken under the lock so that
     * times and order always agree. Example:
     * {@code rec.record(at -> new TraceEvent.Retry(at, id, 2, Narrator.forRetry(id, rec.endpoints(), 2, rec.mode())))}.
     */
    public <E extends TraceEvent> TraceEvent record(LongFunction<E> atMicrosToEvent) {
        delivery.lock();
        try {
            TraceEvent stored;
            Batch batch;
            synchronized (lock) {
                long at = Math.max(lastAt, clock.elapsedMicros());
                TraceEvent e = Objects.requireNonNull(atMicrosToEvent.apply(at), "event");
                stored = store(e);
                batch = new Batch(events.size() - 1, List.of(stored), List.copyOf(endpoints.values()));
            }
            deliver(batch);
            return stored;
        } finally {
            delivery.unlock();
        }
    }

    /** Appends one event; returns it as stored (with a later time if it would have gone backwards). */
    public TraceEvent append(TraceEvent event) {
        return appendAll(List.of(event)).get(0);
    }

    /** Appends events as one batch for the listeners. */
    public List<TraceEvent> appendAll(List<? extends TraceEvent> newEvents) {
        if (newEvents.isEmpty()) {
            return List.of();
        }
        delivery.lock();
        try {
            List<TraceEvent> stored = new ArrayList<>();
            Batch batch;
            synchronized (lock) {
                int first = events.size();
                for (TraceEvent e : newEvents) {
                    stored.add(store(Objects.requireNonNull(e, "event")));
                }
                batch = new Batch(first, stored, List.copyOf(endpoints.values()));
            }
            deliver(batch);
            return stored;
        } finally {
            delivery.unlock();
        }
    }

    /** A query leaves the asker now; the sentence is generated from the endpoints known so far. */
    public TraceEvent.MessageSent messageSent(WireMessage message) {
        Map<String, Endpoint> eps = endpoints();
        return (TraceEvent.MessageSent) record(at -> new TraceEvent.MessageSent(at, message,
                Narrator.forMessage(message, eps, mode)));
    }

    /** A response arrives now and is used. */
    public TraceEvent.MessageReceived messageReceived(WireMessage message) {
        Map<String, Endpoint> eps = endpoints();
        return (TraceEvent.MessageReceived) record(at -> new TraceEvent.MessageReceived(at, message, true, null,
                Narrator.forMessage(message, eps, mode)));
    }

    /** A response arrives now and is ignored, for a reason (wrong ID, source or question). */
    public TraceEvent.MessageReceived messageIgnored(WireMessage message, String reason) {
        Map<String, Endpoint> eps = endpoints();
        return (TraceEvent.MessageReceived) record(at -> new TraceEvent.MessageReceived(at, message, false, reason,
                Narrator.forIgnoredResponse(message, eps, reason)));
    }

    private TraceEvent store(TraceEvent e) {
        TraceEvent stored = e.atMicros() < lastAt ? TraceEvents.withAtMicros(e, lastAt) : e;
        lastAt = stored.atMicros();
        events.add(stored);
        return stored;
    }

    public int size() {
        synchronized (lock) {
            return events.size();
        }
    }

    /** The trace as it is now; immutable, so it can be handed to any thread. */
    public Trace snapshot() {
        synchronized (lock) {
            return new Trace(title, question, mode, source, clock.startedAt(), world,
                    new ArrayList<>(endpoints.values()), initialCache, events);
        }
    }

    // ------------------------------------------------------------------ listeners

    /**
     * Listens for new events. The events recorded so far arrive first, as one batch (if there are
     * any), so a listener attached mid-run misses nothing and sees nothing twice.
     */
    public Subscription addListener(Listener listener) {
        Objects.requireNonNull(listener, "listener");
        delivery.lock();
        try {
            Batch past;
            synchronized (lock) {
                past = events.isEmpty() ? null : new Batch(0, events, List.copyOf(endpoints.values()));
                listeners.add(listener);
            }
            if (past != null) {
                notify(listener, past);
            }
        } finally {
            delivery.unlock();
        }
        return () -> listeners.remove(listener);
    }

    private void deliver(Batch batch) {
        for (Listener l : listeners) {
            notify(l, batch);
        }
    }

    /** A failing listener (a closed window) must not stop the lookup or the other listeners. */
    private static void notify(Listener l, Batch batch) {
        try {
            l.onEvents(batch);
        } catch (RuntimeException e) {
            Thread t = Thread.currentThread();
            t.getUncaughtExceptionHandler().uncaughtException(t, e);
        }
    }
}
