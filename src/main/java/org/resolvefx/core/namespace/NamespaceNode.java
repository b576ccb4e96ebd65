package org.resolvefx.core.namespace;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.xbill.DNS.Name;

/**
 * One domain name of a {@link NamespaceTree}.
 *
 * @param name              the absolute name
 * @param zoneApex          a zone cut lies between the parent's zone and this node (the root is always an apex)
 * @param zone              the apex of the zone this name belongs to (itself when it is an apex)
 * @param nameServers       the name servers of that zone, as far as known
 * @param records           the records known at this name, in presentation format (for hover); negative
 *                          knowledge reads "name TYPE (NODATA)" or "name (NXDOMAIN)"
 * @param sources           where the knowledge came from; empty for names only implied by a descendant
 * @param nonexistent       a negative answer said NXDOMAIN for it and nothing says otherwise
 * @param children          the child names, sorted by label (DNS canonical order)
 * @param hiddenDescendants number of descendants left out because the node is collapsed
 *                          ({@link NamespaceTree#visibleSubtree}); 0 otherwise
 */
public record NamespaceNode(Name name, boolean zoneApex, Name zone, List<ZoneServer> nameServers,
                            List<String> records, Set<KnowledgeSource> sources, boolean nonexistent,
                            List<NamespaceNode> children, int hiddenDescendants) {

    public NamespaceNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        nameServers = List.copyOf(nameServers);
        records = List.copyOf(records);
        sources = Set.copyOf(sources);
        children = List.copyOf(children);
    }

    /** The leftmost label ("www"), or "." for the root: what the tree draws in the node. */
    public String label() {
        return name.labels() <= 1 ? "." : name.getLabelString(0);
    }

    /** 0 for the root, 1 for a top-level domain, ... */
    public int depth() {
        return name.labels() - 1;
    }

    public boolean isLeaf() {
        return children.isEmpty();
    }

    /** Collapsed by the view: it has descendants that are not shown. */
    public boolean isCollapsed() {
        return hiddenDescendants > 0;
    }

    /** Nothing but descendants makes this name known (an empty non-terminal or an unseen ancestor). */
    public boolean isImplied() {
        return sources.isEmpty();
    }

    NamespaceNode withChildren(List<NamespaceNode> newChildren, int hidden) {
        return new NamespaceNode(name, zoneApex, zone, nameServers, records, sources, nonexistent, newChildren, hidden);
    }

    @Override
    public String toString() {
        return "NamespaceNode[" + name + (zoneApex ? " apex" : " in " + zone) + ", " + children.size() + " children]";
    }
}
