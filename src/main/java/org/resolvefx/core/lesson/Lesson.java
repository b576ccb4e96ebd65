package org.resolvefx.core.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A lesson as {@code lesson.json} describes it: what it is about, the sandbox world, the scenarios
 * to step through and the predict-mode questions. Texts that live in files of their own
 * (narration, zone files, recorded traces) are in the lesson's {@link LessonFiles}.
 *
 * @param formatVersion version of the lesson format the file was written in
 * @param id            short key, also the world id of the lesson's traces ("02-recursive-iterative")
 * @param title         title in English and German
 * @param summary       one paragraph for the lesson browser
 * @param level         intro, intermediate or advanced
 * @param minutes       time in class
 * @param languages     languages of the narration files ("en", "de")
 * @param world         the sandbox world
 * @param scenarios     one or more scenarios, in teaching order
 * @param questions     predict-mode questions
 */
public record Lesson(int formatVersion, String id, Bilingual title, Bilingual summary, LessonLevel level, int minutes,
                     List<String> languages, LessonWorld world, List<LessonScenario> scenarios,
                     List<PredictQuestion> questions) {

    public static final String FORMAT = "resolvefx-lesson";
    public static final int FORMAT_VERSION = 1;
    public static final String MANIFEST = "lesson.json";
    public static final String ARCHIVE_EXTENSION = ".rfxlesson";
    /** The languages ResolveFX has texts for. */
    public static final List<String> KNOWN_LANGUAGES = List.of("en", "de");

    public Lesson {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(level, "level");
        languages = List.copyOf(languages);
        Objects.requireNonNull(world, "world");
        scenarios = List.copyOf(scenarios);
        questions = List.copyOf(questions);
    }

    public Optional<LessonScenario> scenario(String scenarioId) {
        return scenarios.stream().filter(s -> s.id().equals(scenarioId)).findFirst();
    }

    /** The questions about one scenario, in file order. */
    public List<PredictQuestion> questionsFor(String scenarioId) {
        List<PredictQuestion> out = new ArrayList<>();
        for (PredictQuestion q : questions) {
            if (q.scenario().equals(scenarioId)) {
                out.add(q);
            }
        }
        return out;
    }
}
