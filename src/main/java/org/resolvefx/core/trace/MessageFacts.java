package org.resolvefx.core.trace;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
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
 * What a DNS message says, in the terms a lecture uses: is it a referral, an alias, a negative
 * answer, truncated? Derived from the bytes with dnsjava; shared by the capture import (which
 * infers roles and events from it) and the narrator (which words it).
 */
public final class MessageFacts {

    /** The teaching category of a message. */
    public enum Kind {
        /** A query (QR=0). */
        QUERY,
        /** Records of the asked type for the asked name (no alias on the way). */
        ANSWER,
        /** The name is an alias (CNAME/DNAME); the response may also carry the target's records or a referral for it. */
        ALIAS,
        /** No answer but NS records of a zone closer to the name: "ask them". */
        REFERRAL,
        /** The name does not exist (RCODE 3). */
        NXDOMAIN,
        /** The name exists but has no records of the asked type (NOERROR, empty answer, no referral). */
        NODATA,
        /** TC=1: the response did not fit and must be asked again over TCP. */
        TRUNCATED,
        REFUSED,
        SERVFAIL,
        FORMERR,
        /** Any other non-zero RCODE (NOTIMP, ...). */
        OTHER_ERROR
    }

    /** One name server named in a response (answer or authority NS record), with glue from the additional section. */
    public record NsInfo(Name zone, Name server, List<InetAddress> addresses) {
        public NsInfo {
            addresses = List.copyOf(addresses);
        }
    }

    /** A referral: the zone it delegates to and the servers named for it. */
    public record Referral(Name zone, List<TraceEvent.NameServer> servers) {
        public Referral {
            servers = List.copyOf(servers);
        }

        public boolean hasGlue() {
            return servers.stream().anyMatch(TraceEvent.NameServer::glue);
        }
    }

    private final Message message;
    private final Question question;
    private final Kind kind;
    private final List<Name> aliasChain;
    private final boolean viaDname;
    private final List<Record> finalRecords;
    private final Referral referral;
    private final SOARecord soa;

    private MessageFacts(Message message) {
        this.message = message;
        Record q = message.getQuestion();
        this.question = q == null || !q.getName().isAbsolute() ? null
                : new Question(q.getName(), q.getType(), q.getDClass());
        List<Record> answers = message.getSection(Section.ANSWER);
        // follow the alias chain through the answer section (bounded: a chain cannot be longer than the section)
        List<Name> chain = new ArrayList<>();
        boolean dname = false;
        if (question != null) {
            Name current = question.name();
            chain.add(current);
            for (int step = 0; step <= answers.size(); step++) {
                Name next = null;
                for (Record r : answers) {
                    if (r instanceof CNAMERecord c && r.getName().equals(current) && question.type() != Type.CNAME) {
                        next = c.getTarget();
                        break;
                    }
                }
                if (next == null) {
                    for (Record r : answers) {
                        if (r instanceof DNAMERecord d && current.subdomain(r.getName()) && !current.equals(r.getName())
                                && question.type() != Type.DNAME) {
                            try {
                                next = current.fromDNAME(d);
                                dname = true;
                            } catch (NameTooLongException e) {
                                next = null;
                            }
                            break;
                        }
                    }
                }
                if (next == null || chain.contains(next)) {
                    break;
                }
                chain.add(next);
                current = next;
            }
        }
        this.aliasChain = List.copyOf(chain);
        this.viaDname = dname;
        List<Record> fin = new ArrayList<>();
        if (question != null) {
            Name last = chain.get(chain.size() - 1);
            for (Record r : answers) {
                if (r.getName().equals(last) && (r.getType() == question.type() || question.type() == Type.ANY)) {
                    fin.add(r);
                }
            }
        }
        this.finalRecords = List.copyOf(fin);
        SOARecord soaFound = null;
        for (Record r : message.getSection(Section.AUTHORITY)) {
            if (r instanceof SOARecord s) {
                soaFound = s;
                break;
            }
        }
        this.soa = soaFound;
        this.referral = findReferral();
        this.kind = classify(answers);
    }

