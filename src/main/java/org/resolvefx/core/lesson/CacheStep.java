package org.resolvefx.core.lesson;

import java.util.Objects;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;

/** One step that brings the resolver's cache into the state a scenario starts from. */
public sealed interface CacheStep {

    /** Resolve a name first (recursively: only the resolver's own lookups fill its cache). */
    record Resolve(Question question, ResolutionMode mode) implements CacheStep {
        public Resolve {
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(mode, "mode");
        }
    }

    /** Move the session clock forward, so TTLs run down ("after 1600 seconds"). */
    record Advance(long seconds) implements CacheStep {
        public Advance {
            if (seconds < 0) {
                throw new IllegalArgumentException("the clock cannot go back: " + seconds);
            }
        }
    }

    /** Forget everything cached except the root hints. */
    record Clear() implements CacheStep {
    }
}
