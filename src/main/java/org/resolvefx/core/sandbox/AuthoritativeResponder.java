package org.resolvefx.core.sandbox;

import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.resolvefx.core.net.Transport;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The answering logic of an authoritative server (RFC 1034 4.3.2, RFC 1035, RFC 2308, RFC 6672,
 * RFC 6891) over wire bytes. Stateless and thread-safe. dnsjava parses the query and renders the
 * response; the choice of records is made here because dnsjava ships no authoritative server.
 */
final class AuthoritativeResponder {

    /** Our EDNS UDP payload size (the DNS flag day 2020 value). */
    static final int EDNS_PAYLOAD = 1232;
    /** The classic limit for UDP responses to queries without EDNS (RFC 1035 4.2.1). */
    static final int CLASSIC_UDP_LIMIT = 512;
    static final int TCP_LIMIT = 65_535;
    /** Bound on CNAME/DNAME steps inside one response: loops stop here at the latest. */
    static final int MAX_CHAIN = 16;

    private final List<ZoneContents> zones;

    AuthoritativeResponder(List<ZoneContents> zones) {
        this.zones = List.copyOf(zones);
    }

    /**
     * Answers a query. Empty for input that deserves no response at all: fewer than 12 bytes (no
     * header to answer) or a message that is itself a response (answering those invites loops).
     */
    Optional<byte[]> respond(byte[] query, Transport transport) {
        if (query == null || query.length < Header.LENGTH) {
            return Optional.empty();
        }
        int id = ((query[0] & 0xFF) << 8) | (query[1] & 0xFF);
        int flags = ((query[2] & 0xFF) << 8) | (query[3] & 0xFF);
        if ((flags & 0x8000) != 0) {
            return Optional.empty();
        }
        int opcode = (flags >> 11) & 0xF;
        boolean rd = (flags & 0x0100) != 0;
        boolean cd = (flags & 0x0010) != 0;
        Message q;
        try {
            q = new Message(query);
        } catch (IOException | RuntimeException e) {
            return Optional.of(bare(id, opcode, rd, cd, Rcode.FORMERR).toWire());
        }
        try {
            return Optional.of(render(answer(q, opcode, rd, cd), q, transport));
        } catch (RuntimeException e) {
            // a bug must not take the server down or silence it: say SERVFAIL, as servers do
            return Optional.of(bare(id, opcode, rd, cd, Rcode.SERVFAIL).toWire());
        }
    }

    private static Message bare(int id, int opcode, boolean rd, boolean cd, int rcode) {
        Message m = new Message(id);
        Header h = m.getHeader();
        h.setFlag(Flags.QR);
        h.setOpcode(opcode);
        if (rd) {
            h.setFlag(Flags.RD);
        }
        if (cd) {
            h.setFlag(Flags.CD);
        }
        h.setRcode(rcode);
        return m;
    }

