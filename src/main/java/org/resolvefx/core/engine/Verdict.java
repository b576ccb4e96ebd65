package org.resolvefx.core.engine;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.resolvefx.core.trace.TraceEvent;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * What a response means for the lookup, judged the way RFC 1034 section 5.3.3 and current
 * resolvers do: relative to the question asked and to the zone the server was asked as authority
 * for (its bailiwick). Records outside the bailiwick never count, so a server cannot answer for
 * names it has no authority over. By hand because dnsjava's {@code SetResponse} classifies cache
 * contents, not a server's response against the bailiwick it was asked in.
 */
sealed interface Verdict {

    /** Records of the asked type, possibly at the end of an alias chain inside the response. */
    record Answer(List<Name> chain, List<Record> aliases, List<Record> records) implements Verdict {
    }

    /**
     * The name is an alias whose target the server does not answer for: the lookup restarts with
     * {@code target} (RFC 1034 4.3.2). With {@code loop} the chain came back to a name already in it.
     * {@code referral} is set when the response also delegates the target's zone (BIND and NSD do).
     */
    record Alias(List<Name> chain, List<Record> aliases, Name target, boolean viaDname, Referral referral,
                 boolean loop) implements Verdict {
    }

    /** The (final) name does not exist (RFC 6604: the RCODE is about the end of the chain). */
    record NxDomain(List<Name> chain, List<Record> aliases, Name name, SOARecord soa) implements Verdict {
    }

    /** The name exists but has no records of the type. */
    record NoData(List<Name> chain, List<Record> aliases, Name name, SOARecord soa) implements Verdict {
    }

    /** Ask the servers of a zone closer to the name. */
    record Referral(Name zone, List<TraceEvent.NameServer> servers) implements Verdict {
        public Referral {
            Objects.requireNonNull(zone, "zone");
            servers = List.copyOf(servers);
        }
    }

    /** The server is no help: try the next one. */
    record Unusable(TraceEvent.SkipReason reason, String detail) implements Verdict {
    }

    /** The names the response speaks about: the question's name and each alias target. */
    default List<Name> names() {
        if (this instanceof Answer a) {
            return a.chain();
        } else if (this instanceof Alias a) {
            return a.chain();
        } else if (this instanceof NxDomain n) {
            return n.chain();
        } else if (this instanceof NoData n) {
            return n.chain();
        }
        return List.of();
    }

    /**
     * Judges a response to {@code qname qtype} from a server asked as authority for {@code bailiwick}.
     *
     * @param overTcp true when the response came over TCP (TC=1 there is a broken server)
     */
    static Verdict of(Message m, Name qname, int qtype, Name bailiwick, boolean overTcp) {
        if (m.getHeader().getOpcode() != Opcode.QUERY) {
            return new Unusable(TraceEvent.SkipReason.BAD_RESPONSE, "it answered with opcode "
                    + Opcode.string(m.getHeader().getOpcode()));
        }
        int rcode = m.getRcode();
        if (rcode == Rcode.REFUSED) {
            return new Unusable(TraceEvent.SkipReason.REFUSED, "lame delegation: it was named as a server for "
                    + text(bailiwick) + " but refuses to answer for it");
        }
        if (rcode == Rcode.SERVFAIL) {
            return new Unusable(TraceEvent.SkipReason.SERVFAIL, "SERVFAIL from a server asked for " + text(bailiwick));
        }
        if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            return new Unusable(TraceEvent.SkipReason.BAD_RESPONSE, "it answered " + Rcode.string(rcode));
        }
        if (m.getHeader().getFlag(Flags.TC)) {
            return new Unusable(TraceEvent.SkipReason.BAD_RESPONSE, overTcp ? "truncated (TC=1) even over TCP"
                    : "truncated (TC=1)");
        }
        boolean aa = m.getHeader().getFlag(Flags.AA);
        List<Record> answers = m.getSection(Section.ANSWER);

