package org.resolvefx.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.resolvefx.core.net.Transport;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

import static org.resolvefx.core.trace.TestTraces.ip;
import static org.resolvefx.core.trace.TestTraces.name;
import static org.resolvefx.core.trace.TestTraces.query;
import static org.resolvefx.core.trace.TestTraces.response;

class NarratorTest {

    private static final Map<String, Endpoint> EPS = Narrator.endpointsById(TestTraces.endpoints());
    private static final ResolutionMode REC = ResolutionMode.RECURSIVE;

    /** Both languages: a finished sentence, no placeholder or key left, and the given names and numbers in it. */
    private static Narration clean(Narration n, String... mustContain) {
        for (String s : new String[] {n.en(), n.de()}) {
            assertThat(s).isNotBlank();
            assertThat(s).doesNotContainPattern("\\{[A-Za-z]+\\}");
            assertThat(s).doesNotContainPattern("\\[[a-zA-Z]+\\.[A-Za-z.]+\\]");
            assertThat(s).endsWith(".");
            assertThat(Character.isUpperCase(s.charAt(0))).as(s).isTrue();
            assertThat(s).doesNotContain("  ", " .", " ,");
            if (mustContain.length > 0) {
                assertThat(s).contains(mustContain);
            }
        }
        assertThat(n.en()).isNotEqualTo(n.de());
        return n;
    }

    private static WireMessage resolverToRoot(Message m) {
        return TestTraces.wire("e2", "e3", "127.0.0.53:4000", "127.0.1.1:53", Transport.UDP, m, 0);
    }

    private static WireMessage rootToResolver(Message m) {
        return TestTraces.wire("e3", "e2", "127.0.1.1:53", "127.0.0.53:4000", Transport.UDP, m, 0);
    }

    private static WireMessage authToResolver(Message m) {
        return TestTraces.wire("e5", "e2", "[::1]:5353", "127.0.0.53:4000", Transport.UDP, m, 0);
    }

    // ------------------------------------------------------------------ queries

    @Test
    void iterativeQueryToTheRootReadsLikeTheLectureExample() {
        Narration n = Narrator.forMessage(resolverToRoot(query(1, "www.p2p.tu-darmstadt.de", Type.A, false)), EPS, REC);
        assertThat(n.en()).isEqualTo("The local resolver asks the root server a.root-servers.net for the address (A) of "
                + "www.p2p.tu-darmstadt.de, without asking it to recurse (RD=0).");
        assertThat(n.de()).isEqualTo("Der lokale Resolver fragt den Root-Server a.root-servers.net nach der Adresse (A) "
                + "von www.p2p.tu-darmstadt.de, ohne Rekursion anzufordern (RD=0).");
    }

    @Test
    void recursiveQueryFromTheClientOverTcpForAnIpv6Address() {
        WireMessage m = TestTraces.wire("e1", "e2", "127.0.0.1:5000", "127.0.0.53:53", Transport.TCP,
                query(2, "example.org", Type.AAAA, true), 0);
        Narration n = clean(Narrator.forMessage(m, EPS, REC), "example.org", "(AAAA)", "RD=1");
        assertThat(n.en()).startsWith("The client asks the local resolver over TCP for the IPv6 address (AAAA)");
        assertThat(n.de()).startsWith("Der Client fragt den lokalen Resolver über TCP nach der IPv6-Adresse (AAAA)");
    }

    @Test
    void otherTypesAndOpcodesAndGarbage() {
        clean(Narrator.forMessage(resolverToRoot(query(3, "example.org", Type.MX, false)), EPS, REC),
                "(MX)", "example.org");
        clean(Narrator.forMessage(resolverToRoot(query(3, "example.org", Type.NAPTR, false)), EPS, REC),
                "NAPTR", "example.org");
        Message notify = query(4, "example.org", Type.SOA, false);
        notify.getHeader().setOpcode(Opcode.NOTIFY);
        clean(Narrator.forMessage(resolverToRoot(notify), EPS, REC), "NOTIFY", "example.org");
        WireMessage junk = new WireMessage("e1", "e2", org.resolvefx.core.net.SocketAddr.parse("127.0.0.1:1", 53),
                org.resolvefx.core.net.SocketAddr.parse("127.0.0.53:53", 53), Transport.UDP, new byte[] {1, 2, 3}, 0);
        clean(Narrator.forMessage(junk, EPS, REC), "3");
    }

