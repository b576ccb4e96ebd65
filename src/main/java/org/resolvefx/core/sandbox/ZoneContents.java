package org.resolvefx.core.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * The records of one zone, indexed for authoritative lookups. Immutable.
 *
 * <p>Written here rather than using {@link org.xbill.DNS.Zone#findRecords}: dnsjava's lookup reports
 * empty non-terminals as NXDOMAIN (RFC 8020 says NODATA), answers DS at a zone cut with the
 * delegation instead of from the parent side (RFC 4035 3.1.4.1), and its Zone is mutable. dnsjava
 * still parses the master file and provides names, records and rdata.
 */
public final class ZoneContents {

    private final Name origin;
    private final SOARecord soa;
    private final List<Record> records;
    /** owner -> type -> RRset, in canonical DNS order of owners, file order within an RRset */
    private final Map<Name, Map<Integer, List<Record>>> nodes;
    /** every owner plus every ancestor up to the origin (so empty non-terminals exist) */
    private final Set<Name> existing;
    /** names below the origin that own NS records: where child zones begin */
    private final Set<Name> cuts;
    private final boolean hasWildcards;

    /**
     * Indexes records already checked by {@link ZoneFileParser}: all at or below {@code origin}, one SOA
     * at the apex, NS at the apex. TTLs within an RRset are set to the lowest one (RFC 2181 5.2).
     */
    ZoneContents(Name origin, List<Record> input) {
        this.origin = Objects.requireNonNull(origin, "origin");
        Map<Name, Map<Integer, LinkedHashSet<Record>>> building = new TreeMap<>();
        for (Record r : input) {
            building.computeIfAbsent(r.getName(), n -> new LinkedHashMap<>())
                    .computeIfAbsent(r.getType(), t -> new LinkedHashSet<>()).add(r);
        }
        Map<Name, Map<Integer, List<Record>>> index = new TreeMap<>();
        List<Record> all = new ArrayList<>();
        for (Map.Entry<Name, Map<Integer, LinkedHashSet<Record>>> e : building.entrySet()) {
            Map<Integer, List<Record>> byType = new LinkedHashMap<>();
            for (Map.Entry<Integer, LinkedHashSet<Record>> t : e.getValue().entrySet()) {
                long ttl = Long.MAX_VALUE;
                for (Record r : t.getValue()) {
                    ttl = Math.min(ttl, r.getTTL());
                }
                List<Record> set = new ArrayList<>();
                for (Record r : t.getValue()) {
                    set.add(r.getTTL() == ttl ? r : withTtl(r, ttl));
                }
                byType.put(t.getKey(), List.copyOf(set));
                all.addAll(set);
            }
            index.put(e.getKey(), Collections.unmodifiableMap(byType));
        }
        this.nodes = Collections.unmodifiableMap(index);
        this.records = List.copyOf(all);
        Set<Name> ex = new HashSet<>();
        Set<Name> cutSet = new TreeSet<>();
        boolean wild = false;
        for (Name owner : nodes.keySet()) {
            wild |= owner.isWild();
            for (Name n = owner; n.subdomain(origin); n = parent(n)) {
                if (!ex.add(n) || n.equals(origin)) {
                    break;
                }
            }
            if (!owner.equals(origin) && nodes.get(owner).containsKey(Type.NS)) {
                cutSet.add(owner);
            }
        }
        ex.add(origin);
        this.existing = Collections.unmodifiableSet(ex);
        this.cuts = Collections.unmodifiableSet(cutSet);
        this.hasWildcards = wild;
        List<Record> soaSet = rrset(origin, Type.SOA);
        if (soaSet.size() != 1) {
            throw new IllegalArgumentException(origin + ": exactly one SOA record is needed at the apex");
        }
        this.soa = (SOARecord) soaSet.get(0);
    }

    /** The same record with another TTL (dnsjava keeps its own copy-with-TTL method package-private). */
    static Record withTtl(Record r, long ttl) {
        if (r.getTTL() == ttl) {
            return r;
        }
        return Record.newRecord(r.getName(), r.getType(), r.getDClass(), ttl, r.rdataToWireCanonical());
    }

    private static Name parent(Name n) {
        return n.labels() <= 1 ? n : new Name(n, 1);
    }

    public Name origin() {
        return origin;
    }

    public SOARecord soa() {
        return soa;
    }

    /** Every record, grouped by owner (canonical order) and type. */
    public List<Record> records() {
        return records;
    }

    /** Owner names that have records (not the empty non-terminals). */
    public Set<Name> owners() {
        return nodes.keySet();
    }

    /** The RRset of the given owner and type exactly as in the zone (glue included), or an empty list. */
    public List<Record> rrset(Name owner, int type) {
        Map<Integer, List<Record>> node = nodes.get(owner);
        if (node == null) {
            return List.of();
        }
        List<Record> set = node.get(type);
        return set == null ? List.of() : set;
    }

    /** All RRsets at an owner, by type. */
    public Map<Integer, List<Record>> node(Name owner) {
        Map<Integer, List<Record>> node = nodes.get(owner);
        return node == null ? Map.of() : node;
    }

    /** The apex NS names (who serves this zone according to the zone itself). */
    public List<Name> nsNames() {
        List<Name> out = new ArrayList<>();
        for (Record r : rrset(origin, Type.NS)) {
            out.add(((NSRecord) r).getTarget());
        }
        return out;
    }

    /** Names where child zones begin (NS records below the apex), in canonical order. */
    public List<Name> delegations() {
        return List.copyOf(cuts);
    }

    /** The NS names of one delegation, or an empty list if {@code cut} is not a zone cut here. */
    public List<Name> delegationNsNames(Name cut) {
        List<Name> out = new ArrayList<>();
        if (cuts.contains(cut)) {
            for (Record r : rrset(cut, Type.NS)) {
                out.add(((NSRecord) r).getTarget());
            }
        }
        return out;
    }

    /** True if the name exists in the zone: it owns records or has descendants (an empty non-terminal). */
    public boolean exists(Name name) {
        return existing.contains(name);
    }

    /** True if the name is at or below a zone cut (its data, if any, is glue, not authoritative). */
    public boolean isBelowCut(Name name) {
        return enclosingCut(name) != null;
    }

    /** The topmost cut at or above the name, or null. */
    public Name enclosingCut(Name name) {
        if (!name.subdomain(origin)) {
            return null;
        }
        int labels = name.labels();
        for (int l = origin.labels() + 1; l <= labels; l++) {
            Name n = l == labels ? name : new Name(name, labels - l);
            if (cuts.contains(n)) {
                return n;
            }
        }
        return null;
    }

    /** TTL for negative answers: min(SOA TTL, SOA MINIMUM) (RFC 2308 section 5). */
    public long negativeTtl() {
        return Math.min(soa.getTTL(), soa.getMinimum());
    }

    /** The SOA as it goes into the authority section of a negative answer (RFC 2308 TTL). */
    public SOARecord negativeSoa() {
        return (SOARecord) withTtl(soa, negativeTtl());
    }

    /** A and AAAA records of a name, glue below cuts included (for additional-section processing). */
    public List<Record> addressRecords(Name name) {
        List<Record> out = new ArrayList<>(rrset(name, Type.A));
        out.addAll(rrset(name, Type.AAAA));
        return out;
    }

    /**
     * RFC 1034 4.3.2 step 3 for one name and type in this zone; CNAMEs are not followed here. The
     * name must be at or below the origin.
     */
    public ZoneLookup lookup(Name qname, int qtype) {
        if (!qname.subdomain(origin)) {
            throw new IllegalArgumentException(qname + " is not in zone " + origin);
        }
        int labels = qname.labels();
        if (!qname.equals(origin)) {
            List<Record> apexDname = rrset(origin, Type.DNAME);
            if (!apexDname.isEmpty()) {
                return new ZoneLookup.Redirect((DNAMERecord) apexDname.get(0));
            }
        }
        // walk down from the apex: a cut or a DNAME above the name decides before the name itself
        for (int l = origin.labels() + 1; l <= labels; l++) {
            Name n = l == labels ? qname : new Name(qname, labels - l);
            boolean atName = l == labels;
            if (cuts.contains(n) && !(atName && qtype == Type.DS)) {
                return new ZoneLookup.Referral(n, rrset(n, Type.NS));
            }
            if (!atName) {
                List<Record> dname = rrset(n, Type.DNAME);
                if (!dname.isEmpty()) {
                    return new ZoneLookup.Redirect((DNAMERecord) dname.get(0));
                }
                if (!existing.contains(n)) {
                    // nothing at or below n: the name cannot exist, only a wildcard can match
                    return wildcardOrNx(qname, qtype, parentOf(n));
                }
            }
        }
        if (!existing.contains(qname)) {
            return wildcardOrNx(qname, qtype, parentOf(qname));
        }
        return atNode(qname, qname, qtype, false);
    }

    private Name parentOf(Name n) {
        return n.equals(origin) ? n : new Name(n, 1);
    }

    private ZoneLookup atNode(Name owner, Name qname, int qtype, boolean wildcard) {
        Map<Integer, List<Record>> node = node(owner);
        if (qtype == Type.ANY) {
            if (node.isEmpty()) {
                return new ZoneLookup.NoData();
            }
            List<Record> all = new ArrayList<>();
            for (List<Record> set : node.values()) {
                all.addAll(rename(set, qname, wildcard));
            }
            return new ZoneLookup.Found(all, wildcard);
        }
        List<Record> set = node.get(qtype);
        if (set != null) {
            return new ZoneLookup.Found(rename(set, qname, wildcard), wildcard);
        }
        List<Record> cname = node.get(Type.CNAME);
        if (cname != null) {
            return new ZoneLookup.Alias((CNAMERecord) rename(cname, qname, wildcard).get(0));
        }
        return new ZoneLookup.NoData();
    }

    /** RFC 4592: the wildcard at the closest encloser, if any, answers for a name that does not exist. */
    private ZoneLookup wildcardOrNx(Name qname, int qtype, Name closestEncloser) {
        if (hasWildcards) {
            try {
                Name source = Name.concatenate(Name.fromConstantString("*"), closestEncloser);
                if (nodes.containsKey(source)) {
                    return atNode(source, qname, qtype, true);
                }
            } catch (org.xbill.DNS.NameTooLongException e) {
                // a wildcard under a 254-byte name cannot exist; fall through to NXDOMAIN
            }
        }
        return new ZoneLookup.NxDomain();
    }

    private static List<Record> rename(List<Record> set, Name qname, boolean wildcard) {
        if (!wildcard) {
            return set;
        }
        List<Record> out = new ArrayList<>(set.size());
        for (Record r : set) {
            out.add(r.withName(qname));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZoneContents z && origin.equals(z.origin) && records.equals(z.records);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, records);
    }

    @Override
    public String toString() {
        return "ZoneContents[" + origin + ", " + records.size() + " records, cuts " + cuts + "]";
    }
}
