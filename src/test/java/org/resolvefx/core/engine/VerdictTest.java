package org.resolvefx.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resolvefx.core.engine.Hosts.ip;
import static org.resolvefx.core.engine.Hosts.name;

import org.junit.jupiter.api.Test;
import org.resolvefx.core.trace.TraceEvent.SkipReason;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** How responses are judged, on messages built by hand. */
class VerdictTest {

    static Message response(String qname, int qtype, int rcode, boolean aa) {
        Message m = new Message(1);
        m.getHeader().setFlag(Flags.QR);
        if (aa) {
            m.getHeader().setFlag(Flags.AA);
        }
        m.getHeader().setRcode(rcode);
        m.addRecord(Record.newRecord(name(qname), qtype, DClass.IN), Section.QUESTION);
        return m;
    }

    static Record a(String owner, String addr) {
        return new ARecord(name(owner), DClass.IN, 300, ip(addr));
    }

    static Record ns(String owner, String target) {
        return new NSRecord(name(owner), DClass.IN, 300, name(target));
    }

    static Record cname(String owner, String target) {
        return new CNAMERecord(name(owner), DClass.IN, 300, name(target));
    }

    static SOARecord soa(String zone) {
        return new SOARecord(name(zone), DClass.IN, 300, name("ns." + zone), name("hostmaster." + zone), 1, 2, 3, 4,
                60);
    }

    static Verdict judge(Message m, String qname, int qtype, String bailiwick) {
        return Verdict.of(m, name(qname), qtype, name(bailiwick), false);
    }

    @Test
    void aReferralUsesOnlyGlueFromInsideTheBailiwick() {
        Message m = response("www.example.com.", Type.A, Rcode.NOERROR, false);
        m.addRecord(ns("example.com.", "ns1.example.com."), Section.AUTHORITY);
        m.addRecord(ns("example.com.", "ns.other.org."), Section.AUTHORITY);
        m.addRecord(a("ns1.example.com.", "127.0.0.10"), Section.ADDITIONAL);
        m.addRecord(a("ns.other.org.", "127.0.0.66"), Section.ADDITIONAL);
        Verdict v = judge(m, "www.example.com.", Type.A, "com.");
        assertThat(v).isInstanceOf(Verdict.Referral.class);
        Verdict.Referral r = (Verdict.Referral) v;
        assertThat(r.zone()).isEqualTo(name("example.com."));
        assertThat(r.servers()).extracting(s -> s.name() + " " + s.glue() + " " + s.addresses().size())
                .containsExactly("ns1.example.com. true 1", "ns.other.org. false 0");
    }

    @Test
    void referralsUpwardsOrToTheSameZoneAreLame() {
        Message up = response("www.example.com.", Type.A, Rcode.NOERROR, false);
        up.addRecord(ns("com.", "a.gtld."), Section.AUTHORITY);
        assertThat(judge(up, "www.example.com.", Type.A, "example.com."))
                .isEqualTo(new Verdict.Unusable(SkipReason.LAME,
                        "it refers to com, which is not below example.com (an upward or sideways referral)"));
        Message same = response("www.example.com.", Type.A, Rcode.NOERROR, false);
        same.addRecord(ns("example.com.", "ns1.example.com."), Section.AUTHORITY);
        assertThat(judge(same, "www.example.com.", Type.A, "example.com.")).isInstanceOf(Verdict.Unusable.class);
        Message sideways = response("www.example.com.", Type.A, Rcode.NOERROR, false);
        sideways.addRecord(ns("example.org.", "ns1.example.org."), Section.AUTHORITY);
        assertThat(judge(sideways, "www.example.com.", Type.A, "com.")).isInstanceOf(Verdict.Unusable.class);
    }

    @Test
    void anEmptyAnswerWithoutAuthorityIsLame() {
        Message m = response("www.example.com.", Type.A, Rcode.NOERROR, false);
        assertThat(judge(m, "www.example.com.", Type.A, "example.com.")).isInstanceOf(Verdict.Unusable.class)
                .extracting(v -> ((Verdict.Unusable) v).reason()).isEqualTo(SkipReason.LAME);
    }

    @Test
    void errorCodesMapToSkipReasons() {
        assertThat(((Verdict.Unusable) judge(response("x.com.", Type.A, Rcode.REFUSED, false), "x.com.", Type.A, "com."))
                .reason()).isEqualTo(SkipReason.REFUSED);
        assertThat(((Verdict.Unusable) judge(response("x.com.", Type.A, Rcode.SERVFAIL, false), "x.com.", Type.A,
                "com.")).reason()).isEqualTo(SkipReason.SERVFAIL);
        assertThat(((Verdict.Unusable) judge(response("x.com.", Type.A, Rcode.NOTIMP, false), "x.com.", Type.A,
                "com.")).reason()).isEqualTo(SkipReason.BAD_RESPONSE);
        Message tc = response("x.com.", Type.A, Rcode.NOERROR, true);
        tc.getHeader().setFlag(Flags.TC);
        assertThat(Verdict.of(tc, name("x.com."), Type.A, name("com."), true))
                .isEqualTo(new Verdict.Unusable(SkipReason.BAD_RESPONSE, "truncated (TC=1) even over TCP"));
    }

