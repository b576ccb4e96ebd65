package org.resolvefx.core.predict;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.resolvefx.core.engine.ResolverOptions;
import org.resolvefx.core.engine.ResolverSession;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.WireMessage;
import org.xbill.DNS.Type;

/**
 * Questions generated from the shared captures and from sandbox runs. The right answers are checked
 * against independent truth: the header bits tshark decoded (read from its hex here, not through
 * dnsjava), the walk the captures' README describes, and the lecture's lookup in the default world.
 */
class PredictQuestionsTest {

    private static List<PredictQuestion> of(List<PredictQuestion> all, QuestionKind kind) {
        return all.stream().filter(q -> q.kindOrNull() == kind).toList();
    }

    private static String right(PredictQuestion q) {
        return q.correctChoice().en();
    }

    private static List<String> rights(List<PredictQuestion> qs) {
        return qs.stream().map(PredictQuestionsTest::right).toList();
    }

    private static TraceEvent event(Trace t, PredictQuestion q) {
        return t.events().get(q.step() - 1);
    }

    private static WireMessage message(Trace t, PredictQuestion q) {
        TraceEvent e = event(t, q);
        return e instanceof TraceEvent.MessageSent s ? s.message() : ((TraceEvent.MessageReceived) e).message();
    }

    /** A header bit read straight from tshark's bytes: byte 2 holds QR..RD, byte 3 RA, Z, AD, CD, RCODE. */
    private static boolean bit(byte[] dns, int byteIndex, int mask) {
        return (dns[byteIndex] & mask) != 0;
    }

    private static int rcodeOf(byte[] dns) {
        return dns[3] & 0x0F;
    }

    // ------------------------------------------------------------------ captures

    @Test
    void recursiveCaptureAsksForTheServersOfTheWalkTheReadmeDescribes() {
        Trace t = PredictFixtures.capture("a-recursive-cold").get(0);
        List<PredictQuestion> qs = PredictQuestions.forTrace(t);
        List<PredictQuestion> next = of(qs, QuestionKind.NEXT_SERVER);
        // "the resolver, cache empty, primes the root NS set and walks root -> de -> tu-darmstadt.de (CNAME)
        //  -> informatik -> A" (README); the alias target is asked at tu-darmstadt.de's server first
        assertThat(rights(next)).containsExactly("the local resolver", "a root server", "a root server",
                "a server for de", "a server for tu-darmstadt.de", "a server for tu-darmstadt.de",
                "a server for informatik.tu-darmstadt.de");
        for (PredictQuestion q : next) {
            TraceEvent e = event(t, q);
            assertThat(e).isInstanceOf(TraceEvent.MessageSent.class);
            assertThat(((TraceEvent.MessageSent) e).message().isResponse()).isFalse();
            // a resolver has a cache, a stub does not: only the resolver's questions offer "nobody"
            boolean resolverAsks = t.endpoint(message(t, q).fromId()).orElseThrow().role()
                    == org.resolvefx.core.trace.Role.RESOLVER;
            assertThat(q.choices().stream().anyMatch(c -> c.en().startsWith("nobody"))).isEqualTo(resolverAsks);
        }
        assertThat(next.get(0).explanation().en()).contains("RD=1").contains("127.0.0.53");
        assertThat(next.get(1).explanation().en()).contains("primes");
        assertThat(next.get(3).explanation().en()).contains("referral").contains("a.nic.de");
        assertThat(next.get(5).explanation().en()).contains("alias")
                .contains("charon.dekanat.informatik.tu-darmstadt.de");
    }

