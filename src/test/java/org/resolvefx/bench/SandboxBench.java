package org.resolvefx.bench;

import java.net.InetAddress;
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
import org.openjdk.jmh.annotations.Warmup;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.net.Transport;
import org.resolvefx.core.sandbox.SandboxServer;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.sandbox.WorldLoader;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * How long the sandbox takes to answer one query in-process, and to load the default world.
 * Run: {@code mvn -o -q test-compile} then
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main SandboxBench}
 * (see src/docs/sandbox.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SandboxBench {
    SandboxWorld world;
    SandboxServer root;
    SandboxServer tu;
    SandboxServer utopia;
    byte[] lectureQuery;
    byte[] manyQuery;
    SocketAddr client;

    @Setup
    public void setUp() throws Exception {
        world = WorldLoader.loadDefault();
        root = world.serverAt(InetAddress.getByName("127.0.1.1")).orElseThrow();
        tu = world.serverAt(InetAddress.getByName("127.0.3.1")).orElseThrow();
        utopia = world.serverAt(InetAddress.getByName("127.0.4.1")).orElseThrow();
        lectureQuery = Message.newQuery(Record.newRecord(Name.fromString("www.p2p.tu-darmstadt.de."), Type.A,
                DClass.IN)).toWire();
        manyQuery = Message.newQuery(Record.newRecord(Name.fromString("many.networkutopia.com."), Type.A,
                DClass.IN)).toWire();
        client = new SocketAddr(InetAddress.getLoopbackAddress(), 40000);
    }

    @Benchmark
    public byte[] rootReferral() {
        return root.handle(lectureQuery, Transport.UDP, client).orElseThrow();
    }

    @Benchmark
    public byte[] cnamePlusReferral() {
        return tu.handle(lectureQuery, Transport.UDP, client).orElseThrow();
    }

    @Benchmark
    public byte[] fortyRecordsOverTcp() {
        return utopia.handle(manyQuery, Transport.TCP, client).orElseThrow();
    }

    @Benchmark
    public byte[] worldLookupAndAnswer() throws Exception {
        return world.handle(new SocketAddr(InetAddress.getByAddress(new byte[] {127, 0, 3, 1}), 53), lectureQuery,
                Transport.UDP, client).orElseThrow();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public SandboxWorld loadDefaultWorld() throws Exception {
        return WorldLoader.loadDefault();
    }
}
