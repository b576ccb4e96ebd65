package org.resolvefx.core.lesson;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.resolvefx.core.trace.TraceEvent;

/**
 * One step of a replayed scenario with everything the window shows beside the trace event.
 *
 * @param number    1-based step number (the event's index + 1)
 * @param event     the trace event, its narration already replaced by the lesson's where it has one
 * @param markdown  the lesson's narration as written (Markdown), "" in a language without it
 * @param notes     presenter notes, "" where none
 * @param inspect   the field the inspector selects, or null
 * @param views     views for this step (the step's own, else the scenario's)
 * @param questions predict-mode questions asked before this step is shown
 */
public record LessonStep(int number, TraceEvent event, Bilingual markdown, Bilingual notes, String inspect,
                         List<LessonView> views, List<PredictQuestion> questions) {
    public LessonStep {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(notes, "notes");
        views = List.copyOf(views);
        questions = List.copyOf(questions);
    }

    public Optional<String> inspectField() {
        return Optional.ofNullable(inspect);
    }

    /** True when the lesson has its own text for this step in the language ("en", "de"). */
    public boolean hasLessonNarration(String language) {
        return !markdown.in(language).isEmpty();
    }
}
