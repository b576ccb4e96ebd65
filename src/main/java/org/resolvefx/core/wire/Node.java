package org.resolvefx.core.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Mutable tree node used while walking; turned into immutable {@link FieldSpan}s at the end.
 * A length of -1 means "as far as the children reach" (section groups, records cut short).
 */
final class Node {
    final String id;
    final String label;
    String value;
    String display;
    final int offset;
    int length;
    final long mask;
    /** Children: {@link Node}s still open to change, or finished {@link FieldSpan} leaves. */
    private ArrayList<Object> kids;

    Node(String id, String label, String value, String display, int offset, int length, long mask) {
        this.id = id;
        this.label = label;
        this.value = value;
        this.display = display;
        this.offset = offset;
        this.length = length;
        this.mask = mask;
    }

    Node add(Node child) {
        addChild(child);
        return child;
    }

    void add(FieldSpan leaf) {
        addChild(leaf);
    }

    private void addChild(Object child) {
        if (kids == null) {
            kids = new ArrayList<>(6);
        }
        kids.add(child);
    }

    /** Fixes open lengths (children's reach) and clamps to the message, then freezes. */
    FieldSpan build(int messageLength) {
        List<FieldSpan> children;
        int reach = offset;
        if (kids == null) {
            children = List.of();
        } else {
            FieldSpan[] arr = new FieldSpan[kids.size()];
            for (int i = 0; i < arr.length; i++) {
                Object k = kids.get(i);
                arr[i] = k instanceof Node n ? n.build(messageLength) : (FieldSpan) k;
                reach = Math.max(reach, arr[i].end());
            }
            children = List.of(arr);
        }
        int len = length < 0 ? reach - offset : Math.max(length, reach - offset);
        if (offset + len > messageLength) {
            len = Math.max(0, messageLength - offset);
        }
        return new FieldSpan(id, label, value, display, offset, len, mask, children);
    }
}
