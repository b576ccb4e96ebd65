package org.resolvefx.ui.lesson;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.resolvefx.core.lesson.Bilingual;
import org.resolvefx.core.lesson.Lesson;
import org.resolvefx.core.lesson.LessonScenario;
import org.resolvefx.core.lesson.PredictQuestion;
import org.resolvefx.core.lesson.ScenarioRun;
import org.resolvefx.ui.i18n.I18n;

/**
 * The lesson scenario on show in the Lookup workspace: what presenter mode (notes) and predict mode
 * (questions) read. It ends when another trace is loaded.
 *
 * @param lesson   the lesson
 * @param scenario the scenario being stepped through
 * @param run      its replay: the trace on show, per-step texts, notes, hints and questions
 */
public record LessonSession(Lesson lesson, LessonScenario scenario, ScenarioRun run) {
    public LessonSession {
        Objects.requireNonNull(lesson, "lesson");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(run, "run");
    }

    /** Every predict-mode question about this scenario (with a step, or about the whole scenario). */
    public List<PredictQuestion> questions() {
        return run.questions();
    }

    /**
     * The lecturer's notes for a step (0: the introduction) in the interface language at the time of
     * the call; "" where there are none. For presenter mode.
     */
    public Function<Integer, String> notes() {
        return step -> notes(step, I18n.locale());
    }

    /** The notes of a step (0: the introduction) in a language, else in the other one, else "". */
    public String notes(int step, Locale locale) {
        if (step < 0 || step > run.steps().size()) {
            return "";
        }
        return either(step == 0 ? run.introNotes() : run.step(step).notes(), locale);
    }

    /** The narration's introduction (shown before step 1), in a language, else in the other one. */
    public String intro(Locale locale) {
        return either(run.intro(), locale);
    }

    private static String either(Bilingual text, Locale locale) {
        String s = text.text(locale);
        return s.isEmpty() ? ("de".equals(locale.getLanguage()) ? text.en() : text.de()) : s;
    }
}
