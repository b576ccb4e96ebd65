package org.resolvefx.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.sandbox.LoopbackSandbox;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.sandbox.WorldLoader;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.xbill.DNS.Type;

/**
 * Cancelling stops a lookup that waits on a dead server with a 30 s timeout. The spec is 100 ms; the
 * assertion allows 1 s so a loaded 2-core machine does not make it flaky, and the measured time is
 * printed ("cancel-latency ... ms") for the report.
 */
class CancellationIT {

    static SandboxWorld world;
    static LoopbackSandbox sandbox;

    @BeforeAll
    static void serve() throws Exception {
        world = WorldLoader.loadDefault();
        sandbox = LoopbackSandbox.start(world, 0);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** Starts the lookup, waits until its query to the dead server is out, cancels, and measures. */
    static long cancelWhileWaiting(ResolverSession s, Question q, ResolutionMode mode, String deadAddress)
            throws Exception {
        CancelToken cancel = new CancelToken();
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicReference<Trace> result = new AtomicReference<>();
        Thread t = new Thread(() -> result.set(s.resolve(q, mode, batch -> {
            for (TraceEvent e : batch.events()) {
                if (e instanceof TraceEvent.MessageSent m && m.message().to().host().equals(deadAddress)) {
                    waiting.countDown();
                }
            }
        }, cancel)), "lookup");
        t.start();
        assertThat(waiting.await(10, TimeUnit.SECONDS)).as("the query to the dead server went out").isTrue();
        Thread.sleep(100); // well inside the select
        long start = System.nanoTime();
        cancel.cancel();
        t.join(5000);
        long micros = (System.nanoTime() - start) / 1000;
        assertThat(t.isAlive()).isFalse();
        TraceEvent end = ScenarioBook.last(result.get());
        assertThat(end).isInstanceOf(TraceEvent.Failure.class);
        assertThat(((TraceEvent.Failure) end).reason()).isEqualTo(TraceEvent.FailureReason.CANCELLED);
        assertThat(micros).as("cancel latency in microseconds").isLessThan(1_000_000);
        return micros;
    }

    @Test
    void cancellingAStubQueryToADeadServerOverUdpAndTcp() throws Exception {
        SocketAddr dead = new SocketAddr(Hosts.ip("127.0.6.5"), sandbox.port());
        for (boolean tcp : new boolean[] {false, true}) {
            ResolverSession s = ResolverSession.stub(dead, ResolverOptions.defaults().withTimeout(Duration.ofSeconds(30))
                    .withTcpOnly(tcp));
            long micros = cancelWhileWaiting(s, Question.of("www.poly.edu", Type.A), ResolutionMode.STUB, "127.0.6.5");
            System.out.printf("cancel-latency stub %s: %.3f ms%n", tcp ? "tcp" : "udp", micros / 1000.0);
        }
    }

    @Test
    void cancellingARecursiveLookupWaitingOnADeadServer() throws Exception {
        ResolverSession s = ResolverSession.live(world.rootHints(), ResolverOptions.defaults().withPort(sandbox.port())
                .withTimeout(Duration.ofSeconds(30)));
        long micros = cancelWhileWaiting(s, Question.of("www.poly.edu", Type.A), ResolutionMode.RECURSIVE, "127.0.6.5");
        System.out.printf("cancel-latency recursive udp: %.3f ms%n", micros / 1000.0);
        // the session is fine afterwards
        Trace next = ResolverSession.live(world.rootHints(), ResolverOptions.defaults().withPort(sandbox.port()))
                .resolve(Question.of("www.umass.edu", Type.A), ResolutionMode.ITERATIVE);
        assertThat(ScenarioBook.last(next)).isInstanceOf(TraceEvent.Answer.class);
    }
}
