package org.resolvefx.core.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.resolvefx.core.namespace.LectureWorld.name;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.net.Transport;
import org.resolvefx.core.playback.LectureCaptures;
import org.resolvefx.core.playback.TraceKit;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.WireMessage;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

class NamespaceTreeTest {

    static NamespaceTree lectureTree() {
        return NamespaceTree.fromZones(LectureWorld.zones(), Map.of());
    }

    static List<String> childLabels(NamespaceTree t, String name) {
        return t.node(name(name)).orElseThrow().children().stream().map(NamespaceNode::label).toList();
    }

    static InetAddress ip(String s) {
        return SocketAddr.literal(s, "test");
    }

    @Test
    void lectureZonesGiveTheTreeOfTheSlides() {
        NamespaceTree t = lectureTree();
        assertThat(t.root().name()).isEqualTo(Name.root);
        assertThat(t.root().label()).isEqualTo(".");
        assertThat(childLabels(t, ".")).containsExactly("com", "de", "edu", "net", "org");
        assertThat(childLabels(t, "de.")).containsExactly("google", "nic", "tu-darmstadt");
        assertThat(childLabels(t, "tu-darmstadt.de.")).containsExactly("hrz", "informatik", "p2p");
        assertThat(childLabels(t, "p2p.tu-darmstadt.de.")).containsExactly("www");
        assertThat(childLabels(t, "informatik.tu-darmstadt.de.")).containsExactly("dekanat", "ns");
        assertThat(childLabels(t, "dekanat.informatik.tu-darmstadt.de.")).containsExactly("charon");
        assertThat(childLabels(t, "com.")).containsExactly("google", "networkutopia");
        assertThat(childLabels(t, "networkutopia.com.")).containsExactly("dns1", "mail", "www");
        assertThat(childLabels(t, "edu.")).containsExactly("caltech", "mit", "poly", "umass");
        // every node's parent is its name minus the first label, and depth follows the labels
        for (NamespaceNode n : t.nodes()) {
            for (NamespaceNode c : n.children()) {
                assertThat(new Name(c.name(), 1)).isEqualTo(n.name());
                assertThat(c.depth()).isEqualTo(n.depth() + 1);
            }
        }
        assertThat(t.pathTo(name("charon.dekanat.informatik.tu-darmstadt.de."))).extracting(NamespaceNode::label)
                .containsExactly(".", "de", "tu-darmstadt", "informatik", "dekanat", "charon");
    }

    @Test
    void zoneCutsAndZoneMembership() {
        NamespaceTree t = lectureTree();
        assertThat(t.zones()).extracting(n -> n.name().toString()).containsExactly(".", "com.", "google.com.",
                "networkutopia.com.", "de.", "google.de.", "tu-darmstadt.de.", "informatik.tu-darmstadt.de.", "edu.",
                "caltech.edu.", "mit.edu.", "poly.edu.", "umass.edu.", "org.");
        assertThat(zoneOf(t, "www.p2p.tu-darmstadt.de.")).isEqualTo("tu-darmstadt.de.");
        assertThat(zoneOf(t, "p2p.tu-darmstadt.de.")).isEqualTo("tu-darmstadt.de.");
        assertThat(zoneOf(t, "charon.dekanat.informatik.tu-darmstadt.de.")).isEqualTo("informatik.tu-darmstadt.de.");
        assertThat(zoneOf(t, "informatik.tu-darmstadt.de.")).isEqualTo("informatik.tu-darmstadt.de.");
        assertThat(zoneOf(t, "ns1.hrz.tu-darmstadt.de.")).isEqualTo("tu-darmstadt.de.");
        assertThat(zoneOf(t, "a.root-servers.net.")).isEqualTo(".");
        assertThat(t.node(name("p2p.tu-darmstadt.de.")).orElseThrow().zoneApex()).isFalse();
        assertThat(t.node(name("informatik.tu-darmstadt.de.")).orElseThrow().zoneApex()).isTrue();
        // names not in the tree fall into the deepest known zone
        assertThat(t.zoneOf(name("x.y.informatik.tu-darmstadt.de.")).name())
                .isEqualTo(name("informatik.tu-darmstadt.de."));
        assertThat(t.zoneOf(name("example.")).name()).isEqualTo(Name.root);
    }

    private static String zoneOf(NamespaceTree t, String n) {
        return t.node(name(n)).orElseThrow().zone().toString();
    }

