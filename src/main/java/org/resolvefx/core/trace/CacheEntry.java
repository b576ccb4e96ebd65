package org.resolvefx.core.trace;

import java.util.List;
import java.util.Objects;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * One RRset (or negative answer) in the resolver's cache.
 *
 * @param name           owner name
 * @param type           record type (for a negative NXDOMAIN entry, the type asked)
 * @param ttlSeconds     TTL when stored
 * @param storedAtMicros trace-clock time of storing; entries stored before the trace began have
 *                       negative values (the time since then)
 * @param negative       true for NXDOMAIN / NODATA entries (RFC 2308)
 * @param rcode          for negative entries NXDOMAIN or NOERROR (= NODATA); NOERROR otherwise
 * @param rdata          the records' data in presentation format ("127.0.1.1", "ns1.example."), or the
 *                       SOA that set the negative TTL
 * @param sourceId       endpoint id of the server it came from, or "hints" for root hints
 * @param section        where it was found: "answer", "authority", "additional" or "hints"
 */
public record CacheEntry(Name name, int type, long ttlSeconds, long storedAtMicros, boolean negative, int rcode,
                         List<String> rdata, String sourceId, String section) {
    public CacheEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(section, "section");
        rdata = List.copyOf(rdata);
    }

    /** Trace-clock time at which the entry expires. */
    public long expiresAtMicros() {
        return storedAtMicros + ttlSeconds * 1_000_000L;
    }

    /** Whole seconds of TTL left at the given trace-clock time (0 once expired). */
    public long remainingSeconds(long atMicros) {
        long left = expiresAtMicros() - atMicros;
        return left <= 0 ? 0 : (left + 999_999) / 1_000_000L;
    }

    public boolean isLiveAt(long atMicros) {
        return atMicros >= storedAtMicros && atMicros < expiresAtMicros();
    }

    /** "www.example.com. A" or "nx.example.com. A (NXDOMAIN)" */
    public String key() {
        return name + " " + Type.string(type) + (negative ? " (" + (rcode == Rcode.NXDOMAIN ? "NXDOMAIN" : "NODATA") + ")" : "");
    }
}
