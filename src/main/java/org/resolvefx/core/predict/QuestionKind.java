package org.resolvefx.core.predict;

/**
 * What a generated question asks about the coming step. Lessons may add questions of their own;
 * those carry no kind (see {@link Origin.Authored}).
 */
public enum QuestionKind {
    /** Which server (zone) is asked next, or nobody because the answer is in the cache. */
    NEXT_SERVER,
    /** Does the resolver find the name in its cache? */
    FROM_CACHE,
    /** Will the coming response be authoritative (AA=1)? */
    FLAG_AA,
    /** Will the coming response offer recursion (RA=1)? Asked for the resolver's responses. */
    FLAG_RA,
    /** Will the coming UDP response be truncated (TC=1)? Asked for answers, not referrals. */
    FLAG_TC,
    /** In which section does a referral put its NS records? */
    REFERRAL_SECTION,
    /** Where are the name servers' addresses (glue) of a referral, if anywhere? */
    GLUE,
    /** Which RCODE will the coming (non-referral) response carry? */
    RCODE,
    /** What kind of step comes next (query, response, cache, referral or alias, trouble, end)? */
    NEXT_KIND;

    /** The kinds a class sees unless the lecturer changes it: all but the RCODE and next-kind drills. */
    public static java.util.Set<QuestionKind> defaults() {
        return java.util.EnumSet.of(NEXT_SERVER, FROM_CACHE, FLAG_AA, FLAG_RA, FLAG_TC, REFERRAL_SECTION, GLUE);
    }
}
