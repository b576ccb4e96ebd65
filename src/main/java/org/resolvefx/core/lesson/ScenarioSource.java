package org.resolvefx.core.lesson;

import java.util.List;
import java.util.Objects;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;

/** What a scenario shows: a lookup run in the lesson's sandbox world, or a recorded trace. */
public sealed interface ScenarioSource {

    /**
     * A lookup in the sandbox, run afresh every time (deterministic: seeded, virtual clock).
     *
     * @param question what the client asks
     * @param mode     iterative, recursive or stub
     * @param server   stub mode: the server asked (a server name of the world or an IP address); else null
     * @param before   how the cache is prepared (empty: cold)
     * @param options  resolver and network settings
     * @param world    changes to the lesson's world for this scenario only
     */
    record Lookup(Question question, ResolutionMode mode, String server, List<CacheStep> before,
                  LessonOptions options, WorldChanges world) implements ScenarioSource {
        public Lookup {
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(mode, "mode");
            before = List.copyOf(before);
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(world, "world");
        }
    }

    /** A trace recorded earlier (live or sandbox), stored in the lesson as a .trace.json file. */
    record Recorded(String traceFile) implements ScenarioSource {
        public Recorded {
            Objects.requireNonNull(traceFile, "traceFile");
        }
    }
}
