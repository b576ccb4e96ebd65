package org.resolvefx.core.lesson;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What loading a lesson gave: the lesson (if lesson.json could be read at all), its files, the
 * replayed scenarios and every problem found. A broken lesson is still a {@code LoadedLesson}: the
 * lesson browser marks it and lists {@link #problems()}.
 *
 * @param source   the folder or archive as the user named it ("lessons/02-recursive-iterative")
 * @param lesson   the lesson; empty when lesson.json is missing, not JSON or not in the format
 * @param files    the lesson's files (empty when the folder or archive could not be read)
 * @param runs     the scenarios that could be replayed, in lesson order
 * @param problems everything wrong, sorted by file and line
 */
public record LoadedLesson(String source, Optional<Lesson> lesson, LessonFiles files, List<ScenarioRun> runs,
                           List<LessonProblem> problems) {
    public LoadedLesson {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(lesson, "lesson");
        Objects.requireNonNull(files, "files");
        runs = List.copyOf(runs);
        problems = List.copyOf(problems);
    }

    /** No problems at all: every scenario ran as expected and is narrated. */
    public boolean isValid() {
        return problems.isEmpty() && lesson.isPresent();
    }

    public Optional<ScenarioRun> run(String scenarioId) {
        return runs.stream().filter(r -> r.scenario().id().equals(scenarioId)).findFirst();
    }

    /** The lesson's English title, or the source when it has none. */
    public String displayTitle() {
        return lesson.map(l -> l.title().en()).orElse(source);
    }
}
