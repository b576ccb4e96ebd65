package org.resolvefx.core.lesson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scenario's narration in one language, read from {@code narration/SCENARIO.LANG.md}:
 *
 * <pre>
 * # Any title (ignored)
 *
 * Introduction, shown before the first step.
 *
 * ## Step 1
 * What happens in step 1 (Markdown).
 *
 * ### Notes
 * For the presenter view only.
 *
 * ## Step 2
 * ...
 * </pre>
 *
 * "Schritt" and "Notizen" work as well. Headings inside code fences are text. Any other
 * second-level heading is reported, as are duplicate steps and steps without text.
 *
 * <p>Written by hand rather than with a Markdown library: only headings need to be found, and
 * the CommonMark libraries would add a dependency without knowing what a step is.
 *
 * @param language   "en" or "de"
 * @param file       the file as named in messages
 * @param intro      text before the first step ("" if none)
 * @param introNotes presenter notes before the first step ("" if none)
 * @param steps      text per step number
 */
public record NarrationMarkdown(String language, String file, String intro, String introNotes,
                                Map<Integer, StepText> steps) {

    private static final Pattern STEP = Pattern.compile("^##\\s+(?:step|schritt)\\s+(\\d{1,6})\\s*:?\\s*#*\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOTES = Pattern.compile("^###\\s+(?:notes|notizen)\\s*:?\\s*#*\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LEVEL2 = Pattern.compile("^##(?!#)\\s*(.*)$");
    private static final Pattern LEVEL1 = Pattern.compile("^#(?!#)\\s*(.*)$");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~).*$");

    public NarrationMarkdown {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(intro, "intro");
        Objects.requireNonNull(introNotes, "introNotes");
        steps = Collections.unmodifiableMap(new TreeMap<>(steps));
    }

    /**
     * The text of one step.
     *
     * @param step     step number (1-based)
     * @param markdown the narration ("" if the section is empty)
     * @param notes    presenter notes ("" if none)
     * @param line     line of the step's heading
     */
    public record StepText(int step, String markdown, String notes, int line) {
        public StepText {
            Objects.requireNonNull(markdown, "markdown");
            Objects.requireNonNull(notes, "notes");
        }
    }

    public Optional<StepText> step(int n) {
        return Optional.ofNullable(steps.get(n));
    }

    /** Parses the text; problems (with lines) go to {@code problems}, never an exception. */
    public static NarrationMarkdown parse(String text, String file, String language, List<LessonProblem> problems) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        Map<Integer, StepText> steps = new TreeMap<>();
        StringBuilder intro = new StringBuilder();
        StringBuilder introNotes = new StringBuilder();
        StringBuilder body = intro;
        StringBuilder notes = null;
        int current = 0;
        int currentLine = 0;
        boolean inFence = false;
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNo = i + 1;
            Matcher f = FENCE.matcher(line);
            if (f.matches()) {
                if (!inFence) {
                    inFence = true;
                    fence = f.group(1);
                } else if (line.trim().startsWith(fence)) {
                    inFence = false;
                }
                (notes != null ? notes : body).append(line).append('\n');
                continue;
            }
            if (!inFence) {
                Matcher step = STEP.matcher(line);
                if (step.matches()) {
                    close(steps, current, body, notes, currentLine);
                    current = Integer.parseInt(step.group(1));
                    currentLine = lineNo;
                    if (current < 1) {
                        problems.add(LessonProblem.of(file, lineNo, "steps count from 1, not " + current));
                        current = -1;
                    } else if (steps.containsKey(current)) {
                        problems.add(LessonProblem.of(file, lineNo, "step " + current + " appears twice (first on line "
                                + steps.get(current).line() + ")"));
                        current = -1;
                    }
                    body = new StringBuilder();
                    notes = null;
                    continue;
                }
                if (NOTES.matcher(line).matches()) {
                    if (notes != null) {
                        problems.add(LessonProblem.of(file, lineNo, "a second notes section in the same step"));
                    }
                    notes = current == 0 ? introNotes : new StringBuilder();
                    continue;
                }
                Matcher h2 = LEVEL2.matcher(line);
                if (h2.matches()) {
                    problems.add(LessonProblem.of(file, lineNo, "unexpected heading '" + line.trim()
                            + "': narration is divided by '## Step N' headings (presenter notes: '### Notes')"));
                    continue;
                }
                if (LEVEL1.matcher(line).matches() && current == 0) {
                    continue; // the file's title
                }
            }
            (notes != null ? notes : body).append(line).append('\n');
        }
        if (inFence) {
            problems.add(LessonProblem.of(file, lines.length, "a code block (" + fence + ") is not closed"));
        }
        close(steps, current, body, notes, currentLine);
        for (StepText s : steps.values()) {
            if (s.markdown().isEmpty()) {
                problems.add(LessonProblem.of(file, s.line(), "step " + s.step() + " has a heading but no text"));
            }
        }
        return new NarrationMarkdown(language.toLowerCase(Locale.ROOT), file, intro.toString().strip(),
                introNotes.toString().strip(), steps);
    }

    private static void close(Map<Integer, StepText> steps, int current, StringBuilder body, StringBuilder notes,
                              int line) {
        if (current > 0) {
            steps.put(current, new StepText(current, body.toString().strip(), notes == null ? ""
                    : notes.toString().strip(), line));
        }
    }

    /** Step numbers with text. */
    public List<Integer> coveredSteps() {
        List<Integer> out = new ArrayList<>();
        steps.forEach((n, s) -> {
            if (!s.markdown().isEmpty()) {
                out.add(n);
            }
        });
        return out;
    }

    /**
     * Markdown as one plain line of text for places that show plain text (the narration bar, trace
     * files): emphasis ({@code **bold**}, {@code *italic*}) and code marks removed (single
     * underscores stay: DNS names such as {@code _tcp} contain them), links reduced to their text, the lines of a
     * paragraph joined, paragraphs and list items kept on lines of their own.
     */
    public static String plain(String markdown) {
        StringBuilder out = new StringBuilder();
        StringBuilder para = new StringBuilder();
        for (String raw : markdown.split("\r\n|\r|\n", -1)) {
            String line = raw.strip();
            boolean item = line.matches("^([-*+]|\\d+[.)])\\s+.*");
            if (line.isEmpty() || item) {
                flush(out, para);
            }
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("```") || line.startsWith("~~~")) {
                continue;
            }
            if (line.startsWith("#")) {
                line = line.replaceFirst("^#+\\s*", "");
            }
            if (line.startsWith(">")) {
                line = line.replaceFirst("^>\\s?", "");
            }
            if (para.length() > 0) {
                para.append(' ');
            }
            para.append(line);
        }
        flush(out, para);
        return out.toString();
    }

    private static void flush(StringBuilder out, StringBuilder para) {
        if (para.length() == 0) {
            return;
        }
        String text = para.toString()
                .replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
                .replaceAll("\\*\\*(.+?)\\*\\*", "$1")
                .replaceAll("__(.+?)__", "$1")
                .replaceAll("(?<![\\w*])\\*(?!\\s)(.+?)(?<!\\s)\\*(?![\\w*])", "$1")
                .replaceAll("`([^`]*)`", "$1")
                .replaceAll("\\\\([\\\\`*_{}\\[\\]()#+\\-.!])", "$1");
        if (out.length() > 0) {
            out.append('\n');
        }
        out.append(text);
        para.setLength(0);
    }
}
