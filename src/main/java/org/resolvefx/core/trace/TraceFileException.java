package org.resolvefx.core.trace;

import java.io.IOException;
import java.util.List;

/**
 * A trace file that cannot be read, with where and why:
 * "lecture.trace.json: events[3].message.hex: not hexadecimal (line 57)" or
 * "lecture.trace.json: line 12, column 4: unexpected end of input".
 */
public final class TraceFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String sourceName;
    private final String location;
    private final String problem;
    private final List<String> allProblems;

    /**
     * @param sourceName  file name (or other source) as the user knows it
     * @param location    JSON path ("events[3].message.hex") or "line 12, column 4"; empty when the whole file is meant
     * @param problem     what is wrong, in plain words
     * @param allProblems every problem found (schema validation may find several), first one first
     */
    public TraceFileException(String sourceName, String location, String problem, List<String> allProblems,
                              Throwable cause) {
        super(compose(sourceName, location, problem, allProblems.size()), cause);
        this.sourceName = sourceName;
        this.location = location;
        this.problem = problem;
        this.allProblems = List.copyOf(allProblems);
    }

    public TraceFileException(String sourceName, String location, String problem) {
        this(sourceName, location, problem, List.of(join(location, problem)), null);
    }

    public TraceFileException(String sourceName, String location, String problem, Throwable cause) {
        this(sourceName, location, problem, List.of(join(location, problem)), cause);
    }

    private static String compose(String source, String location, String problem, int count) {
        String text = source + ": " + join(location, problem);
        return count > 1 ? text + " (and " + (count - 1) + " more problem" + (count > 2 ? "s" : "") + ")" : text;
    }

    private static String join(String location, String problem) {
        return location == null || location.isEmpty() ? problem : location + ": " + problem;
    }

    public String sourceName() {
        return sourceName;
    }

    /** JSON path or line/column of the (first) problem; empty for the whole file. */
    public String location() {
        return location;
    }

    public String problem() {
        return problem;
    }

    /** Every problem as "location: problem", for a dialog that lists them all. */
    public List<String> allProblems() {
        return allProblems;
    }
}
