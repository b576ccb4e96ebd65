package org.resolvefx.core.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resolvefx.core.sandbox.Queries.ask;
import static org.resolvefx.core.sandbox.Queries.name;
import static org.resolvefx.core.sandbox.Queries.section;

import java.net.InetAddress;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.resolvefx.core.net.IpText;
import org.resolvefx.core.net.SocketAddr;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The shipped world: its shape, and every teaching scenario on the server where it happens. */
class DefaultWorldTest {
    static SandboxWorld world;

    @BeforeAll
    static void load() throws Exception {
        world = WorldLoader.loadDefault();
    }

    static SandboxServer at(String address) throws Exception {
        return world.serverAt(new SocketAddr(InetAddress.getByName(address), 5300)).orElseThrow(
                () -> new AssertionError("no server at " + address));
    }

    @Test
    void shape() {
        assertThat(world.id()).isEqualTo("default");
        assertThat(world.servers()).hasSize(35);
        assertThat(world.zones()).extracting(z -> z.origin().toString()).contains(".", "de.", "com.", "net.", "org.",
                "edu.", "tu-darmstadt.de.", "informatik.tu-darmstadt.de.", "networkutopia.com.", "google.com.",
                "bbc.com.", "mit.edu.", "caltech.edu.", "umass.edu.", "poly.edu.", "pbs.org.", "google.de.");
        for (ServerSpec s : world.servers()) {
            for (InetAddress a : s.addresses()) {
                assertThat(SandboxAddresses.isLoopback(a)).as(s.name().toString()).isTrue();
            }
        }
    }

    @Test
    void rootHintsAreTheThirteenRootServers() {
        List<RootHint> hints = world.rootHints();
        assertThat(hints).hasSize(13);
        for (int i = 0; i < 13; i++) {
            RootHint h = hints.get(i);
            assertThat(h.name()).isEqualTo(name((char) ('a' + i) + ".root-servers.net."));
            assertThat(h.addresses()).extracting(IpText::format).containsExactly("127.0.1." + (i + 1));
        }
    }

    @Test
    void treeInformationForTheNamespaceView() {
        ZoneSpec tu = world.zone(name("tu-darmstadt.de.")).orElseThrow();
        assertThat(tu.delegations()).containsExactly(name("informatik.tu-darmstadt.de."));
        assertThat(tu.nsNames()).containsExactly(name("ns1.hrz.tu-darmstadt.de."), name("ns2.hrz.tu-darmstadt.de."),
                name("ns3.hrz.tu-darmstadt.de."));
        assertThat(world.serversFor(name("tu-darmstadt.de."))).extracting(s -> s.name().toString())
                .containsExactly("ns1.hrz.tu-darmstadt.de.", "ns2.hrz.tu-darmstadt.de.", "ns3.hrz.tu-darmstadt.de.");
        ZoneSpec root = world.zone(name(".")).orElseThrow();
        assertThat(root.delegations()).extracting(Object::toString)
                .containsExactlyInAnyOrder("de.", "com.", "net.", "org.", "edu.");
        assertThat(world.zone(name("com.")).orElseThrow().contents().delegationNsNames(name("egg.com.")))
                .containsExactly(name("ns.chicken.org."));
        assertThat(world.zoneContaining(name("charon.dekanat.informatik.tu-darmstadt.de.")).orElseThrow().origin())
                .isEqualTo(name("informatik.tu-darmstadt.de."));
        assertThat(world.serversFor(name("umass.edu."))).extracting(s -> s.name().toString())
                .containsExactly("ns2.umass.edu.");
    }

