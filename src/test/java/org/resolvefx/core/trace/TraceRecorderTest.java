package org.resolvefx.core.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.resolvefx.core.net.Transport;
import org.xbill.DNS.Type;

class TraceRecorderTest {

    private static final Instant START = Instant.parse("2026-11-23T21:00:00Z");
    private static final Question Q = Question.of("www.example.org", Type.A);

    private static TraceRecorder recorder(TraceClock clock) {
        return new TraceRecorder("www.example.org A, recursive, sandbox", Q, ResolutionMode.RECURSIVE,
                TraceSource.SANDBOX, "default", clock);
    }

    private static TraceEvent failure(long at) {
        return new TraceEvent.Failure(at, TraceEvent.FailureReason.CANCELLED, "",
                Narrator.forFailure(TraceEvent.FailureReason.CANCELLED, ""));
    }

    @Test
    void endpointsGetSequentialIdsAndAreDedupedByAddressAndPort() {
        TraceRecorder r = recorder(TraceClock.manual(START));
        String client = r.endpoint(TestTraces.ip("127.0.0.1"), 0, Role.CLIENT, null, null);
        String root = r.endpoint(TestTraces.ip("127.0.1.1"), 53, Role.UNKNOWN, null, null);
        String rootAgain = r.endpoint(TestTraces.ip("127.0.1.1"), 53, Role.ROOT, "a.root-servers.net.", ".");
        String otherPort = r.endpoint(TestTraces.ip("127.0.1.1"), 5300, Role.ROOT, null, null);
        String v6 = r.endpoint(TestTraces.ip("::1"), 53, Role.AUTHORITATIVE, null, "example.org.");
        String v6Long = r.endpoint(TestTraces.ip("0:0:0:0:0:0:0:1"), 53, Role.UNKNOWN, "ns.example.org.", null);
        assertThat(List.of(client, root, rootAgain, otherPort, v6, v6Long))
                .containsExactly("e1", "e2", "e2", "e3", "e4", "e4");
        Endpoint e2 = r.endpointById("e2").orElseThrow();
        assertThat(e2.role()).isEqualTo(Role.ROOT);
        assertThat(e2.serverName()).isEqualTo("a.root-servers.net.");
        Endpoint e4 = r.endpointById("e4").orElseThrow();
        assertThat(e4.role()).isEqualTo(Role.AUTHORITATIVE); // a known role is not replaced by UNKNOWN
        assertThat(e4.serverName()).isEqualTo("ns.example.org.");
        r.updateEndpoint("e3", Role.TLD, "x.nic.de.", "de.");
        assertThat(r.snapshot().endpoints()).extracting(Endpoint::id).containsExactly("e1", "e2", "e3", "e4");
        assertThat(r.snapshot().endpoint("e3").orElseThrow().role()).isEqualTo(Role.TLD);
        assertThatThrownBy(() -> r.updateEndpoint("e9", Role.TLD, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eventsAreStampedFromTheClockAndNeverGoBack() {
        TraceClock.Manual clock = TraceClock.manual(START);
        TraceRecorder r = recorder(clock);
        clock.set(100);
        TraceEvent first = r.record(TraceRecorderTest::failure);
        assertThat(first.atMicros()).isEqualTo(100);
        clock.advance(50);
        assertThat(r.nowMicros()).isEqualTo(150);
        TraceEvent late = r.append(failure(20)); // computed earlier on another thread
        assertThat(late.atMicros()).isEqualTo(100);
        assertThat(r.append(failure(400)).atMicros()).isEqualTo(400);
        assertThat(r.snapshot().events()).extracting(TraceEvent::atMicros).containsExactly(100L, 100L, 400L);
        assertThat(r.snapshot().startedAt()).isEqualTo(START);
        assertThatThrownBy(() -> clock.set(10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void snapshotsAreImmutableAndIndependent() {
        TraceRecorder r = recorder(TraceClock.manual(START));
        r.append(failure(0));
        Trace before = r.snapshot();
        r.append(failure(1));
        assertThat(before.events()).hasSize(1);
        assertThat(r.snapshot().events()).hasSize(2);
        assertThatThrownBy(() -> before.events().add(failure(2))).isInstanceOf(UnsupportedOperationException.class);
        r.setTitle("renamed");
        r.setInitialCache(List.of(new CacheEntry(TestTraces.name("de"), Type.NS, 60, -10, false, 0, List.of("a.nic.de."),
                "hints", "hints")));
        assertThat(r.snapshot().title()).isEqualTo("renamed");
        assertThat(r.snapshot().initialCache()).hasSize(1);
        assertThat(r.snapshot().world()).isEqualTo("default");
    }

    @Test
    void messageHelpersNarrateWithTheEndpointsKnownSoFar() throws Exception {
        TraceRecorder r = recorder(TraceClock.manual(START));
        String client = r.endpoint(TestTraces.ip("127.0.0.1"), 0, Role.CLIENT, null, null);
        String resolver = r.endpoint(TestTraces.ip("127.0.0.53"), 0, Role.RESOLVER, null, null);
        var q = TestTraces.query(5, "www.example.org", Type.A, true);
        WireMessage m = TestTraces.wire(client, resolver, "127.0.0.1:4000", "127.0.0.53:53", Transport.UDP, q, 0);
        assertThat(r.messageSent(m).narration().en()).startsWith("The client asks the local resolver for the address (A)");
        WireMessage back = TestTraces.wire(resolver, client, "127.0.0.53:53", "127.0.0.1:4000", Transport.UDP,
                TestTraces.response(q, 0, org.xbill.DNS.Flags.RA), 0);
        assertThat(r.messageReceived(back).accepted()).isTrue();
        TraceEvent.MessageReceived ignored = r.messageIgnored(back, "wrong source port");
        assertThat(ignored.accepted()).isFalse();
        assertThat(ignored.narration().en()).contains("wrong source port");
        // a recorded trace is a valid file
        Trace t = r.snapshot();
        assertThat(TraceFiles.fromJson(TraceFiles.toJson(t), "rec")).isEqualTo(t);
    }

    @Test
    void aLateListenerGetsThePastFirstAndThenEachNewBatch() {
        TraceRecorder r = recorder(TraceClock.manual(START));
        r.append(failure(0));
        r.append(failure(1));
        List<TraceRecorder.Batch> batches = new ArrayList<>();
        TraceRecorder.Subscription sub = r.addListener(batches::add);
        r.appendAll(List.of(failure(2), failure(3)));
        assertThat(batches).extracting(TraceRecorder.Batch::firstIndex).containsExactly(0, 2);
        assertThat(batches.get(0).events()).hasSize(2);
        assertThat(batches.get(1).events()).extracting(TraceEvent::atMicros).containsExactly(2L, 3L);
        sub.close();
        r.append(failure(4));
        assertThat(batches).hasSize(2);
        assertThat(r.appendAll(List.of())).isEmpty();
    }

    @Test
    void aFailingListenerDoesNotStopRecordingOrOtherListeners() throws Exception {
        TraceRecorder r = recorder(TraceClock.manual(START));
        AtomicInteger seen = new AtomicInteger();
        r.addListener(b -> {
            throw new IllegalStateException("window closed");
        });
        r.addListener(b -> seen.addAndGet(b.events().size()));
        List<Throwable> reported = Collections.synchronizedList(new ArrayList<>());
        Thread t = new Thread(() -> {
            r.append(failure(0));
            r.append(failure(1));
        });
        t.setUncaughtExceptionHandler((th, e) -> reported.add(e));
        t.start();
        t.join(10_000);
        assertThat(seen.get()).isEqualTo(2);
        assertThat(r.size()).isEqualTo(2);
        assertThat(reported).hasSize(2).allMatch(e -> e.getMessage().equals("window closed"));
    }

    @Test
    void concurrentAppendsReachListenersCompleteAndInTraceOrder() throws Exception {
        TraceRecorder r = recorder(TraceClock.system());
        List<TraceEvent> delivered = Collections.synchronizedList(new ArrayList<>());
        List<Integer> firstIndexes = Collections.synchronizedList(new ArrayList<>());
        r.addListener(b -> {
            firstIndexes.add(b.firstIndex());
            delivered.addAll(b.events());
        });
        int threads = 8;
        int perThread = 250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            final int id = i;
            futures.add(pool.submit(() -> {
                go.await();
                for (int k = 0; k < perThread; k++) {
                    if (k % 3 == 0) {
                        r.record(TraceRecorderTest::failure);
                    } else if (k % 3 == 1) {
                        r.append(failure(r.nowMicros()));
                    } else {
                        r.endpoint(TestTraces.ip("127.0." + id + "." + (k % 7)), 53, Role.UNKNOWN, null, null);
                        r.snapshot();
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        Trace t = r.snapshot();
        int expected = threads * (perThread / 3 + (perThread % 3 > 0 ? 1 : 0) + perThread / 3 + (perThread % 3 > 1 ? 1 : 0));
        assertThat(t.events()).hasSize(expected);
        assertThat(delivered).containsExactlyElementsOf(t.events());
        for (int i = 1; i < firstIndexes.size(); i++) {
            assertThat(firstIndexes.get(i)).isEqualTo(firstIndexes.get(i - 1) + 1);
        }
        long last = 0;
        for (TraceEvent e : t.events()) {
            assertThat(e.atMicros()).isGreaterThanOrEqualTo(last);
            last = e.atMicros();
        }
        assertThat(t.endpoints()).hasSize(threads * 7);
    }

    @Test
    void theSystemClockMovesForward() throws Exception {
        TraceClock c = TraceClock.system();
        long a = c.elapsedMicros();
        Thread.sleep(5);
        assertThat(c.elapsedMicros()).isGreaterThan(a);
        assertThat(c.startedAt()).isBeforeOrEqualTo(Instant.now());
    }
}
