package org.resolvefx.core.wire;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * A one-line summary of a DNS message read straight from the header and the first question,
 * without building the field tree; for listing captures of hundreds of thousands of messages.
 * Never throws: a message too short for a header gives {@code malformed} true and zero counts,
 * a cut or looping first name gives the question text "?".
 *
 * @param length      message length in bytes
 * @param id          transaction ID
 * @param response    QR bit
 * @param opcode      header opcode (0 query, 4 notify, 5 update, ...)
 * @param flags       set flags as dig prints them, "qr aa rd ra" ("" if none)
 * @param rcode       header rcode (the low four bits only; EDNS extended bits are not read)
 * @param question    first question as dig prints it, "www.example.com. A" ("" if there is none)
 * @param questions   QDCOUNT
 * @param answers     ANCOUNT
 * @param authorities NSCOUNT
 * @param additionals ARCOUNT
 * @param malformed   true if the message is shorter than a header or its first question is cut or bad
 */
public record MessageSummary(int length, int id, boolean response, int opcode, String flags, int rcode,
                             String question, int questions, int answers, int authorities, int additionals,
                             boolean malformed) {

    /** Flag letters for every combination of QR AA TC RD RA AD CD, computed once so summaries allocate less. */
    private static final String[] FLAG_TEXT = new String[128];
    private static final String[] FLAG_NAMES = {"qr", "aa", "tc", "rd", "ra", "ad", "cd"};
    private static final int[] FLAG_BITS = {0x8000, 0x0400, 0x0200, 0x0100, 0x0080, 0x0020, 0x0010};

    static {
        for (int combo = 0; combo < 128; combo++) {
            StringBuilder sb = new StringBuilder(20);
            for (int i = 0; i < 7; i++) {
                if ((combo & (1 << i)) != 0) {
                    if (sb.length() > 0) {
                        sb.append(' ');
                    }
                    sb.append(FLAG_NAMES[i]);
                }
            }
            FLAG_TEXT[combo] = sb.toString();
        }
    }

    public static MessageSummary of(byte[] m) {
        if (m == null || m.length < 12) {
            int len = m == null ? 0 : m.length;
            int id = len >= 2 ? u16(m, 0) : 0;
            int flags = len >= 4 ? u16(m, 2) : 0;
            return new MessageSummary(len, id, (flags & 0x8000) != 0, (flags >> 11) & 0xF, flagText(flags),
                    flags & 0xF, "", 0, 0, 0, 0, true);
        }
        int flags = u16(m, 2);
        int qd = u16(m, 4);
        String question = "";
        boolean malformed = false;
        if (qd > 0) {
            question = firstQuestion(m);
            malformed = question == null;
            if (malformed) {
                question = "?";
            }
        }
        return new MessageSummary(m.length, u16(m, 0), (flags & 0x8000) != 0, (flags >> 11) & 0xF, flagText(flags),
                flags & 0xF, question, qd, u16(m, 6), u16(m, 8), u16(m, 10), malformed);
    }

    private static String flagText(int flags) {
        int combo = 0;
        for (int i = 0; i < 7; i++) {
            if ((flags & FLAG_BITS[i]) != 0) {
                combo |= 1 << i;
            }
        }
        return FLAG_TEXT[combo];
    }

    private static int u16(byte[] m, int at) {
        return ((m[at] & 0xFF) << 8) | (m[at + 1] & 0xFF);
    }

    /** "name. [CLASS] TYPE" of the question at byte 12, or null if it is cut or its name is bad. */
    private static String firstQuestion(byte[] m) {
        StringBuilder sb = new StringBuilder(48);
        int pos = 12;
        int after = -1;
        int segmentStart = pos;
        int wire = 0;
        while (true) {
            if (pos >= m.length) {
                return null;
            }
            int c = m[pos] & 0xFF;
            if (c == 0) {
                if (after < 0) {
                    after = pos + 1;
                }
                break;
            }
            if ((c & 0xC0) == 0xC0) {
                if (pos + 1 >= m.length) {
                    return null;
                }
                int target = ((c & 0x3F) << 8) | (m[pos + 1] & 0xFF);
                if (target >= segmentStart) {
                    return null;
                }
                if (after < 0) {
                    after = pos + 2;
                }
                pos = target;
                segmentStart = target;
                continue;
            }
            if ((c & 0xC0) != 0 || pos + 1 + c > m.length) {
                return null;
            }
            wire += c + 1;
            if (wire > 254) {
                return null;
            }
            for (int i = pos + 1; i <= pos + c; i++) {
                int ch = m[i] & 0xFF;
                if (ch == '.' || ch == '\\') {
                    sb.append('\\').append((char) ch);
                } else if (ch > 0x20 && ch < 0x7F) {
                    sb.append((char) ch);
                } else {
                    // dig's escape for other bytes: \DDD in decimal
                    sb.append('\\').append((char) ('0' + ch / 100)).append((char) ('0' + ch / 10 % 10))
                            .append((char) ('0' + ch % 10));
                }
            }
            sb.append('.');
            pos += 1 + c;
        }
        if (sb.length() == 0) {
            sb.append('.');
        }
        if (after + 4 > m.length) {
            return null;
        }
        int type = u16(m, after);
        int dclass = u16(m, after + 2);
        sb.append(' ');
        if (dclass != DClass.IN) {
            sb.append(DClass.string(dclass)).append(' ');
        }
        return sb.append(typeName(type)).toString();
    }

    /**
     * The names of the types a capture is made of, by number. Why not dnsjava's {@link Type#string} for
     * these: its first use sets up a factory lambda for every record type (about 60 ms of start-up, a
     * tenth of `inspect --summary` on 400,000 messages) and then looks each name up in a boxed-integer map.
     * Every other type goes to dnsjava; a test checks this table against it.
     */
    static final String[] COMMON_TYPE_NAMES = new String[256];

    static {
        // Type's constants are compile-time ints: naming them here does not initialise the class
        common(Type.A, "A");
        common(Type.NS, "NS");
        common(Type.CNAME, "CNAME");
        common(Type.SOA, "SOA");
        common(Type.PTR, "PTR");
        common(Type.HINFO, "HINFO");
        common(Type.MX, "MX");
        common(Type.TXT, "TXT");
        common(Type.AAAA, "AAAA");
        common(Type.SRV, "SRV");
        common(Type.NAPTR, "NAPTR");
        common(Type.DNAME, "DNAME");
        common(Type.OPT, "OPT");
        common(Type.DS, "DS");
        common(Type.RRSIG, "RRSIG");
        common(Type.NSEC, "NSEC");
        common(Type.DNSKEY, "DNSKEY");
        common(Type.NSEC3, "NSEC3");
        common(Type.TLSA, "TLSA");
        common(Type.SVCB, "SVCB");
        common(Type.HTTPS, "HTTPS");
        common(Type.SPF, "SPF");
        common(Type.IXFR, "IXFR");
        common(Type.AXFR, "AXFR");
        common(Type.ANY, "ANY");
    }

    private static void common(int type, String name) {
        COMMON_TYPE_NAMES[type] = name;
    }

    private static String typeName(int type) {
        String name = type < COMMON_TYPE_NAMES.length ? COMMON_TYPE_NAMES[type] : null;
        return name != null ? name : Type.string(type);
    }

    /** Opcode name as dig prints it ("QUERY", "NOTIFY"). */
    public String opcodeName() {
        return Opcode.string(opcode);
    }

    /** Rcode name as dig prints it ("NOERROR", "NXDOMAIN"). */
    public String rcodeName() {
        return Rcode.string(rcode);
    }

    /**
     * One line, e.g. "0x6ecf response QUERY NOERROR qr rd ra www.example.com. A qd=1 an=2 ns=0 ar=1";
     * "[malformed]" is appended when the message is cut or bad.
     */
    public String text() {
        StringBuilder sb = new StringBuilder(100);
        sb.append(FieldDef.hexPadded(id, 2)).append(response ? " response " : " query ").append(opcodeName());
        if (response) {
            sb.append(' ').append(rcodeName());
        }
        if (!flags.isEmpty()) {
            sb.append(' ').append(flags);
        }
        if (!question.isEmpty()) {
            sb.append(' ').append(question);
        }
        sb.append(" qd=").append(questions).append(" an=").append(answers).append(" ns=").append(authorities)
                .append(" ar=").append(additionals);
        if (malformed) {
            sb.append(" [malformed]");
        }
        return sb.toString();
    }
}
