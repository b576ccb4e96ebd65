package org.resolvefx.core.trace;

/** Where a trace came from. */
public enum TraceSource {
    /** Real sockets to real servers. */
    LIVE,
    /** The application's own authoritative servers (in-process or on loopback). */
    SANDBOX,
    /** Imported from a pcap/pcapng capture. */
    CAPTURE,
    /** Recorded in a lesson. */
    LESSON
}
