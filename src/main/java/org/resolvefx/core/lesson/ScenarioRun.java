package org.resolvefx.core.lesson;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.trace.Trace;

/**
 * A scenario replayed: its trace (source LESSON, world id = lesson id, the lesson's narration
 * applied) and, per step, the lesson's texts, presenter notes, inspector hints and questions.
 *
 * @param scenario   the scenario as lesson.json describes it
 * @param trace      the trace the views play
 * @param world      the sandbox world it ran in (for the namespace tree); empty for recorded traces
 * @param intro      the narration's introduction, shown before step 1 ("" where none)
 * @param introNotes presenter notes for the introduction
 * @param steps      one per trace event, in order
 * @param questions  every question about this scenario (with a step or without)
 */
public record ScenarioRun(LessonScenario scenario, Trace trace, Optional<SandboxWorld> world, Bilingual intro,
                          Bilingual introNotes, List<LessonStep> steps, List<PredictQuestion> questions) {
    public ScenarioRun {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(world, "world");
        Objects.requireNonNull(intro, "intro");
        Objects.requireNonNull(introNotes, "introNotes");
        steps = List.copyOf(steps);
        questions = List.copyOf(questions);
    }

    /** Step {@code n} (1-based). */
    public LessonStep step(int n) {
        return steps.get(n - 1);
    }

    /** Questions about the scenario as a whole (no step), asked at its end. */
    public List<PredictQuestion> closingQuestions() {
        return questions.stream().filter(q -> q.step() == null).toList();
    }
}
