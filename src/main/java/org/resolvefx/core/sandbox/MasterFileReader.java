package org.resolvefx.core.sandbox;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * Reads RFC 1035 master-file text (zone files, root hints) with dnsjava's {@link Master} and tells
 * on which line each record ends, which Master does not expose. Written by hand only for that line
 * count: a one-byte buffer between Master's tokenizer and the text, so the bytes consumed so far
 * say where the tokenizer is. {@code $INCLUDE} is refused: a lesson's file must not read other
 * files of the machine.
 */
public final class MasterFileReader {
    private static final Pattern TOKENIZER_LINE = Pattern.compile("^<none>:(\\d+): ");

    private MasterFileReader() {
    }

    /** What to do with each record; may throw its own exception to stop reading. */
    @FunctionalInterface
    public interface RecordHandler<E extends Exception> {
        void accept(Record record, int line) throws E;
    }

    /** The text is not a valid master file: the line and the problem, without dnsjava's location prefix. */
    public static final class Fault extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        Fault(int line, String problem, Throwable cause) {
            super(problem, cause);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /**
     * Hands every record with its line to {@code handler}, in file order.
     *
     * @param origin     the origin for relative names
     * @param defaultTtl the TTL of records that give none (before any $TTL)
     */
    @SuppressWarnings("unchecked")
    public static <E extends Exception> void read(String text, Name origin, long defaultTtl, RecordHandler<E> handler)
            throws Fault, E {
        LineCountingStream counting = new LineCountingStream(text.getBytes(StandardCharsets.UTF_8));
        // the handler's own exceptions pass through unchanged; only dnsjava's become a Fault
        Exception fromHandler = null;
        try (Master master = new Master(new BufferedInputStream(counting, 1), origin, defaultTtl)) {
            master.disableIncludes(true);
            Record r;
            while (fromHandler == null && (r = master.nextRecord()) != null) {
                try {
                    handler.accept(r, counting.currentLine());
                } catch (Exception e) {
                    fromHandler = e;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new Fault(lineOf(e, counting), describe(e), e);
        }
        if (fromHandler instanceof RuntimeException re) {
            throw re;
        }
        if (fromHandler != null) {
            throw (E) fromHandler;
        }
    }

    /**
     * The line the failing token is on. dnsjava counts a line as soon as its newline is read, so an
     * error at the end of a line ("expected an address") carries the next line's number; our own count
     * of the bytes consumed knows better. dnsjava's number is the fallback.
     */
    private static int lineOf(Exception e, LineCountingStream counting) {
        if (counting.consumed > 0) {
            return counting.currentLine();
        }
        String m = e.getMessage();
        if (m != null) {
            Matcher matcher = TOKENIZER_LINE.matcher(m);
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        return 1;
    }

    /** dnsjava's message without its "<none>:12: " prefix (callers add the real file name and line). */
    private static String describe(Exception e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return "cannot read: " + e.getClass().getSimpleName();
        }
        return "syntax error: " + TOKENIZER_LINE.matcher(m).replaceFirst("");
    }

    /** Counts the newlines handed out, one byte at a time. */
    private static final class LineCountingStream extends InputStream {
        private final byte[] bytes;
        private int pos;
        int newlines;
        int consumed;
        int lastByte = -1;

        LineCountingStream(byte[] bytes) {
            this.bytes = bytes;
        }

        /** The line the tokenizer is on (a record just returned ends on it). */
        int currentLine() {
            return lastByte == '\n' ? newlines : newlines + 1;
        }

        @Override
        public int read() {
            if (pos >= bytes.length) {
                return -1;
            }
            int c = bytes[pos++] & 0xFF;
            consumed++;
            lastByte = c;
            if (c == '\n') {
                newlines++;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            int c = read();
            if (c < 0) {
                return -1;
            }
            b[off] = (byte) c;
            return 1;
        }

        @Override
        public int available() {
            return 0; // never let a reader pull ahead of the line count
        }
    }
}