    @Test
    void nameServersWithGlueAndGlueless() {
        NamespaceTree t = lectureTree();
        NamespaceNode tud = t.node(name("tu-darmstadt.de.")).orElseThrow();
        assertThat(tud.nameServers()).extracting(s -> s.name().toString()).containsExactly("ns1.hrz.tu-darmstadt.de.",
                "ns2.hrz.tu-darmstadt.de.", "ns.man-da.de.");
        ZoneServer ns1 = tud.nameServers().get(0);
        assertThat(ns1.glue()).isTrue();
        assertThat(ns1.addresses()).containsExactly(ip("127.0.3.1"));
        ZoneServer manDa = tud.nameServers().get(2);
        assertThat(manDa.glueless()).isTrue();
        assertThat(manDa.addresses()).isEmpty();
        // the zone's servers are on every node of the zone
        assertThat(t.node(name("www.p2p.tu-darmstadt.de.")).orElseThrow().nameServers()).isEqualTo(tud.nameServers());
        // google.de is only a delegation; its server's address is known (from com) but is no glue
        NamespaceNode googleDe = t.node(name("google.de.")).orElseThrow();
        assertThat(googleDe.zoneApex()).isTrue();
        assertThat(googleDe.nameServers()).containsExactly(new ZoneServer(name("ns1.google.com."),
                List.of(ip("216.239.32.10")), false));
        // the root's servers count as glue: the hints give them
        assertThat(t.root().nameServers()).extracting(ZoneServer::glue).containsExactly(true, true);
        assertThat(t.node(name("informatik.tu-darmstadt.de.")).orElseThrow().nameServers())
                .containsExactly(new ZoneServer(name("ns.informatik.tu-darmstadt.de."), List.of(ip("127.0.3.3")),
                        true));
    }

    @Test
    void recordsAndSources() {
        NamespaceTree t = lectureTree();
        NamespaceNode www = t.node(name("www.p2p.tu-darmstadt.de.")).orElseThrow();
        assertThat(www.records()).containsExactly(
                "www.p2p.tu-darmstadt.de. 3600 IN CNAME charon.dekanat.informatik.tu-darmstadt.de.");
        assertThat(www.sources()).containsExactly(KnowledgeSource.ZONE_DATA);
        NamespaceNode p2p = t.node(name("p2p.tu-darmstadt.de.")).orElseThrow();
        assertThat(p2p.isImplied()).isTrue();
        assertThat(p2p.records()).isEmpty();
        // the delegation in de and the zone's own apex records both show at the cut
        assertThat(t.node(name("tu-darmstadt.de.")).orElseThrow().records())
                .anyMatch(r -> r.startsWith("tu-darmstadt.de. 86400 IN NS"))
                .anyMatch(r -> r.startsWith("tu-darmstadt.de. 3600 IN SOA"));
    }

    @Test
    void serversOfAWorldAreAddedToTheirZones() {
        NamespaceTree t = NamespaceTree.fromZones(List.of(LectureWorld.zone("networkutopia.com.")),
                Map.of(name("networkutopia.com."), Map.of(name("dns1.networkutopia.com."), List.of(ip("127.0.4.1"))),
                        name("org."), Map.of(name("a0.org.afilias-nst.info."), List.of(ip("127.0.7.1")))));
        NamespaceNode nu = t.node(name("networkutopia.com.")).orElseThrow();
        assertThat(nu.nameServers()).hasSize(1);
        assertThat(nu.nameServers().get(0).addresses()).containsExactly(ip("212.212.212.1"), ip("127.0.4.1"));
        assertThat(nu.nameServers().get(0).glue()).isFalse();
        NamespaceNode org = t.node(name("org.")).orElseThrow();
        assertThat(org.zoneApex()).isTrue();
        assertThat(org.nameServers()).extracting(ZoneServer::name).containsExactly(name("a0.org.afilias-nst.info."));
        // com is only implied: no data for it, so it is not a zone of its own
        assertThat(t.node(name("com.")).orElseThrow().zoneApex()).isFalse();
        assertThat(t.node(name("com.")).orElseThrow().isImplied()).isTrue();
    }

