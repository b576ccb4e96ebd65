package org.resolvefx.core.playback;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.resolvefx.core.trace.CacheEntry;

/**
 * The resolver cache at one trace-clock time: the initial cache plus everything stored by CacheStore
 * events up to the cursor, a later store of the same name and type replacing an earlier one, without
 * the entries whose TTL has run out.
 *
 * @param atMicros     trace-clock time this view is for
 * @param live         entries alive at {@code atMicros}, with their remaining TTL, in the order stored
 * @param expired      entries that were alive at the previous position (for {@link PlaybackState#cache()})
 *                     or at the cursor (for {@link #at(long)}) and are dead now: fade them out
 * @param resident     every entry stored and not replaced, alive or not (what {@link #at(long)} works from)
 * @param addedNow     entries stored by the event at the cursor
 */
public record CacheView(long atMicros, List<CachedRecord> live, List<CachedRecord> expired, List<CacheEntry> resident,
                        List<CacheEntry> addedNow) {

    public CacheView {
        live = List.copyOf(live);
        expired = List.copyOf(expired);
        resident = List.copyOf(resident);
        addedNow = List.copyOf(addedNow);
    }

    /**
     * The same cache at another trace-clock time, so that a playing view can count TTLs down between
     * two events. Entries stored after the cursor are not included even if {@code micros} is later.
     * {@link #expired()} then lists what was alive at this view's time and is dead at {@code micros}.
     */
    public CacheView at(long micros) {
        List<CachedRecord> nowLive = new ArrayList<>();
        List<CachedRecord> gone = new ArrayList<>();
        for (CacheEntry e : resident) {
            if (e.isLiveAt(micros)) {
                nowLive.add(new CachedRecord(e, e.remainingSeconds(micros), addedNow.contains(e)));
            } else if (e.isLiveAt(atMicros)) {
                gone.add(new CachedRecord(e, 0, addedNow.contains(e)));
            }
        }
        return new CacheView(micros, nowLive, gone, resident, addedNow);
    }

    /** Number of live entries. */
    public int size() {
        return live.size();
    }

    public boolean isEmpty() {
        return live.isEmpty();
    }

    static CacheView of(long atMicros, long previousMicros, List<CacheEntry> resident, List<CacheEntry> addedNow,
                        boolean hasPrevious) {
        Objects.requireNonNull(resident);
        List<CachedRecord> live = new ArrayList<>();
        List<CachedRecord> gone = new ArrayList<>();
        for (CacheEntry e : resident) {
            boolean added = addedNow.contains(e);
            if (e.isLiveAt(atMicros)) {
                live.add(new CachedRecord(e, e.remainingSeconds(atMicros), added));
            } else if (hasPrevious && e.isLiveAt(previousMicros)) {
                gone.add(new CachedRecord(e, 0, added));
            }
        }
        return new CacheView(atMicros, live, gone, resident, addedNow);
    }
}
