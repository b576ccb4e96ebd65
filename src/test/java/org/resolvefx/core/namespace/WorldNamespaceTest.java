package org.resolvefx.core.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resolvefx.core.namespace.LectureWorld.name;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.resolvefx.core.net.IpText;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.sandbox.ServerSpec;
import org.resolvefx.core.sandbox.WorldLoader;
import org.resolvefx.core.sandbox.ZoneSpec;
import org.xbill.DNS.Name;

class WorldNamespaceTest {
    static SandboxWorld world;
    static NamespaceTree tree;

    @BeforeAll
    static void load() throws Exception {
        world = WorldLoader.loadDefault();
        tree = WorldNamespace.of(world);
    }

    static ZoneServer server(NamespaceTree t, String zone, String server) {
        return t.node(name(zone)).orElseThrow().nameServers().stream()
                .filter(s -> s.name().equals(name(server))).findFirst().orElseThrow();
    }

    static List<String> addresses(ZoneServer s) {
        return s.addresses().stream().map(IpText::format).toList();
    }

    @Test
    void everyZoneOfTheWorldAndEveryDelegationIsAnApex() {
        Set<Name> expected = new LinkedHashSet<>();
        for (ZoneSpec z : world.zones()) {
            expected.add(z.origin());
            expected.addAll(z.delegations());
        }
        assertThat(tree.zones()).extracting(NamespaceNode::name).containsExactlyInAnyOrderElementsOf(expected);
        // the lecture's zones, and the delegations nobody serves (the delegation loop)
        assertThat(tree.zones()).extracting(n -> n.name().toString()).contains(".", "de.", "com.", "org.", "edu.",
                "net.", "tu-darmstadt.de.", "informatik.tu-darmstadt.de.", "networkutopia.com.", "pbs.org.",
                "pbsdns.net.", "chicken.org.", "egg.com.");
    }

    @Test
    void cutsLieBetweenTheParentZoneAndTheChildApex() {
        for (ZoneSpec z : world.zones()) {
            for (Name cut : z.delegations()) {
                NamespaceNode child = tree.node(cut).orElseThrow();
                assertThat(child.zoneApex()).as(cut.toString()).isTrue();
                assertThat(child.zone()).isEqualTo(cut);
                Name parent = new Name(cut, 1);
                assertThat(tree.node(parent).orElseThrow().zone()).as("parent of " + cut).isEqualTo(z.origin());
            }
        }
        assertThat(tree.node(name("informatik.tu-darmstadt.de.")).orElseThrow().zoneApex()).isTrue();
        assertThat(tree.node(name("p2p.tu-darmstadt.de.")).orElseThrow().zoneApex()).isFalse();
        assertThat(tree.zoneOf(name("www.p2p.tu-darmstadt.de.")).name()).isEqualTo(name("tu-darmstadt.de."));
        assertThat(tree.zoneOf(name("charon.dekanat.informatik.tu-darmstadt.de.")).name())
                .isEqualTo(name("informatik.tu-darmstadt.de."));
        assertThat(tree.pathTo(name("charon.dekanat.informatik.tu-darmstadt.de."))).extracting(NamespaceNode::label)
                .containsExactly(".", "de", "tu-darmstadt", "informatik", "dekanat", "charon");
    }

    @Test
    void gluelessDelegationOfPbsOrg() {
        ZoneServer ns = server(tree, "pbs.org.", "ns1.pbsdns.net.");
        assertThat(ns.glueless()).isTrue();
        // the world says where it listens, even though org cannot give the address
        assertThat(addresses(ns)).containsExactly("127.0.7.1");
        ZoneServer google = server(tree, "google.de.", "ns1.google.com.");
        assertThat(google.glueless()).isTrue();
        ZoneServer loop = server(tree, "chicken.org.", "ns.egg.com.");
        assertThat(loop.glueless()).isTrue();
        assertThat(loop.addresses()).isEmpty();
    }

