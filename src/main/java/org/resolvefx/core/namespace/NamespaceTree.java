package org.resolvefx.core.namespace;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.resolvefx.core.trace.Trace;
import org.xbill.DNS.Name;
import org.xbill.DNS.Zone;

/**
 * An immutable tree of domain names with their zones: the root "." at the top, one
 * {@link NamespaceNode} per name, children sorted by label. Built by {@link NamespaceBuilder}, or by
 * the shortcuts here. Two trees are equal when their nodes are.
 */
public final class NamespaceTree {

    private final NamespaceNode root;
    private final List<NamespaceNode> preorder;
    private final Map<Name, NamespaceNode> byName;

    NamespaceTree(NamespaceNode root) {
        this.root = Objects.requireNonNull(root, "root");
        List<NamespaceNode> order = new ArrayList<>();
        Map<Name, NamespaceNode> index = new HashMap<>();
        Deque<NamespaceNode> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            NamespaceNode n = stack.pop();
            order.add(n);
            index.put(n.name(), n);
            List<NamespaceNode> kids = n.children();
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(kids.get(i));
            }
        }
        this.preorder = Collections.unmodifiableList(order);
        this.byName = Collections.unmodifiableMap(index);
    }

    /** A tree that knows only the root. */
    public static NamespaceTree empty() {
        return new NamespaceBuilder().snapshot();
    }

    /**
     * The tree of a world of authoritative zones.
     *
     * @param zones   dnsjava zones
     * @param servers zone apex -> (server name -> addresses) of where each zone is served; may be empty
     */
    public static NamespaceTree fromZones(Collection<Zone> zones, Map<Name, Map<Name, List<InetAddress>>> servers) {
        return new NamespaceBuilder().addZones(zones, servers).snapshot();
    }

    /** What the messages (and referral events) of a trace reveal about the namespace. */
    public static NamespaceTree learnedFrom(Trace trace) {
        return new NamespaceBuilder().learn(trace).snapshot();
    }

    public NamespaceNode root() {
        return root;
    }

    /** All nodes, parents before children, siblings in label order. */
    public List<NamespaceNode> nodes() {
        return preorder;
    }

    public int size() {
        return preorder.size();
    }

    public Optional<NamespaceNode> node(Name name) {
        return Optional.ofNullable(byName.get(name));
    }

    public boolean contains(Name name) {
        return byName.containsKey(name);
    }

    /** The zone apexes, in tree order. */
    public List<NamespaceNode> zones() {
        List<NamespaceNode> out = new ArrayList<>();
        for (NamespaceNode n : preorder) {
            if (n.zoneApex()) {
                out.add(n);
            }
        }
        return out;
    }

    /**
     * The zone any name falls in, as far as this tree knows: the apex of the deepest known ancestor (or
     * the name itself). Works for names that are not in the tree.
     */
    public NamespaceNode zoneOf(Name name) {
        Name n = name;
        while (true) {
            NamespaceNode node = byName.get(n);
            if (node != null) {
                return byName.get(node.zone());
            }
            if (n.labels() <= 1) {
                return root;
            }
            n = new Name(n, 1);
        }
    }

    /** The nodes from the root down to {@code name}, as far as they are in the tree. */
    public List<NamespaceNode> pathTo(Name name) {
        List<NamespaceNode> out = new ArrayList<>();
        for (int skip = name.labels() - 1; skip >= 0; skip--) {
            NamespaceNode node = byName.get(skip == 0 ? name : new Name(name, skip));
            if (node == null) {
                break;
            }
            out.add(node);
        }
        return out;
    }

    /**
     * The tree as a view shows it with some nodes collapsed: their descendants are left out and counted
     * in {@link NamespaceNode#hiddenDescendants()}. Names in {@code collapsed} that are not in the tree,
     * or that have no children, change nothing.
     */
    public NamespaceTree visibleSubtree(Set<Name> collapsed) {
        if (collapsed.isEmpty()) {
            return this;
        }
        Map<Name, NamespaceNode> rebuilt = new HashMap<>();
        // bottom-up: reversed pre-order puts every child before its parent
        for (int i = preorder.size() - 1; i >= 0; i--) {
            NamespaceNode n = preorder.get(i);
            if (collapsed.contains(n.name()) && !n.isLeaf()) {
                rebuilt.put(n.name(), n.withChildren(List.of(), descendants(n)));
            } else if (!n.isLeaf()) {
                List<NamespaceNode> kids = new ArrayList<>(n.children().size());
                for (NamespaceNode c : n.children()) {
                    kids.add(rebuilt.remove(c.name()));
                }
                rebuilt.put(n.name(), n.withChildren(kids, 0));
            } else {
                rebuilt.put(n.name(), n);
            }
        }
        return new NamespaceTree(rebuilt.get(root.name()));
    }

    /** A new tree with everything both trees know (zone data and learned knowledge side by side). */
    public NamespaceTree merge(NamespaceTree other) {
        return new NamespaceBuilder().add(this).add(other).snapshot();
    }

    private int descendants(NamespaceNode n) {
        int count = 0;
        Deque<NamespaceNode> stack = new ArrayDeque<>(n.children());
        while (!stack.isEmpty()) {
            NamespaceNode c = stack.pop();
            count++;
            c.children().forEach(stack::push);
        }
        return count;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NamespaceTree t && root.equals(t.root); // records compare whole subtrees; names are at most 127 labels deep
    }

    @Override
    public int hashCode() {
        return preorder.size() * 31 + root.name().hashCode();
    }

    /** An indented listing, one name per line, for tests and debugging. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (NamespaceNode n : preorder) {
            sb.append("  ".repeat(n.depth())).append(n.label());
            if (n.zoneApex()) {
                sb.append(" [zone]");
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
