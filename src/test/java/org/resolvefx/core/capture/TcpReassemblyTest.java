package org.resolvefx.core.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resolvefx.core.capture.TestFrames.ACK;
import static org.resolvefx.core.capture.TestFrames.CLIENT;
import static org.resolvefx.core.capture.TestFrames.FIN;
import static org.resolvefx.core.capture.TestFrames.PSH;
import static org.resolvefx.core.capture.TestFrames.RST;
import static org.resolvefx.core.capture.TestFrames.SERVER;
import static org.resolvefx.core.capture.TestFrames.SYN;
import static org.resolvefx.core.capture.TestFrames.slice;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resolvefx.core.net.Transport;

/** DNS over TCP from crafted segments: order, overlap, framing, stream selection and bounds. */
class TcpReassemblyTest {
    private static final int CPORT = 40000;
    private static final int ISN = 1000;

    /** Segments from the client to port 53 after a handshake; data segments given as (seq offset, bytes). */
    private static byte[][] clientStream(int port, Object... offsetsAndData) {
        List<byte[]> frames = new ArrayList<>();
        frames.add(TestFrames.tcpFrame(CLIENT, CPORT, SERVER, port, ISN, SYN, new byte[0]));
        for (int i = 0; i < offsetsAndData.length; i += 2) {
            int offset = (Integer) offsetsAndData[i];
            byte[] data = (byte[]) offsetsAndData[i + 1];
            frames.add(TestFrames.tcpFrame(CLIENT, CPORT, SERVER, port, ISN + 1 + offset, ACK | PSH, data));
        }
        return frames.toArray(new byte[0][]);
    }

    private static List<DnsPacket> read(byte[]... frames) {
        return Reading.packets(PcapWriter.file(LinkLayer.ETHERNET, frames));
    }

