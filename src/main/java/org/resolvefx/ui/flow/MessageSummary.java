package org.resolvefx.ui.flow;

import java.util.Objects;
import java.util.Optional;
import org.resolvefx.core.net.Transport;
import org.resolvefx.core.trace.WireMessage;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * What the hover summary of an arrow says about its message. Header bits and counts come straight
 * from the first 12 bytes, so they are shown even for a message dnsjava cannot parse; the question
 * and the extended RCODE come from dnsjava when it can.
 *
 * @param response   QR bit
 * @param flags      the set flags in dig's order and spelling: "qr aa tc rd ra ad cd" (empty if none)
 * @param question   "www.example A", or empty when there is no readable question
 * @param questions  QDCOUNT
 * @param answers    ANCOUNT
 * @param authority  NSCOUNT
 * @param additional ARCOUNT
 * @param rcode      response code (with the EDNS extension when readable), -1 when the header is too short
 * @param size       message length in bytes
 * @param transport  UDP or TCP
 * @param wellFormed dnsjava could parse the whole message
 */
record MessageSummary(boolean response, String flags, String question, int questions, int answers, int authority,
                      int additional, int rcode, int size, Transport transport, boolean wellFormed) {

    private static final int HEADER = 12;

    MessageSummary {
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(transport, "transport");
    }

    static MessageSummary of(WireMessage m) {
        byte[] b = m.unsafeBytes();
        String flags = "";
        boolean response = false;
        int rcode = -1;
        int[] counts = new int[4];
        if (b.length >= 4) {
            int hi = b[2] & 0xFF;
            int lo = b[3] & 0xFF;
            response = (hi & 0x80) != 0;
            StringBuilder f = new StringBuilder();
            flag(f, response, "qr");
            flag(f, (hi & 0x04) != 0, "aa");
            flag(f, (hi & 0x02) != 0, "tc");
            flag(f, (hi & 0x01) != 0, "rd");
            flag(f, (lo & 0x80) != 0, "ra");
            flag(f, (lo & 0x20) != 0, "ad");
            flag(f, (lo & 0x10) != 0, "cd");
            flags = f.toString();
            rcode = lo & 0x0F;
        }
        if (b.length >= HEADER) {
            for (int i = 0; i < 4; i++) {
                counts[i] = ((b[4 + 2 * i] & 0xFF) << 8) | (b[5 + 2 * i] & 0xFF);
            }
        }
        Optional<Message> parsed = m.parse();
        String question = "";
        if (parsed.isPresent()) {
            Message msg = parsed.get();
            rcode = msg.getRcode();
            Record q = msg.getQuestion();
            if (q != null) {
                question = printable(q.getName().toString(true)) + " " + Type.string(q.getType());
            }
        }
        return new MessageSummary(response, flags, question, counts[0], counts[1], counts[2], counts[3], rcode,
                b.length, m.transport(), parsed.isPresent());
    }

    /** "NOERROR", "NXDOMAIN", ... ; "?" when unknown. */
    String rcodeName() {
        return rcode < 0 ? "?" : Rcode.string(rcode);
    }

    private static void flag(StringBuilder f, boolean set, String name) {
        if (set) {
            if (f.length() > 0) {
                f.append(' ');
            }
            f.append(name);
        }
    }

    /** The root prints as "." rather than an empty string. */
    private static String printable(String name) {
        return name.isEmpty() ? "." : name;
    }
}
