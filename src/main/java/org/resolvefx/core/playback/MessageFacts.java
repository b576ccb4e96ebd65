package org.resolvefx.core.playback;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.resolvefx.core.trace.WireMessage;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * What playback needs to know about one message, read once. Header bits come straight from the bytes
 * (they are readable even when the rest is not a well-formed message); sections from dnsjava.
 */
final class MessageFacts {
    private static final int MAX_ALIAS_HOPS = 16;

    final boolean wellFormed;
    final boolean response;
    final int id;
    final boolean rd;
    final boolean ra;
    final boolean tc;
    final int rcode;
    final Name qname;
    final int qtype;
    final List<Record> answer;
    final List<Record> authority;
    final List<Record> additional;
    final int length;

    private MessageFacts(boolean wellFormed, boolean response, int id, boolean rd, boolean ra, boolean tc, int rcode,
                         Name qname, int qtype, List<Record> answer, List<Record> authority, List<Record> additional,
                         int length) {
        this.wellFormed = wellFormed;
        this.response = response;
        this.id = id;
        this.rd = rd;
        this.ra = ra;
        this.tc = tc;
        this.rcode = rcode;
        this.qname = qname;
        this.qtype = qtype;
        this.answer = answer;
        this.authority = authority;
        this.additional = additional;
        this.length = length;
    }

    /**
     * @param sentAsQuery true for a MessageSent event; decides query/response only when the bytes are not
     *                    a well-formed message (otherwise the QR bit does)
     */
    static MessageFacts of(WireMessage m, boolean sentAsQuery) {
        byte[] b = m.unsafeBytes();
        boolean headerReadable = b.length >= 4;
        boolean response = headerReadable ? (b[2] & 0x80) != 0 : !sentAsQuery;
        boolean rd = headerReadable && (b[2] & 0x01) != 0;
        boolean tc = headerReadable && (b[2] & 0x02) != 0;
        boolean ra = headerReadable && (b[3] & 0x80) != 0;
        int rcode = headerReadable ? b[3] & 0x0F : -1;
        Message parsed;
        try {
            parsed = new Message(b);
        } catch (IOException | RuntimeException e) {
            parsed = null;
        }
        if (parsed == null) {
            // the header of garbage says nothing: trust the event kind (MessageSent carries queries)
            return new MessageFacts(false, !sentAsQuery, m.id(), rd, ra, tc, -1, null, 0, List.of(), List.of(), List.of(),
                    b.length);
        }
        Record q = parsed.getQuestion();
        return new MessageFacts(true, response, m.id(), rd, ra, tc, parsed.getRcode(), q == null ? null : q.getName(),
                q == null ? 0 : q.getType(), parsed.getSection(Section.ANSWER), parsed.getSection(Section.AUTHORITY),
                parsed.getSection(Section.ADDITIONAL), b.length);
    }

    boolean isErrorRcode() {
        return wellFormed && rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN;
    }

    /**
     * The zone a referral delegates to: a NOERROR response with an empty answer section and NS records
     * (but no SOA) in the authority section.
     */
    Optional<Name> referralZone() {
        if (!wellFormed || !response || rcode != Rcode.NOERROR || !answer.isEmpty()) {
            return Optional.empty();
        }
        Name zone = null;
        for (Record r : authority) {
            if (r.getType() == Type.SOA) {
                return Optional.empty();
            }
            if (r.getType() == Type.NS && zone == null) {
                zone = r.getName();
            }
        }
        return Optional.ofNullable(zone);
    }

    /** NS targets named for {@code zone} in the authority section. */
    List<Name> nameServersOf(Name zone) {
        List<Name> out = new ArrayList<>();
        for (Record r : authority) {
            if (r instanceof NSRecord ns && ns.getName().equals(zone)) {
                out.add(ns.getTarget());
            }
        }
        return out;
    }