    @Test
    void flagAndRcodeAnswersAgreeWithTheBitsTsharkDecoded() {
        for (String name : List.of("a-recursive-cold", "b-trace", "c-tc-tcp-fallback", "d-nxdomain")) {
            Map<Long, byte[]> tshark = PredictFixtures.tsharkBytes(name);
            int checked = 0;
            for (Trace t : PredictFixtures.capture(name)) {
                for (PredictQuestion q : PredictQuestions.forTrace(t)) {
                    QuestionKind k = q.kindOrNull();
                    if (k != QuestionKind.FLAG_AA && k != QuestionKind.FLAG_RA && k != QuestionKind.FLAG_TC
                            && k != QuestionKind.RCODE) {
                        continue;
                    }
                    WireMessage m = message(t, q);
                    byte[] dns = tshark.get(m.frame());
                    assertThat(dns).as(name + " frame " + m.frame()).isNotNull();
                    assertThat(bit(dns, 2, 0x80)).as("tshark says frame %d is a response", m.frame()).isTrue();
                    boolean expected = switch (k) {
                        case FLAG_AA -> bit(dns, 2, 0x04);
                        case FLAG_TC -> bit(dns, 2, 0x02);
                        case FLAG_RA -> bit(dns, 3, 0x80);
                        default -> false;
                    };
                    if (k == QuestionKind.RCODE) {
                        assertThat(right(q)).isEqualTo(org.xbill.DNS.Rcode.string(rcodeOf(dns)));
                    } else {
                        assertThat(right(q)).as(name + " frame " + m.frame() + " " + k).isEqualTo(expected ? "Yes" : "No");
                        assertThat(q.explanation().en()).startsWith(expected ? "Yes" : "No");
                    }
                    checked++;
                }
            }
            assertThat(checked).as(name).isGreaterThan(2);
        }
    }

    @Test
    void referralsPutNsInAuthorityAndGlueInAdditional() {
        Trace t = PredictFixtures.capture("a-recursive-cold").get(0);
        List<PredictQuestion> qs = PredictQuestions.forTrace(t);
        List<PredictQuestion> sections = of(qs, QuestionKind.REFERRAL_SECTION);
        List<PredictQuestion> glue = of(qs, QuestionKind.GLUE);
        // root -> de, de -> tu-darmstadt.de, the CNAME with informatik's referral, the charon referral
        assertThat(sections).hasSize(4);
        assertThat(rights(sections)).containsOnly("the authority section");
        assertThat(rights(glue)).containsOnly("the additional section");
        assertThat(sections.get(0).prompt().en()).contains("a referral to de");
        assertThat(sections.get(2).explanation().en()).contains("alias");
        assertThat(glue.get(1).explanation().en()).contains("ns1.hrz.tu-darmstadt.de").contains("ns2.hrz.tu-darmstadt.de");
        // a referral is no answer: no RCODE or TC question for it
        for (PredictQuestion s : sections) {
            assertThat(qs).noneMatch(q -> q.step() == s.step() && q.kindOrNull() == QuestionKind.RCODE);
        }
    }

    @Test
    void iterativeCaptureHasNoCacheQuestionsAndStartsAtTheRoot() {
        Trace t = PredictFixtures.capture("b-trace").get(0);
        assertThat(t.mode()).isEqualTo(ResolutionMode.ITERATIVE);
        List<PredictQuestion> qs = PredictQuestions.forTrace(t);
        assertThat(of(qs, QuestionKind.FROM_CACHE)).isEmpty();
        assertThat(of(qs, QuestionKind.FLAG_RA)).isEmpty();
        assertThat(rights(of(qs, QuestionKind.NEXT_SERVER))).containsExactly("a root server", "a root server",
                "a server for de", "a server for tu-darmstadt.de");
        assertThat(of(qs, QuestionKind.NEXT_SERVER)).allSatisfy(q ->
                assertThat(q.choices()).noneMatch(c -> c.en().startsWith("nobody")));
    }

    @Test
    void truncatedCaptureAsksAboutTcAndExplainsTheLimitAndTheFullSize() {
        Trace t = PredictFixtures.capture("c-tc-tcp-fallback").get(0);
        Map<Long, byte[]> tshark = PredictFixtures.tsharkBytes("c-tc-tcp-fallback");
        List<PredictQuestion> qs = PredictQuestions.forTrace(t);
        List<PredictQuestion> tc = of(qs, QuestionKind.FLAG_TC);
        assertThat(tc).hasSize(1); // the TCP answer is not asked about: TC concerns UDP
        assertThat(right(tc.get(0))).isEqualTo("Yes");
        long tcpFrame = t.messages().stream().filter(m -> m.isResponse()
                && m.transport() == org.resolvefx.core.net.Transport.TCP).findFirst().orElseThrow().frame();
        assertThat(tc.get(0).explanation().en()).contains("512 bytes")
                .contains(tshark.get(tcpFrame).length + " bytes");
        List<PredictQuestion> next = of(qs, QuestionKind.NEXT_SERVER);
        assertThat(next).hasSize(2);
        assertThat(next.get(1).explanation().en()).contains("TCP");
        assertThat(next.get(1).explanation().de()).contains("TCP");
    }

