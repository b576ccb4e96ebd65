package org.resolvefx.core.lesson;

import java.util.Set;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.TraceEvents;

/**
 * The steps of a scenario for which the engine's generated sentence is good enough. Steps
 * without lesson narration always show the generated sentence; this only tells {@code validate}
 * not to report them.
 *
 * @param all   every step
 * @param kinds event kinds as in trace files ("cacheStore", "referralFollowed", ...)
 * @param steps step numbers (1-based)
 */
public record GeneratedNarration(boolean all, Set<String> kinds, Set<Integer> steps) {
    public static final GeneratedNarration NONE = new GeneratedNarration(false, Set.of(), Set.of());

    public GeneratedNarration {
        kinds = Set.copyOf(kinds);
        steps = Set.copyOf(steps);
    }

    public boolean covers(int step, TraceEvent event) {
        return all || steps.contains(step) || kinds.contains(TraceEvents.kindName(event));
    }

    public boolean isEmpty() {
        return !all && kinds.isEmpty() && steps.isEmpty();
    }
}