    @Test
    void lectureWalkRootDeTuInformatik() throws Exception {
        Message root = ask(at("127.0.1.1"), "www.p2p.tu-darmstadt.de.", Type.A);
        assertThat(root.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(section(root, Section.AUTHORITY)).containsExactly("de. 172800 IN NS a.nic.de.", "de. 172800 IN NS f.nic.de.");
        assertThat(section(root, Section.ADDITIONAL)).containsExactly("a.nic.de. 172800 IN A 127.0.2.1",
                "f.nic.de. 172800 IN A 127.0.2.2");
        Message de = ask(at("127.0.2.1"), "www.p2p.tu-darmstadt.de.", Type.A);
        assertThat(section(de, Section.AUTHORITY)).containsExactly(
                "tu-darmstadt.de. 86400 IN NS ns1.hrz.tu-darmstadt.de.", "tu-darmstadt.de. 86400 IN NS ns2.hrz.tu-darmstadt.de.");
        assertThat(section(de, Section.ADDITIONAL)).containsExactly(
                "ns1.hrz.tu-darmstadt.de. 86400 IN A 127.0.3.1", "ns2.hrz.tu-darmstadt.de. 86400 IN A 127.0.3.2");
        Message tu = ask(at("127.0.3.2"), "www.p2p.tu-darmstadt.de.", Type.A);
        assertThat(tu.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(section(tu, Section.ANSWER)).containsExactly(
                "www.p2p.tu-darmstadt.de. 49817 IN CNAME charon.dekanat.informatik.tu-darmstadt.de.");
        assertThat(section(tu, Section.AUTHORITY)).containsExactly(
                "informatik.tu-darmstadt.de. 3600 IN NS ns.informatik.tu-darmstadt.de.");
        Message inf = ask(at("127.0.3.3"), "charon.dekanat.informatik.tu-darmstadt.de.", Type.A);
        assertThat(section(inf, Section.ANSWER)).containsExactly(
                "charon.dekanat.informatik.tu-darmstadt.de. 1592 IN A 127.0.31.10");
    }

    @Test
    void whereIsTheInfoNsWithAddresses() throws Exception {
        Message r = ask(at("127.0.3.1"), "tu-darmstadt.de.", Type.NS);
        assertThat(section(r, Section.ANSWER)).hasSize(3);
        assertThat(section(r, Section.ADDITIONAL)).containsExactly(
                "ns1.hrz.tu-darmstadt.de. 86400 IN A 127.0.3.1",
                "ns2.hrz.tu-darmstadt.de. 86400 IN A 127.0.3.2",
                "ns2.hrz.tu-darmstadt.de. 86400 IN AAAA 2001:db8:83f:22:0:0:0:63",
                "ns3.hrz.tu-darmstadt.de. 86400 IN A 127.0.3.4",
                "ns3.hrz.tu-darmstadt.de. 86400 IN AAAA 2001:db8:83f:56:0:0:0:60");
    }

    @Test
    void insertingRecordsTheTwoRegistrarRecordsInCom() throws Exception {
        Message com = ask(at("127.0.2.11"), "www.networkutopia.com.", Type.A);
        assertThat(section(com, Section.AUTHORITY)).containsExactly("networkutopia.com. 172800 IN NS dns1.networkutopia.com.");
        assertThat(section(com, Section.ADDITIONAL)).containsExactly("dns1.networkutopia.com. 172800 IN A 127.0.4.1");
        assertThat(section(ask(at("127.0.4.1"), "www.networkutopia.com.", Type.A), Section.ANSWER))
                .containsExactly("www.networkutopia.com. 3600 IN A 127.0.4.80");
    }

    @Test
    void gluelessDelegations() throws Exception {
        Message org = ask(at("127.0.2.21"), "www.pbs.org.", Type.A);
        assertThat(section(org, Section.AUTHORITY)).containsExactly("pbs.org. 86400 IN NS ns1.pbsdns.net.");
        assertThat(section(org, Section.ADDITIONAL)).isEmpty();
        Message net = ask(at("127.0.2.12"), "ns1.pbsdns.net.", Type.A);
        assertThat(section(net, Section.ADDITIONAL)).containsExactly("ns1.pbsdns.net. 172800 IN A 127.0.7.1");
        assertThat(section(ask(at("127.0.7.1"), "www.pbs.org.", Type.A), Section.ANSWER))
                .containsExactly("www.pbs.org. 3600 IN A 127.0.7.80");
        Message de = ask(at("127.0.2.2"), "www.google.de.", Type.A);
        assertThat(section(de, Section.AUTHORITY)).containsExactly("google.de. 86400 IN NS ns1.google.com.");
        assertThat(section(de, Section.ADDITIONAL)).isEmpty();
    }

    @Test
    void lameDelegationRefusesAndTheSecondServerAnswers() throws Exception {
        Message edu = ask(at("127.0.2.31"), "www.umass.edu.", Type.A);
        assertThat(section(edu, Section.AUTHORITY)).containsExactly("umass.edu. 172800 IN NS ns1.umass.edu.",
                "umass.edu. 172800 IN NS ns2.umass.edu.");
        assertThat(ask(at("127.0.6.3"), "www.umass.edu.", Type.A).getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(section(ask(at("127.0.6.4"), "www.umass.edu.", Type.A), Section.ANSWER))
                .containsExactly("www.umass.edu. 3600 IN A 127.0.6.82");
    }

    @Test
    void deadAndSlowServers() throws Exception {
        SandboxServer dead = at("127.0.6.5");
        assertThat(dead.behaviour()).isEqualTo(ServerBehaviour.DEAD);
        assertThat(dead.handle(Queries.query("www.poly.edu.", Type.A, 0).toWire(), org.resolvefx.core.net.Transport.UDP,
                Queries.CLIENT)).isEmpty();
        assertThat(section(ask(at("127.0.6.6"), "www.poly.edu.", Type.A), Section.ANSWER))
                .containsExactly("www.poly.edu. 3600 IN A 127.0.6.83");
        assertThat(at("127.0.6.2").behaviour().delayMillis()).isEqualTo(800);
    }

    @Test
    void truncatedWithout512BytesOfRoom() throws Exception {
        Message r = ask(at("127.0.4.1"), "many.networkutopia.com.", Type.A);
        assertThat(r.getHeader().getFlag(Flags.TC)).isTrue();
        Message tcp = ask(at("127.0.4.1"), Queries.query("many.networkutopia.com.", Type.A, 0),
                org.resolvefx.core.net.Transport.TCP);
        assertThat(tcp.getSection(Section.ANSWER)).hasSize(40);
        assertThat(section(tcp, Section.ANSWER).stream().map(s -> s.substring(s.lastIndexOf(' ') + 1))
                .collect(Collectors.toSet())).hasSize(40).allMatch(a -> a.startsWith("127.0.41."));
    }

    @Test
    void delegationLoopHasNoGlueOnEitherSide() throws Exception {
        Message org = ask(at("127.0.2.22"), "www.chicken.org.", Type.A);
        assertThat(section(org, Section.AUTHORITY)).containsExactly("chicken.org. 86400 IN NS ns.egg.com.");
        assertThat(section(org, Section.ADDITIONAL)).isEmpty();
        Message com = ask(at("127.0.2.11"), "ns.egg.com.", Type.A);
        assertThat(section(com, Section.AUTHORITY)).containsExactly("egg.com. 172800 IN NS ns.chicken.org.");
        assertThat(section(com, Section.ADDITIONAL)).isEmpty();
    }

    @Test
    void negativeAnswersAndRecordTypes() throws Exception {
        Message nx = ask(at("127.0.3.1"), "nosuchhost.tu-darmstadt.de.", Type.A);
        assertThat(nx.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(section(nx, Section.AUTHORITY)).containsExactly("tu-darmstadt.de. 300 IN SOA ns1.hrz.tu-darmstadt.de. "
                + "hostmaster.hrz.tu-darmstadt.de. 2024061701 7200 3600 1209600 300");
        Message nodata = ask(at("127.0.4.1"), "www.networkutopia.com.", Type.AAAA);
        assertThat(nodata.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(section(nodata, Section.AUTHORITY)).hasSize(1).allMatch(s -> s.contains(" 600 IN SOA "));
        Message ent = ask(at("127.0.3.1"), "p2p.tu-darmstadt.de.", Type.A);
        assertThat(ent.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(section(ask(at("127.0.3.3"), "dekanat.informatik.tu-darmstadt.de.", Type.A), Section.AUTHORITY)).hasSize(1);
        assertThat(section(ask(at("127.0.4.1"), "networkutopia.com.", Type.MX), Section.ADDITIONAL))
                .containsExactly("mail.networkutopia.com. 3600 IN A 127.0.4.25");
        assertThat(section(ask(at("127.0.3.1"), "www.tu-darmstadt.de.", Type.AAAA), Section.ANSWER))
                .containsExactly("www.tu-darmstadt.de. 86400 IN AAAA 2001:db8:83f:80:0:0:0:80");
        assertThat(section(ask(at("127.0.4.1"), "networkutopia.com.", Type.TXT), Section.ANSWER))
                .containsExactly("networkutopia.com. 3600 IN TXT \"Network Utopia - a startup from the DNS lecture\"");
        assertThat(section(ask(at("127.0.4.1"), "_xmpp-client._tcp.networkutopia.com.", Type.SRV), Section.ADDITIONAL))
                .containsExactly("chat.networkutopia.com. 3600 IN A 127.0.4.52");
    }

    @Test
    void everyScenarioNamesAResolvableQuestionOfTheWorld() {
        assertThat(world.scenarios()).extracting(Scenario::id).contains("lecture", "glueless", "lame", "dead",
                "truncated", "cname-chain", "dname", "cname-loop", "delegation-loop", "nxdomain", "nodata", "mx",
                "aaaa", "txt", "srv");
        for (Scenario s : world.scenarios()) {
            // every scenario's name lies under a TLD of the root zone, so a resolver can start
            assertThat(world.zoneContaining(s.qname())).as(s.id()).isPresent();
        }
        assertThat(world.scenario("lecture").orElseThrow().questionText()).isEqualTo("www.p2p.tu-darmstadt.de. A");
    }

    @Test
    void everyDelegationWithGlueInTheWorldPointsAtAServerThatExists() {
        // the world's glue must lead somewhere in the sandbox (or be a deliberate lame/dead case)
        for (ZoneSpec z : world.zones()) {
            for (org.xbill.DNS.Name cut : z.delegations()) {
                for (org.xbill.DNS.Name ns : z.contents().delegationNsNames(cut)) {
                    for (org.xbill.DNS.Record glue : z.contents().addressRecords(ns)) {
                        if (glue instanceof org.xbill.DNS.ARecord a) {
                            assertThat(world.serverAt(a.getAddress())).as(cut + " via " + ns).isPresent();
                        }
                    }
                }
            }
        }
    }
}
