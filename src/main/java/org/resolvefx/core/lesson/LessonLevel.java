package org.resolvefx.core.lesson;

import java.util.Locale;
import java.util.Optional;

/** How much a lesson expects students to know already. */
public enum LessonLevel {
    INTRO, INTERMEDIATE, ADVANCED;

    /** The name in lesson.json ("intro"). */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LessonLevel> fromJson(String text) {
        for (LessonLevel l : values()) {
            if (l.jsonName().equals(text)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
