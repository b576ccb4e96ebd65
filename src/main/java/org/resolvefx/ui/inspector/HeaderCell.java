package org.resolvefx.ui.inspector;

import java.util.List;

/**
 * One cell of the RFC 1035 header diagram: a header field, the bits it occupies, and how it is
 * called on the slide. Row r covers header bytes 2r and 2r+1; bits are numbered 0 (most
 * significant) to 15 as in RFC 1035 section 4.1.1.
 */
record HeaderCell(String fieldId, String shortName, int row, int firstBit, int bitCount) {

    /** The header as RFC 1035 draws it, with the AD and CD bits of RFC 4035 taken out of Z. */
    static final List<HeaderCell> ALL = List.of(
            new HeaderCell("dns.id", "ID", 0, 0, 16),
            new HeaderCell("dns.flags.response", "QR", 1, 0, 1),
            new HeaderCell("dns.flags.opcode", "Opcode", 1, 1, 4),
            new HeaderCell("dns.flags.authoritative", "AA", 1, 5, 1),
            new HeaderCell("dns.flags.truncated", "TC", 1, 6, 1),
            new HeaderCell("dns.flags.recdesired", "RD", 1, 7, 1),
            new HeaderCell("dns.flags.recavail", "RA", 1, 8, 1),
            new HeaderCell("dns.flags.z", "Z", 1, 9, 1),
            new HeaderCell("dns.flags.authenticated", "AD", 1, 10, 1),
            new HeaderCell("dns.flags.checkdisable", "CD", 1, 11, 1),
            new HeaderCell("dns.flags.rcode", "RCODE", 1, 12, 4),
            new HeaderCell("dns.count.queries", "QDCOUNT", 2, 0, 16),
            new HeaderCell("dns.count.answers", "ANCOUNT", 3, 0, 16),
            new HeaderCell("dns.count.auth_rr", "NSCOUNT", 4, 0, 16),
            new HeaderCell("dns.count.add_rr", "ARCOUNT", 5, 0, 16));

    int byteOffset() {
        return 2 * row;
    }

    /** The 16-bit mask of this cell within its row. */
    int mask() {
        return ((1 << bitCount) - 1) << (16 - firstBit - bitCount);
    }

    /** The cell's value from the message bytes, or -1 when the message is too short to hold it. */
    int valueIn(byte[] message) {
        int off = byteOffset();
        if (message.length < off + 2) {
            return -1;
        }
        int word = ((message[off] & 0xFF) << 8) | (message[off + 1] & 0xFF);
        return (word & mask()) >>> (16 - firstBit - bitCount);
    }

    /** True when the bytes and mask of a field touch this cell (a mask of 0 means all bits of its bytes). */
    boolean touchedBy(int fieldOffset, int fieldLength, long fieldMask) {
        int off = byteOffset();
        int start = Math.max(off, fieldOffset);
        int end = Math.min(off + 2, fieldOffset + fieldLength);
        if (start >= end) {
            return false;
        }
        int rowBits;
        if (fieldMask == 0) {
            rowBits = 0;
            for (int b = start; b < end; b++) {
                rowBits |= 0xFF << (8 * (off + 1 - b));
            }
        } else {
            // the field's mask is aligned to the field's last byte, as Wireshark reports it
            int shift = 8 * ((fieldOffset + fieldLength) - (off + 2));
            long aligned = shift >= 0 ? fieldMask >>> shift : fieldMask << -shift;
            rowBits = (int) (aligned & 0xFFFF);
        }
        return (rowBits & mask()) != 0;
    }
}