        // follow the alias chain inside the answer section; DNAME first (RFC 6672 3.4: the DNAME
        // is what counts, the CNAME beside it is synthesized from it)
        List<Name> chain = new ArrayList<>();
        List<Record> aliases = new ArrayList<>();
        Set<Name> seen = new HashSet<>();
        Name current = qname;
        chain.add(current);
        seen.add(current);
        boolean viaDname = false;
        boolean loop = false;
        for (int step = 0; step <= answers.size(); step++) {
            Name target = null;
            if (qtype != Type.DNAME) {
                for (Record r : answers) {
                    if (r instanceof DNAMERecord d && in(d.getName(), bailiwick) && current.subdomain(d.getName())
                            && !current.equals(d.getName()) && r.getDClass() == DClass.IN) {
                        try {
                            target = current.fromDNAME(d);
                        } catch (NameTooLongException e) {
                            return new Unusable(TraceEvent.SkipReason.BAD_RESPONSE, "the DNAME of " + text(d.getName())
                                    + " makes " + text(current) + " too long");
                        }
                        aliases.add(d);
                        aliases.add(synthesized(answers, current, target, d));
                        viaDname = true;
                        break;
                    }
                }
            }
            if (target == null && qtype != Type.CNAME) {
                for (Record r : answers) {
                    if (r instanceof CNAMERecord c && c.getName().equals(current) && in(c.getName(), bailiwick)
                            && r.getDClass() == DClass.IN) {
                        target = c.getTarget();
                        aliases.add(c);
                        break;
                    }
                }
            }
            if (target == null) {
                break;
            }
            current = target;
            chain.add(current);
            if (!seen.add(current)) {
                loop = true;
                break;
            }
        }
        if (loop) {
            return new Alias(chain, aliases, current, viaDname, null, true);
        }
        List<Record> finalRecords = new ArrayList<>();
        for (Record r : answers) {
            if (r.getName().equals(current) && r.getDClass() == DClass.IN && in(r.getName(), bailiwick)
                    && (r.getType() == qtype || qtype == Type.ANY && r.getType() != Type.CNAME)) {
                finalRecords.add(r);
            }
        }
        if (!finalRecords.isEmpty()) {
            return new Answer(chain, aliases, finalRecords);
        }
        SOARecord soa = soaFor(m, current, bailiwick);
        Referral referral = referralFor(m, current, bailiwick);
        if (rcode == Rcode.NXDOMAIN) {
            if (in(current, bailiwick) && (aa || soa != null) && referral == null) {
                return new NxDomain(chain, aliases, current, soa);
            }
            if (!aliases.isEmpty()) {
                // the server cannot speak for the target's zone: find out there
                return new Alias(chain, aliases, current, viaDname, referral, false);
            }
            return new Unusable(TraceEvent.SkipReason.LAME, "NXDOMAIN without authority (AA=0, no SOA of "
                    + text(bailiwick) + ")");
        }
        if (!aliases.isEmpty()) {
            if (referral == null && soa != null && aa && in(current, bailiwick)) {
                return new NoData(chain, aliases, current, soa);
            }
            return new Alias(chain, aliases, current, viaDname, referral, false);
        }
        if (referral != null && soa == null) {
            return referral;
        }
        if (answers.isEmpty()) {
            if (soa != null) {
                return new NoData(chain, aliases, current, soa);
            }
            for (Record r : m.getSection(Section.AUTHORITY)) {
                if (r instanceof NSRecord && !aa) {
                    return new Unusable(TraceEvent.SkipReason.LAME, "it refers to " + text(r.getName())
                            + ", which is not below " + text(bailiwick) + " (an upward or sideways referral)");
                }
            }
            if (aa) {
                return new NoData(chain, aliases, current, null);
            }
            return new Unusable(TraceEvent.SkipReason.LAME, "an empty answer without authority (AA=0, no SOA, "
                    + "no referral)");
        }
        return new Unusable(TraceEvent.SkipReason.BAD_RESPONSE, "the answer section does not answer "
                + text(qname) + " " + Type.string(qtype));
    }

    /** The CNAME the server synthesized from a DNAME, or our own with the DNAME's TTL (RFC 6672 3.1). */
    private static Record synthesized(List<Record> answers, Name owner, Name target, DNAMERecord d) {
        for (Record r : answers) {
            if (r instanceof CNAMERecord c && c.getName().equals(owner) && c.getTarget().equals(target)) {
                return c;
            }
        }
        return new CNAMERecord(owner, DClass.IN, d.getTTL(), target);
    }

    /** The SOA of the authority section that may speak for {@code name} (in bailiwick, enclosing the name). */
    private static SOARecord soaFor(Message m, Name name, Name bailiwick) {
        for (Record r : m.getSection(Section.AUTHORITY)) {
            if (r instanceof SOARecord s && in(s.getName(), bailiwick) && name.subdomain(s.getName())) {
                return s;
            }
        }
        return null;
    }

    /**
     * A referral for {@code name}: the deepest NS owner in the authority section that encloses the
     * name and lies strictly below the bailiwick (a server may only delegate downwards), with glue
     * from the additional section where the glue itself is inside the bailiwick.
     */
    static Referral referralFor(Message m, Name name, Name bailiwick) {
        Name zone = null;
        for (Record r : m.getSection(Section.AUTHORITY)) {
            if (r instanceof NSRecord && r.getDClass() == DClass.IN && name.subdomain(r.getName())
                    && in(r.getName(), bailiwick) && !r.getName().equals(bailiwick)
                    && (zone == null || r.getName().labels() > zone.labels())) {
                zone = r.getName();
            }
        }
        if (zone == null) {
            return null;
        }
        Map<Name, List<InetAddress>> glue = new LinkedHashMap<>();
        for (Record r : m.getSection(Section.ADDITIONAL)) {
            if (!in(r.getName(), bailiwick)) {
                continue;
            }
            if (r instanceof ARecord a) {
                glue.computeIfAbsent(r.getName(), k -> new ArrayList<>()).add(a.getAddress());
            } else if (r instanceof AAAARecord a) {
                glue.computeIfAbsent(r.getName(), k -> new ArrayList<>()).add(a.getAddress());
            }
        }
        List<TraceEvent.NameServer> servers = new ArrayList<>();
        Set<Name> listed = new HashSet<>();
        for (Record r : m.getSection(Section.AUTHORITY)) {
            if (r instanceof NSRecord ns && r.getName().equals(zone) && listed.add(ns.getTarget())) {
                List<InetAddress> addrs = glue.getOrDefault(ns.getTarget(), List.of());
                servers.add(new TraceEvent.NameServer(ns.getTarget(), addrs, !addrs.isEmpty()));
            }
        }
        return new Referral(zone, servers);
    }

    static boolean in(Name name, Name bailiwick) {
        return name.subdomain(bailiwick);
    }

    private static String text(Name n) {
        return n.equals(Name.root) ? "the root zone" : n.toString(true);
    }
}