    @Test
    void anUnknownEndpointIsNamedByItsAddress() {
        WireMessage m = TestTraces.wire("e1", "e77", "127.0.0.1:5000", "127.0.0.77:53", Transport.UDP,
                query(5, "example.org", Type.A, true), 0);
        Narration n = clean(Narrator.forMessage(m, EPS, REC), "127.0.0.77");
        assertThat(n.en()).contains("the host 127.0.0.77");
        assertThat(n.de()).contains("den Rechner 127.0.0.77");
    }

    // ------------------------------------------------------------------ responses

    @Test
    void referralWithGlue() {
        Message q = query(6, "www.p2p.tu-darmstadt.de", Type.A, false);
        Message r = response(q, Rcode.NOERROR);
        r.addRecord(new NSRecord(name("de"), DClass.IN, 172800, name("a.nic.de")), Section.AUTHORITY);
        r.addRecord(new ARecord(name("a.nic.de"), DClass.IN, 172800, ip("127.0.2.1")), Section.ADDITIONAL);
        Narration n = Narrator.forMessage(rootToResolver(r), EPS, REC);
        assertThat(n.en()).isEqualTo("The root server a.root-servers.net does not know the address but refers to the "
                + "de servers (a.nic.de) and includes their addresses as glue.");
        assertThat(n.de()).isEqualTo("Der Root-Server a.root-servers.net kennt die Adresse nicht, verweist aber auf die "
                + "Server der Zone de (a.nic.de) und schickt deren Adressen als Glue-Records mit.");
    }

    @Test
    void referralWithoutGlue() {
        Message q = query(7, "www.example.com", Type.TXT, false);
        Message r = response(q, Rcode.NOERROR);
        r.addRecord(new NSRecord(name("example.com"), DClass.IN, 3600, name("ns1.other.net")), Section.AUTHORITY);
        r.addRecord(new NSRecord(name("example.com"), DClass.IN, 3600, name("ns2.other.net")), Section.AUTHORITY);
        Narration n = clean(Narrator.forMessage(rootToResolver(r), EPS, REC), "example.com", "ns1.other.net",
                "ns2.other.net");
        assertThat(n.en()).contains("does not know the answer", "no glue", "ns1.other.net and ns2.other.net");
        assertThat(n.de()).contains("kennt die Antwort nicht", "keine Glue-Records", "ns1.other.net und ns2.other.net");
    }

    @Test
    void authoritativeCnameAnswerWithTheTargetsAddress() {
        Message q = query(8, "www.p2p.tu-darmstadt.de", Type.A, false);
        Message r = response(q, Rcode.NOERROR, Flags.AA);
        r.addRecord(new CNAMERecord(name("www.p2p.tu-darmstadt.de"), DClass.IN, 3600,
                name("charon.dekanat.informatik.tu-darmstadt.de")), Section.ANSWER);
        r.addRecord(new ARecord(name("charon.dekanat.informatik.tu-darmstadt.de"), DClass.IN, 3600, ip("127.0.31.10")),
                Section.ANSWER);
        Narration n = clean(Narrator.forMessage(authToResolver(r), EPS, REC), "www.p2p.tu-darmstadt.de",
                "charon.dekanat.informatik.tu-darmstadt.de", "127.0.31.10", "(CNAME)");
        assertThat(n.en()).startsWith("The tu-darmstadt.de name server ns1.hrz.tu-darmstadt.de answers authoritatively "
                + "that www.p2p.tu-darmstadt.de is an alias (CNAME) for charon.dekanat.informatik.tu-darmstadt.de");
        assertThat(n.de()).startsWith("Der für tu-darmstadt.de zuständige Nameserver ns1.hrz.tu-darmstadt.de antwortet "
                + "autoritativ, dass www.p2p.tu-darmstadt.de ein Alias (CNAME) für charon.dekanat.informatik.tu-darmstadt.de ist");
    }

