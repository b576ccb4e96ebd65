package org.resolvefx.core.wire;

import java.io.IOException;
import java.util.List;
import org.resolvefx.core.net.IpText;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The "Info" column of a message list, worded as Wireshark's packet list words it:
 * "Standard query response 0x6ecf A www.p2p.tu-darmstadt.de CNAME charon... A 127.0.31.10 OPT",
 * "Standard query response 0xe66f No such name A nosuchhost.tu-darmstadt.de SOA ns1.hrz...".
 */
public final class MessageInfo {
    /** Records listed before the line ends in an ellipsis; Wireshark's column is cut on screen anyway. */
    private static final int MAX_RECORDS = 12;

    private MessageInfo() {
    }

    /** Never throws: bytes dnsjava cannot parse fall back to the header summary, marked malformed. */
    public static String of(byte[] message) {
        Message m;
        try {
            m = new Message(message);
        } catch (IOException | RuntimeException e) {
            return "Malformed message: " + MessageSummary.of(message).text();
        }
        StringBuilder sb = new StringBuilder(120);
        int opcode = m.getHeader().getOpcode();
        boolean response = m.getHeader().getFlag(org.xbill.DNS.Flags.QR);
        sb.append(opcode == Opcode.QUERY ? "Standard query" : opcodeText(opcode));
        if (response) {
            sb.append(" response");
        }
        sb.append(String.format(" 0x%04x", m.getHeader().getID()));
        int rcode = m.getRcode();
        if (response && rcode != Rcode.NOERROR) {
            sb.append(' ').append(rcodeText(rcode));
        }
        List<Record> question = m.getSection(Section.QUESTION);
        for (Record q : question) {
            sb.append(' ').append(Type.string(q.getType())).append(' ').append(nameText(q.getName()));
        }
        int listed = 0;
        for (int section : new int[] {Section.ANSWER, Section.AUTHORITY, Section.ADDITIONAL}) {
            for (Record r : m.getSection(section)) {
                if (listed++ == MAX_RECORDS) {
                    return sb.append(" \u2026").toString();
                }
                sb.append(' ').append(recordText(r));
            }
        }
        if (m.getOPT() != null && listed <= MAX_RECORDS) {
            sb.append(" OPT");
        }
        return sb.toString();
    }

    private static String recordText(Record r) {
        String type = Type.string(r.getType());
        if (r instanceof ARecord a) {
            return type + " " + IpText.format(a.getAddress());
        } else if (r instanceof AAAARecord a) {
            return type + " " + IpText.format(a.getAddress());
        } else if (r instanceof NSRecord ns) {
            return type + " " + nameText(ns.getTarget());
        } else if (r instanceof CNAMERecord c) {
            return type + " " + nameText(c.getTarget());
        } else if (r instanceof DNAMERecord d) {
            return type + " " + nameText(d.getTarget());
        } else if (r instanceof PTRRecord p) {
            return type + " " + nameText(p.getTarget());
        } else if (r instanceof MXRecord mx) {
            return type + " " + mx.getPriority() + " " + nameText(mx.getTarget());
        } else if (r instanceof SOARecord soa) {
            return type + " " + nameText(soa.getHost());
        } else if (r instanceof SRVRecord srv) {
            return type + " " + srv.getPriority() + " " + srv.getWeight() + " " + srv.getPort() + " "
                    + nameText(srv.getTarget());
        }
        return type;
    }

    /** Names as Wireshark prints them: without the final dot, "<Root>" for the root. */
    static String nameText(Name n) {
        if (n.equals(Name.root)) {
            return "<Root>";
        }
        return n.toString(true);
    }

    private static String opcodeText(int opcode) {
        return switch (opcode) {
            case Opcode.IQUERY -> "Inverse query";
            case Opcode.STATUS -> "Server status request";
            case Opcode.NOTIFY -> "Zone change notification";
            case Opcode.UPDATE -> "Dynamic update";
            default -> "Unknown operation (" + opcode + ")";
        };
    }

    private static String rcodeText(int rcode) {
        return switch (rcode) {
            case Rcode.FORMERR -> "Format error";
            case Rcode.SERVFAIL -> "Server failure";
            case Rcode.NXDOMAIN -> "No such name";
            case Rcode.NOTIMP -> "Not implemented";
            case Rcode.REFUSED -> "Refused";
            default -> Rcode.string(rcode);
        };
    }
}
