package org.resolvefx.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.sandbox.WorldLoader;
import org.resolvefx.core.trace.CacheEntry;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.TraceEvents;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** A session keeps its cache between lookups; TTLs run on the session clock. */
class SessionCacheTest {

    static SandboxWorld world;
    static final Question LECTURE = Question.of("www.p2p.tu-darmstadt.de", Type.A);

    @BeforeAll
    static void load() throws Exception {
        world = WorldLoader.loadDefault();
    }

    static ResolverSession session() {
        return ResolverSession.sandbox(world, ResolverOptions.defaults().withSeed(3L), NetworkConditions.defaults(),
                SessionClock.virtual(Instant.parse("2024-06-17T10:00:00Z")));
    }

    @Test
    void theSecondLookupIsAnsweredFromTheCacheInTwoMessages() throws Exception {
        ResolverSession s = session();
        Trace first = s.resolve(LECTURE, ResolutionMode.RECURSIVE);
        List<CacheEntry> after = s.cacheEntries();
        Trace second = s.resolve(LECTURE, ResolutionMode.RECURSIVE);

        assertThat(second.messages()).hasSize(2);
        assertThat(second.events()).extracting(TraceEvents::kindName).containsExactly(
                "messageSent", "cacheLookup", "cnameRestart", "cacheLookup", "messageReceived", "answer");
        List<TraceEvent.CacheLookup> lookups = ScenarioBook.events(second, TraceEvent.CacheLookup.class);
        assertThat(lookups).extracting(TraceEvent.CacheLookup::outcome)
                .containsOnly(TraceEvent.CacheOutcome.HIT);
        TraceEvent.Answer answer = (TraceEvent.Answer) ScenarioBook.last(second);
        assertThat(answer.fromCache()).isTrue();
        assertThat(answer.narration().en()).contains("answered from the cache");
        // the cache the second trace starts with is the one the first left (same keys, earlier store times)
        assertThat(ScenarioBook.cacheKeys(second.initialCache())).isEqualTo(ScenarioBook.cacheKeys(after));
        assertThat(second.initialCache()).allMatch(c -> c.storedAtMicros() <= 0);
        // the first trace's answer and the cached one carry the same records; the TTLs have not run down
        // because the virtual clock did not move between the lookups
        TraceEvent.Answer firstAnswer = (TraceEvent.Answer) ScenarioBook.last(first);
        assertThat(answer.records()).isEqualTo(firstAnswer.records());
        Message toClient = new Message(second.messages().get(1).bytes());
        assertThat(toClient.getSection(Section.ANSWER)).hasSize(2);
    }

    @Test
    void afterTheTtlRanOutTheResolverAsksAgainButOnlyFromTheClosestZone() {
        ResolverSession s = session();
        s.resolve(LECTURE, ResolutionMode.RECURSIVE);
        // charon's A has TTL 1592, the CNAME 49817, informatik's NS 3600
        s.advance(Duration.ofSeconds(1600));
        Trace later = s.resolve(LECTURE, ResolutionMode.RECURSIVE);
        List<TraceEvent.CacheLookup> lookups = ScenarioBook.events(later, TraceEvent.CacheLookup.class);
        assertThat(lookups).extracting(l -> l.name() + " " + Type.string(l.type()) + " " + l.outcome()).containsExactly(
                "www.p2p.tu-darmstadt.de. A HIT",
                "charon.dekanat.informatik.tu-darmstadt.de. A MISS",
                "informatik.tu-darmstadt.de. NS HIT");
        assertThat(ScenarioBook.serversAsked(later)).containsExactly("127.0.3.3");
        // the CNAME comes from the cache with its TTL counted down by the 1600 s that passed
        TraceEvent.Answer a = (TraceEvent.Answer) ScenarioBook.last(later);
        assertThat(a.records().get(0)).startsWith("www.p2p.tu-darmstadt.de. " + (49817 - 1600) + " IN CNAME");
        assertThat(a.fromCache()).isFalse();
        // in the initial cache, the charon entry is gone and the CNAME was stored 1600 s before the trace began
        assertThat(ScenarioBook.cacheKeys(later.initialCache())).doesNotContain("charon.dekanat.informatik.tu-darmstadt.de. A");
        CacheEntry cname = later.initialCache().stream().filter(c -> c.type() == Type.CNAME).findFirst().orElseThrow();
        assertThat(cname.storedAtMicros()).isLessThanOrEqualTo(-1_600_000_000L);
        assertThat(cname.remainingSeconds(0)).isEqualTo(49817 - 1600);
    }

