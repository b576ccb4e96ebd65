package org.resolvefx.core.playback;

import java.util.Objects;

/**
 * A position over a {@link Playback}, for a view to hold: step forward and back, jump, go to either
 * end. Mutable and not thread-safe (the UI keeps it on its own thread); the states it hands out are
 * immutable. A view wraps it in a property and redraws from {@link #state()} after every move.
 */
public final class PlaybackCursor {
    private final Playback playback;
    private PlaybackState state;

    public PlaybackCursor(Playback playback) {
        this.playback = Objects.requireNonNull(playback, "playback");
        this.state = playback.first();
    }

    public Playback playback() {
        return playback;
    }

    public PlaybackState state() {
        return state;
    }

    public int position() {
        return state.position();
    }

    public boolean canStepForward() {
        return state.position() < playback.length();
    }

    public boolean canStepBack() {
        return state.position() > 0;
    }

    /** One event forward; returns the new state (unchanged at the end). */
    public PlaybackState stepForward() {
        state = playback.next(state);
        return state;
    }

    /** One event back; returns the new state (unchanged at the start). */
    public PlaybackState stepBack() {
        state = playback.previous(state);
        return state;
    }

    /** Jumps to a position, clamped to 0..length. */
    public PlaybackState jumpTo(int position) {
        state = playback.stateAt(Math.max(0, Math.min(playback.length(), position)));
        return state;
    }

    /** Jumps to just after the arrow with that number was drawn. */
    public PlaybackState jumpToArrow(int number) {
        return jumpTo(playback.positionOfArrow(number));
    }

    /** Jumps to where the trace clock says, for playing on the trace clock at any speed. */
    public PlaybackState jumpToTime(long micros) {
        return jumpTo(playback.positionAt(micros));
    }

    public PlaybackState toStart() {
        return jumpTo(0);
    }

    public PlaybackState toEnd() {
        return jumpTo(playback.length());
    }
}
