package org.resolvefx.core.trace;

/** How a lookup was resolved. */
public enum ResolutionMode {
    /** The asking host walks from the root with RD=0 (dig +trace, dnstracer). */
    ITERATIVE,
    /** A stub sends one RD=1 query to a caching resolver that walks the hierarchy for it (both sides shown). */
    RECURSIVE,
    /** A stub asks an external recursive resolver; only the two messages are seen. */
    STUB
}