    @Test
    void nxdomainCaptureAnswersNxdomainAuthoritatively() {
        for (Trace t : PredictFixtures.capture("d-nxdomain")) {
            List<PredictQuestion> qs = PredictQuestions.forTrace(t);
            List<PredictQuestion> rcodes = of(qs, QuestionKind.RCODE);
            PredictQuestion last = rcodes.get(rcodes.size() - 1);
            assertThat(right(last)).isEqualTo("NXDOMAIN");
            assertThat(last.explanation().en()).contains("nosuchhost.tu-darmstadt.de does not exist")
                    .contains("(300 s)");
        }
        Trace direct = PredictFixtures.capture("d-nxdomain").get(1);
        PredictQuestion aa = of(PredictQuestions.forTrace(direct), QuestionKind.FLAG_AA).get(0);
        assertThat(right(aa)).isEqualTo("Yes");
        assertThat(aa.explanation().en()).contains("tu-darmstadt.de").contains("does not exist");
    }

    // ------------------------------------------------------------------ sandbox

    @Test
    void sandboxLookupThenTheSameLookupFromTheCache() {
        ResolverSession s = PredictFixtures.sandbox(PredictFixtures.defaultWorld());
        Question q = Question.of("www.p2p.tu-darmstadt.de", Type.A);
        Trace cold = s.resolve(q, ResolutionMode.RECURSIVE);
        Trace warm = s.resolve(q, ResolutionMode.RECURSIVE);

        List<PredictQuestion> coldQs = PredictQuestions.forTrace(cold);
        assertThat(rights(of(coldQs, QuestionKind.NEXT_SERVER))).containsExactly("the local resolver",
                "a root server", "a server for de", "a server for tu-darmstadt.de",
                "a server for informatik.tu-darmstadt.de");
        // the lookup of the question and the alias's target both miss
        assertThat(rights(of(coldQs, QuestionKind.FROM_CACHE))).containsExactly("No", "No");
        assertThat(of(coldQs, QuestionKind.FROM_CACHE).get(1).prompt().en())
                .contains("charon.dekanat.informatik.tu-darmstadt.de A");

        List<PredictQuestion> warmQs = PredictQuestions.forTrace(warm);
        assertThat(rights(of(warmQs, QuestionKind.FROM_CACHE))).containsExactly("Yes", "Yes");
        assertThat(of(warmQs, QuestionKind.FROM_CACHE).get(0).explanation().en())
                .contains("CNAME charon.dekanat.informatik.tu-darmstadt.de").contains("s of its TTL left");
        List<PredictQuestion> next = of(warmQs, QuestionKind.NEXT_SERVER);
        assertThat(rights(next)).containsExactly("the local resolver", "nobody: the answer comes from the cache");
        PredictQuestion nobody = next.get(1);
        assertThat(event(warm, nobody)).isInstanceOf(TraceEvent.MessageReceived.class);
        // the distractors are the zones the resolver knows from its cache, so the question is not trivial
        assertThat(nobody.choices().stream().map(c -> c.en()).toList())
                .contains("a root server", "a server for de", "a server for tu-darmstadt.de");
        assertThat(nobody.explanation().de()).startsWith("Niemanden");
    }