    @Test
    void glueWhereTheParentGivesTheAddress() {
        assertThat(server(tree, "tu-darmstadt.de.", "ns1.hrz.tu-darmstadt.de.").glue()).isTrue();
        assertThat(server(tree, "tu-darmstadt.de.", "ns2.hrz.tu-darmstadt.de.").glue()).isTrue();
        // ns3 is only in the zone's own NS set: de gives no address for it
        assertThat(server(tree, "tu-darmstadt.de.", "ns3.hrz.tu-darmstadt.de.").glue()).isFalse();
        assertThat(server(tree, "informatik.tu-darmstadt.de.", "ns.informatik.tu-darmstadt.de.").glue()).isTrue();
        assertThat(addresses(server(tree, "informatik.tu-darmstadt.de.", "ns.informatik.tu-darmstadt.de.")))
                .containsExactly("127.0.3.3");
        // root servers: the hints give the addresses
        assertThat(tree.root().nameServers()).hasSize(13).allMatch(ZoneServer::glue);
    }

    @Test
    void glueFollowsTheParentZoneText() throws Exception {
        ZoneSpec de = world.zone(name("de.")).orElseThrow();
        String without = de.masterText().lines().filter(l -> !l.startsWith("ns2.hrz.tu-darmstadt.de."))
                .reduce("", (a, b) -> a + b + "\n");
        NamespaceTree changed = WorldNamespace.of(world.withZoneText(name("de."), without));
        assertThat(server(changed, "tu-darmstadt.de.", "ns1.hrz.tu-darmstadt.de.").glue()).isTrue();
        assertThat(server(changed, "tu-darmstadt.de.", "ns2.hrz.tu-darmstadt.de.").glue()).isFalse();
    }

    @Test
    void serverNamesPerZone() {
        for (ZoneSpec z : world.zones()) {
            NamespaceNode apex = tree.node(z.origin()).orElseThrow();
            List<Name> names = apex.nameServers().stream().map(ZoneServer::name).toList();
            assertThat(names).as(z.originText()).containsAll(z.nsNames());
            for (ServerSpec s : world.serversFor(z.origin())) {
                assertThat(names).as(z.originText()).contains(s.name());
                List<InetAddress> known = server(tree, z.originText(), s.name().toString()).addresses();
                assertThat(known).as(s.name().toString()).containsAll(s.addresses());
            }
        }
        assertThat(tree.node(name("tu-darmstadt.de.")).orElseThrow().nameServers()).extracting(s -> s.name().toString())
                .containsExactly("ns1.hrz.tu-darmstadt.de.", "ns2.hrz.tu-darmstadt.de.", "ns3.hrz.tu-darmstadt.de.");
        // umass.edu: the lame ns1 is still a name server of the zone (the delegation names it)
        assertThat(tree.node(name("umass.edu.")).orElseThrow().nameServers()).extracting(s -> s.name().toString())
                .contains("ns1.umass.edu.", "ns2.umass.edu.");
    }

    @Test
    void namesOfTheLectureFigure() {
        List<String> tlds = new ArrayList<>();
        tree.root().children().forEach(c -> tlds.add(c.label()));
        assertThat(tlds).containsExactly("com", "de", "edu", "net", "org");
        assertThat(tree.node(name("edu.")).orElseThrow().children()).extracting(NamespaceNode::label)
                .contains("caltech", "mit", "poly", "umass");
        assertThat(tree.node(name("com.")).orElseThrow().children()).extracting(NamespaceNode::label)
                .contains("bbc", "google", "networkutopia");
        assertThat(tree.node(name("p2p.tu-darmstadt.de.")).orElseThrow().isImplied()).isTrue();
        assertThat(tree.node(name("www.p2p.tu-darmstadt.de.")).orElseThrow().records())
                .anyMatch(r -> r.contains("CNAME") && r.contains("charon.dekanat.informatik.tu-darmstadt.de."));
    }

    @Test
    void builderCanTakeMore() {
        NamespaceTree more = WorldNamespace.builder(world).addQuestion(name("nosuchhost.tu-darmstadt.de.")).snapshot();
        assertThat(more.size()).isEqualTo(tree.size() + 1);
        assertThat(more.zoneOf(name("nosuchhost.tu-darmstadt.de.")).name()).isEqualTo(name("tu-darmstadt.de."));
    }
}
