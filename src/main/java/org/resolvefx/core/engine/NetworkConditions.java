package org.resolvefx.core.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * The in-process network's behaviour: how long a datagram travels and how many get lost. Loss is
 * drawn from a {@link java.util.Random} with the given seed, so the same lesson loses the same
 * packets every time.
 *
 * @param latency  one-way delay of every message (a round trip takes twice this)
 * @param lossRate probability (0..1) that a UDP datagram is lost, drawn separately for query and response;
 *                 TCP never loses (it retransmits below what a DNS trace shows)
 * @param seed     seed of the loss draws
 */
public record NetworkConditions(Duration latency, double lossRate, long seed) {
    public NetworkConditions {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative() || latency.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("latency must be 0..10 s: " + latency);
        }
        if (!(lossRate >= 0 && lossRate <= 1)) {
            throw new IllegalArgumentException("loss rate must be between 0 and 1: " + lossRate);
        }
    }

    /** 1 ms one way (a round trip of 2 ms, so steps are apart on the trace clock), no loss. */
    public static NetworkConditions defaults() {
        return new NetworkConditions(Duration.ofMillis(1), 0, 1);
    }

    public NetworkConditions withLatency(Duration d) {
        return new NetworkConditions(d, lossRate, seed);
    }

    public NetworkConditions withLoss(double rate, long newSeed) {
        return new NetworkConditions(latency, rate, newSeed);
    }
}
