package org.resolvefx.core.wire;

import java.util.List;

/** Test-only: the structural promises of every dissection, whatever the input. */
final class SpanInvariants {
    private SpanInvariants() {
    }

    /** Returns null if all hold, else a description of the first broken one. */
    static String check(Dissection d, int messageLength) {
        String r = checkLevel(d.fields(), 0, messageLength, "top");
        if (r != null) {
            return r;
        }
        for (DissectionError e : d.errors()) {
            if (e.offset() < 0 || e.offset() > messageLength) {
                return "error offset " + e.offset() + " outside [0, " + messageLength + "]: " + e.message();
            }
            if (e.message() == null || e.message().isBlank()) {
                return "error without message at " + e.offset();
            }
        }
        return null;
    }

    private static String checkLevel(List<FieldSpan> spans, int from, int to, String parent) {
        int previous = from;
        for (FieldSpan f : spans) {
            if (f.length() < 0 || f.offset() < from || f.end() > to) {
                return f.id() + " at " + f.offset() + "+" + f.length() + " outside " + parent + " [" + from + ", "
                        + to + ")";
            }
            if (f.offset() < previous) {
                return f.id() + " at " + f.offset() + " comes before its previous sibling at " + previous;
            }
            previous = f.offset();
            String r = checkLevel(f.children(), f.offset(), f.end(), f.id());
            if (r != null) {
                return r;
            }
        }
        return null;
    }
}