    @Test
    void learnedFromARealRecursiveLookup() {
        NamespaceTree t = NamespaceTree.learnedFrom(LectureCaptures.recursiveCold());
        assertThat(childLabels(t, ".")).containsExactly("de", "net");
        assertThat(childLabels(t, "de.")).containsExactly("nic", "tu-darmstadt");
        assertThat(childLabels(t, "tu-darmstadt.de.")).containsExactly("hrz", "informatik", "p2p");
        assertThat(childLabels(t, "informatik.tu-darmstadt.de.")).containsExactly("dekanat", "ns");
        assertThat(childLabels(t, "dekanat.informatik.tu-darmstadt.de.")).containsExactly("charon");
        NamespaceNode de = t.node(name("de.")).orElseThrow();
        assertThat(de.zoneApex()).isTrue();
        assertThat(de.sources()).containsExactly(KnowledgeSource.REFERRAL);
        assertThat(de.nameServers()).containsExactly(new ZoneServer(name("a.nic.de."), List.of(ip("127.0.2.1")), true));
        NamespaceNode inf = t.node(name("informatik.tu-darmstadt.de.")).orElseThrow();
        assertThat(inf.zoneApex()).isTrue();
        assertThat(inf.sources()).containsExactly(KnowledgeSource.REFERRAL);
        assertThat(inf.nameServers()).containsExactly(new ZoneServer(name("ns.informatik.tu-darmstadt.de."),
                List.of(ip("127.0.3.3")), true));
        NamespaceNode www = t.node(name("www.p2p.tu-darmstadt.de.")).orElseThrow();
        assertThat(www.sources()).containsExactlyInAnyOrder(KnowledgeSource.ANSWER, KnowledgeSource.QUESTION);
        assertThat(www.zone()).isEqualTo(name("tu-darmstadt.de."));
        assertThat(www.records()).anyMatch(r -> r.contains("CNAME charon.dekanat.informatik.tu-darmstadt.de."));
        NamespaceNode charon = t.node(name("charon.dekanat.informatik.tu-darmstadt.de.")).orElseThrow();
        assertThat(charon.records()).anyMatch(r -> r.endsWith("A 127.0.31.10"));
        assertThat(charon.zone()).isEqualTo(name("informatik.tu-darmstadt.de."));
        assertThat(t.node(name("p2p.tu-darmstadt.de.")).orElseThrow().isImplied()).isTrue();
        assertThat(t.root().nameServers()).extracting(s -> s.name().toString())
                .containsExactlyInAnyOrder("a.root-servers.net.", "b.root-servers.net.");
    }

    @Test
    void learnedFromANegativeAnswer() {
        NamespaceTree t = NamespaceTree.learnedFrom(LectureCaptures.nxdomain());
        NamespaceNode nx = t.node(name("nosuchhost.tu-darmstadt.de.")).orElseThrow();
        assertThat(nx.nonexistent()).isTrue();
        assertThat(nx.sources()).contains(KnowledgeSource.NEGATIVE_ANSWER);
        assertThat(nx.records()).containsExactly("nosuchhost.tu-darmstadt.de. (NXDOMAIN)");
        NamespaceNode tud = t.node(name("tu-darmstadt.de.")).orElseThrow();
        assertThat(tud.zoneApex()).isTrue();
        assertThat(tud.sources()).contains(KnowledgeSource.NEGATIVE_ANSWER, KnowledgeSource.REFERRAL);
        assertThat(tud.records()).anyMatch(r -> r.contains("SOA ns1.hrz.tu-darmstadt.de."));

        NamespaceBuilder b = new NamespaceBuilder();
        byte[] q = TraceKit.query("www.p2p.tu-darmstadt.de.", Type.MX, 7, false);
        byte[] nodata = TraceKit.response(q, 0, true, false).toWire();
        org.xbill.DNS.Message m = TraceKit.response(q, 0, true, false);
        m.addRecord(TraceKit.rr("tu-darmstadt.de. 300 IN SOA ns1.hrz.tu-darmstadt.de. h.tu-darmstadt.de. 1 2 3 4 5"),
                org.xbill.DNS.Section.AUTHORITY);
        assertThat(b.learn(m)).isTrue();
        assertThat(b.learn(new org.xbill.DNS.Message(nodata.length > 0 ? 1 : 0))).isFalse(); // a query
        NamespaceNode www = b.snapshot().node(name("www.p2p.tu-darmstadt.de.")).orElseThrow();
        assertThat(www.records()).containsExactly("www.p2p.tu-darmstadt.de. MX (NODATA)");
        assertThat(www.nonexistent()).isFalse();
    }

    @Test
    void learningGrowsTheTreeMessageByMessage() {
        Trace trace = LectureCaptures.digTrace();
        NamespaceBuilder b = new NamespaceBuilder();
        Set<Name> before = names(b.snapshot());
        assertThat(before).containsExactly(Name.root);
        List<Integer> sizes = new ArrayList<>();
        for (WireMessage m : trace.messages()) {
            boolean used = b.learn(m);
            assertThat(used).isEqualTo(m.isResponse());
            Set<Name> after = names(b.snapshot());
            assertThat(after).containsAll(before);
            sizes.add(after.size());
            before = after;
        }
        assertThat(sizes.get(sizes.size() - 1)).isGreaterThan(sizes.get(0));
        NamespaceTree t = b.snapshot();
        assertThat(t.node(name("tu-darmstadt.de.")).orElseThrow().zoneApex()).isTrue();
        // dig +trace stopped at the CNAME: the target is known as a name, and the informatik cut from the
        // authority section of that answer
        assertThat(t.contains(name("charon.dekanat.informatik.tu-darmstadt.de."))).isTrue();
        assertThat(t.node(name("informatik.tu-darmstadt.de.")).orElseThrow().sources())
                .containsExactly(KnowledgeSource.REFERRAL);
    }

