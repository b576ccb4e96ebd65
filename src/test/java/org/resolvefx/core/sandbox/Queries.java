package org.resolvefx.core.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.stream.Collectors;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.net.Transport;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/** Builds queries with dnsjava and reads responses, for tests. */
final class Queries {
    static final SocketAddr CLIENT = new SocketAddr(InetAddress.getLoopbackAddress(), 40000);

    private Queries() {
    }

    static Name name(String s) {
        try {
            return Name.fromString(s, Name.root);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A query with RD=0 and the given EDNS payload size (0 = no EDNS). */
    static Message query(String qname, int type, int ednsSize) {
        Message q = Message.newQuery(Record.newRecord(name(qname), type, DClass.IN));
        q.getHeader().unsetFlag(Flags.RD);
        q.getHeader().setID(0x1234);
        if (ednsSize > 0) {
            q.addRecord(new OPTRecord(ednsSize, 0, 0, 0), Section.ADDITIONAL);
        }
        return q;
    }

    static Message queryDo(String qname, int type) {
        Message q = query(qname, type, 0);
        q.addRecord(new OPTRecord(4096, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
        return q;
    }

    static Message ask(SandboxServer server, Message q, Transport t) {
        byte[] out = server.handle(q.toWire(), t, CLIENT).orElseThrow(() -> new AssertionError("no response"));
        try {
            return new Message(out);
        } catch (IOException e) {
            throw new AssertionError("unparseable response", e);
        }
    }

    static Message ask(SandboxServer server, String qname, int type) {
        return ask(server, query(qname, type, 0), Transport.UDP);
    }

    /** Records of a section as "name TTL TYPE rdata" lines (dnsjava's presentation format, tabs to spaces). */
    static List<String> section(Message m, int section) {
        return m.getSection(section).stream()
                .filter(r -> !(r instanceof OPTRecord))
                .map(r -> r.toString().replaceAll("\\s+", " "))
                .collect(Collectors.toList());
    }
}
