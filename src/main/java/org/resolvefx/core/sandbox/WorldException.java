package org.resolvefx.core.sandbox;

import java.util.Optional;

/**
 * A world, manifest or zone file that cannot be used, with where the problem is: the file and,
 * where known, the line (1-based). The message always reads "file:line: problem" or "file: problem",
 * the form editors and compilers use, so a teacher can jump to it.
 */
public final class WorldException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String problem;

    public WorldException(String file, int line, String problem) {
        this(file, line, problem, null);
    }

    public WorldException(String file, int line, String problem, Throwable cause) {
        super(format(file, line, problem), cause);
        this.file = file;
        this.line = Math.max(0, line);
        this.problem = problem == null || problem.isBlank() ? "unknown problem" : problem;
    }

    private static String format(String file, int line, String problem) {
        String p = problem == null || problem.isBlank() ? "unknown problem" : problem;
        if (file == null) {
            return p;
        }
        return line > 0 ? file + ":" + line + ": " + p : file + ": " + p;
    }

    /** The file the problem is in ("world.json", "zones/de.zone"), if any. */
    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    /** 1-based line of the problem, 0 where not known. */
    public int line() {
        return line;
    }

    /** The problem alone, without file and line. */
    public String problem() {
        return problem;
    }
}