    private Message answer(Message q, int opcode, boolean rd, boolean cd) {
        Header qh = q.getHeader();
        Message r = bare(qh.getID(), opcode, rd, cd, Rcode.NOERROR);
        List<Record> questions = q.getSection(Section.QUESTION);
        if (questions.size() == 1) {
            r.addRecord(questions.get(0), Section.QUESTION);
        }
        if (opcode != Opcode.QUERY) {
            r.getHeader().setRcode(Rcode.NOTIMP);
            return r;
        }
        if (questions.size() != 1) {
            r.getHeader().setRcode(Rcode.FORMERR);
            return r;
        }
        // EDNS (RFC 6891 6.1.1): at most one OPT, only in the additional section, owner root
        int opts = 0;
        for (int section : new int[] {Section.ANSWER, Section.AUTHORITY}) {
            for (Record rec : q.getSection(section)) {
                if (rec.getType() == Type.OPT) {
                    r.getHeader().setRcode(Rcode.FORMERR);
                    return r;
                }
            }
        }
        OPTRecord opt = null;
        for (Record rec : q.getSection(Section.ADDITIONAL)) {
            if (rec instanceof OPTRecord o) {
                opts++;
                opt = o;
            }
        }
        if (opts > 1 || (opt != null && !opt.getName().equals(Name.root))) {
            r.getHeader().setRcode(Rcode.FORMERR);
            return r;
        }
        if (opt != null) {
            boolean dnssecOk = (opt.getFlags() & ExtendedFlags.DO) != 0;
            if (opt.getVersion() > 0) {
                // BADVERS is 16: the upper eight bits travel in the OPT record, the header keeps 0
                r.addRecord(new OPTRecord(EDNS_PAYLOAD, Rcode.BADVERS >>> 4, 0, dnssecOk ? ExtendedFlags.DO : 0),
                        Section.ADDITIONAL);
                r.getHeader().setRcode(Rcode.BADVERS & 0xF);
                return r;
            }
            r.addRecord(new OPTRecord(EDNS_PAYLOAD, 0, 0, dnssecOk ? ExtendedFlags.DO : 0), Section.ADDITIONAL);
        }
        Record question = questions.get(0);
        int qtype = question.getType();
        int qclass = question.getDClass();
        if (qtype == Type.OPT || qtype == Type.TSIG || qtype == Type.TKEY) {
            r.getHeader().setRcode(Rcode.FORMERR);
            return r;
        }
        if (qclass != DClass.IN && qclass != DClass.ANY) {
            r.getHeader().setRcode(Rcode.REFUSED);
            return r;
        }
        if (qtype == Type.AXFR || qtype == Type.IXFR) {
            r.getHeader().setRcode(Rcode.REFUSED); // no zone transfers from the sandbox
            return r;
        }
        if (qtype >= 128 && qtype != Type.ANY && qtype < 256) {
            r.getHeader().setRcode(Rcode.NOTIMP); // MAILA, MAILB and other meta types
            return r;
        }
        Name qname = question.getName();
        ZoneContents zone = zoneFor(qname, qtype);
        if (zone == null) {
            r.getHeader().setRcode(Rcode.REFUSED); // not our zone: this is what a lame delegation looks like
            return r;
        }
        resolveInZone(r, zone, qname, qtype);
        return r;
    }

    /** The most specific served zone containing the name; for DS at an apex the parent side if we serve it. */
    ZoneContents zoneFor(Name qname, int qtype) {
        ZoneContents best = null;
        ZoneContents second = null;
        for (ZoneContents z : zones) {
            if (qname.subdomain(z.origin())) {
                if (best == null || z.origin().labels() > best.origin().labels()) {
                    second = best;
                    best = z;
                } else if (second == null || z.origin().labels() > second.origin().labels()) {
                    second = z;
                }
            }
        }
        if (best != null && qtype == Type.DS && best.origin().equals(qname) && second != null) {
            return second; // DS lives in the parent zone (RFC 4035 3.1.4.1)
        }
        return best;
    }

    private void resolveInZone(Message r, ZoneContents zone, Name qname, int qtype) {
        Header h = r.getHeader();
        Name name = qname;
        Set<Name> visited = new HashSet<>();
        boolean first = true;
        for (int step = 0; step <= MAX_CHAIN; step++) {
            visited.add(name);
            ZoneLookup result = zone.lookup(name, qtype);
            if (result instanceof ZoneLookup.Found found) {
                h.setFlag(Flags.AA);
                for (Record rec : found.records()) {
                    r.addRecord(rec, Section.ANSWER);
                }
                addAdditional(r, zone, found.records());
                return;
            } else if (result instanceof ZoneLookup.Referral referral) {
                if (first) {
                    h.unsetFlag(Flags.AA); // a referral is not an authoritative answer
                } else {
                    h.setFlag(Flags.AA); // the alias chain before it is ours (RFC 1034 4.3.2 step 3b)
                }
                for (Record ns : referral.nsRecords()) {
                    r.addRecord(ns, Section.AUTHORITY);
                }
                addGlue(r, zone, referral.nsRecords());
                return;
            } else if (result instanceof ZoneLookup.NoData || result instanceof ZoneLookup.NxDomain) {
                h.setFlag(Flags.AA);
                if (result instanceof ZoneLookup.NxDomain) {
                    h.setRcode(Rcode.NXDOMAIN); // also at the end of an alias chain (RFC 6604)
                }
                r.addRecord(zone.negativeSoa(), Section.AUTHORITY);
                return;
            } else if (result instanceof ZoneLookup.Alias alias) {
                h.setFlag(Flags.AA);
                CNAMERecord cname = alias.cname();
                r.addRecord(cname, Section.ANSWER);
                Name target = cname.getTarget();
                if (!target.subdomain(zone.origin()) || visited.contains(target)) {
                    return; // another zone (the resolver follows) or a loop (stop, the resolver notices)
                }
                name = target;
            } else if (result instanceof ZoneLookup.Redirect redirect) {
                h.setFlag(Flags.AA);
                DNAMERecord dname = redirect.dname();
                r.addRecord(dname, Section.ANSWER);
                Name target;
                try {
                    target = name.fromDNAME(dname);
                } catch (NameTooLongException e) {
                    h.setRcode(Rcode.YXDOMAIN); // RFC 6672 2.2: the rewritten name would be too long
                    return;
                }
                // the synthesized CNAME carries the DNAME's TTL (RFC 6672 3.1)
                r.addRecord(new CNAMERecord(name, DClass.IN, dname.getTTL(), target), Section.ANSWER);
                if (!target.subdomain(zone.origin()) || visited.contains(target)) {
                    return;
                }
                name = target;
            }
            first = false;
        }
        // chain longer than MAX_CHAIN: what we have goes out; the resolver continues or gives up
    }

