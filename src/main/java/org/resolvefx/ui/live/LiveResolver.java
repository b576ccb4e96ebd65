package org.resolvefx.ui.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.resolvefx.core.engine.CancelToken;
import org.resolvefx.core.engine.ResolverOptions;
import org.resolvefx.core.engine.ResolverSession;
import org.resolvefx.core.engine.RootHints;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.trace.CacheEntry;
import org.resolvefx.core.trace.Endpoint;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.TraceRecorder;

/**
 * Runs lookups for the window, off the JavaFX thread. It keeps one resolver session per source so
 * the resolver's cache lives on between lookups: the second "Resolve" of a name shows the cached
 * answer coming back in two messages. Growing traces reach the JavaFX thread in coalesced
 * batches through {@link Platform#runLater}.
 */
public final class LiveResolver implements AutoCloseable {

    /** Where a lookup goes. */
    public enum Source {
        /** The application's own authoritative servers, in-process: offline, instant, reproducible. */
        SANDBOX,
        /** The real Internet, from the bundled IANA root hints (connected machines only). */
        INTERNET,
        /** A given recursive resolver (stub mode). */
        RESOLVER
    }

    /** A lookup under way; {@link #cancel()} stops it within milliseconds. */
    public static final class Run {
        private final CancelToken token = new CancelToken();
        private final AtomicBoolean done = new AtomicBoolean();

        public void cancel() {
            token.cancel();
        }

        public boolean isDone() {
            return done.get();
        }
    }

    private SandboxWorld world;
    private ResolverSession sandbox;
    private ResolverSession internet;
    private ResolverSession stub;
    private SocketAddr stubServer;

    public LiveResolver(SandboxWorld world) {
        this.world = Objects.requireNonNull(world, "world");
    }

    /** The world the sandbox session serves (the latest one given to {@link #replaceSandboxWorld}). */
    public synchronized SandboxWorld world() {
        return world;
    }

    /** How the sandbox session resolves: like the lecture's figure, from the root hints without priming. */
    public static ResolverOptions sandboxOptions() {
        return ResolverOptions.defaults().withPriming(false);
    }

    /**
     * Serves another world from now on (what-if editing): the sandbox session is closed and the next
     * sandbox lookup starts a new one, with an empty cache, in the new world.
     */
    public synchronized void replaceSandboxWorld(SandboxWorld next) {
        Objects.requireNonNull(next, "world");
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
        world = next;
    }

    /** The session a source uses (created on first use; the sandbox one keeps its cache). */
    public synchronized ResolverSession session(Source source, SocketAddr server) {
        return switch (source) {
            case SANDBOX -> {
                if (sandbox == null) {
                    // like the lecture's figure, the resolver starts from its root hints without a
                    // priming query, so the class sees the root, TLD and zone servers straight away
                    sandbox = ResolverSession.sandbox(world, sandboxOptions());
                }
                yield sandbox;
            }
            case INTERNET -> {
                if (internet == null) {
                    internet = ResolverSession.live(RootHints.bundled(), ResolverOptions.defaults());
                }
                yield internet;
            }
            case RESOLVER -> {
                Objects.requireNonNull(server, "a resolver address is needed");
                if (stub == null || !server.equals(stubServer)) {
                    if (stub != null) {
                        stub.close();
                    }
                    stub = ResolverSession.stub(server, ResolverOptions.defaults());
                    stubServer = server;
                }
                yield stub;
            }
        };
    }

    /** Resolves on the calling thread (the start-up example: in-process, a few milliseconds). */
    public Trace resolveNow(Question q, ResolutionMode mode) {
        return session(Source.SANDBOX, null).resolve(q, mode);
    }

    /** Forgets what the sandbox resolver has cached (a fresh start for a class). */
    public synchronized void clearSandboxCache() {
        if (sandbox != null) {
            sandbox.clearCache();
        }
    }

    /**
     * Starts a lookup on a background thread.
     *
     * @param onGrow  the trace so far, on the JavaFX thread, whenever new steps arrived (coalesced)
     * @param onDone  the finished trace, on the JavaFX thread
     * @param onError a lookup the engine refused (a meta type, a mode the source cannot run), on the JavaFX thread
     */
    public Run start(Question q, ResolutionMode mode, Source source, SocketAddr server, Consumer<Trace> onGrow,
                     Consumer<Trace> onDone, Consumer<Exception> onError) {
        Run run = new Run();
        Thread t = new Thread(() -> {
            try {
                ResolverSession session = session(source, server);
                Growth growth = new Growth(q, mode, session, onGrow);
                Trace trace = session.resolve(q, mode, growth::onEvents, run.token);
                run.done.set(true);
                Platform.runLater(() -> onDone.accept(trace));
            } catch (RuntimeException e) {
                run.done.set(true);
                Platform.runLater(() -> onError.accept(e));
            }
        }, "resolve " + q);
        t.setDaemon(true);
        t.start();
        return run;
    }

    /** Collects a growing lookup and hands the latest picture to the JavaFX thread, at most one pending at a time. */
    private static final class Growth {
        private final Question question;
        private final ResolutionMode mode;
        private final ResolverSession session;
        private final Consumer<Trace> onGrow;
        private final List<CacheEntry> initialCache;
        private final Instant started = Instant.now();
        private final List<TraceEvent> events = new ArrayList<>();
        private List<Endpoint> endpoints = List.of();
        private final AtomicBoolean pending = new AtomicBoolean();

        Growth(Question question, ResolutionMode mode, ResolverSession session, Consumer<Trace> onGrow) {
            this.question = question;
            this.mode = mode;
            this.session = session;
            this.onGrow = onGrow;
            this.initialCache = mode == ResolutionMode.RECURSIVE ? session.cacheEntries() : List.of();
        }

        synchronized void onEvents(TraceRecorder.Batch batch) {
            events.addAll(batch.events());
            endpoints = batch.endpoints();
            if (pending.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    Trace t;
                    synchronized (this) {
                        pending.set(false);
                        t = new Trace(question + " \u00b7 " + mode.name().toLowerCase(java.util.Locale.ROOT),
                                question, mode, session.source(), started, session.worldId().orElse(null), endpoints,
                                initialCache, events);
                    }
                    onGrow.accept(t);
                });
            }
        }
    }

    @Override
    public synchronized void close() {
        for (ResolverSession s : new ResolverSession[] {sandbox, internet, stub}) {
            if (s != null) {
                s.close();
            }
        }
    }
}