    @Test
    void afterTheAddressExpiredOnlyTheAliasComesFromTheCache() {
        ResolverSession s = PredictFixtures.sandbox(PredictFixtures.defaultWorld());
        Question q = Question.of("www.p2p.tu-darmstadt.de", Type.A);
        s.resolve(q, ResolutionMode.RECURSIVE);
        s.advance(Duration.ofSeconds(1600)); // charon's A lives 1592 s, the CNAME 49817 s, informatik's NS 3600 s
        Trace later = s.resolve(q, ResolutionMode.RECURSIVE);
        List<PredictQuestion> qs = PredictQuestions.forTrace(later);
        assertThat(rights(of(qs, QuestionKind.FROM_CACHE))).containsExactly("Yes", "No");
        List<PredictQuestion> next = of(qs, QuestionKind.NEXT_SERVER);
        assertThat(rights(next)).containsExactly("the local resolver", "a server for informatik.tu-darmstadt.de");
        assertThat(next.get(1).explanation().en()).contains("cache already knows the servers of informatik");
    }

    @Test
    void gluelessDelegationHasNoGlueAndASideLookup() {
        ResolverSession s = PredictFixtures.sandbox(PredictFixtures.defaultWorld());
        Trace t = s.resolve(Question.of("www.pbs.org", Type.A), ResolutionMode.RECURSIVE);
        List<PredictQuestion> qs = PredictQuestions.forTrace(t);
        List<PredictQuestion> glue = of(qs, QuestionKind.GLUE);
        PredictQuestion pbs = glue.stream().filter(g -> g.prompt().en().contains("pbs.org name servers"))
                .findFirst().orElseThrow();
        assertThat(right(pbs)).startsWith("nowhere");
        assertThat(pbs.explanation().en()).contains("ns1.pbsdns.net").contains("outside pbs.org");
        assertThat(of(qs, QuestionKind.FROM_CACHE)).anySatisfy(c ->
                assertThat(c.prompt().en()).contains("ns1.pbsdns.net A"));
        assertThat(of(qs, QuestionKind.NEXT_SERVER)).anySatisfy(n ->
                assertThat(n.explanation().en()).contains("no address for ns1.pbsdns.net"));
        // AA for the final answer names the zone that holds the name, not the server's first zone
        PredictQuestion lastAa = of(qs, QuestionKind.FLAG_AA).stream()
                .filter(a -> a.prompt().en().contains("ns1.pbsdns.net")).reduce((a, b) -> b).orElseThrow();
        assertThat(lastAa.explanation().en()).contains("zone pbs.org");
    }

    @Test
    void truncationInTheSandboxWithoutEdns() {
        ResolverSession s = ResolverSession.sandbox(PredictFixtures.defaultWorld(),
                ResolverOptions.defaults().withSeed(1L).withPriming(false).withEdns(false));
        Trace t = s.resolve(Question.of("many.networkutopia.com", Type.A), ResolutionMode.ITERATIVE);
        List<PredictQuestion> tc = of(PredictQuestions.forTrace(t), QuestionKind.FLAG_TC);
        assertThat(rights(tc)).containsExactly("Yes");
        assertThat(tc.get(0).explanation().en()).contains("512 bytes").contains("classic limit");
    }

    @Test
    void lameServerRefusesAndTheNextIsTried() {
        ResolverSession s = PredictFixtures.sandbox(PredictFixtures.defaultWorld());
        Trace t = s.resolve(Question.of("www.umass.edu", Type.A), ResolutionMode.RECURSIVE);
        List<PredictQuestion> qs = PredictQuestions.forTrace(t);
        assertThat(rights(of(qs, QuestionKind.RCODE))).contains("REFUSED");
        assertThat(of(qs, QuestionKind.NEXT_SERVER)).anySatisfy(n -> {
            assertThat(n.explanation().en()).contains("ns1.umass.edu was given up on").contains("ns2.umass.edu");
            assertThat(n.explanation().de()).contains("ns1.umass.edu wurde aufgegeben");
        });
    }

    @Test
    void deadServerTimesOutAndTheRetryGoesToTheSameZone() {
        ResolverSession s = PredictFixtures.sandbox(PredictFixtures.defaultWorld());
        Trace t = s.resolve(Question.of("www.poly.edu", Type.A), ResolutionMode.RECURSIVE);
        List<PredictQuestion> next = of(PredictQuestions.forTrace(t), QuestionKind.NEXT_SERVER);
        assertThat(next).anySatisfy(n -> {
            assertThat(n.explanation().en()).contains("No response came in time").contains("ns1.poly.edu");
            assertThat(right(n)).isEqualTo("a server for poly.edu");
        });
    }

