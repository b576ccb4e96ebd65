package org.resolvefx.core.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Look-ups over a dissection: the field under a byte (for hex-pane clicks), fields by id, the flat list. */
public final class FieldPaths {
    private FieldPaths() {
    }

    /**
     * The innermost span that covers {@code byteOffset}: among the top-level spans the first in
     * wire order that covers it, then its first child that covers it, and so on down.
     */
    public static Optional<FieldSpan> innermostAt(Dissection d, int byteOffset) {
        List<FieldSpan> path = pathAt(d, byteOffset);
        return path.isEmpty() ? Optional.empty() : Optional.of(path.get(path.size() - 1));
    }

    /** The chain from a top-level span down to the innermost span covering {@code byteOffset}; empty if none. */
    public static List<FieldSpan> pathAt(Dissection d, int byteOffset) {
        List<FieldSpan> path = new ArrayList<>(6);
        List<FieldSpan> level = d.fields();
        while (true) {
            FieldSpan hit = null;
            for (FieldSpan f : level) {
                if (f.covers(byteOffset)) {
                    hit = f;
                    break;
                }
            }
            if (hit == null) {
                return path;
            }
            path.add(hit);
            level = hit.children();
        }
    }

    /** The first span with this id in wire order (depth first, parents before children). */
    public static Optional<FieldSpan> firstById(Dissection d, String id) {
        for (FieldSpan f : flatten(d)) {
            if (f.id().equals(id)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** All spans with this id, in wire order. */
    public static List<FieldSpan> allById(Dissection d, String id) {
        List<FieldSpan> out = new ArrayList<>();
        for (FieldSpan f : flatten(d)) {
            if (f.id().equals(id)) {
                out.add(f);
            }
        }
        return out;
    }

    /** Every span, parents before their children, children in wire order. */
    public static List<FieldSpan> flatten(Dissection d) {
        List<FieldSpan> out = new ArrayList<>(64);
        for (FieldSpan f : d.fields()) {
            flatten(f, out);
        }
        return out;
    }

    private static void flatten(FieldSpan f, List<FieldSpan> out) {
        out.add(f);
        for (FieldSpan c : f.children()) {
            flatten(c, out);
        }
    }
}
