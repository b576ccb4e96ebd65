package org.resolvefx.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.resolvefx.core.engine.ResolverOptions;
import org.resolvefx.core.engine.ResolverSession;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.sandbox.LoopbackSandbox;
import org.resolvefx.core.sandbox.RootHint;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.sandbox.WorldLoader;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * The engine against the default world served by {@link LoopbackSandbox} on real loopback sockets
 * (a free port), in one run with the bare round trips it is compared with:
 *
 * <ul>
 *   <li>{@code rawDatagramRoundTrip}: one query and its response on an open DatagramChannel, nothing
 *       else: the floor. {@code dnsjavaSimpleResolver}: dnsjava's resolver, which like the engine opens
 *       a socket per query.</li>
 *   <li>{@code engineStubOneQuery} and {@code engineIterativeOneQuery}: a whole lookup that needs
 *       exactly one exchange (the engine's socket, random port and ID, checks, trace, narration in two
 *       languages). Overhead per query = this minus {@code rawDatagramRoundTrip}.</li>
 *   <li>{@code engineRecursiveFromCache}: a cached answer, no network at all.</li>
 *   <li>{@code engineColdIterative} / {@code engineColdRecursive}: www.p2p.tu-darmstadt.de A from an
 *       empty cache, 5 exchanges (priming, root, de, tu-darmstadt.de, informatik); compare with
 *       {@code src/test/scripts/engine-vs-dig.sh}.</li>
 * </ul>
 *
 * Run (see src/docs/engine.md):
 * {@code mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test}
 * then {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main EngineBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBench {
    SandboxWorld world;
    LoopbackSandbox sandbox;
    DatagramChannel channel;
    ByteBuffer query;
    ByteBuffer response;
    SimpleResolver simple;
    Message dnsjavaQuery;
    ResolverSession stub;
    ResolverSession direct;
    ResolverSession cached;
    ResolverOptions options;
    Question www;
    Question lecture;

    @Setup
    public void setUp() throws Exception {
        world = WorldLoader.loadDefault();
        sandbox = LoopbackSandbox.start(world, 0);
        InetAddress utopia = InetAddress.getByName("127.0.4.1");
        Name name = Name.fromString("www.networkutopia.com.");
        www = new Question(name, Type.A, DClass.IN);
        lecture = Question.of("www.p2p.tu-darmstadt.de", Type.A);

        channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        channel.connect(new InetSocketAddress(utopia, sandbox.port()));
        Message q = Message.newQuery(Record.newRecord(name, Type.A, DClass.IN));
        query = ByteBuffer.wrap(q.toWire());
        response = ByteBuffer.allocate(65535);

        simple = new SimpleResolver(utopia);
        simple.setPort(sandbox.port());
        simple.setTimeout(Duration.ofSeconds(2));
        dnsjavaQuery = Message.newQuery(Record.newRecord(name, Type.A, DClass.IN));

        options = ResolverOptions.defaults().withPort(sandbox.port());
        stub = ResolverSession.stub(new SocketAddr(utopia, sandbox.port()), options);
        // a "root" that is the zone's own server: one exchange, no priming
        direct = ResolverSession.live(List.of(new RootHint(Name.fromString("dns1.networkutopia.com."),
                List.of(utopia))), options.withPriming(false));
        cached = ResolverSession.live(world.rootHints(), options);
        cached.resolve(lecture, ResolutionMode.RECURSIVE);
    }

    @TearDown
    public void tearDown() throws Exception {
        channel.close();
        sandbox.close();
    }

    @Benchmark
    public int rawDatagramRoundTrip() throws Exception {
        query.rewind();
        channel.write(query);
        response.clear();
        return channel.read(response);
    }

    @Benchmark
    public Message dnsjavaSimpleResolver() throws Exception {
        return simple.send(dnsjavaQuery);
    }

    @Benchmark
    public Trace engineStubOneQuery() {
        return stub.resolve(www, ResolutionMode.STUB);
    }

    @Benchmark
    public Trace engineIterativeOneQuery() {
        return direct.resolve(www, ResolutionMode.ITERATIVE);
    }

    @Benchmark
    public Trace engineRecursiveFromCache() {
        return cached.resolve(lecture, ResolutionMode.RECURSIVE);
    }

    @Benchmark
    public Trace engineColdIterative() {
        return ResolverSession.live(world.rootHints(), options).resolve(lecture, ResolutionMode.ITERATIVE);
    }

    @Benchmark
    public Trace engineColdRecursive() {
        return ResolverSession.live(world.rootHints(), options).resolve(lecture, ResolutionMode.RECURSIVE);
    }
}