    @Test
    void aliasOnlyAndViaDname() {
        Message q = query(9, "a.example.org", Type.A, false);
        Message r = response(q, Rcode.NOERROR);
        r.addRecord(new CNAMERecord(name("a.example.org"), DClass.IN, 60, name("b.example.net")), Section.ANSWER);
        Narration plain = clean(Narrator.forMessage(authToResolver(r), EPS, REC), "a.example.org", "b.example.net");
        assertThat(plain.en()).contains("answers that a.example.org is an alias (CNAME)");

        Message q2 = query(10, "x.old.example", Type.A, false);
        Message r2 = response(q2, Rcode.NOERROR, Flags.AA);
        r2.addRecord(new DNAMERecord(name("old.example"), DClass.IN, 60, name("new.example")), Section.ANSWER);
        clean(Narrator.forMessage(authToResolver(r2), EPS, REC), "x.old.example", "x.new.example", "(DNAME)");
    }

    @Test
    void authoritativeAnswersByType() {
        Message q = query(11, "host.example", Type.A, false);
        Message one = response(q, Rcode.NOERROR, Flags.AA);
        one.addRecord(new ARecord(name("host.example"), DClass.IN, 60, ip("192.0.2.1")), Section.ANSWER);
        Narration n = clean(Narrator.forMessage(authToResolver(one), EPS, REC), "192.0.2.1", "AA=1");
        assertThat(n.en()).endsWith("answers authoritatively (AA=1): the address of host.example is 192.0.2.1.");
        assertThat(n.de()).endsWith("antwortet autoritativ (AA=1): Die Adresse von host.example ist 192.0.2.1.");

        Message q6 = query(12, "host.example", Type.AAAA, false);
        Message many = response(q6, Rcode.NOERROR);
        for (int i = 1; i <= 5; i++) {
            many.addRecord(new AAAARecord(name("host.example"), DClass.IN, 60, ip("2001:db8::" + i)), Section.ANSWER);
        }
        Narration m = clean(Narrator.forMessage(authToResolver(many), EPS, REC), "5", "2001:db8::1", "2", "AA=0");
        assertThat(m.en()).contains("with 5 addresses for host.example: 2001:db8::1, 2001:db8::2, 2001:db8::3 and 2 more.");
        assertThat(m.de()).contains("mit 5 Adressen für host.example: 2001:db8::1, 2001:db8::2, 2001:db8::3 und 2 weitere.");

        Message qt = query(13, "host.example", Type.TXT, false);
        Message txt = response(qt, Rcode.NOERROR, Flags.AA);
        txt.addRecord(new TXTRecord(name("host.example"), DClass.IN, 60, "v=spf1 -all"), Section.ANSWER);
        clean(Narrator.forMessage(authToResolver(txt), EPS, REC), "TXT", "v=spf1 -all");

        Message qn = query(14, ".", Type.NS, false);
        Message ns = response(qn, Rcode.NOERROR, Flags.AA);
        ns.addRecord(new NSRecord(org.xbill.DNS.Name.root, DClass.IN, 518400, name("a.root-servers.net")), Section.ANSWER);
        ns.addRecord(new NSRecord(org.xbill.DNS.Name.root, DClass.IN, 518400, name("b.root-servers.net")), Section.ANSWER);
        Narration nsn = clean(Narrator.forMessage(rootToResolver(ns), EPS, REC), "a.root-servers.net",
                "b.root-servers.net", "2");
        assertThat(nsn.en()).contains("the 2 name servers of the root zone");
        assertThat(nsn.de()).contains("den 2 Nameservern von der Root-Zone");
    }

    @Test
    void nxdomainWithItsSoaAndNegativeTtl() {
        Message q = query(15, "nosuchhost.tu-darmstadt.de", Type.A, false);
        Message r = response(q, Rcode.NXDOMAIN, Flags.AA);
        r.addRecord(soa(3600, 300), Section.AUTHORITY);
        Narration n = Narrator.forMessage(authToResolver(r), EPS, REC);
        assertThat(n.en()).isEqualTo("The tu-darmstadt.de name server ns1.hrz.tu-darmstadt.de says that "
                + "nosuchhost.tu-darmstadt.de does not exist (NXDOMAIN) and includes the SOA of tu-darmstadt.de, so the "
                + "answer can be cached for 300 seconds.");
        assertThat(n.de()).isEqualTo("Der für tu-darmstadt.de zuständige Nameserver ns1.hrz.tu-darmstadt.de teilt mit, "
                + "dass nosuchhost.tu-darmstadt.de nicht existiert (NXDOMAIN), und schickt den SOA-Record von "
                + "tu-darmstadt.de mit, sodass die Antwort 300 Sekunden lang gecacht werden darf.");
        // the negative TTL is the smaller of the SOA's TTL and its minimum field (RFC 2308)
        Message r2 = response(q, Rcode.NXDOMAIN, Flags.AA);
        r2.addRecord(soa(120, 900), Section.AUTHORITY);
        clean(Narrator.forMessage(authToResolver(r2), EPS, REC), "120");
        Message bare = response(q, Rcode.NXDOMAIN, Flags.AA);
        clean(Narrator.forMessage(authToResolver(bare), EPS, REC), "nosuchhost.tu-darmstadt.de", "NXDOMAIN");
    }

