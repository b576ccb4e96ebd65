package org.resolvefx.core.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resolvefx.core.sandbox.Queries.ask;
import static org.resolvefx.core.sandbox.Queries.query;
import static org.resolvefx.core.sandbox.Queries.section;

import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.resolvefx.core.net.Transport;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The answering rules on wire bytes, with the exact sections expected. */
class AuthoritativeResponderTest {
    static final ZoneSpec EXAMPLE = TestWorlds.zone("example.", TestWorlds.EXAMPLE);
    static final SandboxServer SERVER = TestWorlds.server(EXAMPLE);

    static final String SOA_300 = "example. 300 IN SOA ns1.example. hostmaster.example. 1 7200 3600 1209600 300";

    private static void assertHeader(Message r, int rcode, boolean aa) {
        Message q = query("www.example.", Type.A, 0);
        assertThat(r.getHeader().getID()).isEqualTo(q.getHeader().getID());
        assertThat(r.getHeader().getFlag(Flags.QR)).isTrue();
        assertThat(r.getHeader().getFlag(Flags.AA)).as("AA").isEqualTo(aa);
        assertThat(r.getHeader().getFlag(Flags.RA)).as("RA").isFalse();
        assertThat(r.getHeader().getFlag(Flags.TC)).as("TC").isFalse();
        assertThat(r.getRcode()).as("rcode").isEqualTo(rcode);
    }

    @Test
    void authoritativeAnswerHasAaAndOnlyTheRecords() {
        Message r = ask(SERVER, "www.example.", Type.A);
        assertHeader(r, Rcode.NOERROR, true);
        assertThat(section(r, Section.QUESTION)).containsExactly("www.example. 0 IN A");
        assertThat(r.getQuestion().getName().toString()).isEqualTo("www.example.");
        assertThat(section(r, Section.ANSWER)).containsExactly("www.example. 3600 IN A 192.0.2.80");
        assertThat(section(r, Section.AUTHORITY)).isEmpty();
        assertThat(section(r, Section.ADDITIONAL)).isEmpty();
    }

    @Test
    void rdIsCopiedCdIsCopiedRaNeverSet() throws IOException {
        Message q = query("www.example.", Type.A, 0);
        q.getHeader().setFlag(Flags.RD);
        q.getHeader().setFlag(Flags.CD);
        Message r = ask(SERVER, q, Transport.UDP);
        assertThat(r.getHeader().getFlag(Flags.RD)).isTrue();
        assertThat(r.getHeader().getFlag(Flags.CD)).isTrue();
        assertThat(r.getHeader().getFlag(Flags.RA)).isFalse();
        Message q2 = query("www.example.", Type.A, 0);
        Message r2 = ask(SERVER, q2, Transport.UDP);
        assertThat(r2.getHeader().getFlag(Flags.RD)).isFalse();
        assertThat(r2.getHeader().getFlag(Flags.CD)).isFalse();
    }

    @Test
    void questionIsEchoedWithItsCase() {
        Message r = ask(SERVER, "WwW.ExAmPlE.", Type.A);
        assertThat(r.getQuestion().getName().toString()).isEqualTo("WwW.ExAmPlE.");
        assertThat(r.getSection(Section.ANSWER)).hasSize(1);
    }

    @Test
    void referralBelowACutHasNoAaNsInAuthorityAndInBailiwickGlue() {
        Message r = ask(SERVER, "host.sub.example.", Type.A);
        assertHeader(r, Rcode.NOERROR, false);
        assertThat(section(r, Section.ANSWER)).isEmpty();
        assertThat(section(r, Section.AUTHORITY)).containsExactly(
                "sub.example. 3600 IN NS ns.sub.example.", "sub.example. 3600 IN NS ns.other.test.");
        // glue only for the in-bailiwick name; ns.other.test. gets none
        assertThat(section(r, Section.ADDITIONAL)).containsExactly("ns.sub.example. 3600 IN A 127.0.9.2");
    }

    @Test
    void referralAtTheCutItselfForAnyTypeButDs() {
        Message r = ask(SERVER, "sub.example.", Type.NS);
        assertHeader(r, Rcode.NOERROR, false);
        assertThat(section(r, Section.AUTHORITY)).hasSize(2);
        assertThat(section(r, Section.ANSWER)).isEmpty();
    }