    @Test
    void messageSpanningSegmentsIsReportedAtTheFrameWithItsLastByte() {
        byte[] big = TestFrames.bigResponse(7, 20);
        byte[] stream = TestFrames.lengthPrefixed(big);
        List<DnsPacket> packets = read(clientStream(53, 0, slice(stream, 0, 1000), 1000, slice(stream, 1000, 2000),
                2000, slice(stream, 2000, stream.length)));

        assertThat(packets).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo(big);
            assertThat(p.frame()).isEqualTo(4);
            assertThat(p.transport()).isEqualTo(Transport.TCP);
            assertThat(p.src().toString()).isEqualTo("127.0.0.1:40000");
            assertThat(p.dst().toString()).isEqualTo("127.0.77.1:53");
        });
    }

    @Test
    void severalMessagesInOneSegmentAllCarryThatFrame() {
        byte[] a = TestFrames.query(1);
        byte[] b = TestFrames.query(2);
        byte[] c = TestFrames.query(3);
        List<DnsPacket> packets = read(clientStream(53, 0, TestFrames.lengthPrefixed(a, b, c)));

        assertThat(packets).extracting(DnsPacket::message).containsExactly(a, b, c);
        assertThat(packets).extracting(DnsPacket::frame).containsOnly(2L);
    }

    @Test
    void lengthPrefixSplitFromItsMessage() {
        byte[] q = TestFrames.query(9);
        byte[] s = TestFrames.lengthPrefixed(q);
        List<DnsPacket> packets = read(clientStream(53, 0, slice(s, 0, 1), 1, slice(s, 1, 2), 2, slice(s, 2, 5),
                5, slice(s, 5, s.length)));

        assertThat(packets).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo(q);
            assertThat(p.frame()).isEqualTo(5);
        });
    }

    @Test
    void retransmittedAndOverlappingSegmentsAreIgnored() {
        byte[] a = TestFrames.query(1);
        byte[] b = TestFrames.query(2);
        byte[] s = TestFrames.lengthPrefixed(a, b);
        int half = s.length / 2;
        List<DnsPacket> packets = read(clientStream(53,
                0, slice(s, 0, half),
                0, slice(s, 0, half),                  // exact retransmission
                half - 5, slice(s, half - 5, half + 3), // overlaps old bytes, brings 3 new ones
                half + 3, slice(s, half + 3, s.length),
                0, s));                                 // everything again, much later

        assertThat(packets).extracting(DnsPacket::message).containsExactly(a, b);
    }

    @Test
    void outOfOrderSegmentsWaitForTheGapAndTheFillingFrameCompletesTheMessage() {
        byte[] a = TestFrames.query(1);
        byte[] b = TestFrames.query(2);
        byte[] s = TestFrames.lengthPrefixed(a, b);
        int third = s.length / 3;
        List<DnsPacket> packets = read(clientStream(53,
                2 * third, slice(s, 2 * third, s.length),
                third, slice(s, third, 2 * third),
                0, slice(s, 0, third)));

        assertThat(packets).extracting(DnsPacket::message).containsExactly(a, b);
        assertThat(packets).extracting(DnsPacket::frame).containsOnly(4L);
    }

    @Test
    void sequenceNumbersWrapAround() {
        byte[] q = TestFrames.query(5);
        byte[] s = TestFrames.lengthPrefixed(q);
        int isn = -10; // 0xFFFFFFF6: the message crosses 2^32
        List<DnsPacket> packets = read(
                TestFrames.tcpFrame(CLIENT, CPORT, SERVER, 53, isn, SYN, new byte[0]),
                TestFrames.tcpFrame(CLIENT, CPORT, SERVER, 53, isn + 1, ACK, slice(s, 0, 20)),
                TestFrames.tcpFrame(CLIENT, CPORT, SERVER, 53, isn + 21, ACK, slice(s, 20, s.length)));

        assertThat(packets).extracting(DnsPacket::message).containsExactly(q);
    }

    @Test
    void bothDirectionsOfAConnectionAreSeparateStreams() {
        byte[] q = TestFrames.query(1);
        byte[] r = TestFrames.bigResponse(1, 3);
        byte[] rs = TestFrames.lengthPrefixed(r);
        List<DnsPacket> packets = read(
                TestFrames.tcpFrame(CLIENT, CPORT, SERVER, 53, 100, SYN, new byte[0]),
                TestFrames.tcpFrame(SERVER, 53, CLIENT, CPORT, 5000, SYN | ACK, new byte[0]),
                TestFrames.tcpFrame(SERVER, 53, CLIENT, CPORT, 5001, ACK, slice(rs, 0, 10)),
                TestFrames.tcpFrame(CLIENT, CPORT, SERVER, 53, 101, ACK, TestFrames.lengthPrefixed(q)),
                TestFrames.tcpFrame(SERVER, 53, CLIENT, CPORT, 5011, ACK, slice(rs, 10, rs.length)));

        assertThat(packets).extracting(DnsPacket::message).containsExactly(q, r);
        assertThat(packets.get(1).src().port()).isEqualTo(53);
        assertThat(packets).extracting(DnsPacket::frame).containsExactly(4L, 5L);
    }

    @Test
    void finAndRstDropAHalfReceivedMessageAndANewConnectionStartsClean() {
        byte[] q = TestFrames.query(1);
        byte[] s = TestFrames.lengthPrefixed(q);
        List<DnsPacket> packets = read(
                TestFrames.tcpFrame(CLIENT, CPORT, SERVER, 53, 100, SYN, new byte[0]),
                TestFrames.tcpFrame(CLIENT, CPORT, SERVER, 53, 101, ACK | FIN, slice(s, 0, 10)),
                TestFrames.tcpFrame(CLIENT, CPORT, SERVER, 53, 111, ACK, slice(s, 10, s.length)),
                TestFrames.tcpFrame(CLIENT, CPORT + 1, SERVER, 53, 100, SYN, new byte[0]),
                TestFrames.tcpFrame(CLIENT, CPORT + 1, SERVER, 53, 101, ACK, slice(s, 0, 10)),
                TestFrames.tcpFrame(SERVER, 53, CLIENT, CPORT + 1, 9, RST, new byte[0]),
                TestFrames.tcpFrame(CLIENT, CPORT + 2, SERVER, 53, 7, SYN, new byte[0]),
                TestFrames.tcpFrame(CLIENT, CPORT + 2, SERVER, 53, 8, ACK, s));

        // the first two connections lose their message (the rest after FIN is read as a mid-stream start,
        // which frames garbage and is dropped at the end); the third delivers
        assertThat(packets).extracting(DnsPacket::frame).containsExactly(8L);
        assertThat(packets.get(0).message()).isEqualTo(q);
    }

    @Test
    void captureStartingMidConnectionTakesTheFirstDataSegmentAsTheStart() {
        byte[] q = TestFrames.query(3);
        List<DnsPacket> packets = read(
                TestFrames.tcpFrame(CLIENT, CPORT, SERVER, 53, 123456, ACK, new byte[0]),
                TestFrames.tcpFrame(CLIENT, CPORT, SERVER, 53, 123456, ACK, TestFrames.lengthPrefixed(q)));

        assertThat(packets).extracting(DnsPacket::message).containsExactly(q);
    }

    @Test
    void streamOnAnotherPortIsDnsWhenItsFirstMessageIs() {
        byte[] q = TestFrames.query(1);
        byte[] q2 = TestFrames.query(2);
        List<DnsPacket> packets = read(clientStream(8053, 0, TestFrames.lengthPrefixed(q),
                q.length + 2, TestFrames.lengthPrefixed(q2)));

        assertThat(packets).extracting(DnsPacket::message).containsExactly(q, q2);
    }

    @Test
    void httpOnAnotherPortIsNotDnsAndIsNotBufferedToItsFakeLength() {
        byte[] http = "GET /index.html HTTP/1.1\r\nHost: example\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Reading.Outcome o = Reading.read(PcapWriter.file(LinkLayer.ETHERNET, clientStream(8080, 0, http,
                http.length, TestFrames.lengthPrefixed(TestFrames.query(1)))));

        assertThat(o.packets()).isEmpty();
        assertThat(o.framesSkipped()).isEqualTo(o.framesRead());
    }

    @Test
    void malformedDnsOnPort53IsStillDelivered() {
        byte[] garbage = {1, 2, 3, 4, 5, 6, 7};
        List<DnsPacket> packets = read(clientStream(53, 0, TestFrames.lengthPrefixed(garbage)));

        assertThat(packets).extracting(DnsPacket::message).containsExactly(garbage);
    }

    @Test
    void aLostSegmentRestartsTheStreamAtTheNextSegmentInsteadOfWaitingForever() {
        byte[] q = TestFrames.query(4);
        byte[] s = TestFrames.lengthPrefixed(q);
        // 10 bytes of a message, then a gap larger than any message could fill, then a fresh message
        List<DnsPacket> packets = read(clientStream(53, 0, slice(s, 0, 10),
                10 + 2 * TcpReassembler.MAX_MESSAGE, s));

        assertThat(packets).extracting(DnsPacket::message).containsExactly(q);
    }

    @Test
    void fastOpenDataOnTheSynIsRead() {
        byte[] q = TestFrames.query(6);
        List<DnsPacket> packets = read(
                TestFrames.tcpFrame(CLIENT, CPORT, SERVER, 53, 500, SYN, TestFrames.lengthPrefixed(q)));

        assertThat(packets).extracting(DnsPacket::message).containsExactly(q);
    }

    @Test
    void controlSegmentsAndRetransmissionsCountAsSkippedFrames() {
        byte[] q = TestFrames.query(1);
        byte[] s = TestFrames.lengthPrefixed(q);
        Reading.Outcome o = Reading.read(PcapWriter.file(LinkLayer.ETHERNET, clientStream(53, 0, s, 0, s)));

        assertThat(o.framesRead()).isEqualTo(3);
        assertThat(o.framesSkipped()).isEqualTo(2); // the SYN and the retransmission
    }
}