    private static SOARecord soa(long ttl, long minimum) {
        return new SOARecord(name("tu-darmstadt.de"), DClass.IN, ttl, name("ns1.hrz.tu-darmstadt.de"),
                name("hostmaster.hrz.tu-darmstadt.de"), 2024061701, 7200, 3600, 1209600, minimum);
    }

    @Test
    void nodata() {
        Message q = query(16, "www.tu-darmstadt.de", Type.AAAA, false);
        Message r = response(q, Rcode.NOERROR, Flags.AA);
        r.addRecord(soa(3600, 300), Section.AUTHORITY);
        Narration n = clean(Narrator.forMessage(authToResolver(r), EPS, REC), "www.tu-darmstadt.de", "AAAA",
                "NODATA", "300");
        assertThat(n.en()).contains("exists but has no AAAA records (NODATA)");
        assertThat(n.de()).contains("zwar gibt, aber keine AAAA-Records (NODATA)");
        clean(Narrator.forMessage(authToResolver(response(q, Rcode.NOERROR, Flags.AA)), EPS, REC), "NODATA", "AAAA");
    }

    @Test
    void truncatedRefusedServfailFormerrAndOtherCodes() {
        Message q = query(17, "many.networkutopia.com", Type.A, true);
        Message tc = response(q, Rcode.NOERROR, Flags.AA, Flags.TC);
        for (int i = 1; i <= 29; i++) {
            tc.addRecord(new ARecord(name("many.networkutopia.com"), DClass.IN, 60, ip("127.0.41." + i)), Section.ANSWER);
        }
        Narration t = clean(Narrator.forMessage(authToResolver(tc), EPS, REC), "TC=1", "29", "TCP");
        assertThat(t.de()).contains("abgeschnitten (TC=1)", "über TCP wiederholt");
        clean(Narrator.forMessage(authToResolver(response(q, Rcode.NOERROR, Flags.TC)), EPS, REC), "TC=1");
        Narration refused = clean(Narrator.forMessage(authToResolver(response(q, Rcode.REFUSED)), EPS, REC),
                "REFUSED", "many.networkutopia.com");
        assertThat(refused.de()).contains("verweigert die Antwort");
        clean(Narrator.forMessage(authToResolver(response(q, Rcode.SERVFAIL)), EPS, REC), "SERVFAIL");
        clean(Narrator.forMessage(authToResolver(response(q, Rcode.FORMERR)), EPS, REC), "FORMERR");
        clean(Narrator.forMessage(authToResolver(response(q, Rcode.NOTIMP)), EPS, REC), "NOTIMP");
    }

    @Test
    void finalAnswerToTheClientMentionsRecursionAvailable() {
        Message q = query(18, "www.p2p.tu-darmstadt.de", Type.A, true);
        Message r = response(q, Rcode.NOERROR, Flags.RA);
        r.addRecord(new CNAMERecord(name("www.p2p.tu-darmstadt.de"), DClass.IN, 3600,
                name("charon.dekanat.informatik.tu-darmstadt.de")), Section.ANSWER);
        r.addRecord(new ARecord(name("charon.dekanat.informatik.tu-darmstadt.de"), DClass.IN, 3600, ip("127.0.31.10")),
                Section.ANSWER);
        WireMessage m = TestTraces.wire("e2", "e1", "127.0.0.53:53", "127.0.0.1:5000", Transport.UDP, r, 0);
        Narration n = clean(Narrator.forMessage(m, EPS, REC), "RA=1", "127.0.31.10",
                "charon.dekanat.informatik.tu-darmstadt.de");
        assertThat(n.en()).startsWith("The local resolver sends the client the final answer, with RA=1 (recursion available)");
        assertThat(n.de()).startsWith("Der lokale Resolver schickt dem Client die endgültige Antwort mit RA=1 (Rekursion verfügbar)");
    }

