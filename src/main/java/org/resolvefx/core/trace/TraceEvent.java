package org.resolvefx.core.trace;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.Name;

/**
 * One step of a trace. Every event has a time on the trace clock (microseconds since the trace
 * started) and a sentence for students. The kinds form a closed set so that every view and
 * exporter handles each of them (the compiler checks the switches).
 *
 * <p>Each DNS message on the wire appears exactly once: a query as {@link MessageSent} (the asker
 * sends it), a response as {@link MessageReceived} (the asker receives it). The numbered arrows of
 * the message-flow view are these two kinds, in order.
 */
public sealed interface TraceEvent {

    long atMicros();

    Narration narration();

    /** A query leaves the asker. */
    record MessageSent(long atMicros, WireMessage message, Narration narration) implements TraceEvent {
        public MessageSent {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(narration, "narration");
        }
    }

    /**
     * A response arrives. {@code accepted} is false for responses a careful resolver ignores (wrong ID,
     * source or question: possible spoofing), with the reason in {@code ignoredReason}.
     */
    record MessageReceived(long atMicros, WireMessage message, boolean accepted, String ignoredReason,
                           Narration narration) implements TraceEvent {
        public MessageReceived {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(narration, "narration");
            if (!accepted && (ignoredReason == null || ignoredReason.isBlank())) {
                throw new IllegalArgumentException("an ignored response needs a reason");
            }
        }
    }

    /** The resolver looks in its cache before asking anyone. */
    record CacheLookup(long atMicros, Name name, int type, CacheOutcome outcome, List<String> records,
                       Narration narration) implements TraceEvent {
        public CacheLookup {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(outcome, "outcome");
            records = List.copyOf(records);
            Objects.requireNonNull(narration, "narration");
        }
    }

    /** Records (or a negative answer) go into the cache; out-of-bailiwick records are refused and listed. */
    record CacheStore(long atMicros, List<CacheEntry> stored, List<RejectedRecord> rejected, Narration narration)
            implements TraceEvent {
        public CacheStore {
            stored = List.copyOf(stored);
            rejected = List.copyOf(rejected);
            Objects.requireNonNull(narration, "narration");
        }
    }

    /** A referral was accepted: the asker now asks the servers of a zone closer to the name. */
    record ReferralFollowed(long atMicros, String fromId, Name zone, List<NameServer> servers, Narration narration)
            implements TraceEvent {
        public ReferralFollowed {
            Objects.requireNonNull(zone, "zone");
            servers = List.copyOf(servers);
            Objects.requireNonNull(narration, "narration");
        }
    }

    /** An alias (CNAME, or a name rewritten by DNAME) sends the lookup on with a new name. */
    record CnameRestart(long atMicros, Name alias, Name target, boolean viaDname, Narration narration)
            implements TraceEvent {
        public CnameRestart {
            Objects.requireNonNull(alias, "alias");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(narration, "narration");
        }
    }

    /** A delegation came without glue: the server's own address must be looked up first. */
    record SideResolutionStarted(long atMicros, Name serverName, Narration narration) implements TraceEvent {
        public SideResolutionStarted {
            Objects.requireNonNull(serverName, "serverName");
            Objects.requireNonNull(narration, "narration");
        }
    }

    /** The nested lookup of a server name ended (with its addresses, or none). */
    record SideResolutionFinished(long atMicros, Name serverName, List<InetAddress> addresses, boolean success,
                                  Narration narration) implements TraceEvent {
        public SideResolutionFinished {
            Objects.requireNonNull(serverName, "serverName");
            addresses = List.copyOf(addresses);
            Objects.requireNonNull(narration, "narration");
        }
    }

    /** No response within the timeout. */
    record Timeout(long atMicros, String endpointId, long waitedMillis, int attempt, Narration narration)
            implements TraceEvent {
        public Timeout {
            Objects.requireNonNull(endpointId, "endpointId");
            Objects.requireNonNull(narration, "narration");
        }
    }

    /** The same query is sent again (attempt counts from 1 for the first send). */
    record Retry(long atMicros, String endpointId, int attempt, Narration narration) implements TraceEvent {
        public Retry {
            Objects.requireNonNull(endpointId, "endpointId");
            Objects.requireNonNull(narration, "narration");
        }
    }

    /** A server is given up on and the next one of the NS set is tried. */
    record ServerSkipped(long atMicros, String endpointId, SkipReason reason, String detail, Narration narration)
            implements TraceEvent {
        public ServerSkipped {
            Objects.requireNonNull(endpointId, "endpointId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(narration, "narration");
        }
    }

    /** A UDP response had TC=1: the query is repeated over TCP. */
    record TcpFallback(long atMicros, String endpointId, Narration narration) implements TraceEvent {
        public TcpFallback {
            Objects.requireNonNull(endpointId, "endpointId");
            Objects.requireNonNull(narration, "narration");
        }
    }

    /** The lookup ended with an answer (NOERROR with records, NODATA, or NXDOMAIN). */
    record Answer(long atMicros, int rcode, List<String> records, boolean fromCache, Narration narration)
            implements TraceEvent {
        public Answer {
            records = List.copyOf(records);
            Objects.requireNonNull(narration, "narration");
        }
    }

    /** The lookup ended without an answer, for a stated reason. */
    record Failure(long atMicros, FailureReason reason, String detail, Narration narration) implements TraceEvent {
        public Failure {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(narration, "narration");
        }
    }

    /** A name server of a referral, with the addresses the referral gave for it (glue) if any. */
    record NameServer(Name name, List<InetAddress> addresses, boolean glue) {
        public NameServer {
            Objects.requireNonNull(name, "name");
            addresses = List.copyOf(addresses);
        }
    }

    /** A record the resolver refused to cache, and why (e.g. outside the server's bailiwick). */
    record RejectedRecord(String record, String reason) {
        public RejectedRecord {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(reason, "reason");
        }
    }

    enum CacheOutcome {
        /** Nothing usable cached. */
        MISS,
        /** A positive answer was cached. */
        HIT,
        /** A negative answer (NXDOMAIN or NODATA) was cached. */
        NEGATIVE_HIT
    }

    enum SkipReason {
        /** The server does not answer authoritatively for the zone it was delegated (lame delegation). */
        LAME,
        /** The server answered REFUSED. */
        REFUSED,
        /** No response after all retries, or the network said unreachable. */
        UNREACHABLE,
        /** The server answered SERVFAIL. */
        SERVFAIL,
        /** The response could not be used (malformed, FORMERR, a referral upwards, ...). */
        BAD_RESPONSE
    }

    enum FailureReason {
        ALL_SERVERS_FAILED,
        QUERY_LIMIT,
        REFERRAL_DEPTH,
        CNAME_CHAIN_TOO_LONG,
        CNAME_LOOP,
        DELEGATION_LOOP,
        TIME_LIMIT,
        CANCELLED,
        NO_SERVERS,
        NETWORK_ERROR
    }
}
