package org.resolvefx.bench;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.Warmup;
import org.resolvefx.core.capture.DnsPacket;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.net.Transport;
import org.resolvefx.core.trace.CaptureImport;
import org.resolvefx.core.trace.PcapngExport;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceFileException;
import org.resolvefx.core.trace.TraceFiles;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Costs of the trace package on a synthetic capture of 500 recursive lookups (4,000 messages:
 * client query, root and TLD referrals, authoritative answer, final answer): importing it into
 * traces, writing and reading one lookup's trace file (reading includes schema validation), and
 * exporting all traces to pcapng.
 * Run: {@code mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test}
 * then {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main TraceBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TraceBench {
    static final int LOOKUPS = 500;

    List<DnsPacket> capture;
    List<Trace> traces;
    String oneTraceJson;

    @Setup
    public void setUp() throws Exception {
        capture = syntheticCapture(LOOKUPS);
        traces = CaptureImport.toTraces(capture, "bench");
        if (traces.size() != LOOKUPS) {
            throw new IllegalStateException("expected " + LOOKUPS + " traces, got " + traces.size());
        }
        oneTraceJson = TraceFiles.toJson(traces.get(0));
    }

    @Benchmark
    public List<Trace> importCapture4000Messages() {
        return CaptureImport.toTraces(capture, "bench");
    }

    @Benchmark
    public String writeOneTraceJson() {
        return TraceFiles.toJson(traces.get(0));
    }

    @Benchmark
    public Trace readOneTraceJsonWithSchema() throws TraceFileException {
        return TraceFiles.fromJson(oneTraceJson, "bench.trace.json");
    }

    @Benchmark
    public byte[] exportAllTracesToPcapng() {
        return PcapngExport.toBytes(traces, PcapngExport.Options.DEFAULT);
    }

    static List<DnsPacket> syntheticCapture(int lookups) throws Exception {
        InetAddress client = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        InetAddress resolver = InetAddress.getByAddress(new byte[] {127, 0, 0, 53});
        InetAddress root = InetAddress.getByAddress(new byte[] {127, 0, 1, 1});
        InetAddress tld = InetAddress.getByAddress(new byte[] {127, 0, 2, 1});
        InetAddress auth = InetAddress.getByAddress(new byte[] {127, 0, 3, 1});
        List<DnsPacket> out = new ArrayList<>();
        Instant t = Instant.parse("2026-11-23T21:00:00Z");
        long frame = 0;
        for (int i = 0; i < lookups; i++) {
            Name qname = Name.fromString("host" + i + ".example.com.");
            int cport = 20000 + i % 30000;
            int uport = 40000 + i % 20000;
            Message cq = query(qname, i, true);
            Message uq = query(qname, i + 1, false);
            Message rootRef = response(uq, false);
            rootRef.addRecord(new NSRecord(Name.fromString("com."), DClass.IN, 172800, Name.fromString("a.gtld.net.")),
                    Section.AUTHORITY);
            rootRef.addRecord(new ARecord(Name.fromString("a.gtld.net."), DClass.IN, 172800, tld), Section.ADDITIONAL);
            Message tldRef = response(uq, false);
            tldRef.addRecord(new NSRecord(Name.fromString("example.com."), DClass.IN, 172800,
                    Name.fromString("ns.example.com.")), Section.AUTHORITY);
            tldRef.addRecord(new ARecord(Name.fromString("ns.example.com."), DClass.IN, 172800, auth), Section.ADDITIONAL);
            Message answer = response(uq, true);
            answer.addRecord(new ARecord(qname, DClass.IN, 300, InetAddress.getByAddress(new byte[] {10, 0,
                    (byte) (i >> 8), (byte) i})), Section.ANSWER);
            Message finalAnswer = response(cq, false);
            finalAnswer.getHeader().setFlag(Flags.RA);
            finalAnswer.addRecord(answer.getSection(Section.ANSWER).get(0), Section.ANSWER);
            SocketAddr c = new SocketAddr(client, cport);
            SocketAddr r53 = new SocketAddr(resolver, 53);
            SocketAddr ru = new SocketAddr(resolver, uport);
            out.add(packet(++frame, t = t.plusNanos(10_000), c, r53, cq));
            out.add(packet(++frame, t = t.plusNanos(10_000), ru, new SocketAddr(root, 53), uq));
            out.add(packet(++frame, t = t.plusNanos(10_000), new SocketAddr(root, 53), ru, rootRef));
            out.add(packet(++frame, t = t.plusNanos(10_000), ru, new SocketAddr(tld, 53), uq));
            out.add(packet(++frame, t = t.plusNanos(10_000), new SocketAddr(tld, 53), ru, tldRef));
            out.add(packet(++frame, t = t.plusNanos(10_000), ru, new SocketAddr(auth, 53), uq));
            out.add(packet(++frame, t = t.plusNanos(10_000), new SocketAddr(auth, 53), ru, answer));
            out.add(packet(++frame, t = t.plusNanos(10_000), r53, c, finalAnswer));
        }
        return out;
    }

    private static Message query(Name qname, int id, boolean rd) {
        Message m = Message.newQuery(Record.newRecord(qname, Type.A, DClass.IN));
        m.getHeader().setID(id & 0xFFFF);
        if (!rd) {
            m.getHeader().unsetFlag(Flags.RD);
        }
        return m;
    }

    private static Message response(Message q, boolean aa) {
        Message r = new Message(q.getHeader().getID());
        r.getHeader().setFlag(Flags.QR);
        if (aa) {
            r.getHeader().setFlag(Flags.AA);
        }
        if (q.getHeader().getFlag(Flags.RD)) {
            r.getHeader().setFlag(Flags.RD);
        }
        r.addRecord(q.getQuestion(), Section.QUESTION);
        return r;
    }

    private static DnsPacket packet(long frame, Instant t, SocketAddr src, SocketAddr dst, Message m) {
        return new DnsPacket(frame, t, src, dst, Transport.UDP, m.toWire());
    }
}
