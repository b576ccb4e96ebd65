package org.resolvefx.core.capture;

/** Unsigned integer reads from byte arrays in either byte order (pcap files come in both). */
final class Bytes {
    private Bytes() {
    }

    static int u8(byte[] b, int off) {
        return b[off] & 0xFF;
    }

    static int u16be(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    static int u16(byte[] b, int off, boolean bigEndian) {
        return bigEndian ? u16be(b, off) : ((b[off + 1] & 0xFF) << 8) | (b[off] & 0xFF);
    }

    /** 32 bits as a non-negative long. */
    static long u32be(byte[] b, int off) {
        return ((long) (b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8)
                | (b[off + 3] & 0xFF);
    }

    static long u32(byte[] b, int off, boolean bigEndian) {
        if (bigEndian) {
            return u32be(b, off);
        }
        return ((long) (b[off + 3] & 0xFF) << 24) | ((b[off + 2] & 0xFF) << 16) | ((b[off + 1] & 0xFF) << 8)
                | (b[off] & 0xFF);
    }

    /** 64 bits; the caller treats the result as unsigned where it matters. */
    static long u64(byte[] b, int off, boolean bigEndian) {
        long first = u32(b, off, bigEndian);
        long second = u32(b, off + 4, bigEndian);
        return bigEndian ? (first << 32) | second : (second << 32) | first;
    }

    /** "7b 22 6e 61" for error messages: {@code len} bytes from {@code off}. */
    static String hex(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = off; i < off + len; i++) {
            if (i > off) {
                sb.append(' ');
            }
            sb.append(Character.forDigit((b[i] >> 4) & 0xF, 16)).append(Character.forDigit(b[i] & 0xF, 16));
        }
        return sb.toString();
    }
}
