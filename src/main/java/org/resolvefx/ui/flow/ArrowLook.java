package org.resolvefx.ui.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.resolvefx.core.net.Transport;
import org.resolvefx.core.playback.Arrow;
import org.resolvefx.core.playback.ArrowOutcome;
import org.xbill.DNS.Rcode;

/**
 * How one arrow is drawn, the same in the flow and the sequence view: its CSS classes and which
 * extra marks it carries. Each visual has a shape or pattern of its own besides its colour (see
 * src/docs/flow-views.md): recursive thick and solid, iterative dashed, TCP a double line with a tag,
 * lost broken off with a cross, ignored dotted with a shield, errors outlined with the RCODE, retries
 * a loop with the attempt number.
 *
 * @param number   the arrow's number (badge text)
 * @param classes  CSS classes of the arrow's groups, "flow-arrow" first
 * @param lost     draw it broken off with a cross (no response came)
 * @param ignored  dotted, with a shield mark near its end
 * @param tcp      double line and a "TCP" tag
 * @param attempt  2, 3, ... for a query sent again (loop mark with this number); 1 otherwise
 * @param errorTag text of the error tag (RCODE name), or null; "malformed" is chosen by the view
 * @param malformed not a DNS message
 */
record ArrowLook(int number, List<String> classes, boolean lost, boolean ignored, boolean tcp, int attempt,
                 String errorTag, boolean malformed) {

    ArrowLook {
        classes = List.copyOf(classes);
    }

    static ArrowLook of(Arrow a) {
        Objects.requireNonNull(a, "arrow");
        List<String> c = new ArrayList<>();
        c.add("flow-arrow");
        c.add(a.isRecursive() ? "recursive" : "iterative");
        c.add(a.isQuery() ? "query" : "response");
        boolean tcp = a.transport() == Transport.TCP;
        if (tcp) {
            c.add("tcp");
        }
        if (a.isRetry()) {
            c.add("retry");
        }
        String tag = null;
        ArrowOutcome o = a.outcome();
        switch (o) {
            case LOST -> c.add("lost");
            case IGNORED -> c.add("ignored");
            case ERROR -> {
                c.add("error");
                tag = a.rcode() >= 0 ? Rcode.string(a.rcode()) : null;
            }
            case MALFORMED -> c.add("malformed");
            case TRUNCATED -> c.add("truncated");
            case DELIVERED -> c.add("delivered");
        }
        // the line pattern: TCP solid (double), ignored dotted, else iterative dashed and recursive solid
        c.add(o == ArrowOutcome.IGNORED ? "pattern-dotted"
                : tcp || a.isRecursive() ? "pattern-solid" : "pattern-dashed");
        return new ArrowLook(a.number(), c, o == ArrowOutcome.LOST, o == ArrowOutcome.IGNORED, tcp, a.attempt(), tag,
                o == ArrowOutcome.MALFORMED);
    }

    boolean hasErrorMark() {
        return errorTag != null || malformed;
    }
}