    @Test
    void negativeAnswersAreCachedForTheSoaMinimum() {
        ResolverSession s = session();
        Question nx = Question.of("nosuchhost.tu-darmstadt.de", Type.A);
        s.resolve(nx, ResolutionMode.RECURSIVE);
        CacheEntry neg = s.cacheEntries().stream().filter(CacheEntry::negative).findFirst().orElseThrow();
        assertThat(neg.rcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(neg.ttlSeconds()).isEqualTo(300);
        assertThat(neg.rdata()).singleElement().asString().contains("SOA");

        // NXDOMAIN covers every type of the name (RFC 2308 5)
        Trace aaaa = s.resolve(Question.of("nosuchhost.tu-darmstadt.de", Type.AAAA), ResolutionMode.RECURSIVE);
        assertThat(ScenarioBook.events(aaaa, TraceEvent.CacheLookup.class).get(0).outcome())
                .isEqualTo(TraceEvent.CacheOutcome.NEGATIVE_HIT);
        assertThat(aaaa.messages()).hasSize(2);
        TraceEvent.Answer a = (TraceEvent.Answer) ScenarioBook.last(aaaa);
        assertThat(a.rcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(a.fromCache()).isTrue();

        s.advance(Duration.ofSeconds(301));
        Trace later = s.resolve(nx, ResolutionMode.RECURSIVE);
        assertThat(ScenarioBook.events(later, TraceEvent.CacheLookup.class).get(0).outcome())
                .isEqualTo(TraceEvent.CacheOutcome.MISS);
        assertThat(ScenarioBook.serversAsked(later)).containsExactly("127.0.3.1");
    }

    @Test
    void nodataIsCachedPerType() {
        ResolverSession s = session();
        s.resolve(Question.of("www.networkutopia.com", Type.AAAA), ResolutionMode.RECURSIVE);
        Trace again = s.resolve(Question.of("www.networkutopia.com", Type.AAAA), ResolutionMode.RECURSIVE);
        assertThat(ScenarioBook.events(again, TraceEvent.CacheLookup.class).get(0).outcome())
                .isEqualTo(TraceEvent.CacheOutcome.NEGATIVE_HIT);
        TraceEvent.Answer a = (TraceEvent.Answer) ScenarioBook.last(again);
        assertThat(a.narration().en()).contains("NODATA").contains("from the cache");
        // the A record of the same name is not covered by the NODATA
        Trace a4 = s.resolve(Question.of("www.networkutopia.com", Type.A), ResolutionMode.RECURSIVE);
        assertThat(ScenarioBook.serversAsked(a4)).containsExactly("127.0.4.1");
    }

    @Test
    void recordsOutsideTheBailiwickAreRefusedAndSaySo() {
        // ns1.google.com serves google.com and google.de; asked for google.de NS it adds its own
        // address from google.com, which it has no authority to give as a google.de server
        ResolverSession s = session();
        Trace t = s.resolve(Question.of("google.de", Type.NS), ResolutionMode.RECURSIVE);
        List<TraceEvent.RejectedRecord> rejected = ScenarioBook.events(t, TraceEvent.CacheStore.class).stream()
                .flatMap(c -> c.rejected().stream()).toList();
        assertThat(rejected).anySatisfy(r -> {
            assertThat(r.record()).startsWith("ns1.google.com.").contains("IN A 127.0.5.1");
            assertThat(r.reason()).contains("bailiwick").contains("google.de");
        });
        TraceEvent.CacheStore store = ScenarioBook.events(t, TraceEvent.CacheStore.class).stream()
                .filter(c -> !c.rejected().isEmpty()).findFirst().orElseThrow();
        assertThat(store.narration().en()).contains("refuses to store");
        // the address learned in bailiwick (from com's glue, in the side lookup) is still cached
        assertThat(ScenarioBook.cacheKeys(s.cacheEntries())).contains("ns1.google.com. A");
    }

    @Test
    void glueIsNeverAnAnswer() {
        ResolverSession s = session();
        s.resolve(LECTURE, ResolutionMode.RECURSIVE);
        // ns1.hrz's address is cached, but only as glue from the de referral
        Trace t = s.resolve(Question.of("ns1.hrz.tu-darmstadt.de", Type.A), ResolutionMode.RECURSIVE);
        assertThat(ScenarioBook.events(t, TraceEvent.CacheLookup.class).get(0).outcome())
                .isEqualTo(TraceEvent.CacheOutcome.MISS);
        assertThat(ScenarioBook.serversAsked(t)).containsExactly("127.0.3.1");
        // now it is an authoritative answer and the next lookup is a hit
        Trace again = s.resolve(Question.of("ns1.hrz.tu-darmstadt.de", Type.A), ResolutionMode.RECURSIVE);
        assertThat(ScenarioBook.events(again, TraceEvent.CacheLookup.class).get(0).outcome())
                .isEqualTo(TraceEvent.CacheOutcome.HIT);
    }

    @Test
    void clearingForgetsAllButTheHintsAndTheNextLookupPrimesAgain() {
        ResolverSession s = session();
        s.resolve(LECTURE, ResolutionMode.RECURSIVE);
        s.clearCache();
        assertThat(s.cacheEntries()).hasSize(14).allMatch(c -> c.section().equals("hints"));
        Trace t = s.resolve(LECTURE, ResolutionMode.RECURSIVE);
        assertThat(ScenarioBook.serversAsked(t)).containsExactly("127.0.1.1", "127.0.1.1", "127.0.2.1", "127.0.3.1",
                "127.0.3.3");
    }

    @Test
    void theRootHintsComeBackWhenThePrimedRootDataExpires() {
        ResolverSession s = session();
        s.resolve(LECTURE, ResolutionMode.RECURSIVE);
        s.advance(Duration.ofDays(8)); // longer than every TTL (at most a week)
        assertThat(s.cacheEntries()).hasSize(14).allMatch(c -> c.section().equals("hints"));
        Trace t = s.resolve(LECTURE, ResolutionMode.RECURSIVE);
        assertThat(ScenarioBook.last(t)).isInstanceOf(TraceEvent.Answer.class);
        assertThat(ScenarioBook.serversAsked(t).get(0)).isEqualTo("127.0.1.1");
    }

    @Test
    void iterativeLookupsDoNotTouchTheSessionCache() {
        ResolverSession s = session();
        s.resolve(LECTURE, ResolutionMode.ITERATIVE);
        assertThat(s.cacheEntries()).hasSize(14).allMatch(c -> c.section().equals("hints"));
        Trace second = s.resolve(LECTURE, ResolutionMode.ITERATIVE);
        assertThat(ScenarioBook.serversAsked(second)).hasSize(5); // from the root again, like dig +trace
    }

    @Test
    void cacheStoresNameTheServerTheyCameFromAndTheSection() {
        ResolverSession s = session();
        Trace t = s.resolve(LECTURE, ResolutionMode.RECURSIVE);
        TraceEvent.CacheStore fromDe = ScenarioBook.events(t, TraceEvent.CacheStore.class).stream()
                .filter(c -> c.stored().stream().anyMatch(e -> e.key().equals("tu-darmstadt.de. NS")))
                .findFirst().orElseThrow();
        CacheEntry ns = fromDe.stored().stream().filter(e -> e.key().equals("tu-darmstadt.de. NS")).findFirst()
                .orElseThrow();
        assertThat(t.endpoint(ns.sourceId()).orElseThrow().serverName()).isEqualTo("a.nic.de.");
        assertThat(ns.section()).isEqualTo("authority");
        assertThat(ns.ttlSeconds()).isEqualTo(86400);
        assertThat(ns.rdata()).containsExactly("ns1.hrz.tu-darmstadt.de.", "ns2.hrz.tu-darmstadt.de.");
        // in a later trace the same entry names the server by address (endpoint ids are per trace)
        Trace next = s.resolve(LECTURE, ResolutionMode.RECURSIVE);
        CacheEntry carried = next.initialCache().stream().filter(e -> e.key().equals("tu-darmstadt.de. NS"))
                .findFirst().orElseThrow();
        assertThat(carried.sourceId()).isEqualTo("127.0.2.1:53");
    }
}