    @Test
    void dsAtACutIsAnsweredByTheParent() {
        Message r = ask(SERVER, "sub.example.", Type.DS);
        assertHeader(r, Rcode.NOERROR, true);
        assertThat(section(r, Section.ANSWER)).hasSize(1).allMatch(s -> s.startsWith("sub.example. 3600 IN DS 12345 13 2"));
        assertThat(section(r, Section.AUTHORITY)).isEmpty();
    }

    @Test
    void dsAtACutWithoutDsRecordsIsNodataFromTheParent() throws Exception {
        SandboxWorld w = WorldLoader.loadDefault();
        Message r = ask(w.serverAt(java.net.InetAddress.getByName("127.0.1.1")).orElseThrow(), "de.", Type.DS);
        assertHeader(r, Rcode.NOERROR, true);
        assertThat(section(r, Section.ANSWER)).isEmpty();
        assertThat(section(r, Section.AUTHORITY)).containsExactly(
                ". 86400 IN SOA a.root-servers.net. nstld.verisign-grs.com. 2024061700 1800 900 604800 86400");
    }

    @Test
    void dsAtAnApexGoesToTheParentZoneWhenTheServerServesBoth() {
        ZoneSpec child = TestWorlds.zone("sub.example.", """
                @ 600 IN SOA ns.sub.example. h.sub.example. 1 2 3 4 60
                @ IN NS ns.sub.example.
                ns IN A 127.0.9.2
                """);
        SandboxServer both = TestWorlds.server(EXAMPLE, child);
        Message ds = ask(both, "sub.example.", Type.DS);
        assertThat(section(ds, Section.ANSWER)).hasSize(1);
        Message soa = ask(both, "sub.example.", Type.SOA);
        assertThat(section(soa, Section.ANSWER)).containsExactly(
                "sub.example. 600 IN SOA ns.sub.example. h.sub.example. 1 2 3 4 60");
        // a server with only the child answers DS from the child: NODATA with the child's SOA
        Message childOnly = ask(TestWorlds.server(child), "sub.example.", Type.DS);
        assertThat(section(childOnly, Section.AUTHORITY)).containsExactly(
                "sub.example. 60 IN SOA ns.sub.example. h.sub.example. 1 2 3 4 60");
    }

    @Test
    void mostSpecificZoneWins() {
        ZoneSpec child = TestWorlds.zone("sub.example.", """
                @ 600 IN SOA ns.sub.example. h.sub.example. 1 2 3 4 60
                @ IN NS ns.sub.example.
                ns IN A 127.0.9.2
                host IN A 192.0.2.7
                """);
        Message r = ask(TestWorlds.server(EXAMPLE, child), "host.sub.example.", Type.A);
        assertHeader(r, Rcode.NOERROR, true);
        assertThat(section(r, Section.ANSWER)).containsExactly("host.sub.example. 3600 IN A 192.0.2.7");
    }

    @Test
    void nxdomainHasSoaWithNegativeTtl() {
        Message r = ask(SERVER, "nosuch.example.", Type.A);
        assertHeader(r, Rcode.NXDOMAIN, true);
        assertThat(section(r, Section.ANSWER)).isEmpty();
        assertThat(section(r, Section.AUTHORITY)).containsExactly(SOA_300);
        assertThat(section(r, Section.ADDITIONAL)).isEmpty();
    }

    @Test
    void negativeTtlIsTheSoaTtlWhenThatIsSmaller() {
        ZoneSpec z = TestWorlds.zone("low.", """
                @ 60 IN SOA ns.low. h.low. 1 2 3 4 900
                @ 60 IN NS ns.low.
                ns 60 IN A 127.0.9.9
                """);
        Message r = ask(TestWorlds.server(z), "x.low.", Type.A);
        assertThat(section(r, Section.AUTHORITY)).containsExactly("low. 60 IN SOA ns.low. h.low. 1 2 3 4 900");
    }

