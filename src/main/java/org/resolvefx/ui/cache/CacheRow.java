package org.resolvefx.ui.cache;

import java.util.Comparator;
import java.util.Objects;
import org.resolvefx.core.trace.CacheEntry;
import org.xbill.DNS.Rcode;

/**
 * One line of the cache table: an entry as it stands at the shown trace-clock time.
 *
 * @param entry            the cached RRset or negative answer
 * @param remainingSeconds whole seconds of TTL left (0 once expired)
 * @param addedNow         stored by the event at the cursor
 * @param expired          alive at the previous position (or at the cursor, while the clock runs on) and
 *                         dead now: shown struck through until the next step
 */
public record CacheRow(CacheEntry entry, long remainingSeconds, boolean addedNow, boolean expired) {

    /**
     * The table's order: like the namespace tree, a name before the names below it and siblings in DNS
     * canonical order (dnsjava's {@code Name.compareTo}), then positive before negative, then by type.
     */
    public static final Comparator<CacheRow> TREE_ORDER = Comparator
            .comparing((CacheRow r) -> r.entry().name())
            .thenComparing(r -> r.entry().negative())
            .thenComparingInt(r -> r.entry().type())
            .thenComparing(CacheRow::expired);

    public CacheRow {
        Objects.requireNonNull(entry, "entry");
    }

    public boolean negative() {
        return entry.negative();
    }

    public boolean nxdomain() {
        return entry.negative() && entry.rcode() == Rcode.NXDOMAIN;
    }
}
