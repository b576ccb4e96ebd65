package org.resolvefx.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.resolvefx.core.capture.DnsPacket;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.net.Transport;

/**
 * Whatever packets arrive (shuffled, dropped, duplicated, bit-flipped or random), the import never
 * throws, loses or duplicates no message, keeps the trace clock monotonic, and produces traces that
 * survive the JSON file format.
 */
class CaptureImportPropertyTest {

    private static final List<DnsPacket> REAL = new ArrayList<>();

    static {
        for (String f : new String[] {"a-recursive-cold.pcap", "b-trace.pcap", "c-tc-tcp-fallback.pcap",
                "d-nxdomain.pcap"}) {
            REAL.addAll(Captures.packets(f));
        }
    }

    @Property(tries = 300)
    void importIsTotalAndConservesMessages(@ForAll("captures") List<DnsPacket> packets) throws Exception {
        List<Trace> traces = CaptureImport.toTraces(packets, "fuzz");
        int total = 0;
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<String> inputKeys = new ArrayList<>();
        for (DnsPacket p : packets) {
            inputKeys.add(key(p.frame(), p.message()));
        }
        List<String> outputKeys = new ArrayList<>();
        for (Trace t : traces) {
            assertThat(t.messages()).isNotEmpty();
            long last = 0;
            Set<String> ids = new HashSet<>();
            t.endpoints().forEach(e -> ids.add(e.id()));
            for (TraceEvent e : t.events()) {
                assertThat(e.atMicros()).isGreaterThanOrEqualTo(last);
                last = e.atMicros();
                // names from the bytes may contain any character, so look for whole placeholders and missing keys only
                assertThat(e.narration().en()).isNotBlank().doesNotContainPattern("\\{[A-Za-z]+\\}")
                        .doesNotContainPattern("\\[[a-z]+\\.[A-Za-z.]+\\]");
                assertThat(e.narration().de()).isNotBlank().doesNotContainPattern("\\{[A-Za-z]+\\}")
                        .doesNotContainPattern("\\[[a-z]+\\.[A-Za-z.]+\\]");
            }
            for (WireMessage m : t.messages()) {
                assertThat(ids).contains(m.fromId(), m.toId());
                outputKeys.add(key(m.frame(), m.bytes()));
                seen.add(m);
            }
            total += t.messages().size();
            assertThat(TraceFiles.fromJson(TraceFiles.toJson(t), "fuzz")).isEqualTo(t);
        }
        assertThat(total).isEqualTo(packets.size());
        assertThat(outputKeys).containsExactlyInAnyOrderElementsOf(inputKeys);
    }

    private static String key(long frame, byte[] bytes) {
        return frame + ":" + java.util.HexFormat.of().formatHex(bytes);
    }

    @Provide
    Arbitrary<List<DnsPacket>> captures() {
        Arbitrary<List<DnsPacket>> realMixed = Combinators.combine(
                Arbitraries.longs(), Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 40))
                .as((seed, mode, count) -> mix(new Random(seed), mode, count));
        Arbitrary<List<DnsPacket>> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(60).list().ofMaxSize(12)
                .map(CaptureImportPropertyTest::randomPackets);
        return Arbitraries.oneOf(realMixed, random);
    }

    /** Real packets: shuffled, partly dropped, duplicated, with flipped bytes or moved in time. */
    private static List<DnsPacket> mix(Random r, int mode, int count) {
        List<DnsPacket> out = new ArrayList<>();
        for (int i = 0; i < Math.max(1, count); i++) {
            DnsPacket p = REAL.get(r.nextInt(REAL.size()));
            byte[] bytes = p.message();
            Instant time = p.time();
            if (mode == 1 && bytes.length > 0) {
                bytes[r.nextInt(bytes.length)] ^= (byte) (1 << r.nextInt(8));
            } else if (mode == 2) {
                time = time.minusMillis(r.nextInt(5000));
            } else if (mode == 3 && bytes.length > 2) {
                bytes = java.util.Arrays.copyOf(bytes, r.nextInt(bytes.length));
            }
            out.add(new DnsPacket(i + 1, time, p.src(), p.dst(), p.transport(), bytes));
        }
        if (mode == 4) {
            out = new ArrayList<>(REAL.subList(0, Math.min(REAL.size(), count)));
            Collections.shuffle(out, r);
        }
        return out;
    }

    private static List<DnsPacket> randomPackets(List<byte[]> payloads) {
        List<DnsPacket> out = new ArrayList<>();
        int i = 0;
        for (byte[] b : payloads) {
            i++;
            SocketAddr a = SocketAddr.parse("127.0.0." + (i % 3 + 1) + ":" + (i % 2 == 0 ? 53 : 40000), 53);
            SocketAddr z = SocketAddr.parse("127.0.0." + (i % 4 + 1) + ":" + (i % 2 == 0 ? 40000 : 53), 53);
            out.add(new DnsPacket(i, Instant.ofEpochSecond(1_700_000_000L, i * 1000L), a, z,
                    i % 3 == 0 ? Transport.TCP : Transport.UDP, b));
        }
        return out;
    }
}
