package org.resolvefx.core.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.resolvefx.core.net.Transport;

/** The reference captures from real BIND/NSD/Knot/Unbound traffic, checked against what tshark decodes. */
class SharedCapturesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "a-recursive-cold.pcap, PCAP,   14, 14, 0",
        "b-trace.pcap,          PCAP,    8,  8, 0",
        "b-trace.pcapng,        PCAPNG,  8,  8, 0",
        "c-tc-tcp-fallback.pcap, PCAP,   4, 12, 8",
        "d-nxdomain.pcap,       PCAP,   12, 12, 0"})
    void everyMessageMatchesTshark(String file, CaptureFormat format, int messages, long frames, long skipped)
            throws IOException {
        Path capture = TsharkExpectation.resource("shared/" + file);
        CaptureReadResult result = CaptureFiles.readAll(capture);

        assertThat(result.fault()).isNull();
        assertThat(result.format()).isEqualTo(format);
        assertThat(result.packets().stream().map(TsharkExpectation::of).toList())
                .containsExactlyElementsOf(TsharkExpectation.of(capture));
        assertThat(result.packets()).hasSize(messages);
        assertThat(result.framesRead()).isEqualTo(frames);
        assertThat(result.framesSkipped()).isEqualTo(skipped);
    }

    @Test
    void truncatedUdpAnswerIsRepeatedOverTcpAndReassembled() throws IOException {
        List<DnsPacket> packets = CaptureFiles.readAll(TsharkExpectation.resource("shared/c-tc-tcp-fallback.pcap"))
                .packets();

        assertThat(packets).extracting(DnsPacket::transport)
                .containsExactly(Transport.UDP, Transport.UDP, Transport.TCP, Transport.TCP);
        assertThat(packets).extracting(DnsPacket::frame).containsExactly(1L, 2L, 6L, 8L);
        // the TCP answer: length prefix 0x02a8 (680) removed, all 40 A records, TC clear
        DnsPacket answer = packets.get(3);
        assertThat(answer.length()).isEqualTo(680);
        byte[] m = answer.unsafeBytes();
        assertThat(((m[6] & 0xFF) << 8) | (m[7] & 0xFF)).isEqualTo(40);
        assertThat(m[2] & 0x02).isZero();
        // the UDP answer had TC set
        assertThat(packets.get(1).unsafeBytes()[2] & 0x02).isEqualTo(2);
        assertThat(packets.get(2).src().port()).isEqualTo(46717);
        assertThat(packets.get(2).dst().toString()).isEqualTo("127.0.4.1:53");
    }

    @Test
    void pcapAndPcapngOfTheSameTrafficGiveTheSameMessages() throws IOException {
        assertThat(CaptureFiles.readAll(TsharkExpectation.resource("shared/b-trace.pcapng")).packets())
                .isEqualTo(CaptureFiles.readAll(TsharkExpectation.resource("shared/b-trace.pcap")).packets());
    }

    @Test
    void timestampsKeepTheMicrosecondsOfTheFile() throws IOException {
        DnsPacket first = CaptureFiles.readAll(TsharkExpectation.resource("shared/a-recursive-cold.pcap")).packets()
                .get(0);
        assertThat(first.epochSecondsText()).isEqualTo("1795469023.124918000");
        assertThat(first.time().getNano()).isEqualTo(124_918_000);
    }
}