    // ------------------------------------------------------------------ for every trace

    private static List<Trace> allTraces() {
        List<Trace> out = new ArrayList<>();
        for (String c : List.of("a-recursive-cold", "b-trace", "c-tc-tcp-fallback", "d-nxdomain")) {
            out.addAll(PredictFixtures.capture(c));
        }
        ResolverSession s = PredictFixtures.sandbox(PredictFixtures.defaultWorld());
        for (String n : List.of("www.p2p.tu-darmstadt.de", "www.p2p.tu-darmstadt.de", "www.pbs.org", "www.google.de",
                "www.umass.edu", "www.poly.edu", "nosuchhost.tu-darmstadt.de", "www.chicken.org",
                "loop1.networkutopia.com", "www.cs.tu-darmstadt.de")) {
            out.add(s.resolve(Question.of(n, Type.A), ResolutionMode.RECURSIVE));
            out.add(s.resolve(Question.of(n, Type.A), ResolutionMode.ITERATIVE));
        }
        return out;
    }

    @Test
    void everyQuestionIsWellFormedInBothLanguagesAndDeterministic() {
        for (Trace t : allTraces()) {
            List<PredictQuestion> qs = PredictQuestions.forTrace(t);
            assertThat(PredictQuestions.forTrace(t)).as("same trace, same questions").isEqualTo(qs);
            Set<String> seen = new HashSet<>();
            int previousStep = 0;
            for (PredictQuestion q : qs) {
                assertThat(q.step()).isBetween(1, t.events().size());
                assertThat(q.step()).isGreaterThanOrEqualTo(previousStep);
                previousStep = q.step();
                assertThat(seen.add(q.step() + " " + q.kindOrNull())).as("one question per kind and step").isTrue();
                for (Locale l : List.of(Locale.ENGLISH, Locale.GERMAN)) {
                    assertThat(q.prompt().text(l)).isNotBlank().doesNotContain("{").doesNotContain("null");
                    assertThat(q.explanation().text(l)).isNotBlank().doesNotContain("{").doesNotContain("null");
                    assertThat(q.choices()).allSatisfy(c -> assertThat(c.text(l)).isNotBlank());
                    assertThat(new HashSet<>(q.choices().stream().map(c -> c.text(l)).toList()))
                            .as("distinct choices").hasSize(q.choices().size());
                }
                assertThat(q.prompt().de()).as("German prompt").isNotEqualTo(q.prompt().en());
            }
            // every step can be predicted by kind
            assertThat(of(qs, QuestionKind.NEXT_KIND)).hasSize(t.events().size());
        }
    }

    @Test
    void nextKindMatchesTheEvent() {
        Trace t = PredictFixtures.capture("c-tc-tcp-fallback").get(0);
        List<PredictQuestion> kinds = of(PredictQuestions.forTrace(t), QuestionKind.NEXT_KIND);
        // query, TC response, TCP fallback, query over TCP, response, answer
        assertThat(rights(kinds)).containsExactly("A query is sent", "A response arrives",
                "Trouble: a timeout, a retry, a skipped server or a fallback to TCP", "A query is sent",
                "A response arrives", "The lookup ends with an answer or a failure");
        assertThat(kinds.get(2).explanation().en()).contains(t.events().get(2).narration().en());
    }

    @Test
    void defaultKindsLeaveOutTheDrills() {
        assertThat(QuestionKind.defaults()).doesNotContain(QuestionKind.RCODE, QuestionKind.NEXT_KIND)
                .contains(QuestionKind.NEXT_SERVER, QuestionKind.FROM_CACHE, QuestionKind.FLAG_AA,
                        QuestionKind.FLAG_RA, QuestionKind.FLAG_TC, QuestionKind.REFERRAL_SECTION, QuestionKind.GLUE);
        assertThat(EnumSet.allOf(QuestionKind.class)).hasSize(9);
    }
}