    ArrowLabel label() {
        if (!wellFormed) {
            return new ArrowLabel(ArrowLabel.Kind.MALFORMED, "malformed (" + length + " bytes)",
                    "fehlerhaft (" + length + " Bytes)");
        }
        if (!response) {
            if (qname == null) {
                return new ArrowLabel(ArrowLabel.Kind.QUESTION, "query without question", "Anfrage ohne Frage");
            }
            return ArrowLabel.same(ArrowLabel.Kind.QUESTION, Type.string(qtype) + "? " + display(qname));
        }
        if (tc) {
            return ArrowLabel.same(ArrowLabel.Kind.TRUNCATED, "TC=1");
        }
        if (rcode == Rcode.NXDOMAIN) {
            return ArrowLabel.same(ArrowLabel.Kind.NXDOMAIN, "NXDOMAIN");
        }
        if (rcode != Rcode.NOERROR) {
            return ArrowLabel.same(ArrowLabel.Kind.ERROR, Rcode.string(rcode));
        }
        if (!answer.isEmpty()) {
            return answerLabel();
        }
        Optional<Name> referral = referralZone();
        if (referral.isPresent()) {
            String zone = display(referral.get());
            return new ArrowLabel(ArrowLabel.Kind.REFERRAL, "referral to " + zone, "Verweis an " + zone);
        }
        for (Record r : authority) {
            if (r.getType() == Type.SOA) {
                String type = qname == null ? "" : " " + Type.string(qtype);
                return new ArrowLabel(ArrowLabel.Kind.NODATA, "NODATA (no" + type + ")", "NODATA (kein" + type + ")");
            }
        }
        return new ArrowLabel(ArrowLabel.Kind.EMPTY, "empty response", "leere Antwort");
    }

    /** Follows the alias chain from the question name through the answer section. */
    private ArrowLabel answerLabel() {
        Name name = qname;
        boolean viaAlias = false;
        if (name != null && qtype != Type.CNAME) {
            for (int hop = 0; hop < MAX_ALIAS_HOPS; hop++) {
                Name next = null;
                for (Record r : answer) {
                    if (r instanceof CNAMERecord c && c.getName().equals(name)) {
                        next = c.getTarget();
                        break;
                    }
                }
                if (next == null || next.equals(name)) {
                    break;
                }
                name = next;
                viaAlias = true;
            }
        }
        List<Record> finals = new ArrayList<>();
        for (Record r : answer) {
            if (name != null && r.getName().equals(name) && (r.getType() == qtype || qtype == Type.ANY)) {
                finals.add(r);
            }
        }
        if (!finals.isEmpty()) {
            String text = recordText(finals.get(0)) + (finals.size() > 1 ? " +" + (finals.size() - 1) : "");
            return viaAlias
                    ? new ArrowLabel(ArrowLabel.Kind.ANSWER, text + " (via CNAME)", text + " (über CNAME)")
                    : ArrowLabel.same(ArrowLabel.Kind.ANSWER, text);
        }
        if (viaAlias) {
            return ArrowLabel.same(ArrowLabel.Kind.ALIAS, "CNAME " + display(name));
        }
        Record first = answer.get(0);
        return ArrowLabel.same(first.getType() == Type.CNAME || first.getType() == Type.DNAME ? ArrowLabel.Kind.ALIAS
                : ArrowLabel.Kind.ANSWER, recordText(first) + (answer.size() > 1 ? " +" + (answer.size() - 1) : ""));
    }

    /** "A 127.0.31.10", "NS a.nic.de", "MX 10 mail.example.com." */
    static String recordText(Record r) {
        String data;
        if (r instanceof CNAMERecord c) {
            data = display(c.getTarget());
        } else if (r instanceof NSRecord ns) {
            data = display(ns.getTarget());
        } else if (r instanceof DNAMERecord d) {
            data = display(d.getTarget());
        } else if (r instanceof PTRRecord p) {
            data = display(p.getTarget());
        } else {
            data = r.rdataToString();
        }
        return Type.string(r.getType()) + " " + data;
    }

    /** A name as students read it: without the final dot, "." for the root. */
    static String display(Name n) {
        return n.toString(true);
    }
}
