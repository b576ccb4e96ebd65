package org.resolvefx.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.resolvefx.core.engine.Hosts.ip;
import static org.resolvefx.core.engine.Hosts.name;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resolvefx.core.sandbox.RootHint;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/** Trust, TTLs on the session clock, negative entries and the hints fallback. */
class ResolverCacheTest {

    final SessionClock.Virtual clock = SessionClock.virtual(Instant.parse("2024-06-17T10:00:00Z"));
    final ResolverCache cache = new ResolverCache(clock);

    static Record a(String owner, long ttl, String addr) {
        return new ARecord(name(owner), DClass.IN, ttl, ip(addr));
    }

    static SOARecord soa(String zone, long ttl, long minimum) {
        return new SOARecord(name(zone), DClass.IN, ttl, name("ns." + zone), name("h." + zone), 1, 2, 3, 4, minimum);
    }

    @Test
    void betterSourcesReplaceWorseOnesNeverTheOtherWay() {
        assertThat(cache.put(List.of(a("ns.example.", 100, "127.0.0.1")), Trust.ADDITIONAL, "additional", "x"))
                .isPresent();
        assertThat(cache.put(List.of(a("ns.example.", 100, "127.0.0.2")), Trust.ANSWER_AUTHORITATIVE, "answer", "y"))
                .isPresent();
        assertThat(cache.put(List.of(a("ns.example.", 100, "127.0.0.3")), Trust.ADDITIONAL, "additional", "z"))
                .isEmpty();
        assertThat(cache.addresses(name("ns.example."), false)).extracting(java.net.InetAddress::getHostAddress)
                .containsExactly("127.0.0.2");
        // once the better copy expired, anything may take its place
        clock.advance(Duration.ofSeconds(101));
        assertThat(cache.put(List.of(a("ns.example.", 100, "127.0.0.3")), Trust.ADDITIONAL, "additional", "z"))
                .isPresent();
    }

    @Test
    void glueIsUsableForServersButNoAnswer() {
        cache.put(List.of(a("ns.example.", 100, "127.0.0.1")), Trust.ADDITIONAL, "additional", "x");
        assertThat(cache.answer(name("ns.example."), Type.A)).isInstanceOf(ResolverCache.Found.Miss.class);
        assertThat(cache.addresses(name("ns.example."), false)).hasSize(1);
    }

    @Test
    void ttlsCountDownAndEntriesExpireOnTheSessionClock() {
        cache.put(List.of(a("www.example.", 100, "127.0.0.1")), Trust.ANSWER_AUTHORITATIVE, "answer", "x");
        clock.advance(Duration.ofSeconds(40));
        var found = (ResolverCache.Found.Positive) cache.answer(name("www.example."), Type.A);
        assertThat(found.records().get(0).getTTL()).isEqualTo(60);
        assertThat(cache.snapshot(clock.nowMicros())).singleElement().satisfies(e -> {
            assertThat(e.ttlSeconds()).isEqualTo(100);
            assertThat(e.storedAtMicros()).isEqualTo(-40_000_000L);
            assertThat(e.remainingSeconds(0)).isEqualTo(60);
        });
        clock.advance(Duration.ofSeconds(60));
        assertThat(cache.answer(name("www.example."), Type.A)).isInstanceOf(ResolverCache.Found.Miss.class);
        assertThat(cache.snapshot(clock.nowMicros())).isEmpty();
    }

    @Test
    void ttlsAreCappedAtAWeek() {
        cache.put(List.of(a("www.example.", 9_999_999, "127.0.0.1")), Trust.ANSWER_AUTHORITATIVE, "answer", "x");
        assertThat(cache.snapshot(0).get(0).ttlSeconds()).isEqualTo(ResolverCache.MAX_TTL);
    }