    /** RFC 1035 3.3.x additional processing: addresses of NS, MX and SRV targets from any zone we serve. */
    private void addAdditional(Message r, ZoneContents zone, List<Record> answers) {
        Set<Name> targets = new LinkedHashSet<>();
        for (Record rec : answers) {
            if (rec instanceof NSRecord ns) {
                targets.add(ns.getTarget());
            } else if (rec instanceof MXRecord mx) {
                targets.add(mx.getTarget());
            } else if (rec instanceof SRVRecord srv) {
                targets.add(srv.getTarget());
            }
        }
        for (Name t : targets) {
            ZoneContents z = zoneFor(t, Type.A);
            if (z != null) {
                addIfNew(r, z.addressRecords(t));
            }
        }
    }

    /** Glue for a referral: only in-bailiwick addresses from the referring zone itself. */
    private static void addGlue(Message r, ZoneContents zone, List<Record> nsRecords) {
        for (Record rec : nsRecords) {
            Name t = ((NSRecord) rec).getTarget();
            if (t.subdomain(zone.origin())) {
                addIfNew(r, zone.addressRecords(t));
            }
        }
    }

    private static void addIfNew(Message r, List<Record> records) {
        for (Record rec : records) {
            if (!r.findRecord(rec, Section.ANSWER) && !r.findRecord(rec, Section.ADDITIONAL)) {
                r.addRecord(rec, Section.ADDITIONAL);
            }
        }
    }

    /**
     * Renders the response within the transport's size limit. When it does not fit over UDP we do
     * what Unbound and NSD do, not BIND: TC=1 with the question (and OPT) only, no partial RRsets,
     * so a resolver cannot mistake a partial RRset for the whole one (RFC 2181 9); it retries over TCP.
     */
    static byte[] render(Message response, Message query, Transport transport) {
        byte[] wire = response.toWire();
        int limit = sizeLimit(query, transport);
        if (wire.length <= limit) {
            return wire;
        }
        Header qh = response.getHeader();
        Message truncated = bare(qh.getID(), qh.getOpcode(), qh.getFlag(Flags.RD), qh.getFlag(Flags.CD), qh.getRcode());
        Header th = truncated.getHeader();
        if (qh.getFlag(Flags.AA)) {
            th.setFlag(Flags.AA);
        }
        th.setFlag(Flags.TC);
        for (Record rec : response.getSection(Section.QUESTION)) {
            truncated.addRecord(rec, Section.QUESTION);
        }
        OPTRecord opt = response.getOPT();
        if (opt != null) {
            truncated.addRecord(opt, Section.ADDITIONAL);
        }
        return truncated.toWire();
    }

    /** 512 without EDNS; with EDNS the client's size capped at ours, never below 512; 65535 over TCP. */
    static int sizeLimit(Message query, Transport transport) {
        if (transport == Transport.TCP) {
            return TCP_LIMIT;
        }
        OPTRecord opt = query.getOPT();
        if (opt == null) {
            return CLASSIC_UDP_LIMIT;
        }
        return Math.max(CLASSIC_UDP_LIMIT, Math.min(opt.getPayloadSize(), EDNS_PAYLOAD));
    }

    List<ZoneContents> zones() {
        return zones;
    }

}
