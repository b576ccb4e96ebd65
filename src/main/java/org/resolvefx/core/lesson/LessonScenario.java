package org.resolvefx.core.lesson;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One scenario of a lesson: a lookup (or recorded trace) the class steps through. Its narration
 * lives in {@code narration/ID.LANG.md}, one {@code ## Step N} section per trace step.
 *
 * @param id                 unique within the lesson ("recursive")
 * @param title              caption in both languages
 * @param source             the lookup to run, or the recorded trace
 * @param views              views to show (empty: flow and tree)
 * @param expect             how it must end
 * @param generatedNarration steps for which the engine's sentence is fine
 * @param steps              per-step settings (inspector field, views), by step number
 */
public record LessonScenario(String id, Bilingual title, ScenarioSource source, List<LessonView> views,
                             Expectation expect, GeneratedNarration generatedNarration, List<StepHint> steps) {

    /** Shown when a scenario names no views: the lecture's figure and the namespace. */
    public static final List<LessonView> DEFAULT_VIEWS = List.of(LessonView.FLOW, LessonView.TREE);

    public LessonScenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        views = List.copyOf(views);
        Objects.requireNonNull(expect, "expect");
        Objects.requireNonNull(generatedNarration, "generatedNarration");
        steps = List.copyOf(steps);
    }

    /** The views to show: the scenario's, or {@link #DEFAULT_VIEWS}. */
    public List<LessonView> effectiveViews() {
        return views.isEmpty() ? DEFAULT_VIEWS : views;
    }

    public Optional<StepHint> hint(int step) {
        return steps.stream().filter(h -> h.step() == step).findFirst();
    }

    /** Where the narration of a language lives, relative to the lesson folder. */
    public String narrationFile(String language) {
        return narrationFile(id, language);
    }

    public static String narrationFile(String scenarioId, String language) {
        return "narration/" + scenarioId + "." + language + ".md";
    }
}
