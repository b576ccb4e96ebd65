package org.resolvefx.core.lesson;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A multiple-choice question for predict mode: asked when the presenter reaches {@code step},
 * before the step is shown; showing the step reveals the answer, and the explanation says why.
 * A question without a step is about the whole scenario (asked at its end).
 *
 * @param id          unique within the lesson
 * @param scenario    the scenario's id
 * @param step        the step it predicts (1-based), or null
 * @param kind        what it asks about (for the window's icon), or null
 * @param prompt      the question
 * @param choices     two or more answers, exactly one of them correct
 * @param explanation why the right answer is right
 */
public record PredictQuestion(String id, String scenario, Integer step, Kind kind, Bilingual prompt,
                              List<Choice> choices, Bilingual explanation) {

    public PredictQuestion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(prompt, "prompt");
        choices = List.copyOf(choices);
        Objects.requireNonNull(explanation, "explanation");
    }

    public Optional<Integer> stepNumber() {
        return Optional.ofNullable(step);
    }

    /** Index of the (first) correct choice, -1 if none is marked. */
    public int correctChoice() {
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).correct()) {
                return i;
            }
        }
        return -1;
    }

    /** One possible answer. */
    public record Choice(Bilingual text, boolean correct) {
        public Choice {
            Objects.requireNonNull(text, "text");
        }
    }

    /** What a question asks about. */
    public enum Kind {
        NEXT_SERVER("nextServer"), FLAG("flag"), SECTION("section"), CACHE("cache"), OUTCOME("outcome"),
        CONCEPT("concept");

        private final String jsonName;

        Kind(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }

        public static Optional<Kind> fromJson(String text) {
            for (Kind k : values()) {
                if (k.jsonName.equals(text)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }

        @Override
        public String toString() {
            return jsonName.toLowerCase(Locale.ROOT);
        }
    }
}
