package org.resolvefx.core.engine;

import java.io.IOException;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Building the engine's own DNS messages with dnsjava, and checking that a response belongs to a query. */
final class DnsMessages {
    private DnsMessages() {
    }

    /**
     * A standard query. {@link Message#newQuery} is not used because it always sets RD; an
     * iterative query must have RD=0.
     *
     * @param udpPayload the EDNS(0) UDP payload size, or -1 for no OPT record
     */
    static byte[] query(int id, Name name, int type, boolean recursionDesired, int udpPayload) {
        Message m = new Message(id);
        Header h = m.getHeader();
        h.setOpcode(Opcode.QUERY);
        if (recursionDesired) {
            h.setFlag(Flags.RD);
        }
        m.addRecord(Record.newRecord(name, type, DClass.IN), Section.QUESTION);
        if (udpPayload > 0) {
            m.addRecord(new OPTRecord(udpPayload, 0, 0), Section.ADDITIONAL);
        }
        return m.toWire();
    }

    /**
     * The resolver's response to its client (RA=1, AA=0 as a cache answers): the alias chain and
     * the records, or the SOA for negative answers; with an OPT record if the query had one.
     */
    static Message response(Message query, int rcode, List<Record> answers, List<Record> authority, int ednsPayload) {
        Message r = new Message(query.getHeader().getID());
        Header h = r.getHeader();
        h.setFlag(Flags.QR);
        if (query.getHeader().getFlag(Flags.RD)) {
            h.setFlag(Flags.RD);
        }
        h.setFlag(Flags.RA);
        h.setRcode(rcode & 0xF);
        r.addRecord(query.getQuestion(), Section.QUESTION);
        for (Record a : answers) {
            r.addRecord(a, Section.ANSWER);
        }
        for (Record a : authority) {
            r.addRecord(a, Section.AUTHORITY);
        }
        if (query.getOPT() != null) {
            r.addRecord(new OPTRecord(ednsPayload, 0, 0), Section.ADDITIONAL);
        }
        return r;
    }

    /** The same response cut to the question (and OPT) with TC=1, as Unbound and NSD send it. */
    static Message truncated(Message full) {
        Message r = new Message(full.getHeader().getID());
        Header h = r.getHeader();
        for (int flag : new int[] {Flags.QR, Flags.RD, Flags.RA, Flags.AA}) {
            if (full.getHeader().getFlag(flag)) {
                h.setFlag(flag);
            }
        }
        h.setFlag(Flags.TC);
        h.setRcode(full.getHeader().getRcode());
        r.addRecord(full.getQuestion(), Section.QUESTION);
        if (full.getOPT() != null) {
            r.addRecord(full.getOPT(), Section.ADDITIONAL);
        }
        return r;
    }

    /**
     * Why a message that arrived on a query's socket is not the response to it, or null when it
     * is: source address and port, QR, ID and question must all match (RFC 5452 section 3).
     */
    static String mismatch(DnsNetwork.Datagram d, org.resolvefx.core.net.SocketAddr expectedFrom, int id, Name name,
                           int type) {
        if (!d.from().equals(expectedFrom)) {
            return "it came from " + d.from() + ", but the query went to " + expectedFrom;
        }
        Message m;
        try {
            m = new Message(d.bytes());
        } catch (IOException | RuntimeException e) {
            return "it is not a valid DNS message (" + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()) + ")";
        }
        if (!m.getHeader().getFlag(Flags.QR)) {
            return "it is a query, not a response";
        }
        if (m.getHeader().getID() != id) {
            return String.format("its ID 0x%04x does not match the query's ID 0x%04x", m.getHeader().getID(), id);
        }
        Record q = m.getQuestion();
        if (q == null) {
            int rcode = m.getRcode();
            // some servers leave out the question in error responses (RFC 6891 7 allows it for FORMERR)
            if (rcode == Rcode.FORMERR || rcode == Rcode.NOTIMP || rcode == Rcode.SERVFAIL || rcode == Rcode.REFUSED
                    || rcode == Rcode.BADVERS) {
                return null;
            }
            return "it has no question section";
        }
        if (!q.getName().equals(name) || q.getType() != type || q.getDClass() != DClass.IN) {
            return "its question (" + q.getName() + " " + Type.string(q.getType()) + ") is not the one asked ("
                    + name + " " + Type.string(type) + ")";
        }
        return null;
    }

    /** Parses bytes already checked by {@link #mismatch}. */
    static Message parse(byte[] bytes) {
        try {
            return new Message(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("checked message no longer parses", e);
        }
    }
}
