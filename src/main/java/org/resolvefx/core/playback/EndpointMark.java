package org.resolvefx.core.playback;

import java.util.Objects;
import java.util.Optional;
import org.resolvefx.core.trace.TraceEvent.SkipReason;

/**
 * What has happened to one endpoint up to the cursor: the badges and strike-throughs of its box.
 *
 * @param endpointId     the endpoint
 * @param queries        queries it has been sent (it has been "asked" when this is above 0)
 * @param responses      responses it has sent
 * @param timeouts       Timeout events for it
 * @param retries        Retry events for it
 * @param skip           why it was given up on (ServerSkipped: cross it out), or null
 * @param cacheHits      CacheLookup HIT or NEGATIVE_HIT events of this endpoint's cache (the resolver,
 *                       or the client in iterative mode)
 * @param tcpUsed        a query went to it over TCP
 */
public record EndpointMark(String endpointId, int queries, int responses, int timeouts, int retries, Skip skip,
                           int cacheHits, boolean tcpUsed) {

    public EndpointMark {
        Objects.requireNonNull(endpointId, "endpointId");
    }

    /** The mark of an endpoint nothing has happened to yet. */
    public static EndpointMark untouched(String endpointId) {
        return new EndpointMark(endpointId, 0, 0, 0, 0, null, 0, false);
    }

    /** It has been sent at least one query. */
    public boolean asked() {
        return queries > 0;
    }

    public boolean isSkipped() {
        return skip != null;
    }

    public Optional<Skip> skipped() {
        return Optional.ofNullable(skip);
    }

    public boolean timedOut() {
        return timeouts > 0;
    }

    /** The "answered from cache" badge. */
    public boolean answeredFromCache() {
        return cacheHits > 0;
    }

    EndpointMark withQuery(boolean tcp) {
        return new EndpointMark(endpointId, queries + 1, responses, timeouts, retries, skip, cacheHits, tcpUsed || tcp);
    }

    EndpointMark withResponse() {
        return new EndpointMark(endpointId, queries, responses + 1, timeouts, retries, skip, cacheHits, tcpUsed);
    }

    EndpointMark withTimeout() {
        return new EndpointMark(endpointId, queries, responses, timeouts + 1, retries, skip, cacheHits, tcpUsed);
    }

    EndpointMark withRetry() {
        return new EndpointMark(endpointId, queries, responses, timeouts, retries + 1, skip, cacheHits, tcpUsed);
    }

    EndpointMark withSkip(Skip newSkip) {
        return new EndpointMark(endpointId, queries, responses, timeouts, retries, newSkip, cacheHits, tcpUsed);
    }

    EndpointMark withCacheHit() {
        return new EndpointMark(endpointId, queries, responses, timeouts, retries, skip, cacheHits + 1, tcpUsed);
    }

    /** Why a server was given up on: the reason and the engine's detail text. */
    public record Skip(SkipReason reason, String detail) {
        public Skip {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
