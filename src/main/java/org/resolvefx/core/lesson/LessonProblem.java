package org.resolvefx.core.lesson;

import java.util.Objects;

/**
 * One thing wrong with a lesson, where it is. Printed the way compilers and editors print problems,
 * so a lecturer can jump to it: {@code lessons/02-recursive/lesson.json:14: ...}.
 *
 * @param file    the file as the user knows it ("lessons/02-recursive/lesson.json",
 *                "x.rfxlesson!/zones/de.zone"), or the lesson itself when no single file is meant
 * @param line    1-based line, 0 where no line applies (a missing file)
 * @param column  1-based column, 0 where not known
 * @param message what is wrong, in plain words
 */
public record LessonProblem(String file, int line, int column, String message) implements Comparable<LessonProblem> {
    public LessonProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        line = Math.max(0, line);
        column = Math.max(0, column);
    }

    public static LessonProblem of(String file, int line, String message) {
        return new LessonProblem(file, line, 0, message);
    }

    /** "file:line: message", or "file: message" without a line. */
    public String format() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }

    @Override
    public String toString() {
        return format();
    }

    /** File, then line, then column: the order a reader meets them. */
    @Override
    public int compareTo(LessonProblem o) {
        int c = file.compareTo(o.file);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }
}
