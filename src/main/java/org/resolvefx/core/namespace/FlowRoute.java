package org.resolvefx.core.namespace;

/**
 * Where to draw the arrow of one message between two boxes: from the sender's border to the
 * receiver's, moved sideways into a lane so that the arrows between two hosts lie side by side
 * (queries on one side, responses on the other, TCP further out, repeats stepping out a little).
 *
 * @param index    the message's index in the list given to {@link FlowDiagram#routes}; arrow number - 1
 * @param fromId   sender
 * @param toId     receiver
 * @param x1       start x
 * @param y1       start y
 * @param x2       end x (the arrow head)
 * @param y2       end y
 * @param lane     signed lane: positive for queries, negative for responses; |lane| >= 3 for TCP
 */
public record FlowRoute(int index, String fromId, String toId, double x1, double y1, double x2, double y2, int lane) {

    /** Where to put the arrow's number. */
    public double labelX() {
        return (x1 + x2) / 2;
    }

    public double labelY() {
        return (y1 + y2) / 2;
    }

    public double length() {
        return Math.hypot(x2 - x1, y2 - y1);
    }
}
