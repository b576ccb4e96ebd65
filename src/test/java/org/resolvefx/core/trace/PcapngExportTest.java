package org.resolvefx.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resolvefx.core.capture.DnsPacket;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.net.Transport;

class PcapngExportTest {

    @TempDir
    Path dir;

    /** capture -> traces -> pcapng -> (test reader) -> the same DNS messages, byte for byte, in order. */
    @ParameterizedTest
    @ValueSource(strings = {"a-recursive-cold.pcap", "b-trace.pcap", "b-trace.pcapng", "c-tc-tcp-fallback.pcap",
            "d-nxdomain.pcap"})
    void captureRoundTripKeepsEveryMessage(String capture) throws Exception {
        List<DnsPacket> original = Captures.packets(capture);
        List<Trace> traces = Captures.traces(capture);
        Path out = dir.resolve(capture + ".pcapng");
        PcapngExport.write(traces, out, PcapngExport.Options.DEFAULT);
        TestPcapReader.Result back = TestPcapReader.read(out);

        assertThat(back.notes()).isEmpty();
        assertThat(back.checksumErrors()).isZero();
        assertThat(back.packets()).hasSameSizeAs(original);
        for (int i = 0; i < original.size(); i++) {
            DnsPacket o = original.get(i);
            DnsPacket b = back.packets().get(i);
            assertThat(b.message()).as("message %d", i + 1).isEqualTo(o.message());
            assertThat(b.src()).isEqualTo(o.src());
            assertThat(b.dst()).isEqualTo(o.dst());
            assertThat(b.transport()).isEqualTo(o.transport());
            // microseconds survive (the trace clock has microsecond resolution)
            assertThat(b.time().toEpochMilli() * 1000 + b.time().getNano() / 1000 % 1000)
                    .isEqualTo(o.time().toEpochMilli() * 1000 + o.time().getNano() / 1000 % 1000);
        }
        // and importing the export again gives the same traces, apart from frame numbers
        List<Trace> again = CaptureImport.toTraces(back.packets(), capture.replaceAll("\\.pcap(ng)?$", ""));
        assertThat(again).hasSameSizeAs(traces);
        for (int i = 0; i < traces.size(); i++) {
            assertThat(again.get(i).endpoints()).isEqualTo(traces.get(i).endpoints());
            assertThat(again.get(i).events()).extracting(TraceEvents::kindName)
                    .isEqualTo(traces.get(i).events().stream().map(TraceEvents::kindName).toList());
        }
    }

    @Test
    void fileHeaderNamesResolveFxAndNanosecondTimestamps() throws Exception {
        Trace t = Captures.traces("a-recursive-cold.pcap").get(0);
        TestPcapReader.Result r = TestPcapReader.read(PcapngExport.toBytes(t, PcapngExport.Options.DEFAULT));
        assertThat(r.shbOptions()).contains("4=ResolveFX", "1=" + t.title());
        assertThat(r.linkType()).isEqualTo(1);
        assertThat(r.tsResolutionPerSecond()).isEqualTo(1_000_000_000L);
        assertThat(r.packets().get(0).time()).isEqualTo(t.startedAt());
        assertThat(r.comments()).hasSize(14);
        assertThat(r.comments().get(0)).isEqualTo(t.events().get(0).narration().en());
    }

    @Test
    void rawIpWithoutComments() throws Exception {
        Trace t = Captures.traces("c-tc-tcp-fallback.pcap").get(0);
        byte[] bytes = PcapngExport.toBytes(t, new PcapngExport.Options(PcapngExport.LinkType.RAW_IP, false));
        TestPcapReader.Result r = TestPcapReader.read(bytes);
        assertThat(r.linkType()).isEqualTo(101);
        assertThat(r.comments()).isEmpty();
        assertThat(r.checksumErrors()).isZero();
        assertThat(r.packets()).extracting(DnsPacket::message)
                .containsExactlyElementsOf(t.messages().stream().map(WireMessage::bytes).toList());
        // UDP query and truncated answer, then SYN, SYN-ACK, ACK, query, answer, FIN, FIN, ACK
        assertThat(r.frames()).isEqualTo(10);
    }

    @Test
    void everyKindTraceWithIpv6AndTcpOnAnOddPort() throws Exception {
        Trace t = TestTraces.everyKind();
        Path out = dir.resolve("every.pcapng");
        PcapngExport.write(t, out);
        TestPcapReader.Result r = TestPcapReader.read(out);
        assertThat(r.checksumErrors()).isZero();
        assertThat(r.notes()).isEmpty();
        assertThat(r.packets()).extracting(DnsPacket::message)
                .containsExactlyElementsOf(t.messages().stream().map(WireMessage::bytes).toList());
        assertThat(r.packets()).filteredOn(p -> p.transport() == Transport.TCP).singleElement()
                .extracting(p -> p.dst().toString()).isEqualTo("[::1]:5353");
    }

    @Test
    void sandboxPortsCanBeWrittenAsPort53() {
        Trace t = TestTraces.everyKind();
        TestPcapReader.Result asIs = TestPcapReader.read(PcapngExport.toBytes(t, PcapngExport.Options.DEFAULT));
        assertThat(asIs.packets()).anyMatch(p -> p.dst().port() == 5353);
        TestPcapReader.Result mapped = TestPcapReader.read(PcapngExport.toBytes(t,
                new PcapngExport.Options(PcapngExport.LinkType.ETHERNET, true, true)));
        assertThat(mapped.checksumErrors()).isZero();
        assertThat(mapped.packets()).noneMatch(p -> p.dst().port() == 5353 || p.src().port() == 5353);
        assertThat(mapped.packets()).filteredOn(p -> p.transport() == Transport.TCP).singleElement()
                .satisfies(p -> assertThat(p.dst().toString()).isEqualTo("[::1]:53"));
        assertThat(mapped.packets()).extracting(DnsPacket::message)
                .containsExactlyElementsOf(t.messages().stream().map(WireMessage::bytes).toList());
    }