    /** Everything a tree says, with lists turned into sets. */
    static Map<Name, List<Object>> content(NamespaceTree t) {
        Map<Name, List<Object>> out = new java.util.HashMap<>();
        for (NamespaceNode n : t.nodes()) {
            Map<Name, Object> servers = new java.util.HashMap<>();
            n.nameServers().forEach(s -> servers.put(s.name(), List.of(Set.copyOf(s.addresses()), s.glue())));
            out.put(n.name(), List.of(n.zoneApex(), n.zone(), servers, Set.copyOf(n.records()), n.sources(),
                    n.nonexistent()));
        }
        return out;
    }

    private static Set<Name> names(NamespaceTree t) {
        return new java.util.HashSet<>(t.nodes().stream().map(NamespaceNode::name).toList());
    }

    @Test
    void zoneDataAndLearnedKnowledgeMerge() {
        NamespaceTree zones = lectureTree();
        NamespaceTree learned = NamespaceTree.learnedFrom(LectureCaptures.recursiveCold());
        NamespaceTree merged = zones.merge(learned);
        NamespaceNode de = merged.node(name("de.")).orElseThrow();
        assertThat(de.sources()).containsExactlyInAnyOrder(KnowledgeSource.ZONE_DATA, KnowledgeSource.REFERRAL);
        assertThat(merged.size()).isGreaterThanOrEqualTo(zones.size());
        for (NamespaceNode n : learned.nodes()) {
            assertThat(merged.contains(n.name())).as("%s", n.name()).isTrue();
        }
        for (NamespaceNode n : zones.nodes()) {
            assertThat(merged.contains(n.name())).isTrue();
        }
        // merging is idempotent, and the same from either side (up to the order records were added in)
        assertThat(merged.merge(merged)).isEqualTo(merged);
        assertThat(zones.merge(NamespaceTree.empty())).isEqualTo(zones);
        assertThat(content(learned.merge(zones))).isEqualTo(content(merged));
    }

    @Test
    void collapsedNodesHideTheirDescendants() {
        NamespaceTree t = lectureTree();
        NamespaceTree v = t.visibleSubtree(Set.of(name("tu-darmstadt.de."), name("edu."), name("not.in.tree.")));
        NamespaceNode tud = v.node(name("tu-darmstadt.de.")).orElseThrow();
        assertThat(tud.children()).isEmpty();
        assertThat(tud.isCollapsed()).isTrue();
        int hidden = (int) t.nodes().stream().filter(n -> n.name().subdomain(name("tu-darmstadt.de."))
                && !n.name().equals(name("tu-darmstadt.de."))).count();
        assertThat(tud.hiddenDescendants()).isEqualTo(hidden);
        assertThat(v.contains(name("www.p2p.tu-darmstadt.de."))).isFalse();
        assertThat(v.contains(name("networkutopia.com."))).isTrue();
        assertThat(v.size()).isEqualTo(t.size() - hidden - 8); // edu's four delegations and their servers
        assertThat(t.visibleSubtree(Set.of())).isSameAs(t);
        assertThat(t.visibleSubtree(Set.of(name("www.p2p.tu-darmstadt.de.")))).isEqualTo(t); // a leaf: nothing
        // and the visible tree lays out like any other
        TreeDrawing<NamespaceNode> d = new TreeLayout(10, 60, 24).layout(v, n -> 8.0 * n.label().length() + 16);
        assertThat(d.size()).isEqualTo(v.size());
        TreeLayoutChecks.assertTidy(d, 10);
    }

    @Test
    void garbageMessagesTeachNothingAndDoNotCrash() {
        NamespaceBuilder b = new NamespaceBuilder();
        SocketAddr a = new SocketAddr(ip("127.0.0.1"), 53);
        assertThat(b.learn(new WireMessage("x", "y", a, a, Transport.UDP, new byte[] {0, 1, (byte) 0x80, 0, 0, 9},
                0))).isFalse();
        assertThat(b.learn(new WireMessage("x", "y", a, a, Transport.UDP, new byte[0], 0))).isFalse();
        assertThat(b.snapshot()).isEqualTo(NamespaceTree.empty());
        assertThatThrownBy(() -> b.addServer(Name.fromConstantString("relative"), name("ns."), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
    }

    @Test
    void toStringListsTheTreeIndented() {
        NamespaceTree t = NamespaceTree.fromZones(List.of(LectureWorld.zone("informatik.tu-darmstadt.de.")), Map.of());
        assertThat(t.toString()).isEqualTo(String.join("\n",
                ". [zone]",
                "  de",
                "    tu-darmstadt",
                "      informatik [zone]",
                "        dekanat",
                "          charon",
                "        ns",
                ""));
    }
}
