package org.resolvefx.core.namespace;

/** Where what the tree knows about a name came from. */
public enum KnowledgeSource {
    /** Authoritative zone data (a sandbox world, a zone file). */
    ZONE_DATA,
    /** A referral: NS records in the authority section, glue in the additional section. */
    REFERRAL,
    /** An answer (or records an authoritative server added to one). */
    ANSWER,
    /** A negative answer: NXDOMAIN or NODATA, with the zone's SOA. */
    NEGATIVE_ANSWER,
    /** Only asked about: the name of a question, nothing known yet. */
    QUESTION
}
