package org.resolvefx.core.engine;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.resolvefx.core.sandbox.RootHint;
import org.resolvefx.core.trace.CacheEntry;
import org.resolvefx.core.trace.MessageFacts;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * The resolver's cache: RRsets and negative answers (RFC 2308) with their TTLs on the session
 * clock, and how far each is trusted ({@link Trust}). Written by hand rather than with dnsjava's
 * {@code Cache}: that one runs on the wall clock (a lesson's virtual clock could not expire it),
 * does not say what it refused and why, and cannot list its contents with store times for the trace.
 * Thread-safe (the UI reads it while a lookup writes).
 */
final class ResolverCache {

    /** BIND's max-cache-ttl: nothing stays longer than a week, whatever the server says. */
    static final long MAX_TTL = 604_800;
    /** BIND's max-ncache-ttl: negative answers at most 3 hours. */
    static final long MAX_NEGATIVE_TTL = 10_800;
    /** Enough for any lesson; a bound so that a long live session cannot grow without end. */
    static final int MAX_ENTRIES = 50_000;
    static final String HINTS = "hints";

    /** One cached RRset or negative answer. */
    record Entry(Name name, int type, List<Record> records, SOARecord soa, boolean negative, int rcode, long ttl,
                 long storedAtMicros, Trust trust, String section, String source, boolean permanent, long order) {
        Entry {
            records = List.copyOf(records);
        }

        long expiresAtMicros() {
            return storedAtMicros + ttl * 1_000_000L;
        }

        boolean isLiveAt(long now) {
            return permanent || now < expiresAtMicros();
        }

        long remainingSeconds(long now) {
            if (permanent) {
                return ttl;
            }
            long left = expiresAtMicros() - now;
            return left <= 0 ? 0 : (left + 999_999) / 1_000_000L;
        }

        /** The records with the TTL they have left now, as a resolver hands them on (RFC 1035 4.1.3). */
        List<Record> recordsAt(long now) {
            List<Record> out = new ArrayList<>();
            long left = remainingSeconds(now);
            for (Record r : records) {
                out.add(withTtl(r, left));
            }
            return out;
        }

        SOARecord soaAt(long now) {
            return soa == null ? null : (SOARecord) withTtl(soa, remainingSeconds(now));
        }

        /** As the trace shows it; {@code origin} is the session time the trace began at. */
        CacheEntry toTrace(long origin, String sourceId) {
            List<String> rdata = new ArrayList<>();
            if (negative) {
                if (soa != null) {
                    rdata.add(MessageFacts.recordText(soa));
                }
            } else {
                for (Record r : records) {
                    rdata.add(r.rdataToString());
                }
            }
            return new CacheEntry(name, type, ttl, storedAtMicros - origin, negative, rcode, rdata, sourceId, section);
        }
    }

    /** What a lookup for an answer found. */
    sealed interface Found {
        /** Nothing usable. */
        record Miss() implements Found {
        }

        /** The RRset, TTLs counted down. */
        record Positive(List<Record> records) implements Found {
        }

        /** NXDOMAIN or NODATA, with the SOA that set its TTL. */
        record Negative(int rcode, SOARecord soa) implements Found {
        }

        /** The name is an alias. */
        record Alias(CNAMERecord cname) implements Found {
        }
    }

    private record Key(Name name, int type) {
    }

    private final SessionClock clock;
    /** Counts stores, so that entries stored at the same moment keep their order. */
    private long stores;
    private final Map<Key, Entry> entries = new LinkedHashMap<>();
    private final Map<Name, Entry> nxdomains = new LinkedHashMap<>();
    /** The root hints, kept apart: they stand in whenever no live data for the root servers is cached. */
    private final Map<Key, Entry> hints = new LinkedHashMap<>();

    ResolverCache(SessionClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    long now() {
        return clock.nowMicros();
    }

    /** The root hints as permanent entries: the root NS set and the servers' addresses. */
    synchronized void seedHints(List<RootHint> rootHints) {
        if (rootHints.isEmpty()) {
            return;
        }
        long now = now();
        long ttl = 3_600_000;
        List<Record> ns = new ArrayList<>();
        for (RootHint h : rootHints) {
            ns.add(new NSRecord(Name.root, DClass.IN, ttl, h.name()));
        }
        hints.put(new Key(Name.root, Type.NS), new Entry(Name.root, Type.NS, ns, null, false, Rcode.NOERROR, ttl,
                now, Trust.HINTS, HINTS, HINTS, true, ++stores));
        for (RootHint h : rootHints) {
            List<Record> a = new ArrayList<>();
            List<Record> aaaa = new ArrayList<>();
            for (InetAddress addr : h.addresses()) {
                if (addr.getAddress().length == 4) {
                    a.add(new ARecord(h.name(), DClass.IN, ttl, addr));
                } else {
                    aaaa.add(new AAAARecord(h.name(), DClass.IN, ttl, addr));
                }
            }
            if (!a.isEmpty()) {
                hints.put(new Key(h.name(), Type.A), new Entry(h.name(), Type.A, a, null, false, Rcode.NOERROR, ttl,
                        now, Trust.HINTS, HINTS, HINTS, true, ++stores));
            }
            if (!aaaa.isEmpty()) {
                hints.put(new Key(h.name(), Type.AAAA), new Entry(h.name(), Type.AAAA, aaaa, null, false,
                        Rcode.NOERROR, ttl, now, Trust.HINTS, HINTS, HINTS, true, ++stores));
            }
        }
    }

    /**
     * What the cache can answer for {@code name type} with data good enough for a client: the
     * RRset, a negative answer (NXDOMAIN covers every type of the name), or a CNAME to follow.
     */
    synchronized Found answer(Name name, int type) {
        long now = now();
        Entry nx = nxdomains.get(name);
        if (nx != null && nx.isLiveAt(now)) {
            return new Found.Negative(Rcode.NXDOMAIN, nx.soaAt(now));
        }
        if (type == Type.ANY) {
            return new Found.Miss();
        }
        Entry e = live(new Key(name, type), now);
        if (e != null && e.trust().isAnswerGrade()) {
            return e.negative() ? new Found.Negative(e.rcode(), e.soaAt(now)) : new Found.Positive(e.recordsAt(now));
        }
        if (type != Type.CNAME) {
            Entry c = live(new Key(name, Type.CNAME), now);
            if (c != null && c.trust().isAnswerGrade() && !c.negative() && !c.records().isEmpty()) {
                return new Found.Alias((CNAMERecord) c.recordsAt(now).get(0));
            }
        }
        return new Found.Miss();
    }

    /** The live NS set of a zone, of any trust (hints included). */
    synchronized Optional<Entry> nsSet(Name zone) {
        Entry e = live(new Key(zone, Type.NS), now());
        return e == null || e.negative() || e.records().isEmpty() ? Optional.empty() : Optional.of(e);
    }

    /** Addresses of a host from live A (and, with {@code ipv6}, AAAA) RRsets of any trust. */
    synchronized List<InetAddress> addresses(Name host, boolean ipv6) {
        long now = now();
        List<InetAddress> out = new ArrayList<>();
        Entry a = live(new Key(host, Type.A), now);
        if (a != null && !a.negative()) {
            for (Record r : a.records()) {
                out.add(((ARecord) r).getAddress());
            }
        }
        if (ipv6) {
            Entry aaaa = live(new Key(host, Type.AAAA), now);
            if (aaaa != null && !aaaa.negative()) {
                for (Record r : aaaa.records()) {
                    out.add(((AAAARecord) r).getAddress());
                }
            }
        }
        return out;
    }

    /** Whether the root NS set the resolver knows is only the hints (then it primes, RFC 8109). */
    synchronized boolean rootFromHintsOnly() {
        Entry e = live(new Key(Name.root, Type.NS), now());
        return e == null || e.trust() == Trust.HINTS;
    }

    /**
     * Offers one RRset (all records share owner and type). It replaces a live copy only from an
     * equally or more trusted source.
     *
     * @return the stored entry, or empty when a live copy from a more trustworthy source is kept
     *         (RFC 2181 5.4.1)
     */
    synchronized Optional<Entry> put(List<Record> rrset, Trust trust, String section, String source) {
        Record first = rrset.get(0);
        long ttl = Long.MAX_VALUE;
        for (Record r : rrset) {
            ttl = Math.min(ttl, r.getTTL());
        }
        ttl = Math.min(ttl, MAX_TTL);
        long now = now();
        Key key = new Key(first.getName(), first.getType());
        Entry old = live(key, now);
        if (old != null && old.trust().compareTo(trust) > 0) {
            return Optional.empty();
        }
        List<Record> records = new ArrayList<>();
        for (Record r : rrset) {
            records.add(withTtl(r, ttl));
        }
        Entry e = new Entry(first.getName(), first.getType(), records, null, false, Rcode.NOERROR, ttl, now, trust,
                section, source, false, ++stores);
        entries.put(key, e);
        if (first.getType() != Type.CNAME) {
            // new data for the name: an NXDOMAIN cached before is wrong now
            nxdomains.remove(first.getName());
        }
        bound();
        return Optional.of(e);
    }

    /**
     * Stores a negative answer (RFC 2308): NXDOMAIN for every type of {@code name}, NODATA for
     * {@code name type}; the TTL is min(SOA TTL, SOA MINIMUM). Without an SOA nothing is stored
     * (RFC 2308 section 5: negative answers without SOA SHOULD NOT be cached).
     */
    synchronized Optional<Entry> putNegative(Name name, int type, int rcode, SOARecord soa, Trust trust, String source) {
        if (soa == null) {
            return Optional.empty();
        }
        long ttl = Math.min(Math.min(soa.getTTL(), soa.getMinimum()), MAX_NEGATIVE_TTL);
        long now = now();
        Entry e = new Entry(name, type, List.of(), (SOARecord) withTtl(soa, ttl), true, rcode, ttl, now, trust,
                "authority", source, false, ++stores);
        if (rcode == Rcode.NXDOMAIN) {
            nxdomains.put(name, e);
        } else {
            Key key = new Key(name, type);
            Entry old = live(key, now);
            if (old != null && !old.negative() && old.trust().compareTo(trust) > 0) {
                return Optional.empty();
            }
            entries.put(key, e);
        }
        bound();
        return Optional.of(e);
    }

    /** Every live entry, in order of storing; {@code origin} is the session time a trace begins at. */
    synchronized List<CacheEntry> snapshot(long origin) {
        List<Entry> live = liveEntries();
        live.sort(Comparator.comparingLong(Entry::storedAtMicros).thenComparingLong(Entry::order));
        List<CacheEntry> out = new ArrayList<>();
        for (Entry e : live) {
            out.add(e.toTrace(origin, e.source()));
        }
        return out;
    }

    /** Live entries, hints included where nothing better is cached. */
    synchronized List<Entry> liveEntries() {
        long now = now();
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<Key, Entry> h : hints.entrySet()) {
            Entry e = entries.get(h.getKey());
            if (e == null || !e.isLiveAt(now)) {
                out.add(h.getValue());
            }
        }
        for (Entry e : entries.values()) {
            if (e.isLiveAt(now)) {
                out.add(e);
            }
        }
        for (Entry e : nxdomains.values()) {
            if (e.isLiveAt(now)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Forgets everything learned; the root hints stay. */
    synchronized void clear() {
        entries.clear();
        nxdomains.clear();
    }

    private Entry live(Key key, long now) {
        Entry e = entries.get(key);
        if (e != null && !e.isLiveAt(now)) {
            entries.remove(key);
            e = null;
        }
        return e != null ? e : hints.get(key);
    }

    private void bound() {
        if (entries.size() + nxdomains.size() <= MAX_ENTRIES) {
            return;
        }
        long now = now();
        entries.values().removeIf(e -> !e.isLiveAt(now));
        nxdomains.values().removeIf(e -> !e.isLiveAt(now));
        // still too many: drop the oldest (insertion order)
        var it = entries.values().iterator();
        while (entries.size() + nxdomains.size() > MAX_ENTRIES && it.hasNext()) {
            it.next();
            it.remove();
        }
        var nx = nxdomains.values().iterator();
        while (entries.size() + nxdomains.size() > MAX_ENTRIES && nx.hasNext()) {
            nx.next();
            nx.remove();
        }
    }

    static Record withTtl(Record r, long ttl) {
        if (r.getTTL() == ttl) {
            return r;
        }
        return Record.newRecord(r.getName(), r.getType(), r.getDClass(), ttl, r.rdataToWireCanonical());
    }
}
