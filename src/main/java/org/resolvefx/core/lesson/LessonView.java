package org.resolvefx.core.lesson;

import java.util.Locale;
import java.util.Optional;

/** The classroom views a scenario (or one of its steps) asks the window to show. */
public enum LessonView {
    /** The namespace tree with the zones the lookup walks through. */
    TREE,
    /** The numbered message-flow figure of the lecture. */
    FLOW,
    /** The sequence diagram (long traces). */
    SEQUENCE,
    /** The packet inspector (header bits, sections, bytes). */
    INSPECTOR,
    /** The resolver's cache with TTLs. */
    CACHE;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LessonView> fromJson(String text) {
        for (LessonView v : values()) {
            if (v.jsonName().equals(text)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
