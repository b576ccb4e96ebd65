package org.resolvefx.core.trace;

/**
 * Copies of events with one field changed. The event records are immutable and have no withers;
 * the recorder needs {@link #withAtMicros} to keep the trace clock monotonic, and re-narration
 * needs {@link #withNarration}.
 */
public final class TraceEvents {
    private TraceEvents() {
    }

    /** The JSON "kind" of an event ("messageSent", ...), also used in messages and logs. */
    public static String kindName(TraceEvent e) {
        if (e instanceof TraceEvent.MessageSent) {
            return "messageSent";
        } else if (e instanceof TraceEvent.MessageReceived) {
            return "messageReceived";
        } else if (e instanceof TraceEvent.CacheLookup) {
            return "cacheLookup";
        } else if (e instanceof TraceEvent.CacheStore) {
            return "cacheStore";
        } else if (e instanceof TraceEvent.ReferralFollowed) {
            return "referralFollowed";
        } else if (e instanceof TraceEvent.CnameRestart) {
            return "cnameRestart";
        } else if (e instanceof TraceEvent.SideResolutionStarted) {
            return "sideResolutionStarted";
        } else if (e instanceof TraceEvent.SideResolutionFinished) {
            return "sideResolutionFinished";
        } else if (e instanceof TraceEvent.Timeout) {
            return "timeout";
        } else if (e instanceof TraceEvent.Retry) {
            return "retry";
        } else if (e instanceof TraceEvent.ServerSkipped) {
            return "serverSkipped";
        } else if (e instanceof TraceEvent.TcpFallback) {
            return "tcpFallback";
        } else if (e instanceof TraceEvent.Answer) {
            return "answer";
        } else if (e instanceof TraceEvent.Failure) {
            return "failure";
        }
        throw new IllegalStateException("unhandled event kind " + e.getClass().getName());
    }

    public static TraceEvent withAtMicros(TraceEvent e, long at) {
        return rebuild(e, at, e.narration());
    }

    public static TraceEvent withNarration(TraceEvent e, Narration n) {
        return rebuild(e, e.atMicros(), n);
    }

    private static TraceEvent rebuild(TraceEvent event, long at, Narration n) {
        if (event instanceof TraceEvent.MessageSent e) {
            return new TraceEvent.MessageSent(at, e.message(), n);
        } else if (event instanceof TraceEvent.MessageReceived e) {
            return new TraceEvent.MessageReceived(at, e.message(), e.accepted(), e.ignoredReason(), n);
        } else if (event instanceof TraceEvent.CacheLookup e) {
            return new TraceEvent.CacheLookup(at, e.name(), e.type(), e.outcome(), e.records(), n);
        } else if (event instanceof TraceEvent.CacheStore e) {
            return new TraceEvent.CacheStore(at, e.stored(), e.rejected(), n);
        } else if (event instanceof TraceEvent.ReferralFollowed e) {
            return new TraceEvent.ReferralFollowed(at, e.fromId(), e.zone(), e.servers(), n);
        } else if (event instanceof TraceEvent.CnameRestart e) {
            return new TraceEvent.CnameRestart(at, e.alias(), e.target(), e.viaDname(), n);
        } else if (event instanceof TraceEvent.SideResolutionStarted e) {
            return new TraceEvent.SideResolutionStarted(at, e.serverName(), n);
        } else if (event instanceof TraceEvent.SideResolutionFinished e) {
            return new TraceEvent.SideResolutionFinished(at, e.serverName(), e.addresses(), e.success(), n);
        } else if (event instanceof TraceEvent.Timeout e) {
            return new TraceEvent.Timeout(at, e.endpointId(), e.waitedMillis(), e.attempt(), n);
        } else if (event instanceof TraceEvent.Retry e) {
            return new TraceEvent.Retry(at, e.endpointId(), e.attempt(), n);
        } else if (event instanceof TraceEvent.ServerSkipped e) {
            return new TraceEvent.ServerSkipped(at, e.endpointId(), e.reason(), e.detail(), n);
        } else if (event instanceof TraceEvent.TcpFallback e) {
            return new TraceEvent.TcpFallback(at, e.endpointId(), n);
        } else if (event instanceof TraceEvent.Answer e) {
            return new TraceEvent.Answer(at, e.rcode(), e.records(), e.fromCache(), n);
        } else if (event instanceof TraceEvent.Failure e) {
            return new TraceEvent.Failure(at, e.reason(), e.detail(), n);
        }
        throw new IllegalStateException("unhandled event kind " + event.getClass().getName());
    }
}
