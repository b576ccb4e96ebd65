package org.resolvefx.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.resolvefx.core.trace.TraceClock;

/**
 * The clock of a resolver session: cache TTLs expire on it, and each lookup's trace clock is a
 * window onto it. Live sessions run on real time; sandbox sessions on a virtual clock that only
 * the in-process network (latency, timeouts, slow servers) and {@link #advance} move, so a lesson
 * with a dead server runs instantly and gives the same times every run.
 */
public sealed interface SessionClock {

    /** Wall-clock time at which the session's clock read 0. */
    Instant startedAt();

    /** Microseconds since the session started; never decreases. */
    long nowMicros();

    /** Moves the clock forward (e.g. "the same lookup after the TTL expired"). */
    void advance(Duration d);

    /** True for the in-process network's clock. */
    boolean isVirtual();

    /** Real time from {@link System#nanoTime()}, plus whatever {@link #advance} added. */
    static SessionClock system() {
        return new Real();
    }

    /** A virtual clock starting at {@code startedAt}. */
    static Virtual virtual(Instant startedAt) {
        return new Virtual(startedAt);
    }

    /**
     * A trace clock that reads 0 at session time {@code origin}: {@code elapsedMicros} counts from
     * there, {@code startedAt} is the wall-clock moment of {@code origin}.
     */
    static TraceClock traceClockFrom(SessionClock clock, long origin) {
        Instant wall = clock.startedAt().plusNanos(origin * 1000L);
        return new TraceClock() {
            @Override
            public Instant startedAt() {
                return wall;
            }

            @Override
            public long elapsedMicros() {
                return Math.max(0, clock.nowMicros() - origin);
            }
        };
    }

    /** Real time. */
    final class Real implements SessionClock {
        private final Instant startedAt = Instant.now();
        private final long startNanos = System.nanoTime();
        private volatile long offsetMicros;

        @Override
        public Instant startedAt() {
            return startedAt;
        }

        @Override
        public long nowMicros() {
            return (System.nanoTime() - startNanos) / 1000 + offsetMicros;
        }

        @Override
        public synchronized void advance(Duration d) {
            requireForward(d);
            offsetMicros += toMicros(d);
        }

        @Override
        public boolean isVirtual() {
            return false;
        }
    }

    /** Time that moves only when told to. Thread-safe. */
    final class Virtual implements SessionClock {
        private final Instant startedAt;
        private long micros;

        Virtual(Instant startedAt) {
            this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        }

        @Override
        public Instant startedAt() {
            return startedAt;
        }

        @Override
        public synchronized long nowMicros() {
            return micros;
        }

        @Override
        public synchronized void advance(Duration d) {
            requireForward(d);
            micros += toMicros(d);
        }

        /** Moves to an absolute time; earlier times are ignored (the clock never goes back). */
        public synchronized void advanceTo(long atMicros) {
            if (atMicros > micros) {
                micros = atMicros;
            }
        }

        @Override
        public boolean isVirtual() {
            return true;
        }
    }

    private static void requireForward(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("the session clock cannot go back: " + d);
        }
    }

    private static long toMicros(Duration d) {
        return d.getSeconds() * 1_000_000L + d.getNano() / 1000;
    }
}
