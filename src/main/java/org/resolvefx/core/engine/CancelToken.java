package org.resolvefx.core.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stops a running lookup from another thread (the UI's Cancel button, Ctrl-C). The engine checks
 * it between steps and while it waits on sockets: a waiting socket is woken at once by
 * {@link #cancel()}, so a lookup stops within milliseconds even against a dead server with a
 * long timeout. A lookup that sees the token cancelled ends with a {@code Failure(CANCELLED)}.
 */
public final class CancelToken {

    /** Undoes an {@link #onCancel} registration. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private static final CancelToken NEVER = new CancelToken();

    private volatile boolean cancelled;
    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();

    /** A token nobody cancels (the shared instance ignores {@link #cancel()}). */
    public static CancelToken none() {
        return NEVER;
    }

    /** Cancels; every registered callback runs once, on the calling thread. Idempotent. */
    public void cancel() {
        if (this == NEVER) {
            return;
        }
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
        }
        for (Runnable r : callbacks) {
            try {
                r.run();
            } catch (RuntimeException e) {
                // waking a socket must never stop the others from being woken
            }
        }
    }

    /** True once cancelled, or when the calling thread was interrupted (a cancelled JavaFX Task). */
    public boolean isCancelled() {
        return cancelled || Thread.currentThread().isInterrupted();
    }

    /**
     * Runs {@code callback} when the token is cancelled (at once if it already is). Used to wake
     * threads waiting on sockets.
     */
    public Registration onCancel(Runnable callback) {
        if (this == NEVER) {
            return () -> { };
        }
        callbacks.add(callback);
        if (cancelled) {
            callback.run();
        }
        return () -> callbacks.remove(callback);
    }
}
