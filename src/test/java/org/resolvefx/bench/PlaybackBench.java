package org.resolvefx.bench;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.net.Transport;
import org.resolvefx.core.playback.Playback;
import org.resolvefx.core.playback.PlaybackState;
import org.resolvefx.core.trace.CacheEntry;
import org.resolvefx.core.trace.Endpoint;
import org.resolvefx.core.trace.Narration;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Role;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.TraceSource;
import org.resolvefx.core.trace.WireMessage;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Playback of a 10,000-event trace: building the timelines once, a jump to a random position, and
 * one step. Run like {@link TreeLayoutBench} with {@code Playback} as the pattern.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PlaybackBench {
    private Trace trace;
    private Playback playback;
    private PlaybackState middle;
    private final Random random = new Random(7);

    @Setup
    public void build() throws Exception {
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(new Endpoint("client", SocketAddr.literal("127.0.0.1", "bench"), 0, Role.CLIENT, null, null));
        endpoints.add(new Endpoint("resolver", SocketAddr.literal("127.0.0.53", "bench"), 0, Role.RESOLVER, null,
                null));
        for (int s = 0; s < 20; s++) {
            endpoints.add(new Endpoint("s" + s, SocketAddr.literal("127.0.9." + (s + 1), "bench"), 53,
                    s == 0 ? Role.ROOT : Role.AUTHORITATIVE, "ns" + s + ".example.", s == 0 ? "." : "z" + s + "."));
        }
        Narration say = new Narration("step", "Schritt");
        List<TraceEvent> events = new ArrayList<>();
        Random r = new Random(1);
        long t = 0;
        Endpoint resolver = endpoints.get(1);
        while (events.size() < 10_000) {
            Endpoint server = endpoints.get(2 + r.nextInt(20));
            Name name = Name.fromString("host" + r.nextInt(500) + ".z" + (1 + r.nextInt(19)) + ".");
            Message q = new Message(r.nextInt(65536));
            q.getHeader().unsetFlag(Flags.RD);
            q.addRecord(Record.newRecord(name, Type.A, DClass.IN), Section.QUESTION);
            byte[] qb = q.toWire();
            Message a = new Message(q.getHeader().getID());
            a.getHeader().setFlag(Flags.QR);
            a.getHeader().setRcode(r.nextInt(10) == 0 ? Rcode.NXDOMAIN : Rcode.NOERROR);
            a.addRecord(q.getQuestion(), Section.QUESTION);
            a.addRecord(Record.fromString(name, Type.A, DClass.IN, 300, "127.0.50." + r.nextInt(250), Name.root),
                    Section.ANSWER);
            events.add(new TraceEvent.MessageSent(t += 500, msg(resolver, server, qb), say));
            if (r.nextInt(20) == 0) {
                events.add(new TraceEvent.Timeout(t += 1_000_000, server.id(), 1000, 1, say));
                continue;
            }
            events.add(new TraceEvent.MessageReceived(t += 800, msg(server, resolver, a.toWire()), true, null, say));
            events.add(new TraceEvent.CacheStore(t += 10, List.of(new CacheEntry(name, Type.A, 5 + r.nextInt(600), t,
                    false, Rcode.NOERROR, List.of("127.0.50.1"), server.id(), "answer")), List.of(), say));
        }
        trace = new Trace("bench", Question.of("host1.z1.", Type.A), ResolutionMode.RECURSIVE, TraceSource.SANDBOX,
                Instant.EPOCH, null, endpoints, List.of(), events);
        playback = Playback.of(trace);
        middle = playback.stateAt(playback.length() / 2);
    }

    private static WireMessage msg(Endpoint from, Endpoint to, byte[] bytes) {
        InetAddress fa = from.address();
        InetAddress ta = to.address();
        return new WireMessage(from.id(), to.id(), new SocketAddr(fa, 40000), new SocketAddr(ta, 53), Transport.UDP,
                bytes, 0);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Playback buildTimelines() {
        return Playback.of(trace);
    }

    @Benchmark
    public PlaybackState jumpToRandomPosition() {
        return playback.stateAt(random.nextInt(playback.length() + 1));
    }

    @Benchmark
    public PlaybackState stepForward() {
        return playback.next(middle);
    }

    @Benchmark
    public PlaybackState stepBack() {
        return playback.previous(middle);
    }
}
