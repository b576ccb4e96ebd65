package org.resolvefx.core.playback;

/** What became of a message, as far as is known at the cursor position. */
public enum ArrowOutcome {
    /** Arrived and was used (an NXDOMAIN answer is delivered too: it is an answer). */
    DELIVERED,
    /** A query that a later Timeout event gave up on (only once the cursor has passed the timeout). */
    LOST,
    /** A response the asker refused (wrong ID, source or question: possible spoofing). */
    IGNORED,
    /** A response with TC=1: too big for UDP, to be repeated over TCP. */
    TRUNCATED,
    /** A response with an error RCODE (SERVFAIL, REFUSED, FORMERR, NOTIMP, ...). */
    ERROR,
    /** Bytes that are not a well-formed DNS message. */
    MALFORMED
}
