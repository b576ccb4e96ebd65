package org.resolvefx.core.lesson;

import java.util.Objects;
import org.resolvefx.core.trace.TraceEvent;

/**
 * How a scenario must end. A lesson states it so that a change in a zone file or in the engine
 * that breaks the story is reported by {@code validate} instead of surprising the lecturer in
 * class. Null fields are not checked.
 *
 * @param outcome   an answer (the default) or a failure
 * @param rcode     the answer's RCODE (dnsjava constant), e.g. NXDOMAIN
 * @param failure   the failure's reason
 * @param messages  how many DNS messages the trace has
 * @param steps     how many events (steps) the trace has
 * @param fromCache whether the answer comes from the cache
 */
public record Expectation(Outcome outcome, Integer rcode, TraceEvent.FailureReason failure, Integer messages,
                          Integer steps, Boolean fromCache) {

    public static final Expectation ANSWER = new Expectation(Outcome.ANSWER, null, null, null, null, null);

    public Expectation {
        Objects.requireNonNull(outcome, "outcome");
    }

    public enum Outcome {
        ANSWER, FAILURE
    }
}
