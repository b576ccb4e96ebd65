package org.resolvefx.core.lesson;

import java.util.List;
import java.util.Optional;

/**
 * Settings of one step of a scenario for the window.
 *
 * @param step    the step (1-based event number)
 * @param inspect the field the inspector selects at this step ("dns.flags.recdesired"), or null
 * @param views   views to show at this step instead of the scenario's (empty: the scenario's)
 */
public record StepHint(int step, String inspect, List<LessonView> views) {
    public StepHint {
        if (step < 1) {
            throw new IllegalArgumentException("steps count from 1: " + step);
        }
        views = List.copyOf(views);
    }

    public Optional<String> inspectField() {
        return Optional.ofNullable(inspect);
    }
}
