package org.resolvefx.core.playback;

import java.util.Objects;
import org.resolvefx.core.net.Transport;
import org.resolvefx.core.trace.WireMessage;

/**
 * One message of the trace as a numbered arrow of the message-flow figure.
 *
 * @param number     1 for the first message of the trace, 2 for the second, ...
 * @param eventIndex index of its MessageSent/MessageReceived event in {@code Trace.events()}
 * @param fromId     endpoint id of the sender
 * @param toId       endpoint id of the receiver
 * @param kind       query or response (QR bit)
 * @param style      recursive or iterative (see {@link ArrowStyle})
 * @param transport  UDP or TCP
 * @param outcome    delivered, lost, ignored, truncated, error or malformed, as known at the cursor
 * @param rcode      the response code (with the EDNS extension), -1 for queries and malformed messages
 * @param label      short text for the arrow
 * @param attempt    1 for a first send; 2, 3, ... for a query sent again after a Retry event
 * @param inReplyTo  for a response, the number of the query arrow it answers; 0 if none matches
 * @param message    the message itself (for the inspector)
 */
public record Arrow(int number, int eventIndex, String fromId, String toId, ArrowKind kind, ArrowStyle style,
                    Transport transport, ArrowOutcome outcome, int rcode, ArrowLabel label, int attempt,
                    int inReplyTo, WireMessage message) {

    public Arrow {
        Objects.requireNonNull(fromId, "fromId");
        Objects.requireNonNull(toId, "toId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(message, "message");
    }

    public boolean isQuery() {
        return kind == ArrowKind.QUERY;
    }

    public boolean isResponse() {
        return kind == ArrowKind.RESPONSE;
    }

    public boolean isRecursive() {
        return style == ArrowStyle.RECURSIVE;
    }

    /** True for a query sent again (same question, same server) after a timeout. */
    public boolean isRetry() {
        return attempt > 1;
    }

    Arrow withOutcome(ArrowOutcome newOutcome) {
        return new Arrow(number, eventIndex, fromId, toId, kind, style, transport, newOutcome, rcode, label, attempt,
                inReplyTo, message);
    }
}
