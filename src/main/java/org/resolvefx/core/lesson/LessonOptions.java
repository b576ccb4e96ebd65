package org.resolvefx.core.lesson;

import java.time.Duration;
import org.resolvefx.core.engine.NetworkConditions;
import org.resolvefx.core.engine.ResolverOptions;

/**
 * Resolver and network settings of a scenario; null means "not set". Unset values are the
 * engine's defaults, with two exceptions that keep lessons like the lecture's figures: priming is
 * off unless switched on, and the seed is {@link #DEFAULT_SEED}, so every run gives the same trace.
 */
public record LessonOptions(Boolean priming, Boolean qnameMinimisation, Boolean edns, Integer udpPayloadSize,
                            Boolean tcpOnly, Boolean ipv6, Boolean randomServerOrder, Long timeoutMillis,
                            Integer retries, Long seed, Long latencyMillis, Double lossPercent) {

    public static final LessonOptions NONE = new LessonOptions(null, null, null, null, null, null, null, null, null,
            null, null, null);
    public static final long DEFAULT_SEED = 1L;

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** The engine options these settings give. */
    public ResolverOptions resolverOptions() {
        ResolverOptions o = ResolverOptions.defaults()
                .withPriming(priming != null && priming)
                .withSeed(seed == null ? DEFAULT_SEED : seed);
        if (qnameMinimisation != null) {
            o = o.withQnameMinimisation(qnameMinimisation);
        }
        if (edns != null) {
            o = o.withEdns(edns);
        }
        if (udpPayloadSize != null) {
            o = o.withUdpPayloadSize(udpPayloadSize);
        }
        if (tcpOnly != null) {
            o = o.withTcpOnly(tcpOnly);
        }
        if (ipv6 != null) {
            o = o.withIpv6(ipv6);
        }
        if (randomServerOrder != null) {
            o = o.withRandomServerOrder(randomServerOrder);
        }
        if (timeoutMillis != null) {
            o = o.withTimeout(Duration.ofMillis(timeoutMillis));
        }
        if (retries != null) {
            o = o.withRetries(retries);
        }
        return o;
    }

    /** The in-process network: latency and (seeded) loss. */
    public NetworkConditions networkConditions() {
        NetworkConditions c = NetworkConditions.defaults();
        if (latencyMillis != null) {
            c = c.withLatency(Duration.ofMillis(latencyMillis));
        }
        if (lossPercent != null && lossPercent > 0) {
            c = c.withLoss(lossPercent / 100.0, seed == null ? DEFAULT_SEED : seed);
        }
        return c;
    }
}
