package org.resolvefx.ui.namespace;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.resolvefx.core.namespace.NamespaceNode;
import org.resolvefx.core.namespace.NamespaceTree;
import org.resolvefx.core.playback.NamespaceFocus;
import org.xbill.DNS.Name;

/**
 * What the namespace tree lights up at one cursor position. A pure function of the tree, the
 * playback state's {@link NamespaceFocus} and the names answered NXDOMAIN so far, so stepping back
 * shows exactly what stepping forward showed (nothing is accumulated in the view).
 *
 * <p>Rules: a zone is lit (TOUCHED) once it is in the focus's zone path, and so is the path from the
 * root to its apex; a name of the alias chain lights the path down to it once its zone is touched;
 * a side-lookup name lights its path (as SIDE_PATH) once its zone is touched. Marks are keyed by
 * name; names that are not in the tree are left out.
 *
 * @param nodes     marks per name (only names with marks)
 * @param zones     marks per zone apex (only zones with marks)
 * @param zoneOrder 1 for the first zone the lookup touched, 2 for the next, ...
 * @param edges     marks of the edge from a name's parent to the name, keyed by the (child) name
 */
public record Highlights(Map<Name, Set<NodeMark>> nodes, Map<Name, Set<ZoneMark>> zones,
                         Map<Name, Integer> zoneOrder, Map<Name, EdgeMark> edges) {

    public static final Highlights NONE = new Highlights(Map.of(), Map.of(), Map.of(), Map.of());

    public Highlights {
        nodes = Collections.unmodifiableMap(new HashMap<>(nodes));
        zones = Collections.unmodifiableMap(new HashMap<>(zones));
        zoneOrder = Collections.unmodifiableMap(new HashMap<>(zoneOrder));
        edges = Collections.unmodifiableMap(new HashMap<>(edges));
    }

    /** The marks at one position; {@code focus} null gives {@link #NONE}. */
    public static Highlights of(NamespaceTree tree, NamespaceFocus focus, Collection<Name> nxdomain) {
        if (focus == null) {
            return NONE;
        }
        Map<Name, Set<NodeMark>> nodes = new HashMap<>();
        Map<Name, Set<ZoneMark>> zones = new HashMap<>();
        Map<Name, Integer> order = new HashMap<>();
        Map<Name, EdgeMark> edges = new HashMap<>();

        for (Name zone : focus.zonePath()) {
            if (tree.node(zone).filter(NamespaceNode::zoneApex).isPresent()) {
                zones.computeIfAbsent(zone, z -> EnumSet.noneOf(ZoneMark.class)).add(ZoneMark.TOUCHED);
                order.putIfAbsent(zone, order.size() + 1);
            }
            lightPath(tree, zone, NodeMark.ON_PATH, nodes, edges);
        }
        for (Name n : focus.nameChain()) {
            if (tree.contains(n) && focus.touched(tree.zoneOf(n).name())) {
                lightPath(tree, n, NodeMark.ON_PATH, nodes, edges);
            }
        }
        for (Name n : focus.sideResolutions()) {
            if (tree.contains(n) && focus.touched(tree.zoneOf(n).name())) {
                lightPath(tree, n, NodeMark.SIDE_PATH, nodes, edges);
            }
            mark(tree, n, NodeMark.SIDE_LOOKUP, nodes);
        }
        focus.activeSideResolution().ifPresent(n -> mark(tree, n, NodeMark.SIDE_ACTIVE, nodes));
        for (Name n : focus.nameChain()) {
            if (!n.equals(focus.currentName())) {
                mark(tree, n, NodeMark.ALIAS, nodes);
            }
        }
        mark(tree, focus.currentName(), NodeMark.CURRENT, nodes);
        for (Name n : nxdomain) {
            mark(tree, n, NodeMark.NXDOMAIN, nodes);
        }
        focus.askedZone().ifPresent(z -> markZone(tree, z, ZoneMark.ASKED, zones));
        focus.referringZone().ifPresent(z -> markZone(tree, z, ZoneMark.REFERRING, zones));
        focus.referredZone().ifPresent(z -> markZone(tree, z, ZoneMark.REFERRED, zones));
        return new Highlights(nodes, zones, order, edges);
    }

    private static void lightPath(NamespaceTree tree, Name name, NodeMark mark, Map<Name, Set<NodeMark>> nodes,
                                  Map<Name, EdgeMark> edges) {
        EdgeMark edge = mark == NodeMark.ON_PATH ? EdgeMark.PATH : EdgeMark.SIDE_PATH;
        for (NamespaceNode n : tree.pathTo(name)) {
            Set<NodeMark> marks = nodes.computeIfAbsent(n.name(), x -> EnumSet.noneOf(NodeMark.class));
            if (mark == NodeMark.SIDE_PATH && marks.contains(NodeMark.ON_PATH)) {
                continue; // the main path wins where both go
            }
            marks.add(mark);
            if (mark == NodeMark.ON_PATH) {
                marks.remove(NodeMark.SIDE_PATH);
            }
            if (n.depth() > 0) {
                edges.merge(n.name(), edge, (a, b) -> a == EdgeMark.PATH || b == EdgeMark.PATH ? EdgeMark.PATH : a);
            }
        }
    }

    private static void mark(NamespaceTree tree, Name name, NodeMark mark, Map<Name, Set<NodeMark>> nodes) {
        if (tree.contains(name)) {
            nodes.computeIfAbsent(name, x -> EnumSet.noneOf(NodeMark.class)).add(mark);
        }
    }

    private static void markZone(NamespaceTree tree, Name zone, ZoneMark mark, Map<Name, Set<ZoneMark>> zones) {
        if (tree.node(zone).filter(NamespaceNode::zoneApex).isPresent()) {
            zones.computeIfAbsent(zone, x -> EnumSet.noneOf(ZoneMark.class)).add(mark);
        }
    }

    public Set<NodeMark> node(Name name) {
        return nodes.getOrDefault(name, Set.of());
    }

    public Set<ZoneMark> zone(Name apex) {
        return zones.getOrDefault(apex, Set.of());
    }

    public Optional<EdgeMark> edge(Name child) {
        return Optional.ofNullable(edges.get(child));
    }

    /** Names with the given mark, sorted in DNS order. */
    public List<Name> namesWith(NodeMark mark) {
        List<Name> out = new ArrayList<>();
        nodes.forEach((n, m) -> {
            if (m.contains(mark)) {
                out.add(n);
            }
        });
        Collections.sort(out);
        return out;
    }

    /** Zones with the given mark, sorted in DNS order. */
    public List<Name> zonesWith(ZoneMark mark) {
        List<Name> out = new ArrayList<>();
        zones.forEach((n, m) -> {
            if (m.contains(mark)) {
                out.add(n);
            }
        });
        Collections.sort(out);
        return out;
    }

    /** One line per marked name, zone and edge, sorted: for tests and for comparing two positions. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(nodes).forEach((n, m) -> sb.append("node ").append(n).append(' ').append(m).append('\n'));
        new TreeMap<>(zones).forEach((n, m) -> sb.append("zone ").append(n).append(' ').append(m)
                .append(" #").append(zoneOrder.getOrDefault(n, 0)).append('\n'));
        new TreeMap<>(edges).forEach((n, m) -> sb.append("edge ").append(n).append(' ').append(m).append('\n'));
        return sb.toString();
    }
}