    @Test
    void negativeEntriesLiveForMinOfSoaTtlAndMinimum() {
        cache.putNegative(name("nx.example."), Type.A, Rcode.NXDOMAIN, soa("example.", 900, 120),
                Trust.ANSWER_AUTHORITATIVE, "x");
        cache.putNegative(name("www.example."), Type.AAAA, Rcode.NOERROR, soa("example.", 60, 600),
                Trust.ANSWER_AUTHORITATIVE, "x");
        assertThat(cache.snapshot(0)).extracting(e -> e.key() + " " + e.ttlSeconds())
                .containsExactly("nx.example. A (NXDOMAIN) 120", "www.example. AAAA (NODATA) 60");
        // NXDOMAIN answers every type; NODATA only its own
        assertThat(cache.answer(name("nx.example."), Type.MX)).isInstanceOf(ResolverCache.Found.Negative.class);
        assertThat(cache.answer(name("www.example."), Type.A)).isInstanceOf(ResolverCache.Found.Miss.class);
        // without an SOA nothing is cached (RFC 2308 5)
        assertThat(cache.putNegative(name("other.example."), Type.A, Rcode.NXDOMAIN, null, Trust.ANSWER_AUTHORITATIVE,
                "x")).isEmpty();
        // new data for a name clears its NXDOMAIN
        cache.put(List.of(a("nx.example.", 100, "127.0.0.9")), Trust.ANSWER_AUTHORITATIVE, "answer", "x");
        assertThat(cache.answer(name("nx.example."), Type.A)).isInstanceOf(ResolverCache.Found.Positive.class);
    }

    @Test
    void aCachedCnameIsFollowedForOtherTypes() {
        cache.put(List.of(new CNAMERecord(name("alias.example."), DClass.IN, 100, name("www.example."))),
                Trust.ANSWER_AUTHORITATIVE, "answer", "x");
        assertThat(cache.answer(name("alias.example."), Type.AAAA)).isInstanceOf(ResolverCache.Found.Alias.class);
        assertThat(cache.answer(name("alias.example."), Type.CNAME)).isInstanceOf(ResolverCache.Found.Positive.class);
    }

    @Test
    void hintsStandInWheneverNothingBetterIsLive() {
        cache.seedHints(List.of(new RootHint(name("a.root.test."), List.of(ip("127.0.9.1"), ip("::1")))));
        assertThat(cache.rootFromHintsOnly()).isTrue();
        assertThat(cache.addresses(name("a.root.test."), true)).hasSize(2);
        assertThat(cache.addresses(name("a.root.test."), false)).hasSize(1);
        cache.put(List.of(new org.xbill.DNS.NSRecord(org.xbill.DNS.Name.root, DClass.IN, 100, name("a.root.test."))),
                Trust.ANSWER_AUTHORITATIVE, "answer", "x");
        assertThat(cache.rootFromHintsOnly()).isFalse();
        assertThat(cache.snapshot(0)).extracting(e -> e.key() + " " + e.section())
                .containsExactly("a.root.test. A hints", "a.root.test. AAAA hints", ". NS answer");
        clock.advance(Duration.ofSeconds(200));
        assertThat(cache.rootFromHintsOnly()).isTrue();
        cache.clear();
        assertThat(cache.nsSet(org.xbill.DNS.Name.root)).isPresent();
    }

    @Test
    void optionsRefuseNonsense() {
        ResolverOptions d = ResolverOptions.defaults();
        assertThatThrownBy(() -> d.withTimeout(Duration.ZERO)).hasMessageContaining("timeout");
        assertThatThrownBy(() -> d.withRetries(-1)).hasMessageContaining("retries");
        assertThatThrownBy(() -> d.withUdpPayloadSize(100)).hasMessageContaining("512..65535");
        assertThatThrownBy(() -> d.withPort(70000)).hasMessageContaining("port");
        assertThatThrownBy(() -> ResolverOptions.Limits.defaults().withMaxQueries(0)).hasMessageContaining("limits");
        assertThatThrownBy(() -> new NetworkConditions(Duration.ofMillis(1), 1.5, 0)).hasMessageContaining("loss");
        assertThat(d.serverPort()).isEqualTo(53);
        assertThat(d.withPort(5300).serverPort()).isEqualTo(5300);
    }
}
