package org.resolvefx.core.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayDeque;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** Memory bounds of the TCP reassembler and the structural DNS check used for non-standard ports. */
class BoundsAndShapeTest {

    private static Frame frame(long n, Instant t, byte[] data) {
        return new Frame(n, 0, t, LinkLayer.ETHERNET, data);
    }

    @Test
    void bufferedBytesStayUnderTheTotalCap() {
        PacketDecoder decoder = new PacketDecoder();
        ArrayDeque<DnsPacket> out = new ArrayDeque<>();
        byte[] almostAMessage = new byte[60_000];
        almostAMessage[0] = (byte) 0xFF; // length 0xFFxx: never completes
        long n = 0;
        for (int c = 0; c < 400; c++) {
            byte[] client = {10, 9, (byte) (c >> 8), (byte) c};
            decoder.decode(frame(++n, Instant.EPOCH, TestFrames.tcpFrame(client, 3000, TestFrames.SERVER, 53, 5,
                    TestFrames.ACK, almostAMessage)), out);
            assertThat(decoder.tcp().bufferedBytes()).isLessThanOrEqualTo(TcpReassembler.MAX_BUFFERED);
        }
        assertThat(out).isEmpty();
        assertThat(decoder.tcp().flowCount()).isLessThan(400).isGreaterThan(200);
    }

    @Test
    void idleConnectionsAreForgottenAfterTwoMinutesOfCaptureTime() {
        PacketDecoder decoder = new PacketDecoder();
        ArrayDeque<DnsPacket> out = new ArrayDeque<>();
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        byte[] partial = {0, 40, 1, 2, 3};
        long n = 0;
        for (int c = 0; c < 100; c++) {
            byte[] client = {10, 8, 0, (byte) c};
            decoder.decode(frame(++n, start, TestFrames.tcpFrame(client, 3000, TestFrames.SERVER, 53, 5,
                    TestFrames.ACK, partial)), out);
        }
        assertThat(decoder.tcp().flowCount()).isEqualTo(100);
        Instant later = start.plus(TcpReassembler.IDLE).plusSeconds(1);
        byte[] one = TestFrames.tcpFrame(new byte[] {10, 7, 0, 1}, 3000, TestFrames.SERVER, 53, 5, TestFrames.ACK,
                partial);
        for (int i = 0; i < 1100; i++) {
            decoder.decode(frame(++n, later, one), out);
        }
        assertThat(decoder.tcp().flowCount()).isEqualTo(1);
    }

    @Test
    void shapeOfRealMessages() throws Exception {
        for (String name : new String[] {"query.bin", "answer.bin", "nxdomain.bin"}) {
            byte[] m = java.nio.file.Files.readAllBytes(TsharkExpectation.resource("text/" + name));
            assertThat(DnsShape.plausible(m, 0, m.length)).as(name).isTrue();
            assertThat(DnsShape.plausible(m, 0, m.length - 1)).as(name + " cut").isFalse();
            byte[] longer = java.util.Arrays.copyOf(m, m.length + 1);
            assertThat(DnsShape.plausible(longer, 0, longer.length)).as(name + " trailing byte").isFalse();
        }
    }

    @Test
    void compressionPointersMustPointBackwards() {
        byte[] q = TestFrames.query(1, "a.example.", Type.A);
        byte[] loop = q.clone();
        loop[12] = (byte) 0xC0; // the question name becomes a pointer to itself
        loop[13] = 12;
        assertThat(DnsShape.plausible(loop, 0, 14 + 4)).isFalse();
        byte[] forward = q.clone();
        forward[12] = (byte) 0xC0;
        forward[13] = 20;
        assertThat(DnsShape.plausible(forward, 0, 18)).isFalse();
        byte[] badOpcode = q.clone();
        badOpcode[2] = (byte) (7 << 3);
        assertThat(DnsShape.plausible(badOpcode, 0, badOpcode.length)).isFalse();
    }

    @Property(tries = 200)
    void everyResponseDnsjavaWritesIsPlausible(@ForAll @IntRange(min = 0, max = 40) int records,
                                               @ForAll @IntRange(max = 0xFFFF) int id) {
        byte[] m = TestFrames.bigResponse(id, records);
        assertThat(DnsShape.plausible(m, 0, m.length)).isTrue();
        assertThat(DnsShape.headerFits(m, 0, m.length)).isTrue();
    }

    @Property
    void theCheckLooksOnlyAtItsRange(@ForAll @net.jqwik.api.constraints.Size(max = 600) byte[] bytes,
                                     @ForAll @IntRange(max = 64) int off, @ForAll @IntRange(max = 600) int len) {
        if (off > bytes.length) {
            return;
        }
        int n = Math.min(len, bytes.length - off);
        byte[] alone = java.util.Arrays.copyOfRange(bytes, off, off + n);
        assertThat(DnsShape.plausible(bytes, off, n)).isEqualTo(DnsShape.plausible(alone, 0, n));
        assertThat(DnsShape.headerFits(bytes, off, n)).isEqualTo(DnsShape.headerFits(alone, 0, n));
    }
}
