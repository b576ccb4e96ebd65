package org.resolvefx.core.trace;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The trace clock: when a trace started (wall clock, for the file and for pcapng timestamps) and
 * how many microseconds have passed since (monotonic, for {@link TraceEvent#atMicros()}).
 */
public interface TraceClock {

    /** Wall-clock time at which the trace started. */
    Instant startedAt();

    /** Microseconds since the trace started; never decreases. */
    long elapsedMicros();

    /**
     * The real clock for live runs: start from the system wall clock, elapsed time from
     * {@link System#nanoTime()} (which, unlike the wall clock, never jumps when the time is set).
     */
    static TraceClock system() {
        return new Monotonic(Clock.systemUTC());
    }

    /** A clock for tests and lessons that moves only when told to. */
    static Manual manual(Instant startedAt) {
        return new Manual(startedAt);
    }

    /** Real time; see {@link #system()}. */
    final class Monotonic implements TraceClock {
        private final Instant startedAt;
        private final long startNanos;

        Monotonic(Clock wall) {
            this.startedAt = wall.instant();
            this.startNanos = System.nanoTime();
        }

        @Override
        public Instant startedAt() {
            return startedAt;
        }

        @Override
        public long elapsedMicros() {
            return Math.max(0, (System.nanoTime() - startNanos) / 1000);
        }
    }

    /** Settable time; thread-safe. */
    final class Manual implements TraceClock {
        private final Instant startedAt;
        private long micros;

        Manual(Instant startedAt) {
            this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        }

        @Override
        public Instant startedAt() {
            return startedAt;
        }

        @Override
        public synchronized long elapsedMicros() {
            return micros;
        }

        /** Sets the time; going backwards is refused, as a real clock never does. */
        public synchronized void set(long newMicros) {
            if (newMicros < micros) {
                throw new IllegalArgumentException("the trace clock cannot go back from " + micros + " to " + newMicros);
            }
            micros = newMicros;
        }

        public synchronized void advance(long deltaMicros) {
            set(micros + deltaMicros);
        }
    }
}
