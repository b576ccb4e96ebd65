package org.resolvefx.core.predict;

import java.util.Objects;

/**
 * What happened to one question: the choice given (or none), after which the answer was shown.
 *
 * @param question the question
 * @param chosen   index of the choice given, or {@link #NO_ANSWER} (revealed in class without recording a
 *                 choice, or skipped)
 */
public record Attempt(PredictQuestion question, int chosen) {
    public static final int NO_ANSWER = -1;

    public Attempt {
        Objects.requireNonNull(question, "question");
        if (chosen != NO_ANSWER && (chosen < 0 || chosen >= question.choices().size())) {
            throw new IllegalArgumentException("choice " + chosen + " is not one of the "
                    + question.choices().size() + " choices");
        }
    }

    public boolean isAnswered() {
        return chosen != NO_ANSWER;
    }

    public boolean isCorrect() {
        return chosen == question.correct();
    }
}
