package org.resolvefx.core.namespace;

import java.util.Objects;

/**
 * One row of the sequence diagram: a message (an arrow between two lifelines) or a note on one
 * lifeline for any other event (timeout, retry, cache lookup, referral followed, ...).
 *
 * @param eventIndex    the event's index in {@code Trace.events()}
 * @param kind          message or note
 * @param messageNumber the arrow number (1, 2, ...) for messages, 0 for notes
 * @param fromId        sender, or the lifeline the note stands on
 * @param toId          receiver, or the same lifeline for a note
 * @param y             the row's y (layout units)
 * @param fromX         x of the sender's lifeline
 * @param toX           x of the receiver's lifeline (equal to fromX for notes)
 */
public record SequenceRow(int eventIndex, Kind kind, int messageNumber, String fromId, String toId, double y,
                          double fromX, double toX) {

    public SequenceRow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fromId, "fromId");
        Objects.requireNonNull(toId, "toId");
    }

    public boolean isMessage() {
        return kind == Kind.MESSAGE;
    }

    public enum Kind {
        MESSAGE,
        NOTE
    }
}
