package org.resolvefx.ui.namespace;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.resolvefx.core.namespace.NamespaceNode;
import org.resolvefx.core.namespace.NamespaceTree;
import org.xbill.DNS.Name;

/**
 * Which subtrees the namespace view collapses until the user says otherwise. A small tree (fewer than
 * {@link #WHOLE_TREE_LIMIT} names) is shown whole. A bigger one shows what matters for the lookup:
 * every name on the path from the root to a name the lookup touches (touched zones, the question and
 * its alias targets, side-lookup names, NXDOMAIN names), with the siblings along those paths shown
 * but collapsed ("+N"). Without a lookup that is the root and its children, collapsed.
 */
public final class DefaultCollapse {

    /** Trees with fewer names than this are shown whole: about what fits a projected slide readably. */
    public static final int WHOLE_TREE_LIMIT = 60;

    private DefaultCollapse() {
    }

    /**
     * What to collapse when the user expands {@code name} in a big tree: its children that have
     * children of their own and lead to no interesting name, so that a click opens one level (a
     * thousand names under com. do not flood the picture). Small trees open completely.
     */
    public static Set<Name> childrenToCollapse(NamespaceTree tree, Name name, Collection<Name> interesting) {
        if (tree.size() < WHOLE_TREE_LIMIT) {
            return Set.of();
        }
        Set<Name> onPaths = new HashSet<>();
        for (Name n : interesting) {
            for (NamespaceNode p : tree.pathTo(n)) {
                onPaths.add(p.name());
            }
        }
        Set<Name> out = new LinkedHashSet<>();
        tree.node(name).ifPresent(node -> {
            for (NamespaceNode c : node.children()) {
                if (!c.isLeaf() && !onPaths.contains(c.name())) {
                    out.add(c.name());
                }
            }
        });
        return out;
    }

    /** The names to collapse in {@code tree} for a lookup about {@code interesting} names. */
    public static Set<Name> of(NamespaceTree tree, Collection<Name> interesting) {
        if (tree.size() < WHOLE_TREE_LIMIT) {
            return Set.of();
        }
        Set<Name> expanded = new HashSet<>();
        expanded.add(Name.root);
        for (Name n : interesting) {
            for (NamespaceNode p : tree.pathTo(n)) {
                expanded.add(p.name());
            }
        }
        Set<Name> collapsed = new LinkedHashSet<>();
        for (NamespaceNode n : tree.nodes()) {
            if (!expanded.contains(n.name())) {
                continue;
            }
            for (NamespaceNode c : n.children()) {
                if (!expanded.contains(c.name()) && !c.isLeaf()) {
                    collapsed.add(c.name());
                }
            }
        }
        return collapsed;
    }
}