    @Test
    void ignoredResponseNamesTheReason() {
        Message q = query(19, "example.org", Type.A, false);
        Narration n = clean(Narrator.forIgnoredResponse(rootToResolver(response(q, Rcode.NOERROR)), EPS,
                "wrong message ID"), "wrong message ID", "a.root-servers.net");
        assertThat(n.en()).startsWith("The local resolver ignores a response from the root server a.root-servers.net");
        assertThat(n.de()).startsWith("Der lokale Resolver ignoriert eine Antwort vom Root-Server a.root-servers.net");
    }

    // ------------------------------------------------------------------ other kinds

    @Test
    void cacheLookups() {
        Narration miss = clean(Narrator.forCacheLookup(name("www.example.org"), Type.A, TraceEvent.CacheOutcome.MISS,
                List.of(), REC), "www.example.org", "A");
        assertThat(miss.en()).startsWith("The local resolver looks for www.example.org A in its cache");
        Narration hit = clean(Narrator.forCacheLookup(name("www.example.org"), Type.A, TraceEvent.CacheOutcome.HIT,
                List.of("www.example.org. 300 IN A 192.0.2.5"), REC), "www.example.org A 192.0.2.5");
        assertThat(hit.de()).contains("findet www.example.org A in seinem Cache (www.example.org A 192.0.2.5)");
        clean(Narrator.forCacheLookup(name("nx.example.org"), Type.A, TraceEvent.CacheOutcome.NEGATIVE_HIT, List.of(),
                REC), "nx.example.org");
    }

    @Test
    void cacheStores() {
        CacheEntry de = new CacheEntry(name("de"), Type.NS, 172800, 0, false, Rcode.NOERROR, List.of("a.nic.de."), "e3",
                "authority");
        CacheEntry glue = new CacheEntry(name("a.nic.de"), Type.A, 172800, 0, false, Rcode.NOERROR,
                List.of("127.0.2.1"), "e3", "additional");
        CacheEntry nx = new CacheEntry(name("nx.de"), Type.A, 300, 0, true, Rcode.NXDOMAIN, List.of(), "e4", "authority");
        TraceEvent.RejectedRecord bad = new TraceEvent.RejectedRecord("evil.example. 60 IN A 6.6.6.6",
                "outside the bailiwick of de");
        Narration one = clean(Narrator.forCacheStore(List.of(de), List.of(), REC), "de NS (172800 s)");
        assertThat(one.de()).contains("speichert einen Eintrag");
        Narration many = clean(Narrator.forCacheStore(List.of(de, glue, nx), List.of(), REC), "3", "a.nic.de A",
                "nx.de A (NXDOMAIN)");
        assertThat(many.en()).contains("stores 3 entries");
        clean(Narrator.forCacheStore(List.of(de), List.of(bad), REC), "evil.example A 6.6.6.6",
                "outside the bailiwick of de");
        clean(Narrator.forCacheStore(List.of(), List.of(bad), REC), "evil.example A 6.6.6.6");
        clean(Narrator.forCacheStore(List.of(), List.of(), REC));
    }

    @Test
    void referralFollowedAndRestartsAndSideLookups() {
        List<TraceEvent.NameServer> servers = List.of(new TraceEvent.NameServer(name("a.nic.de"), List.of(ip("127.0.2.1")),
                true));
        Narration f = clean(Narrator.forReferralFollowed(name("de"), servers, ResolutionMode.ITERATIVE), "a.nic.de");
        assertThat(f.en()).startsWith("The client follows the referral");
        assertThat(f.de()).startsWith("Der Client folgt dem Verweis");
        Narration r = clean(Narrator.forCnameRestart(name("www.p2p.tu-darmstadt.de"),
                name("charon.dekanat.informatik.tu-darmstadt.de"), false, REC), "www.p2p.tu-darmstadt.de",
                "charon.dekanat.informatik.tu-darmstadt.de");
        assertThat(r.en()).startsWith("The name www.p2p.tu-darmstadt.de is an alias");
        clean(Narrator.forCnameRestart(name("x.old.example"), name("x.new.example"), true, REC), "DNAME");
        clean(Narrator.forSideResolutionStarted(name("ns.example.net"), REC), "ns.example.net");
        clean(Narrator.forSideResolutionFinished(name("ns.example.net"), List.of(ip("192.0.2.53"), ip("2001:db8::53")),
                true), "ns.example.net", "192.0.2.53", "2001:db8::53");
        Narration failed = clean(Narrator.forSideResolutionFinished(name("ns.example.net"), List.of(), false),
                "ns.example.net");
        assertThat(failed.en()).contains("found no address");
    }