    @Test
    void nodataIsNoerrorWithSoa() {
        Message r = ask(SERVER, "www.example.", Type.AAAA);
        assertHeader(r, Rcode.NOERROR, true);
        assertThat(section(r, Section.ANSWER)).isEmpty();
        assertThat(section(r, Section.AUTHORITY)).containsExactly(SOA_300);
    }

    @Test
    void emptyNonTerminalsAreNodataNotNxdomain() {
        for (String ent : new String[] {"b.c.example.", "c.example.", "_udp.example."}) {
            Message r = ask(SERVER, ent, Type.A);
            assertThat(r.getRcode()).as(ent).isEqualTo(Rcode.NOERROR);
            assertThat(section(r, Section.AUTHORITY)).as(ent).containsExactly(SOA_300);
        }
        assertThat(ask(SERVER, "x.c.example.", Type.A).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(ask(SERVER, "x.b.c.example.", Type.A).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    }

    @Test
    void cnameToAnotherZoneStopsThere() {
        Message r = ask(SERVER, "ext.example.", Type.A);
        assertHeader(r, Rcode.NOERROR, true);
        assertThat(section(r, Section.ANSWER)).containsExactly("ext.example. 3600 IN CNAME www.elsewhere.test.");
        assertThat(section(r, Section.AUTHORITY)).isEmpty();
        assertThat(section(r, Section.ADDITIONAL)).isEmpty();
    }

    @Test
    void cnameToAMissingNameInTheZoneIsNxdomainWithTheCname() {
        Message r = ask(SERVER, "nowhere.example.", Type.A);
        assertHeader(r, Rcode.NXDOMAIN, true);
        assertThat(section(r, Section.ANSWER)).containsExactly("nowhere.example. 3600 IN CNAME missing.example.");
        assertThat(section(r, Section.AUTHORITY)).containsExactly(SOA_300);
    }

    @Test
    void cnameIntoADelegatedChildGivesCnamePlusReferral() {
        Message r = ask(SERVER, "alias.example.", Type.A);
        assertHeader(r, Rcode.NOERROR, true);
        assertThat(section(r, Section.ANSWER)).containsExactly("alias.example. 3600 IN CNAME deep.sub.example.");
        assertThat(section(r, Section.AUTHORITY)).containsExactly(
                "sub.example. 3600 IN NS ns.sub.example.", "sub.example. 3600 IN NS ns.other.test.");
        assertThat(section(r, Section.ADDITIONAL)).containsExactly("ns.sub.example. 3600 IN A 127.0.9.2");
    }

    @Test
    void askingForTheCnameItselfGivesJustTheCname() {
        Message r = ask(SERVER, "ext.example.", Type.CNAME);
        assertThat(section(r, Section.ANSWER)).containsExactly("ext.example. 3600 IN CNAME www.elsewhere.test.");
    }

    @Test
    void inZoneCnameChainIsFollowed() throws Exception {
        SandboxWorld w = WorldLoader.loadDefault();
        SandboxServer s = w.serverAt(java.net.InetAddress.getByName("127.0.4.1")).orElseThrow();
        Message r = ask(s, "chain.networkutopia.com.", Type.A);
        assertHeader(r, Rcode.NOERROR, true);
        assertThat(section(r, Section.ANSWER)).containsExactly(
                "chain.networkutopia.com. 3600 IN CNAME web.networkutopia.com.",
                "web.networkutopia.com. 3600 IN CNAME www.networkutopia.com.",
                "www.networkutopia.com. 3600 IN A 127.0.4.80");
        assertThat(section(r, Section.AUTHORITY)).isEmpty();
    }

    @Test
    void cnameLoopStopsWhenTheChainComesBack() throws Exception {
        SandboxWorld w = WorldLoader.loadDefault();
        SandboxServer s = w.serverAt(java.net.InetAddress.getByName("127.0.4.1")).orElseThrow();
        Message r = ask(s, "loop1.networkutopia.com.", Type.A);
        assertHeader(r, Rcode.NOERROR, true);
        assertThat(section(r, Section.ANSWER)).containsExactly(
                "loop1.networkutopia.com. 3600 IN CNAME loop2.networkutopia.com.",
                "loop2.networkutopia.com. 3600 IN CNAME loop1.networkutopia.com.");
    }

    @Test
    void longCnameChainsAreCutAtTheBound() {
        StringBuilder z = new StringBuilder("@ IN SOA ns h 1 2 3 4 5\n@ IN NS ns\nns IN A 127.0.9.1\n");
        for (int i = 0; i < 40; i++) {
            z.append("c").append(i).append(" IN CNAME c").append(i + 1).append('\n');
        }
        z.append("c40 IN A 192.0.2.40\n");
        Message r = ask(TestWorlds.server(TestWorlds.zone("chain.", z.toString())), "c0.chain.", Type.A);
        assertThat(r.getSection(Section.ANSWER)).hasSize(AuthoritativeResponder.MAX_CHAIN + 1)
                .allMatch(rec -> rec.getType() == Type.CNAME);
    }

    @Test
    void dnameSynthesizesACnameWithTheDnameTtlAndContinuesInZone() {
        Message r = ask(SERVER, "www.short.example.", Type.A);
        assertHeader(r, Rcode.NOERROR, true);
        assertThat(section(r, Section.ANSWER)).containsExactly(
                "short.example. 3600 IN DNAME target.example.",
                "www.short.example. 3600 IN CNAME www.target.example.",
                "www.target.example. 3600 IN A 192.0.2.88");
    }

    @Test
    void dnameToAnotherZoneStopsAfterTheSynthesizedCname() {
        Message r = ask(SERVER, "a.b.far.example.", Type.A);
        assertThat(section(r, Section.ANSWER)).containsExactly(
                "far.example. 3600 IN DNAME elsewhere.test.",
                "a.b.far.example. 3600 IN CNAME a.b.elsewhere.test.");
        assertThat(section(r, Section.AUTHORITY)).isEmpty();
    }

    @Test
    void dnameOwnerItselfIsNotRewritten() {
        assertThat(section(ask(SERVER, "short.example.", Type.DNAME), Section.ANSWER))
                .containsExactly("short.example. 3600 IN DNAME target.example.");
        Message a = ask(SERVER, "short.example.", Type.A);
        assertThat(a.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(section(a, Section.ANSWER)).isEmpty();
    }

    @Test
    void dnameThatMakesTheNameTooLongIsYxdomain() {
        String label = "a".repeat(60);
        String longTarget = label + "." + label + "." + label + ".example.";
        ZoneSpec z = TestWorlds.zone("example.", TestWorlds.EXAMPLE + "grow IN DNAME " + longTarget + "\n");
        String qname = label + "." + label + ".grow.example.";
        Message r = ask(TestWorlds.server(z), qname, Type.A);
        assertThat(r.getRcode()).isEqualTo(Rcode.YXDOMAIN);
        assertThat(section(r, Section.ANSWER)).containsExactly("grow.example. 3600 IN DNAME " + longTarget);
    }

    @Test
    void dnameInTheDefaultWorldRewritesCsToInformatikAndRefers() throws Exception {
        SandboxWorld w = WorldLoader.loadDefault();
        SandboxServer s = w.serverAt(java.net.InetAddress.getByName("127.0.3.1")).orElseThrow();
        Message r = ask(s, "www.cs.tu-darmstadt.de.", Type.A);
        assertHeader(r, Rcode.NOERROR, true);
        assertThat(section(r, Section.ANSWER)).containsExactly(
                "cs.tu-darmstadt.de. 86400 IN DNAME informatik.tu-darmstadt.de.",
                "www.cs.tu-darmstadt.de. 86400 IN CNAME www.informatik.tu-darmstadt.de.");
        assertThat(section(r, Section.AUTHORITY)).containsExactly(
                "informatik.tu-darmstadt.de. 3600 IN NS ns.informatik.tu-darmstadt.de.");
        assertThat(section(r, Section.ADDITIONAL)).containsExactly("ns.informatik.tu-darmstadt.de. 3600 IN A 127.0.3.3");
    }

    @Test
    void wildcardAnswersWithTheQueryName() {
        Message r = ask(SERVER, "anything.wild.example.", Type.A);
        assertHeader(r, Rcode.NOERROR, true);
        assertThat(section(r, Section.ANSWER)).containsExactly("anything.wild.example. 3600 IN A 192.0.2.99");
        assertThat(section(ask(SERVER, "exists.wild.example.", Type.A), Section.ANSWER))
                .containsExactly("exists.wild.example. 3600 IN A 192.0.2.98");
        // an existing name does not match the wildcard for other types: NODATA
        Message nodata = ask(SERVER, "exists.wild.example.", Type.TXT);
        assertThat(section(nodata, Section.ANSWER)).isEmpty();
        assertThat(nodata.getRcode()).isEqualTo(Rcode.NOERROR);
        // the wildcard matches one level only below its closest encloser... and deeper names too (RFC 4592)
        assertThat(section(ask(SERVER, "x.y.wild.example.", Type.A), Section.ANSWER))
                .containsExactly("x.y.wild.example. 3600 IN A 192.0.2.99");
        Message wildNodata = ask(SERVER, "z.wild.example.", Type.MX);
        assertThat(wildNodata.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(section(wildNodata, Section.AUTHORITY)).containsExactly(SOA_300);
    }

    @Test
    void nsAnswerCarriesAddressesOfInZoneNamesOnly() {
        Message r = ask(SERVER, "example.", Type.NS);
        assertHeader(r, Rcode.NOERROR, true);
        assertThat(section(r, Section.ANSWER)).containsExactly(
                "example. 3600 IN NS ns1.example.", "example. 3600 IN NS ns.elsewhere.test.");
        assertThat(section(r, Section.AUTHORITY)).isEmpty();
        assertThat(section(r, Section.ADDITIONAL)).containsExactly(
                "ns1.example. 3600 IN A 127.0.9.1", "ns1.example. 3600 IN AAAA 0:0:0:0:0:0:0:1");
    }

    @Test
    void mxAnswerCarriesTheExchangeAddress() {
        Message r = ask(SERVER, "example.", Type.MX);
        assertThat(section(r, Section.ANSWER)).containsExactly(
                "example. 3600 IN MX 10 mail.example.", "example. 3600 IN MX 20 mx.elsewhere.test.");
        assertThat(section(r, Section.ADDITIONAL)).containsExactly("mail.example. 3600 IN A 192.0.2.25");
    }

    @Test
    void srvAnswerCarriesTheTargetAddress() {
        Message r = ask(SERVER, "_sip._udp.example.", Type.SRV);
        assertThat(section(r, Section.ANSWER)).containsExactly("_sip._udp.example. 3600 IN SRV 10 5 5060 mail.example.");
        assertThat(section(r, Section.ADDITIONAL)).containsExactly("mail.example. 3600 IN A 192.0.2.25");
    }

    @Test
    void anyGivesEveryRrsetAtTheName() {
        Message r = ask(SERVER, "ns1.example.", Type.ANY);
        assertThat(section(r, Section.ANSWER)).containsExactlyInAnyOrder(
                "ns1.example. 3600 IN A 127.0.9.1", "ns1.example. 3600 IN AAAA 0:0:0:0:0:0:0:1");
    }

    @Test
    void namesOutsideEveryServedZoneAreRefused() {
        Message r = ask(SERVER, "www.google.com.", Type.A);
        assertThat(r.getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(r.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(r.getSection(Section.QUESTION)).hasSize(1);
        assertThat(r.getSection(Section.ANSWER)).isEmpty();
        assertThat(r.getSection(Section.AUTHORITY)).isEmpty();
    }

    @Test
    void otherClassesAndZoneTransfersAreRefused() {
        Message ch = Message.newQuery(Record.newRecord(Queries.name("version.bind."), Type.TXT, DClass.CH));
        assertThat(ask(SERVER, ch, Transport.UDP).getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(ask(SERVER, query("example.", Type.AXFR, 0), Transport.TCP).getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(ask(SERVER, query("example.", Type.IXFR, 0), Transport.TCP).getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(ask(SERVER, query("example.", Type.MAILB, 0), Transport.UDP).getRcode()).isEqualTo(Rcode.NOTIMP);
    }

    @Test
    void opcodesOtherThanQueryAreNotimp() {
        for (int opcode : new int[] {Opcode.IQUERY, Opcode.STATUS, Opcode.NOTIFY, Opcode.UPDATE}) {
            Message q = query("www.example.", Type.A, 0);
            q.getHeader().setOpcode(opcode);
            Message r = ask(SERVER, q, Transport.UDP);
            assertThat(r.getRcode()).as(Opcode.string(opcode)).isEqualTo(Rcode.NOTIMP);
            assertThat(r.getHeader().getOpcode()).isEqualTo(opcode);
            assertThat(r.getSection(Section.ANSWER)).isEmpty();
        }
    }

    @Test
    void queriesWithoutExactlyOneQuestionAreFormerr() throws IOException {
        Message none = new Message(0x4242);
        Message r = ask(SERVER, none, Transport.UDP);
        assertThat(r.getRcode()).isEqualTo(Rcode.FORMERR);
        assertThat(r.getHeader().getID()).isEqualTo(0x4242);

        Message two = query("www.example.", Type.A, 0);
        two.addRecord(Record.newRecord(Queries.name("mail.example."), Type.A, DClass.IN), Section.QUESTION);
        Message r2 = ask(SERVER, two, Transport.UDP);
        assertThat(r2.getRcode()).isEqualTo(Rcode.FORMERR);
        assertThat(r2.getSection(Section.QUESTION)).isEmpty();
    }

    @Test
    void unreadableBodyWithAReadableHeaderIsFormerr() throws IOException {
        byte[] q = query("www.example.", Type.A, 0).toWire();
        byte[] cut = java.util.Arrays.copyOf(q, q.length - 3); // question ends early
        Message r = new Message(SERVER.handle(cut, Transport.UDP, Queries.CLIENT).orElseThrow());
        assertThat(r.getRcode()).isEqualTo(Rcode.FORMERR);
        assertThat(r.getHeader().getID()).isEqualTo(0x1234);
        assertThat(r.getHeader().getCount(Section.QUESTION)).isZero();
    }

    @Test
    void tooShortOrResponsesAreDropped() {
        assertThat(SERVER.handle(new byte[11], Transport.UDP, Queries.CLIENT)).isEmpty();
        assertThat(SERVER.handle(new byte[0], Transport.TCP, Queries.CLIENT)).isEmpty();
        Message q = query("www.example.", Type.A, 0);
        q.getHeader().setFlag(Flags.QR);
        assertThat(SERVER.handle(q.toWire(), Transport.UDP, Queries.CLIENT)).isEmpty();
    }

    @Test
    void ednsQueryGetsOptWithOurSizeAndDoEchoed() {
        Message r = ask(SERVER, query("www.example.", Type.A, 4096), Transport.UDP);
        OPTRecord opt = r.getOPT();
        assertThat(opt).isNotNull();
        assertThat(opt.getPayloadSize()).isEqualTo(1232);
        assertThat(opt.getVersion()).isZero();
        assertThat(opt.getFlags() & ExtendedFlags.DO).isZero();
        Message withDo = ask(SERVER, Queries.queryDo("www.example.", Type.A), Transport.UDP);
        assertThat(withDo.getOPT().getFlags() & ExtendedFlags.DO).isEqualTo(ExtendedFlags.DO);
        Message plain = ask(SERVER, query("www.example.", Type.A, 0), Transport.UDP);
        assertThat(plain.getOPT()).isNull();
    }

    @Test
    void ednsVersionAboveZeroIsBadvers() {
        Message q = query("www.example.", Type.A, 0);
        q.addRecord(new OPTRecord(1232, 0, 1, 0), Section.ADDITIONAL);
        Message r = ask(SERVER, q, Transport.UDP);
        assertThat(r.getRcode()).isEqualTo(Rcode.BADVERS);
        assertThat(r.getHeader().getRcode()).isZero();
        assertThat(r.getOPT()).isNotNull();
        assertThat(r.getOPT().getVersion()).isZero();
        assertThat(r.getSection(Section.ANSWER)).isEmpty();
    }

    @Test
    void twoOptRecordsAreFormerr() {
        Message q = query("www.example.", Type.A, 1232);
        q.addRecord(new OPTRecord(1232, 0, 0, 0), Section.ADDITIONAL);
        assertThat(ask(SERVER, q, Transport.UDP).getRcode()).isEqualTo(Rcode.FORMERR);
    }

    static final ZoneSpec BIG = TestWorlds.zone("big.", "@ IN SOA ns h 1 2 3 4 5\n@ IN NS ns\nns IN A 127.0.9.1\n"
            + TestWorlds.many("forty", 40, "192.0.2.") + TestWorlds.many("hundred", 100, "198.51.100."));
    static final SandboxServer BIG_SERVER = TestWorlds.server(BIG);

    @Test
    void withoutEdnsTheUdpLimitIs512AndTruncationLeavesNoRecords() {
        Message q = query("forty.big.", Type.A, 0);
        assertThat(q.toWire().length).isLessThan(512);
        byte[] wire = BIG_SERVER.handle(q.toWire(), Transport.UDP, Queries.CLIENT).orElseThrow();
        assertThat(wire.length).isLessThanOrEqualTo(512);
        Message r = parse(wire);
        assertThat(r.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(r.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(r.getSection(Section.QUESTION)).hasSize(1);
        assertThat(r.getSection(Section.ANSWER)).isEmpty();
        assertThat(r.getSection(Section.AUTHORITY)).isEmpty();
        assertThat(r.getSection(Section.ADDITIONAL)).isEmpty();
        Message tcp = ask(BIG_SERVER, q, Transport.TCP);
        assertThat(tcp.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(tcp.getSection(Section.ANSWER)).hasSize(40);
    }

    @Test
    void withEdnsTheLimitIsTheClientsSizeCappedAt1232AndAtLeast512() {
        byte[] fullForty = ask(BIG_SERVER, query("forty.big.", Type.A, 4096), Transport.TCP).toWire();
        assertThat(fullForty.length).isBetween(513, 1232);
        // client offers 4096: 40 records fit into our 1232
        assertThat(ask(BIG_SERVER, query("forty.big.", Type.A, 4096), Transport.UDP).getSection(Section.ANSWER)).hasSize(40);
        // client offers exactly the size: fits; one byte less: TC (with OPT kept)
        assertThat(ask(BIG_SERVER, query("forty.big.", Type.A, fullForty.length), Transport.UDP)
                .getHeader().getFlag(Flags.TC)).isFalse();
        Message small = ask(BIG_SERVER, query("forty.big.", Type.A, fullForty.length - 1), Transport.UDP);
        assertThat(small.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(small.getOPT()).isNotNull();
        // an advertised size below 512 counts as 512
        Message tiny = ask(BIG_SERVER, query("forty.big.", Type.A, 100), Transport.UDP);
        assertThat(tiny.getHeader().getFlag(Flags.TC)).isTrue();
        // 100 records are larger than 1232: TC even when the client offers 4096; TCP has them all
        Message hundred = ask(BIG_SERVER, query("hundred.big.", Type.A, 4096), Transport.UDP);
        assertThat(hundred.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(ask(BIG_SERVER, query("hundred.big.", Type.A, 4096), Transport.TCP).getSection(Section.ANSWER))
                .hasSize(100);
    }

    @Test
    void deadServersSayNothingSlowServersAnswerAtOnceWithTheirDelayAside() throws Exception {
        ServerSpec spec = SERVER.spec();
        SandboxServer dead = new SandboxServer(spec.withBehaviour(ServerBehaviour.DEAD), java.util.List.of(EXAMPLE));
        assertThat(dead.handle(query("www.example.", Type.A, 0).toWire(), Transport.UDP, Queries.CLIENT)).isEmpty();
        assertThat(dead.answerIgnoringBehaviour(query("www.example.", Type.A, 0).toWire(), Transport.UDP)).isPresent();
        SandboxServer slow = new SandboxServer(spec.withBehaviour(new ServerBehaviour.Slow(750)), java.util.List.of(EXAMPLE));
        Optional<byte[]> r = slow.handle(query("www.example.", Type.A, 0).toWire(), Transport.UDP, Queries.CLIENT);
        assertThat(r).isPresent();
        assertThat(slow.behaviour().delayMillis()).isEqualTo(750);
        assertThat(slow.behaviour().label()).isEqualTo("slow 750 ms");
        assertThat(ServerBehaviour.NORMAL.delayMillis()).isZero();
    }

    static Message parse(byte[] wire) {
        try {
            return new Message(wire);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
