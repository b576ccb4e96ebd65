package org.resolvefx.core.predict;

import java.util.List;

/**
 * The tally of a predict session.
 *
 * @param asked    questions whose answer was shown
 * @param answered of those, the ones with a choice given
 * @param correct  of those, the right ones
 */
public record PredictScore(int asked, int answered, int correct) {
    public PredictScore {
        if (asked < 0 || answered < 0 || correct < 0 || answered > asked || correct > answered) {
            throw new IllegalArgumentException("inconsistent score " + correct + "/" + answered + "/" + asked);
        }
    }

    public static PredictScore of(List<Attempt> attempts) {
        int answered = 0;
        int correct = 0;
        for (Attempt a : attempts) {
            if (a.isAnswered()) {
                answered++;
                if (a.isCorrect()) {
                    correct++;
                }
            }
        }
        return new PredictScore(attempts.size(), answered, correct);
    }

    /** Correct answers in percent of the questions asked, rounded; 0 when nothing was asked. */
    public int percent() {
        return asked == 0 ? 0 : (int) Math.round(100.0 * correct / asked);
    }
}