    /** Facts of a well-formed message, or empty when dnsjava cannot parse the bytes. */
    public static Optional<MessageFacts> of(byte[] bytes) {
        try {
            return Optional.of(new MessageFacts(new Message(bytes)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public static Optional<MessageFacts> of(WireMessage message) {
        return of(message.unsafeBytes());
    }

    private Referral findReferral() {
        if (question == null || !isResponse() || message.getRcode() != Rcode.NOERROR || !finalRecords.isEmpty()
                || soa != null) {
            return null;
        }
        Name target = finalName();
        // the deepest NS owner that encloses the name being resolved is the delegated zone
        Name zone = null;
        for (Record r : message.getSection(Section.AUTHORITY)) {
            if (r instanceof NSRecord && target.subdomain(r.getName())
                    && (zone == null || r.getName().labels() > zone.labels())) {
                zone = r.getName();
            }
        }
        if (zone == null) {
            return null;
        }
        // an authoritative server lists its own zone's NS set beside a plain answer; with no alias that is no referral
        if (aliasChain.size() == 1 && isAuthoritative()) {
            return null;
        }
        Map<Name, List<InetAddress>> glue = glueAddresses();
        List<TraceEvent.NameServer> servers = new ArrayList<>();
        for (Record r : message.getSection(Section.AUTHORITY)) {
            if (r instanceof NSRecord ns && r.getName().equals(zone)) {
                List<InetAddress> addrs = glue.getOrDefault(ns.getTarget(), List.of());
                servers.add(new TraceEvent.NameServer(ns.getTarget(), addrs, !addrs.isEmpty()));
            }
        }
        return new Referral(zone, servers);
    }

    private Kind classify(List<Record> answers) {
        if (!isResponse()) {
            return Kind.QUERY;
        }
        if (isTruncated()) {
            return Kind.TRUNCATED;
        }
        int rcode = message.getRcode();
        switch (rcode) {
            case Rcode.NOERROR:
                break;
            case Rcode.NXDOMAIN:
                return Kind.NXDOMAIN;
            case Rcode.SERVFAIL:
                return Kind.SERVFAIL;
            case Rcode.REFUSED:
                return Kind.REFUSED;
            case Rcode.FORMERR:
                return Kind.FORMERR;
            default:
                return Kind.OTHER_ERROR;
        }
        if (aliasChain.size() > 1) {
            return Kind.ALIAS;
        }
        if (!finalRecords.isEmpty()) {
            return Kind.ANSWER;
        }
        if (referral != null) {
            return Kind.REFERRAL;
        }
        return answers.isEmpty() ? Kind.NODATA : Kind.ANSWER;
    }

    private Map<Name, List<InetAddress>> glueAddresses() {
        Map<Name, List<InetAddress>> glue = new LinkedHashMap<>();
        for (Record r : message.getSection(Section.ADDITIONAL)) {
            InetAddress a = null;
            if (r instanceof ARecord ar) {
                a = ar.getAddress();
            } else if (r instanceof AAAARecord ar) {
                a = ar.getAddress();
            }
            if (a != null) {
                glue.computeIfAbsent(r.getName(), k -> new ArrayList<>()).add(a);
            }
        }
        return glue;
    }

    public Message message() {
        return message;
    }

    /** The first question, if there is one with an absolute name. */
    public Optional<Question> question() {
        return Optional.ofNullable(question);
    }

    public Kind kind() {
        return kind;
    }

    public int id() {
        return message.getHeader().getID();
    }

    public boolean isResponse() {
        return message.getHeader().getFlag(Flags.QR);
    }

    public int opcode() {
        return message.getHeader().getOpcode();
    }

    public boolean isStandardQuery() {
        return opcode() == Opcode.QUERY;
    }

    public int rcode() {
        return message.getRcode();
    }

    public boolean isAuthoritative() {
        return message.getHeader().getFlag(Flags.AA);
    }

    public boolean isTruncated() {
        return message.getHeader().getFlag(Flags.TC);
    }

    public boolean recursionDesired() {
        return message.getHeader().getFlag(Flags.RD);
    }

    public boolean recursionAvailable() {
        return message.getHeader().getFlag(Flags.RA);
    }

    /** The asked name followed by each alias target in order ([qname] when there is no alias). */
    public List<Name> aliasChain() {
        return aliasChain;
    }

    /** The name the answer is finally about: the last target of the alias chain, or the asked name. */
    public Name finalName() {
        return aliasChain.isEmpty() ? Name.root : aliasChain.get(aliasChain.size() - 1);
    }

    /** True if a DNAME record rewrote the name somewhere in the chain. */
    public boolean aliasViaDname() {
        return viaDname;
    }

    /** Records of the asked type owned by {@link #finalName()}. */
    public List<Record> finalRecords() {
        return finalRecords;
    }

    public List<Record> answers() {
        return message.getSection(Section.ANSWER);
    }

    /** The referral in this response (a plain referral, or one for the target of an alias). */
    public Optional<Referral> referral() {
        return Optional.ofNullable(referral);
    }

    /** The SOA record of the authority section (negative answers). */
    public Optional<SOARecord> soa() {
        return Optional.ofNullable(soa);
    }

    /** How long a negative answer may be cached: min(SOA TTL, SOA minimum) (RFC 2308, section 5); -1 without SOA. */
    public long negativeTtlSeconds() {
        return soa == null ? -1 : Math.min(soa.getTTL(), soa.getMinimum());
    }

    /** Every NS record in the answer and authority sections, with the addresses the additional section gives. */
    public List<NsInfo> nameServers() {
        Map<Name, List<InetAddress>> glue = glueAddresses();
        List<NsInfo> out = new ArrayList<>();
        for (int section : new int[] {Section.ANSWER, Section.AUTHORITY}) {
            for (Record r : message.getSection(section)) {
                if (r instanceof NSRecord ns) {
                    out.add(new NsInfo(r.getName(), ns.getTarget(), glue.getOrDefault(ns.getTarget(), List.of())));
                }
            }
        }
        return out;
    }

    /** The answer section as presentation-format lines ("name. 3600 IN A 127.0.0.1"). */
    public List<String> answerTexts() {
        List<String> out = new ArrayList<>();
        for (Record r : answers()) {
            out.add(recordText(r));
        }
        return out;
    }

    /** A record as one zone-file line with single spaces. */
    public static String recordText(Record r) {
        return r.toString().replaceAll("\\s+", " ").trim();
    }
}