    @Test
    void answerRecordsOutsideTheBailiwickDoNotCount() {
        // a poisoning attempt: example.com's server also "answers" for www.bank.test
        Message m = response("www.example.com.", Type.A, Rcode.NOERROR, true);
        m.addRecord(cname("www.example.com.", "www.bank.test."), Section.ANSWER);
        m.addRecord(a("www.bank.test.", "127.6.6.6"), Section.ANSWER);
        Verdict v = judge(m, "www.example.com.", Type.A, "example.com.");
        assertThat(v).isInstanceOf(Verdict.Alias.class);
        Verdict.Alias alias = (Verdict.Alias) v;
        assertThat(alias.target()).isEqualTo(name("www.bank.test."));
        assertThat(alias.aliases()).hasSize(1);
        assertThat(alias.loop()).isFalse();
    }

    @Test
    void nxdomainAtTheEndOfAnInZoneChainIsAboutTheTarget() {
        Message m = response("a.example.com.", Type.A, Rcode.NXDOMAIN, true);
        m.addRecord(cname("a.example.com.", "b.example.com."), Section.ANSWER);
        m.addRecord(soa("example.com."), Section.AUTHORITY);
        Verdict v = judge(m, "a.example.com.", Type.A, "example.com.");
        assertThat(v).isInstanceOf(Verdict.NxDomain.class);
        assertThat(((Verdict.NxDomain) v).name()).isEqualTo(name("b.example.com."));
        // a target outside the server's zone: it cannot know, so the lookup goes on there
        Message out = response("a.example.com.", Type.A, Rcode.NXDOMAIN, true);
        out.addRecord(cname("a.example.com.", "b.example.org."), Section.ANSWER);
        assertThat(judge(out, "a.example.com.", Type.A, "example.com.")).isInstanceOf(Verdict.Alias.class);
    }

    @Test
    void aDnameRewritesTheNameAndASynthesizedCnameIsMadeIfMissing() {
        Message m = response("www.cs.example.com.", Type.A, Rcode.NOERROR, true);
        m.addRecord(new DNAMERecord(name("cs.example.com."), DClass.IN, 600, name("informatik.example.com.")),
                Section.ANSWER);
        Verdict v = judge(m, "www.cs.example.com.", Type.A, "example.com.");
        assertThat(v).isInstanceOf(Verdict.Alias.class);
        Verdict.Alias alias = (Verdict.Alias) v;
        assertThat(alias.viaDname()).isTrue();
        assertThat(alias.target()).isEqualTo(name("www.informatik.example.com."));
        assertThat(alias.aliases()).extracting(Record::getType).containsExactly(Type.DNAME, Type.CNAME);
        assertThat(alias.aliases().get(1).getTTL()).isEqualTo(600);
    }

    @Test
    void aLoopInsideOneResponseIsReported() {
        Message m = response("l1.example.com.", Type.A, Rcode.NOERROR, true);
        m.addRecord(cname("l1.example.com.", "l2.example.com."), Section.ANSWER);
        m.addRecord(cname("l2.example.com.", "l1.example.com."), Section.ANSWER);
        Verdict v = judge(m, "l1.example.com.", Type.A, "example.com.");
        assertThat(v).isInstanceOf(Verdict.Alias.class);
        assertThat(((Verdict.Alias) v).loop()).isTrue();
        assertThat(v.names()).containsExactly(name("l1.example.com."), name("l2.example.com."), name("l1.example.com."));
    }

    @Test
    void unrelatedAnswersAreUseless() {
        Message m = response("www.example.com.", Type.A, Rcode.NOERROR, true);
        m.addRecord(a("other.example.com.", "127.0.0.1"), Section.ANSWER);
        assertThat(judge(m, "www.example.com.", Type.A, "example.com.")).isInstanceOf(Verdict.Unusable.class);
    }

    @Test
    void nodataNeedsTheZonesSoa() {
        Message m = response("www.example.com.", Type.AAAA, Rcode.NOERROR, true);
        m.addRecord(soa("example.com."), Section.AUTHORITY);
        Verdict v = judge(m, "www.example.com.", Type.AAAA, "example.com.");
        assertThat(v).isInstanceOf(Verdict.NoData.class);
        assertThat(((Verdict.NoData) v).soa().getName()).isEqualTo(name("example.com."));
        // an SOA of some other zone proves nothing
        Message other = response("www.example.com.", Type.AAAA, Rcode.NOERROR, false);
        other.addRecord(soa("example.org."), Section.AUTHORITY);
        assertThat(judge(other, "www.example.com.", Type.AAAA, "com.")).isInstanceOf(Verdict.Unusable.class);
    }

    @Test
    void theRootMaySpeakForEverything() {
        Message m = response(".", Type.NS, Rcode.NOERROR, true);
        m.addRecord(ns(".", "a.root-servers.net."), Section.ANSWER);
        assertThat(judge(m, ".", Type.NS, ".")).isInstanceOf(Verdict.Answer.class);
        assertThat(Verdict.in(name("anything.example."), Name.root)).isTrue();
    }
}
