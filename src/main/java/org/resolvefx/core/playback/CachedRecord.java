package org.resolvefx.core.playback;

import java.util.Objects;
import org.resolvefx.core.trace.CacheEntry;

/**
 * One cache entry as the cache view shows it at some trace-clock time.
 *
 * @param entry            the entry
 * @param remainingSeconds whole seconds of TTL left (0 once expired)
 * @param addedNow         stored by the event at the cursor (highlight it)
 */
public record CachedRecord(CacheEntry entry, long remainingSeconds, boolean addedNow) {
    public CachedRecord {
        Objects.requireNonNull(entry, "entry");
    }
}
