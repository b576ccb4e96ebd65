package org.resolvefx.core.predict;

import java.util.Objects;

/** Where a question comes from: generated from the trace, or written by a lesson author. */
public sealed interface Origin {

    /** Derived from the trace's bytes and events by {@link PredictQuestions#forTrace}. */
    record Generated(QuestionKind kind) implements Origin {
        public Generated {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * Written by hand, e.g. in a lesson.
     *
     * @param source where it was written, for messages and reports ("lessons/caching/lesson.json")
     */
    record Authored(String source) implements Origin {
        public Authored {
            Objects.requireNonNull(source, "source");
        }
    }

    /** The generated kind, or null for authored questions. */
    default QuestionKind kindOrNull() {
        return this instanceof Generated g ? g.kind() : null;
    }
}
