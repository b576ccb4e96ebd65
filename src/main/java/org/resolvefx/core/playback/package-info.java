/**
 * What the classroom views show at every cursor position of a {@link org.resolvefx.core.trace.Trace}:
 * numbered arrows, marks on endpoints, the resolver cache on the trace clock and the part of the
 * namespace the lookup has touched. Built once per trace by {@link org.resolvefx.core.playback.Playback};
 * each {@link org.resolvefx.core.playback.PlaybackState} is a pure function of the position, so
 * stepping back is exact. No JavaFX here: the views only draw these records.
 */
package org.resolvefx.core.playback;
