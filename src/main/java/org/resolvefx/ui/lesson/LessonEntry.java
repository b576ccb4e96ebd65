package org.resolvefx.ui.lesson;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resolvefx.core.lesson.Lesson;
import org.resolvefx.core.lesson.LoadedLesson;

/**
 * One lesson of the browser: shipped with ResolveFX (no path) or opened from a folder or archive.
 *
 * @param loaded the lesson as loaded, with its problems
 * @param path   the folder or .rfxlesson file it was opened from; null for a shipped lesson
 */
public record LessonEntry(LoadedLesson loaded, Path path) {
    private static final Pattern NUMBER = Pattern.compile("^(\\d{1,3})-");

    public LessonEntry {
        Objects.requireNonNull(loaded, "loaded");
    }

    public boolean isShipped() {
        return path == null;
    }

    /** A broken lesson is listed, but cannot be started. */
    public boolean isBroken() {
        return !loaded.isValid();
    }

    public Optional<Lesson> lesson() {
        return loaded.lesson();
    }

    /** The lesson's number from its id or folder ("02-recursive-iterative" is 2), empty for others. */
    public Optional<Integer> number() {
        String id = loaded.lesson().map(Lesson::id).orElse(folderName());
        Matcher m = NUMBER.matcher(id);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /** The title in the interface language, or the folder or file name when lesson.json could not be read. */
    public String title(Locale locale) {
        return loaded.lesson().map(l -> l.title().text(locale)).orElse(folderName());
    }

    private String folderName() {
        String s = loaded.source();
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        return slash >= 0 && slash < s.length() - 1 ? s.substring(slash + 1) : s;
    }
}