    @Test
    void bigTcpMessagesAreSplitIntoSegments() {
        byte[] big = new byte[5000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        Trace t = singleMessageTrace(Transport.TCP, big, "127.0.0.1:40000", "127.0.0.2:53");
        TestPcapReader.Result r = TestPcapReader.read(PcapngExport.toBytes(t, PcapngExport.Options.DEFAULT));
        assertThat(r.packets()).singleElement().extracting(DnsPacket::message).isEqualTo(big);
        // handshake 3 + ceil(5002 / 1460) = 4 data segments + 3 closing
        assertThat(r.frames()).isEqualTo(10);
        assertThat(r.checksumErrors()).isZero();
    }

    @Test
    void writingIsAtomicAndReplacesAnOldFile() throws Exception {
        Path out = dir.resolve("x.pcapng");
        Files.writeString(out, "old");
        PcapngExport.write(Captures.traces("b-trace.pcap").get(0), out);
        assertThat(TestPcapReader.read(out).packets()).hasSize(8);
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    static Trace singleMessageTrace(Transport transport, byte[] bytes, String from, String to) {
        SocketAddr f = SocketAddr.parse(from, 53);
        SocketAddr d = SocketAddr.parse(to, 53);
        List<Endpoint> eps = List.of(new Endpoint("e1", f.address(), 0, Role.CLIENT, null, null),
                new Endpoint("e2", d.address(), d.port(), Role.UNKNOWN, null, null));
        WireMessage m = new WireMessage("e1", "e2", f, d, transport, bytes, 0);
        return new Trace("one", Question.of("example.", 1), ResolutionMode.STUB, TraceSource.LESSON,
                Instant.parse("2026-05-01T10:00:00Z"), null, eps, List.of(),
                List.of(new TraceEvent.MessageSent(0, m, Narrator.forMessage(m, Narrator.endpointsById(eps),
                        ResolutionMode.STUB))));
    }

    // ------------------------------------------------------------------ property

    record Msg(boolean v6, boolean tcp, boolean reply, int conversation, byte[] bytes, long gapMicros) {
    }

    /** Random conversations over UDP and TCP, IPv4 and IPv6: whatever the bytes, they come back unchanged. */
    @Property(tries = 200)
    void randomTracesRoundTrip(@ForAll("messages") List<Msg> msgs, @ForAll boolean rawIp) {
        List<Endpoint> eps = new ArrayList<>();
        eps.add(new Endpoint("c4", TestTraces.ip("127.0.0.1"), 0, Role.CLIENT, null, null));
        eps.add(new Endpoint("c6", TestTraces.ip("::1"), 0, Role.CLIENT, null, null));
        eps.add(new Endpoint("s4", TestTraces.ip("127.0.9.1"), 53, Role.AUTHORITATIVE, null, null));
        eps.add(new Endpoint("s6", TestTraces.ip("fd00::53"), 53, Role.AUTHORITATIVE, null, null));
        Map<String, Endpoint> byId = Narrator.endpointsById(eps);
        List<TraceEvent> events = new ArrayList<>();
        long at = 0;
        for (Msg m : msgs) {
            at += m.gapMicros();
            String c = m.v6() ? "c6" : "c4";
            String s = m.v6() ? "s6" : "s4";
            SocketAddr ca = new SocketAddr(byId.get(c).address(), 30000 + m.conversation());
            SocketAddr sa = new SocketAddr(byId.get(s).address(), 53);
            Transport tr = m.tcp() ? Transport.TCP : Transport.UDP;
            WireMessage w = m.reply() ? new WireMessage(s, c, sa, ca, tr, m.bytes(), 0)
                    : new WireMessage(c, s, ca, sa, tr, m.bytes(), 0);
            Narration n = new Narration("n", "n");
            events.add(m.reply() ? new TraceEvent.MessageReceived(at, w, true, null, n)
                    : new TraceEvent.MessageSent(at, w, n));
        }
        Trace t = new Trace("random", Question.of("example.", 1), ResolutionMode.ITERATIVE, TraceSource.LESSON,
                Instant.parse("2026-05-01T10:00:00.123456789Z"), null, eps, List.of(), events);
        PcapngExport.Options options = new PcapngExport.Options(rawIp ? PcapngExport.LinkType.RAW_IP
                : PcapngExport.LinkType.ETHERNET, true);
        TestPcapReader.Result r = TestPcapReader.read(PcapngExport.toBytes(t, options));
        assertThat(r.checksumErrors()).isZero();
        assertThat(r.notes()).isEmpty();
        assertThat(r.packets()).extracting(DnsPacket::message)
                .containsExactlyElementsOf(t.messages().stream().map(WireMessage::bytes).toList());
        for (int i = 0; i < events.size(); i++) {
            Instant expected = t.startedAt().plusNanos(events.get(i).atMicros() * 1000);
            assertThat(r.packets().get(i).time()).isEqualTo(expected);
        }
    }

    @Provide
    Arbitrary<List<Msg>> messages() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 3), Arbitraries.bytes().array(byte[].class).ofMaxSize(3000),
                Arbitraries.longs().between(0, 5_000_000)).as(Msg::new).list().ofMinSize(1).ofMaxSize(12);
    }
}
