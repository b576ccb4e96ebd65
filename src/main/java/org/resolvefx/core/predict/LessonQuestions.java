package org.resolvefx.core.predict;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.resolvefx.core.lesson.Bilingual;
import org.resolvefx.core.lesson.ScenarioRun;
import org.resolvefx.core.trace.Narration;

/**
 * Maps the questions a lesson author wrote ({@link org.resolvefx.core.lesson.PredictQuestion}, as
 * lesson.json holds them) onto predict mode's {@link PredictQuestion}, so that they are asked in
 * predict mode while the lesson's trace is on show.
 *
 * <p>Both models number steps the same way (step N is the N-th event; asked before it is shown), so
 * a step maps one to one. A question without a step (about the whole scenario, "asked at its end")
 * becomes a question about the last step: predict mode asks before a step, and the last step (the
 * answer or failure) is the latest moment there is. A question predict mode cannot ask (no correct
 * choice marked, too few or too many choices, a step beyond the trace) is left out and named in
 * {@link Mapped#skipped()}; the lesson loader reports such lessons already, so this only guards.
 */
public final class LessonQuestions {

    /**
     * The questions predict mode asks, and what was left out.
     *
     * @param questions questions in lesson order, each {@link Origin.Authored} with "source#id"
     * @param skipped   one sentence per question left out, naming its id and why
     */
    public record Mapped(List<PredictQuestion> questions, List<String> skipped) {
        public Mapped {
            questions = List.copyOf(questions);
            skipped = List.copyOf(skipped);
        }
    }

    private LessonQuestions() {
    }

    /**
     * The questions of a replayed scenario, for its trace.
     *
     * @param run    a scenario of a loaded lesson ({@code LoadedLesson.runs()})
     * @param source where the lesson came from ({@code LoadedLesson.source()}), for reports
     */
    public static Mapped forRun(ScenarioRun run, String source) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(source, "source");
        int eventCount = run.trace().events().size();
        List<PredictQuestion> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (org.resolvefx.core.lesson.PredictQuestion q : run.questions()) {
            try {
                out.add(toPredict(q, eventCount, source));
            } catch (IllegalArgumentException e) {
                skipped.add(source + ": question '" + q.id() + "': " + e.getMessage());
            }
        }
        return new Mapped(out, skipped);
    }

    /**
     * One lesson question for a trace of {@code eventCount} events.
     *
     * @throws IllegalArgumentException with the reason, when predict mode cannot ask it
     */
    public static PredictQuestion toPredict(org.resolvefx.core.lesson.PredictQuestion q, int eventCount,
                                            String source) {
        if (eventCount < 1) {
            throw new IllegalArgumentException("the trace has no steps to ask about");
        }
        int step = q.step() == null ? eventCount : q.step();
        if (step < 1 || step > eventCount) {
            throw new IllegalArgumentException("step " + step + " is not a step of the trace (1 to " + eventCount
                    + ")");
        }
        int correct = q.correctChoice();
        if (correct < 0) {
            throw new IllegalArgumentException("no choice is marked correct");
        }
        List<Narration> choices = new ArrayList<>();
        for (org.resolvefx.core.lesson.PredictQuestion.Choice c : q.choices()) {
            choices.add(narration(c.text()));
        }
        // PredictQuestion's own checks (2 to 8 choices) throw IllegalArgumentException with the reason
        return new PredictQuestion(step, narration(q.prompt()), choices, correct, narration(q.explanation()),
                new Origin.Authored(source + "#" + q.id()));
    }

    /** A text given in one language only shows that language in both (better than a blank card). */
    static Narration narration(Bilingual b) {
        String en = b.en().isBlank() ? b.de() : b.en();
        String de = b.de().isBlank() ? b.en() : b.de();
        return new Narration(en, de);
    }
}
