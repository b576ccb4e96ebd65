package org.resolvefx.core.capture;

/**
 * Cheap structural checks that decide whether bytes are a DNS message when no port says so.
 *
 * <p>Written by hand instead of trying {@code new org.xbill.DNS.Message(bytes)}: dnsjava builds every record
 * (costly for each UDP payload of a large capture), ignores bytes after the last record, and rejects
 * well-formed messages whose record data it cannot parse. Here only the framing matters: counts that the
 * bytes can hold, names made of proper labels or backward pointers, records whose data lengths fit, and
 * nothing left over.
 */
final class DnsShape {
    static final int HEADER = 12;
    /** Smallest question: root name (1 byte), type, class. */
    private static final int MIN_QUESTION = 5;
    /** Smallest resource record: root name, type, class, TTL, data length. */
    private static final int MIN_RECORD = 11;

    private DnsShape() {
    }

    /** At least a header, and section counts that the remaining bytes could hold. */
    static boolean headerFits(byte[] b, int off, int len) {
        if (len < HEADER || off + len > b.length) {
            return false;
        }
        long qd = Bytes.u16be(b, off + 4);
        long rr = (long) Bytes.u16be(b, off + 6) + Bytes.u16be(b, off + 8) + Bytes.u16be(b, off + 10);
        return qd * MIN_QUESTION + rr * MIN_RECORD <= len - HEADER;
    }

    /**
     * True when the bytes frame exactly one plausible DNS message: a header with an assigned opcode and at
     * least one entry, then questions and records that parse structurally and end exactly at {@code len}.
     */
    static boolean plausible(byte[] b, int off, int len) {
        if (!headerFits(b, off, len)) {
            return false;
        }
        int opcode = (b[off + 2] >> 3) & 0xF;
        // QUERY, IQUERY (obsolete but seen), STATUS, NOTIFY, UPDATE, DSO
        if (opcode == 3 || opcode > 6) {
            return false;
        }
        int qd = Bytes.u16be(b, off + 4);
        int rr = Bytes.u16be(b, off + 6) + Bytes.u16be(b, off + 8) + Bytes.u16be(b, off + 10);
        if (qd + rr == 0) {
            return false;
        }
        int end = off + len;
        int p = off + HEADER;
        for (int i = 0; i < qd; i++) {
            p = skipName(b, off, p, end);
            if (p < 0 || p + 4 > end) {
                return false;
            }
            p += 4;
        }
        for (int i = 0; i < rr; i++) {
            p = skipName(b, off, p, end);
            if (p < 0 || p + 10 > end) {
                return false;
            }
            int rdLength = Bytes.u16be(b, p + 8);
            p += 10 + rdLength;
            if (p > end) {
                return false;
            }
        }
        return p == end;
    }

    /**
     * Position after the name at {@code p}, or -1 when it is not a well-formed name: labels of at most 63
     * bytes, at most 255 bytes in all, compression pointers that point backwards into the message and lead
     * to well-formed labels.
     */
    private static int skipName(byte[] b, int msg, int p, int end) {
        int after = -1;
        int total = 0;
        int hops = 0;
        while (true) {
            if (p >= end) {
                return -1;
            }
            int len = b[p] & 0xFF;
            if (len == 0) {
                return after >= 0 ? after : p + 1;
            }
            if ((len & 0xC0) == 0xC0) {
                if (p + 1 >= end) {
                    return -1;
                }
                int target = msg + (((len & 0x3F) << 8) | (b[p + 1] & 0xFF));
                if (after < 0) {
                    after = p + 2;
                }
                // backwards only, and a bounded number of jumps, so a pointer loop cannot hang the check
                if (target >= p || target < msg + HEADER || ++hops > 127) {
                    return -1;
                }
                p = target;
                continue;
            }
            if ((len & 0xC0) != 0) {
                return -1; // extended label types (0x40, 0x80) are obsolete or undefined
            }
            total += len + 1;
            if (total > 255 || p + 1 + len > end) {
                return -1;
            }
            p += 1 + len;
        }
    }
}
