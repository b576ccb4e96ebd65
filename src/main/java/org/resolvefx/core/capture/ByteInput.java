package org.resolvefx.core.capture;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Buffered forward-only reading with an exact byte position, a look-ahead for format detection and
 * reads that report how much was really there (so a truncated file gives a precise message, not an EOFException).
 */
final class ByteInput implements Closeable {
    private static final int CHUNK = 64 * 1024;

    private final InputStream in;
    private byte[] buf = new byte[CHUNK];
    private int pos;
    private int limit;
    private boolean eof;
    /** Volatile: a UI thread reads {@link #position()} for progress. */
    private volatile long consumed;

    ByteInput(InputStream in) {
        this.in = in;
    }

    /** Offset of the next byte to be read. */
    long position() {
        return consumed;
    }

    /**
     * Makes up to {@code n} bytes available without consuming them and returns how many are (fewer only at the
     * end of the input). {@code n} may exceed the normal chunk size (the raw-message check peeks 64 KiB + 1).
     */
    int peek(int n) throws IOException {
        fill(n);
        return Math.min(n, limit - pos);
    }

    /** The byte at {@code pos + i}; only valid after {@link #peek} made it available. */
    byte peekByte(int i) {
        return buf[pos + i];
    }

    /** Copies the available look-ahead (at most {@code n} bytes) without consuming it. */
    byte[] peekBytes(int n) throws IOException {
        int have = peek(n);
        byte[] out = new byte[have];
        System.arraycopy(buf, pos, out, 0, have);
        return out;
    }

    /** Reads up to {@code len} bytes into {@code dst}; returns the count, smaller than {@code len} only at the end. */
    int read(byte[] dst, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            if (pos == limit) {
                if (len - done >= CHUNK) {
                    // large read: straight into the destination, no double copy
                    int n = readRaw(dst, off + done, len - done);
                    if (n <= 0) {
                        break;
                    }
                    done += n;
                    consumed += n;
                    continue;
                }
                fill(1);
                if (pos == limit) {
                    break;
                }
            }
            int n = Math.min(len - done, limit - pos);
            System.arraycopy(buf, pos, dst, off + done, n);
            pos += n;
            done += n;
            consumed += n;
        }
        return done;
    }

    /** Skips up to {@code n} bytes; returns how many were skipped (fewer only at the end of the input). */
    long skip(long n) throws IOException {
        long done = 0;
        while (done < n) {
            if (pos == limit) {
                fill(1);
                if (pos == limit) {
                    break;
                }
            }
            int k = (int) Math.min(n - done, limit - pos);
            pos += k;
            done += k;
            consumed += k;
        }
        return done;
    }

    /**
     * Reads one line (without its line end), or returns null at the end of the input. A line longer than
     * {@code max} bytes is cut there: the rest comes as the next line, and the caller sees the long piece.
     */
    byte[] readLine(int max) throws IOException {
        if (peek(1) == 0) {
            return null;
        }
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        while (line.size() < max) {
            if (pos == limit) {
                fill(1);
                if (pos == limit) {
                    break;
                }
            }
            int i = pos;
            int stop = Math.min(limit, pos + (max - line.size()));
            while (i < stop && buf[i] != '\n') {
                i++;
            }
            line.write(buf, pos, i - pos);
            consumed += i - pos;
            if (i < limit && buf[i] == '\n' && i < stop) {
                pos = i + 1;
                consumed++;
                break;
            }
            pos = i;
        }
        byte[] b = line.toByteArray();
        if (b.length > 0 && b[b.length - 1] == '\r') {
            return java.util.Arrays.copyOf(b, b.length - 1);
        }
        return b;
    }

    /** True when no byte is left. */
    boolean atEnd() throws IOException {
        return peek(1) == 0;
    }

    private void fill(int n) throws IOException {
        if (limit - pos >= n || eof) {
            return;
        }
        if (pos > 0) {
            // compact: keep the unread part at the start of the buffer
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (n > buf.length) {
            byte[] bigger = new byte[n];
            System.arraycopy(buf, 0, bigger, 0, limit);
            buf = bigger;
        }
        while (limit < n) {
            int r = readRaw(buf, limit, buf.length - limit);
            if (r <= 0) {
                eof = true;
                return;
            }
            limit += r;
        }
    }

    private int readRaw(byte[] b, int off, int len) throws IOException {
        int r = in.read(b, off, len);
        if (r < 0) {
            eof = true;
        }
        return r;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
