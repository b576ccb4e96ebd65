package org.resolvefx.ui.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.resolvefx.core.namespace.NamespaceTree;
import org.resolvefx.core.namespace.WorldNamespace;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.sandbox.WorldException;
import org.resolvefx.core.sandbox.WorldLoader;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.ui.live.LiveResolver;

/**
 * What the main window needs before its first frame that involves no JavaFX: the bundled world
 * (JSON, its schema, the zone files), a resolver serving it, the lecture's lookup resolved in it and
 * the world's namespace tree (and the user's preferences read). The launcher starts this on a background thread before the JavaFX
 * toolkit, so it runs while the toolkit starts and the window builds its views (about a third of a
 * second of start-up on a two-core machine, measured with src/test/scripts/bench-startup.sh).
 *
 * <p>The first window takes the prepared result; any later one (tests open many) prepares its own,
 * on the calling thread, exactly as before.
 */
final class StartupPreparation {
    /** Everything prepared; the resolver's cache already holds what the example's lookup learned. */
    record Prepared(SandboxWorld world, LiveResolver resolver, Trace example, NamespaceTree worldTree) {
    }

    /** Marks the prepared start as taken: later windows prepare their own. */
    private static final CompletableFuture<Prepared> TAKEN = new CompletableFuture<>();
    private static final AtomicReference<CompletableFuture<Prepared>> BEGUN = new AtomicReference<>();

    private StartupPreparation() {
    }

    /** Starts preparing on a daemon thread (the launcher calls this once, before the toolkit starts). */
    static void begin() {
        CompletableFuture<Prepared> future = new CompletableFuture<>();
        if (!BEGUN.compareAndSet(null, future)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                // the preferences file is XML, read by a cold parser: let that happen here too (the JDK
                // keeps the node, so the window's AppSettings finds it read)
                AppSettings.standard().language();
                future.complete(prepare());
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "resolvefx-startup");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The prepared start: the one {@link #begin()} started (waiting for it if need be), at most once;
     * else one prepared now, on this thread.
     */
    static Prepared take() {
        CompletableFuture<Prepared> begun = BEGUN.getAndSet(TAKEN);
        if (begun == null || begun == TAKEN) {
            return prepare();
        }
        try {
            return begun.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("start-up preparation failed", e.getCause());
        }
    }

    static Prepared prepare() {
        SandboxWorld world;
        try {
            world = WorldLoader.loadDefault();
        } catch (WorldException e) {
            // the default world ships inside the application; a broken one is a build fault
            throw new IllegalStateException("the bundled default world does not load: " + e.getMessage(), e);
        }
        LiveResolver resolver = new LiveResolver(world);
        Trace example = resolver.resolveNow(ClassroomActions.LECTURE_QUESTION, ResolutionMode.RECURSIVE);
        return new Prepared(world, resolver, example, WorldNamespace.of(world));
    }
}
