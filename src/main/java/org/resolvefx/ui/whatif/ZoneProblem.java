package org.resolvefx.ui.whatif;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resolvefx.core.sandbox.WorldException;
import org.xbill.DNS.Type;

/**
 * A problem in zone text, with where it is: line and column (both from 1) and the length of the
 * piece to underline. The sandbox's parser names the line; the column is found here, by looking for
 * what the message quotes (a type, an address, a token, an owner) on that line, or for the record data
 * a "expected ..." message is about.
 *
 * <p>Written by hand: dnsjava's tokenizer reports lines but no columns, and no library maps its
 * messages back to a position.
 *
 * @param line    1-based line, 0 when the problem is about the whole zone (no SOA, no NS)
 * @param column  1-based column, 1 when only the line is known
 * @param length  characters to underline from the column (at least 1)
 * @param message the problem without file and line ("syntax error: Invalid type 'AA'")
 */
public record ZoneProblem(int line, int column, int length, String message) {
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");
    private static final Pattern AFTER_COLON = Pattern.compile(
            "(?:Invalid address|Invalid directive|Invalid TTL|Invalid type|bad address|address)[: ]+(\\S+)");
    private static final Pattern IDENTIFIER = Pattern.compile("<identifier: ([^>]+)>");
    private static final Pattern NOT_CLASS = Pattern.compile("only class IN is served, not (\\S+)");
    private static final Pattern OWNER = Pattern.compile("(?:record owner|SOA owner|at) (\\S+?)\\.? ");

    public ZoneProblem {
        Objects.requireNonNull(message, "message");
        line = Math.max(0, line);
        column = Math.max(1, column);
        length = Math.max(1, length);
    }

    /** Where in {@code text} the problem of the exception is. */
    public static ZoneProblem of(WorldException e, String text) {
        String problem = e.problem();
        int line = e.line();
        String[] lines = text.split("\n", -1);
        if (line < 1 || line > lines.length) {
            return new ZoneProblem(line, 1, 1, problem);
        }
        String l = stripComment(lines[line - 1].replace("\r", ""));
        List<String> candidates = new ArrayList<>();
        for (Pattern p : new Pattern[] {QUOTED, AFTER_COLON, IDENTIFIER, NOT_CLASS}) {
            Matcher m = p.matcher(problem);
            while (m.find()) {
                candidates.add(m.group(1));
            }
        }
        for (String c : candidates) {
            int at = tokenIndex(l, c, false);
            if (at >= 0) {
                return new ZoneProblem(line, at + 1, c.length(), problem);
            }
        }
        Matcher ownerName = OWNER.matcher(problem + " ");
        if (ownerName.find()) {
            // owners are printed absolute; the line may write them relative ("www2" for www2.example.)
            int at = tokenIndex(l, ownerName.group(1), true);
            if (at >= 0) {
                int end = at;
                while (end < l.length() && !Character.isWhitespace(l.charAt(end))) {
                    end++;
                }
                return new ZoneProblem(line, at + 1, end - at, problem);
            }
        }
        List<int[]> tokens = tokens(l);
        if (tokens.isEmpty()) {
            return new ZoneProblem(line, 1, Math.max(1, l.length()), problem);
        }
        String lower = problem.toLowerCase(Locale.ROOT);
        if (lower.contains("newline in quoted string")) {
            int quote = l.indexOf('"');
            return new ZoneProblem(line, quote + 1, l.length() - quote, problem);
        }
        if (lower.contains("close parenthesis")) {
            int paren = l.indexOf(')');
            return new ZoneProblem(line, paren + 1, 1, problem);
        }
        if (lower.contains("expected")) {
            // the record data the parser wanted: the first token after the type that does not fit, or the end
            int typeAt = -1;
            for (int i = 0; i < tokens.size(); i++) {
                if (Type.value(token(l, tokens.get(i))) >= 0 && !isNumber(token(l, tokens.get(i)))) {
                    typeAt = i;
                    break;
                }
            }
            if (typeAt >= 0) {
                for (int i = typeAt + 1; i < tokens.size(); i++) {
                    String t = token(l, tokens.get(i));
                    boolean fits = lower.contains("integer") ? isNumber(t)
                            : lower.contains("address") ? looksLikeAddress(t) : true;
                    if (!fits) {
                        return new ZoneProblem(line, tokens.get(i)[0] + 1, t.length(), problem);
                    }
                }
            }
            int end = tokens.get(tokens.size() - 1)[1];
            return new ZoneProblem(line, end + 2, 1, problem);
        }
        int[] first = tokens.get(0);
        return new ZoneProblem(line, first[0] + 1, first[1] - first[0], problem);
    }

    /** The part of a line before a ';' comment (quotes respected). */
    static String stripComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** Start (inclusive) and end (exclusive) of each whitespace-separated token. */
    static List<int[]> tokens(String line) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(new int[] {start, i});
            }
        }
        return out;
    }

    private static String token(String line, int[] t) {
        return line.substring(t[0], t[1]);
    }

    /**
     * Index of {@code wanted} as a whole token of the line (case-insensitive, a trailing dot ignored),
     * else inside a token; -1 if absent. With {@code relativeName}, a token that is a relative form of
     * the wanted absolute name ("www2" for "www2.example") matches too.
     */
    static int tokenIndex(String line, String wanted, boolean relativeName) {
        String w = wanted.toLowerCase(Locale.ROOT);
        String wNoDot = w.endsWith(".") && w.length() > 1 ? w.substring(0, w.length() - 1) : w;
        for (int[] t : tokens(line)) {
            String tok = line.substring(t[0], t[1]).toLowerCase(Locale.ROOT);
            if (tok.equals(w) || tok.equals(wNoDot) || relativeName && wNoDot.startsWith(tok + ".")) {
                return t[0];
            }
        }
        return w.isEmpty() ? -1 : line.toLowerCase(Locale.ROOT).indexOf(w);
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeAddress(String s) {
        return s.matches("[0-9.]+") || s.contains(":");
    }

    /** "Line 34, column 9" style position for people, or "" for a problem of the whole zone. */
    public boolean hasLine() {
        return line > 0;
    }
}
