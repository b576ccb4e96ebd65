package org.resolvefx.core.predict;

import java.util.List;
import java.util.Objects;
import org.resolvefx.core.trace.Narration;

/**
 * One multiple-choice question about a step of a trace, asked before the step is shown.
 *
 * <p>Steps are numbered as the narration bar numbers them: step {@code s} is event
 * {@code events[s-1]}, and the cursor shows it at position {@code s}. A question about step
 * {@code s} is asked while the cursor stands at position {@code s-1}, i.e. before stepping forward.
 * Texts are {@link Narration}s (English and German) so that lessons map their bilingual questions
 * onto this record one to one.
 *
 * @param step        the step the question is about, 1..eventCount
 * @param prompt      the question
 * @param choices     two to eight possible answers, in the order shown
 * @param correct     index of the right answer in {@code choices}
 * @param explanation why that answer is right (shown after answering or revealing)
 * @param origin      generated from the trace (with its kind) or authored
 */
public record PredictQuestion(int step, Narration prompt, List<Narration> choices, int correct,
                              Narration explanation, Origin origin) {
    public static final int MIN_CHOICES = 2;
    public static final int MAX_CHOICES = 8;

    public PredictQuestion {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(origin, "origin");
        choices = List.copyOf(choices);
        if (step < 1) {
            throw new IllegalArgumentException("step must be 1 or more (steps count from 1), not " + step);
        }
        if (choices.size() < MIN_CHOICES || choices.size() > MAX_CHOICES) {
            throw new IllegalArgumentException("a question needs " + MIN_CHOICES + " to " + MAX_CHOICES
                    + " choices, not " + choices.size());
        }
        if (correct < 0 || correct >= choices.size()) {
            throw new IllegalArgumentException("correct answer " + correct + " is not one of the "
                    + choices.size() + " choices (counted from 0)");
        }
    }

    /** The cursor position at which the question is asked (one before its step). */
    public int askedAtPosition() {
        return step - 1;
    }

    public Narration correctChoice() {
        return choices.get(correct);
    }

    /** The generated kind, or null for an authored question. */
    public QuestionKind kindOrNull() {
        return origin.kindOrNull();
    }
}
