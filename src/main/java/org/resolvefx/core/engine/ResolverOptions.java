package org.resolvefx.core.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How the engine resolves: timeouts, EDNS, QNAME minimisation, server order, transports and the
 * limits that keep every lookup bounded. Immutable; start from {@link #defaults()} and change
 * single settings with the {@code with...} methods.
 *
 * @param timeout            how long to wait for the first attempt at a server; each retry waits twice
 *                           as long as the one before (exponential back-off)
 * @param retries            how often a server that did not answer is asked again before the next server
 *                           of the NS set is tried (0 = one attempt per server)
 * @param edns               send an EDNS(0) OPT record (RFC 6891); a server answering FORMERR, NOTIMP
 *                           or BADVERS is asked again without it
 * @param udpPayloadSize     the UDP payload size announced with EDNS (512..65535; 1232 as agreed on
 *                           DNS Flag Day 2020)
 * @param qnameMinimisation  ask each server only for one label more than its zone (RFC 9156)
 * @param ipv6               also use AAAA addresses of name servers (off by default)
 * @param randomServerOrder  pick servers of an NS set in random order like real resolvers; by default
 *                           they are tried in the order the referral lists them, so lessons are
 *                           reproducible
 * @param tcpOnly            send every query over TCP
 * @param priming            start with a priming query for the root NS set (RFC 8109) when the
 *                           resolver only knows the root hints
 * @param port               0: servers listen on port 53; otherwise every server of the hierarchy is
 *                           asked on this port (the sandbox on loopback, e.g. 5300)
 * @param seed               null: query IDs, source ports and random server order come from
 *                           {@link java.security.SecureRandom}; a number makes them repeatable on the
 *                           in-process network (lessons, tests). Live and stub sessions ignore it and
 *                           always use SecureRandom: predictable IDs and ports would invite spoofing.
 * @param limits             bounds on queries, referrals, aliases, nesting and time
 */
public record ResolverOptions(Duration timeout, int retries, boolean edns, int udpPayloadSize,
                              boolean qnameMinimisation, boolean ipv6, boolean randomServerOrder, boolean tcpOnly,
                              boolean priming, int port, Long seed, Limits limits) {

    /** The default UDP payload size announced with EDNS(0) (DNS Flag Day 2020). */
    public static final int DEFAULT_UDP_PAYLOAD = 1232;

    /**
     * Bounds that make every lookup end, whatever the servers do.
     *
     * @param maxQueries        queries sent in one lookup, retries and side lookups included
     * @param maxReferrals      referrals followed while looking up one name
     * @param maxCnameChain     aliases (CNAME, DNAME) followed in one lookup
     * @param maxSideDepth      how deep lookups of server names may nest (glueless delegations)
     * @param maxTotalTime      the whole lookup, on the session clock
     * @param maxMinimiseSteps  extra queries QNAME minimisation may add per name (RFC 9156 MAX_MINIMISE_COUNT)
     */
    public record Limits(int maxQueries, int maxReferrals, int maxCnameChain, int maxSideDepth,
                         Duration maxTotalTime, int maxMinimiseSteps) {
        public Limits {
            Objects.requireNonNull(maxTotalTime, "maxTotalTime");
            if (maxQueries < 1 || maxReferrals < 1 || maxCnameChain < 0 || maxSideDepth < 0 || maxMinimiseSteps < 0) {
                throw new IllegalArgumentException("limits must be positive: " + maxQueries + ", " + maxReferrals
                        + ", " + maxCnameChain + ", " + maxSideDepth + ", " + maxMinimiseSteps);
            }
            if (maxTotalTime.isNegative() || maxTotalTime.isZero()) {
                throw new IllegalArgumentException("maxTotalTime must be positive: " + maxTotalTime);
            }
        }

        /**
         * 100 queries (BIND's max-recursion-queries), 20 referrals per name, 16 aliases (as BIND),
         * side lookups nested 4 deep, 30 s in all, 10 minimisation steps (RFC 9156).
         */
        public static Limits defaults() {
            return new Limits(100, 20, 16, 4, Duration.ofSeconds(30), 10);
        }

        public Limits withMaxQueries(int n) {
            return new Limits(n, maxReferrals, maxCnameChain, maxSideDepth, maxTotalTime, maxMinimiseSteps);
        }

        public Limits withMaxReferrals(int n) {
            return new Limits(maxQueries, n, maxCnameChain, maxSideDepth, maxTotalTime, maxMinimiseSteps);
        }

        public Limits withMaxCnameChain(int n) {
            return new Limits(maxQueries, maxReferrals, n, maxSideDepth, maxTotalTime, maxMinimiseSteps);
        }

        public Limits withMaxSideDepth(int n) {
            return new Limits(maxQueries, maxReferrals, maxCnameChain, n, maxTotalTime, maxMinimiseSteps);
        }

        public Limits withMaxTotalTime(Duration d) {
            return new Limits(maxQueries, maxReferrals, maxCnameChain, maxSideDepth, d, maxMinimiseSteps);
        }
    }

    public ResolverOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(limits, "limits");
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("timeout must be between 1 ms and 5 minutes: " + timeout);
        }
        if (retries < 0 || retries > 10) {
            throw new IllegalArgumentException("retries must be 0..10: " + retries);
        }
        if (udpPayloadSize < 512 || udpPayloadSize > 65535) {
            throw new IllegalArgumentException("the EDNS UDP payload size must be 512..65535: " + udpPayloadSize);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
    }

    /**
     * 1 s timeout, one retry (so a dead server costs 1 s + 2 s), EDNS(0) with 1232 bytes, no QNAME
     * minimisation, IPv4 only, servers in referral order, UDP first, priming, port 53, random IDs and
     * ports from SecureRandom, {@link Limits#defaults()}.
     */
    public static ResolverOptions defaults() {
        return new ResolverOptions(Duration.ofMillis(1000), 1, true, DEFAULT_UDP_PAYLOAD, false, false, false, false,
                true, 0, null, Limits.defaults());
    }

    /** The port servers are asked on: the override, or 53. */
    public int serverPort() {
        return port == 0 ? 53 : port;
    }

    public ResolverOptions withTimeout(Duration d) {
        return new ResolverOptions(d, retries, edns, udpPayloadSize, qnameMinimisation, ipv6, randomServerOrder,
                tcpOnly, priming, port, seed, limits);
    }

    public ResolverOptions withRetries(int n) {
        return new ResolverOptions(timeout, n, edns, udpPayloadSize, qnameMinimisation, ipv6, randomServerOrder,
                tcpOnly, priming, port, seed, limits);
    }

    public ResolverOptions withEdns(boolean on) {
        return new ResolverOptions(timeout, retries, on, udpPayloadSize, qnameMinimisation, ipv6, randomServerOrder,
                tcpOnly, priming, port, seed, limits);
    }

    public ResolverOptions withUdpPayloadSize(int size) {
        return new ResolverOptions(timeout, retries, edns, size, qnameMinimisation, ipv6, randomServerOrder,
                tcpOnly, priming, port, seed, limits);
    }

    public ResolverOptions withQnameMinimisation(boolean on) {
        return new ResolverOptions(timeout, retries, edns, udpPayloadSize, on, ipv6, randomServerOrder,
                tcpOnly, priming, port, seed, limits);
    }

    public ResolverOptions withIpv6(boolean on) {
        return new ResolverOptions(timeout, retries, edns, udpPayloadSize, qnameMinimisation, on, randomServerOrder,
                tcpOnly, priming, port, seed, limits);
    }

    public ResolverOptions withRandomServerOrder(boolean on) {
        return new ResolverOptions(timeout, retries, edns, udpPayloadSize, qnameMinimisation, ipv6, on,
                tcpOnly, priming, port, seed, limits);
    }

    public ResolverOptions withTcpOnly(boolean on) {
        return new ResolverOptions(timeout, retries, edns, udpPayloadSize, qnameMinimisation, ipv6, randomServerOrder,
                on, priming, port, seed, limits);
    }

    public ResolverOptions withPriming(boolean on) {
        return new ResolverOptions(timeout, retries, edns, udpPayloadSize, qnameMinimisation, ipv6, randomServerOrder,
                tcpOnly, on, port, seed, limits);
    }

    public ResolverOptions withPort(int p) {
        return new ResolverOptions(timeout, retries, edns, udpPayloadSize, qnameMinimisation, ipv6, randomServerOrder,
                tcpOnly, priming, p, seed, limits);
    }

    public ResolverOptions withSeed(Long s) {
        return new ResolverOptions(timeout, retries, edns, udpPayloadSize, qnameMinimisation, ipv6, randomServerOrder,
                tcpOnly, priming, port, s, limits);
    }

    public ResolverOptions withLimits(Limits l) {
        return new ResolverOptions(timeout, retries, edns, udpPayloadSize, qnameMinimisation, ipv6, randomServerOrder,
                tcpOnly, priming, port, seed, l);
    }
}
