package org.resolvefx.ui.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resolvefx.ui.cache.CacheTraces.DELEGATION_STORED;
import static org.resolvefx.ui.cache.CacheTraces.DE_GLUE;
import static org.resolvefx.ui.cache.CacheTraces.DE_NS;
import static org.resolvefx.ui.cache.CacheTraces.EARLIER;
import static org.resolvefx.ui.cache.CacheTraces.HINT_A;
import static org.resolvefx.ui.cache.CacheTraces.HINT_NS;
import static org.resolvefx.ui.cache.CacheTraces.LATE;
import static org.resolvefx.ui.cache.CacheTraces.NEGATIVE;
import static org.resolvefx.ui.cache.CacheTraces.NEGATIVE_STORED;
import static org.resolvefx.ui.cache.CacheTraces.positionAfter;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.resolvefx.core.playback.Playback;
import org.resolvefx.core.playback.PlaybackState;
import org.resolvefx.core.trace.Trace;

class CacheRowsTest {
    static final Trace TRACE = CacheTraces.nxdomainWithExpiry();
    static final Playback PLAYBACK = Playback.of(TRACE);

    static List<CacheRow> rowsAt(int position, long clock) {
        PlaybackState s = PLAYBACK.stateAt(position);
        long next = position < TRACE.events().size() ? TRACE.events().get(position).atMicros() - 1 : Long.MAX_VALUE;
        return CacheRows.rows(CacheRows.cacheAt(s, clock, next));
    }

    static CacheRow row(List<CacheRow> rows, org.resolvefx.core.trace.CacheEntry e) {
        return rows.stream().filter(r -> r.entry().equals(e)).findFirst().orElseThrow();
    }

    @Test
    void beforeTheLookupOnlyWhatWasCachedBefore() {
        List<CacheRow> rows = rowsAt(0, 0);
        assertThat(rows).extracting(CacheRow::entry).containsExactly(HINT_NS, EARLIER, HINT_A);
        assertThat(rows).noneMatch(CacheRow::addedNow).noneMatch(CacheRow::expired).noneMatch(CacheRow::negative);
    }

    @Test
    void storedEntriesAppearAsNewInTreeOrder() {
        int p = positionAfter(TRACE, DELEGATION_STORED);
        List<CacheRow> rows = rowsAt(p, 0);
        // root, then de, then the names below de: the order of the namespace tree
        assertThat(rows).extracting(CacheRow::entry).containsExactly(HINT_NS, EARLIER, DE_NS, DE_GLUE, HINT_A);
        assertThat(row(rows, DE_NS).addedNow()).isTrue();
        assertThat(row(rows, DE_NS).remainingSeconds()).isEqualTo(10);
        assertThat(row(rows, HINT_NS).addedNow()).isFalse();
        // one step later they are no longer new
        assertThat(row(rowsAt(p + 1, 0), DE_NS).addedNow()).isFalse();
    }

    @Test
    void theTtlCountsDownOnTheTraceClockBetweenEvents() {
        int p = positionAfter(TRACE, NEGATIVE_STORED);
        // the last stored event is followed by others; take the position whose next event is far away
        int quiet = positionAfter(TRACE, 7_100);
        assertThat(row(rowsAt(quiet, 0), DE_NS).remainingSeconds()).isEqualTo(10);
        assertThat(row(rowsAt(quiet, DELEGATION_STORED + 3_500_000), DE_NS).remainingSeconds()).isEqualTo(7);
        assertThat(row(rowsAt(quiet, NEGATIVE_STORED + 4_999_999), NEGATIVE).remainingSeconds()).isEqualTo(1);
        // the negative entry dies after 5 s: shown struck through until the next step
        List<CacheRow> later = rowsAt(quiet, NEGATIVE_STORED + 5_000_000);
        assertThat(row(later, NEGATIVE).expired()).isTrue();
        assertThat(row(later, NEGATIVE).remainingSeconds()).isZero();
        assertThat(row(later, DE_NS).expired()).isFalse();
        // a clock before the cursor's time, or beyond the next event, is held inside the step
        assertThat(rowsAt(p, 0)).isEqualTo(rowsAt(p, NEGATIVE_STORED));
        assertThat(rowsAt(p, 10_000_000)).isEqualTo(rowsAt(p, TRACE.events().get(p).atMicros() - 1));
    }

    @Test
    void negativeEntriesAreNegative() {
        CacheRow r = row(rowsAt(positionAfter(TRACE, NEGATIVE_STORED), 0), NEGATIVE);
        assertThat(r.negative()).isTrue();
        assertThat(r.nxdomain()).isTrue();
        assertThat(r.addedNow()).isTrue();
        assertThat(row(rowsAt(positionAfter(TRACE, NEGATIVE_STORED), 0), DE_NS).negative()).isFalse();
    }

    @Test
    void twelveSecondsLaterEverythingStoredHasExpired() {
        List<CacheRow> rows = rowsAt(positionAfter(TRACE, LATE), 0);
        assertThat(rows.stream().filter(r -> !r.expired()).map(CacheRow::entry)).containsExactlyInAnyOrder(HINT_NS,
                HINT_A, EARLIER);
        assertThat(rows.stream().filter(CacheRow::expired).map(CacheRow::entry)).containsExactlyInAnyOrder(DE_NS,
                DE_GLUE, NEGATIVE);
    }

    @Test
    void rowsAreAFunctionOfThePositionAlone() {
        for (int k = 0; k <= PLAYBACK.length(); k++) {
            PlaybackState forward = PLAYBACK.first();
            for (int i = 0; i < k; i++) {
                forward = PLAYBACK.next(forward);
            }
            PlaybackState back = PLAYBACK.last();
            for (int i = PLAYBACK.length(); i > k; i--) {
                back = PLAYBACK.previous(back);
            }
            assertThat(CacheRows.rows(back.cache())).as("position " + k).isEqualTo(CacheRows.rows(forward.cache()));
        }
    }
}
