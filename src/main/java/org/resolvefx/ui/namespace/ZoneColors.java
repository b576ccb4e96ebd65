package org.resolvefx.ui.namespace;

import java.util.HashMap;
import java.util.Map;
import org.resolvefx.core.namespace.NamespaceNode;
import org.resolvefx.core.namespace.NamespaceTree;
import org.xbill.DNS.Name;

/**
 * Which of the six zone shades ({@code -rfx-zone-1..6}) each zone gets. A zone keeps its shade while
 * the tree grows (a live lookup must not recolour the picture under the students' eyes); a new zone
 * gets the next shade that differs from its parent zone's and from its left neighbour's on the same
 * level, so zones that touch never share one.
 */
final class ZoneColors {
    static final int COUNT = 6;

    private final Map<Name, Integer> shade = new HashMap<>();
    private int next;

    void clear() {
        shade.clear();
        next = 0;
    }

    /** Assigns shades to the tree's zones that have none yet (pre-order, so parents go first). */
    void assign(NamespaceTree tree) {
        Map<Integer, Integer> lastAtDepth = new HashMap<>();
        for (NamespaceNode n : tree.nodes()) {
            if (!n.zoneApex()) {
                continue;
            }
            Integer known = shade.get(n.name());
            if (known == null) {
                int parentShade = n.depth() == 0 ? -1 : shadeOf(tree.zoneOf(new Name(n.name(), 1)).name());
                int left = lastAtDepth.getOrDefault(n.depth(), -1);
                int pick = -1;
                for (int i = 0; i < COUNT; i++) {
                    int candidate = (next + i) % COUNT + 1;
                    if (candidate != parentShade && candidate != left) {
                        pick = candidate;
                        break;
                    }
                }
                next = pick % COUNT;
                shade.put(n.name(), pick);
                known = pick;
            }
            lastAtDepth.put(n.depth(), known);
        }
    }

    /** 1..6, or 6 (the neutral grey) for a zone never assigned. */
    int shadeOf(Name zone) {
        return shade.getOrDefault(zone, COUNT);
    }
}
