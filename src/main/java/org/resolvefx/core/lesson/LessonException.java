package org.resolvefx.core.lesson;

import java.util.List;

/** A lesson (or one of its scenarios) that cannot be run, with every problem found. */
public final class LessonException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<LessonProblem> problems;

    public LessonException(List<LessonProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    private static String describe(List<LessonProblem> problems) {
        if (problems.isEmpty()) {
            return "the lesson cannot be run";
        }
        String first = problems.get(0).format();
        return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more problem"
                + (problems.size() > 2 ? "s" : "") + ")";
    }

    public List<LessonProblem> problems() {
        return problems;
    }
}
