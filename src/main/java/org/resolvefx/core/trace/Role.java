package org.resolvefx.core.trace;

/** What part a host plays in a lookup. */
public enum Role {
    /** The asking host: a stub resolver (recursive mode) or the tool walking the tree itself (iterative mode). */
    CLIENT,
    /** The local caching resolver that walks the hierarchy for its clients. */
    RESOLVER,
    /** A root name server. */
    ROOT,
    /** A server for a top-level domain (de, com, ...). */
    TLD,
    /** A server authoritative for a zone below the top level. */
    AUTHORITATIVE,
    /** Seen in a capture without enough evidence to say. */
    UNKNOWN;

    /** Servers answer queries; clients and resolvers ask upstream. */
    public boolean isAuthority() {
        return this == ROOT || this == TLD || this == AUTHORITATIVE;
    }
}
