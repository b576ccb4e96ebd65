package org.resolvefx.ui.cache;

import java.util.ArrayList;
import java.util.List;
import org.resolvefx.core.playback.CacheView;
import org.resolvefx.core.playback.CachedRecord;
import org.resolvefx.core.playback.PlaybackState;

/** Turns the playback's cache at some trace-clock time into the table's rows (a pure function). */
final class CacheRows {

    private CacheRows() {
    }

    /**
     * The cache to show for a state and a clock time. The clock counts only between the cursor's event
     * and the next one ({@code nextEventMicros}, or without limit at the end): before the cursor's time
     * it means "at the cursor", and entries stored by later events never show early anyway.
     */
    static CacheView cacheAt(PlaybackState state, long clockMicros, long nextEventMicros) {
        long t = Math.min(clockMicros, nextEventMicros);
        if (t <= state.clockMicros()) {
            return state.cache();
        }
        return state.cacheAt(t);
    }

    static List<CacheRow> rows(CacheView cache) {
        List<CacheRow> out = new ArrayList<>(cache.live().size() + cache.expired().size());
        for (CachedRecord r : cache.live()) {
            out.add(new CacheRow(r.entry(), r.remainingSeconds(), r.addedNow(), false));
        }
        for (CachedRecord r : cache.expired()) {
            out.add(new CacheRow(r.entry(), 0, r.addedNow(), true));
        }
        out.sort(CacheRow.TREE_ORDER);
        return out;
    }
}
