package org.resolvefx.core.namespace;

/** Where a box of the message-flow figure stands. */
public enum FlowColumn {
    /** Left: the asking host at the bottom, the local resolver in the middle. */
    HOSTS,
    /** Right: root, TLD and authoritative servers, top to bottom. */
    SERVERS,
    /** Further right: servers contacted only to look up a glueless name server. */
    SIDE_SERVERS
}
