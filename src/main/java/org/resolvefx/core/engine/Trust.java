package org.resolvefx.core.engine;

/**
 * How far the resolver believes cached data, after RFC 2181 section 5.4.1 (simplified): data from
 * a better source replaces data from a worse one, never the other way round while it is live.
 * Glue and additional data are good enough to reach a server but are never given to a client as an
 * answer.
 */
public enum Trust {
    /** From the root hints file. */
    HINTS,
    /** Glue and other additional-section records. */
    ADDITIONAL,
    /** NS records of a referral (the parent's copy of a child's NS set). */
    REFERRAL,
    /** Answer data of a response without AA. */
    ANSWER,
    /** NS or SOA records in the authority section of an authoritative response. */
    AUTHORITY_AUTHORITATIVE,
    /** Answer data of an authoritative response (AA=1). */
    ANSWER_AUTHORITATIVE;

    /** Good enough to answer a client with. */
    public boolean isAnswerGrade() {
        return this == ANSWER || this == AUTHORITY_AUTHORITATIVE || this == ANSWER_AUTHORITATIVE;
    }
}