    @Test
    void timeoutsRetriesAndFallback() {
        Narration t = clean(Narrator.forTimeout("e4", EPS, 1500, 2), "a.nic.de", "1500", "2");
        assertThat(t.en()).isEqualTo("The de server a.nic.de did not answer within 1500 ms (attempt 2).");
        assertThat(t.de()).isEqualTo("Der de-Server a.nic.de hat nicht innerhalb von 1500 ms geantwortet (Versuch 2).");
        clean(Narrator.forRetry("e4", EPS, 3, REC), "a.nic.de", "3");
        Narration fb = clean(Narrator.forTcpFallback("e5", EPS, REC), "TC=1", "TCP", "ns1.hrz.tu-darmstadt.de");
        assertThat(fb.de()).contains("stellt der lokale Resolver dem für tu-darmstadt.de zuständigen Nameserver");
        clean(Narrator.forTimeout("e404", EPS, 10, 1), "e404");
    }

    @ParameterizedTest
    @EnumSource(TraceEvent.SkipReason.class)
    void everySkipReasonHasASentence(TraceEvent.SkipReason reason) {
        clean(Narrator.forServerSkipped("e6", EPS, reason, "detail 42", REC), "127.0.9.9", "detail 42");
        clean(Narrator.forServerSkipped("e6", EPS, reason, "", REC), "127.0.9.9");
    }

    @ParameterizedTest
    @EnumSource(TraceEvent.FailureReason.class)
    void everyFailureReasonHasASentence(TraceEvent.FailureReason reason) {
        Narration n = clean(Narrator.forFailure(reason, "after 30 queries"), "after 30 queries");
        assertThat(n.en()).startsWith("The lookup failed: ");
        assertThat(n.de()).startsWith("Die Auflösung ist gescheitert: ");
    }

    @Test
    void answers() {
        Question q = Question.of("www.example.org", Type.A);
        clean(Narrator.forAnswer(q, Rcode.NOERROR, List.of("www.example.org. 60 IN A 192.0.2.1"), false),
                "www.example.org A 192.0.2.1");
        Narration cached = clean(Narrator.forAnswer(q, Rcode.NOERROR, List.of("www.example.org. 60 IN A 192.0.2.1"),
                true), "192.0.2.1");
        assertThat(cached.en()).contains("answered from the cache");
        assertThat(cached.de()).contains("aus dem Cache");
        clean(Narrator.forAnswer(q, Rcode.NXDOMAIN, List.of(), false), "www.example.org", "NXDOMAIN");
        clean(Narrator.forAnswer(q, Rcode.NXDOMAIN, List.of(), true), "www.example.org", "NXDOMAIN");
        clean(Narrator.forAnswer(q, Rcode.NOERROR, List.of(), false), "NODATA", "www.example.org", "A");
        clean(Narrator.forAnswer(q, Rcode.NOERROR, List.of(), true), "NODATA");
        clean(Narrator.forAnswer(q, Rcode.SERVFAIL, List.of(), false), "SERVFAIL");
    }

    @Test
    void describeCoversEveryKindAndRenarrationIsStable() {
        Trace t = TestTraces.everyKind();
        assertThat(Narrator.renarrate(t)).isEqualTo(t);
        for (TraceEvent e : t.events()) {
            clean(e.narration());
        }
    }

    @Test
    void recordTextsAreShortenedForSentences() {
        assertThat(Narrator.compactRecordText("www.example.com. 3600 IN A 192.0.2.1")).isEqualTo("www.example.com A 192.0.2.1");
        assertThat(Narrator.compactRecordText("a. 1 CH TXT x")).isEqualTo("a TXT x");
        assertThat(Narrator.compactRecordText("free text")).isEqualTo("free text");
        assertThat(Narrator.compactRecordText("h. 60 IN AAAA 2001:db8:0:0:0:0:0:1")).isEqualTo("h AAAA 2001:db8::1");
    }
}
