package org.resolvefx.core.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.resolvefx.core.net.Transport;

/**
 * Captures made with tcpdump, editcap, mergecap and text2pcap from NSD and dig traffic on loopback
 * (src/test/scripts/make-captures.sh), each compared with tshark's decode of the same file.
 */
class ToolMadeCapturesTest {

    static Stream<String> captures() throws IOException {
        Path dir = TsharkExpectation.resource("made");
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".pcap") || n.endsWith(".pcapng")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void everyMessageMatchesTshark(String file) throws IOException {
        Path capture = TsharkExpectation.resource("made/" + file);
        CaptureReadResult result = CaptureFiles.readAll(capture);

        assertThat(result.fault()).isNull();
        List<TsharkExpectation> expected = TsharkExpectation.of(capture);
        assertThat(expected).isNotEmpty();
        assertThat(result.packets().stream().map(TsharkExpectation::of).toList()).containsExactlyElementsOf(expected);
    }

    @Test
    void allLinkTypesAndFormatsAreCovered() throws IOException {
        assertThat(captures().toList()).contains("eth-udp.pcap", "sll-any.pcap", "sll2-any.pcap", "null-le.pcap",
                "null-be.pcap", "loop.pcap", "rawip.pcap", "rawip4.pcap", "rawip6.pcapng", "vlan.pcap",
                "eth-udp-nsec.pcap", "eth-udp-modified.pcap", "multi-interface.pcapng", "multi-section.pcapng",
                "fragments.pcap", "ipv6-extensions.pcapng");
        assertThat(linkTypeOf("sll-any.pcap")).isEqualTo(LinkLayer.LINUX_SLL);
        assertThat(linkTypeOf("sll2-any.pcap")).isEqualTo(LinkLayer.LINUX_SLL2);
        assertThat(linkTypeOf("rawip.pcap")).isEqualTo(LinkLayer.RAW);
        assertThat(linkTypeOf("rawip4.pcap")).isEqualTo(LinkLayer.IPV4);
        assertThat(linkTypeOf("null-le.pcap")).isEqualTo(LinkLayer.NULL);
        assertThat(linkTypeOf("loop.pcap")).isEqualTo(LinkLayer.LOOP);
    }

    private static int linkTypeOf(String pcap) throws IOException {
        byte[] b = Files.readAllBytes(TsharkExpectation.resource("made/" + pcap));
        return (int) Bytes.u32(b, 20, false);
    }

    @Test
    void threeQueriesInOneSegmentAndALengthPrefixInASegmentOfItsOwn() throws IOException {
        List<DnsPacket> packets = read("eth-tcp-pipelined.pcap");

        assertThat(packets).allMatch(p -> p.transport() == Transport.TCP);
        // frame 4 carries three length-prefixed queries
        assertThat(packets.stream().filter(p -> p.frame() == 4)).hasSize(3)
                .extracting(p -> id(p)).containsExactly(0x1001, 0x1002, 0x1003);
        // query 0x1004 was sent as 2 + 7 + rest bytes in three segments: reported at the last
        DnsPacket split = packets.stream().filter(p -> id(p) == 0x1004 && !isResponse(p)).findFirst().orElseThrow();
        assertThat(split.frame()).isEqualTo(16);
        // the 6 KB answer came in two segments (MSS 536 asked, lo offloads): reported with the second one
        DnsPacket big = packets.stream().filter(p -> id(p) == 0x1004 && isResponse(p)).findFirst().orElseThrow();
        assertThat(big.frame()).isEqualTo(19);
        assertThat(big.length()).isGreaterThan(5000);
    }

    @Test
    void nonDnsTrafficIsSkippedAndTheNonStandardPortIsRecognisedByContent() throws IOException {
        CaptureReadResult r = CaptureFiles.readAll(TsharkExpectation.resource("made/nonstandard-port.pcap"));

        assertThat(r.packets()).extracting(p -> p.dst().port() == 5300 || p.src().port() == 5300 ? "alt"
                : Integer.toString(p.dst().port())).containsExactly("alt", "alt", "alt", "alt", "5353");
        // HTTP on 8080, text on UDP 9999, a bad "DNS" header on 5301, ICMP errors and TCP control segments
        assertThat(r.framesSkipped()).isEqualTo(r.framesRead() - 5);
    }

    @Test
    void fragmentedAnswersAreReassembledAndReportedAtTheFragmentThatCompletesThem() throws IOException {
        List<DnsPacket> packets = read("fragments.pcap");

        assertThat(packets).extracting(DnsPacket::frame).containsExactly(1L, 5L, 9L, 14L);
        assertThat(packets.get(1).message()).isEqualTo(packets.get(2).message()).isEqualTo(packets.get(3).message());
        assertThat(packets.get(3).src().isIpv6()).isTrue();
    }

    @Test
    void multiInterfaceFileMixesLinkTypesAndTimeResolutions() throws IOException {
        List<DnsPacket> merged = read("multi-interface.pcapng");
        List<DnsPacket> nanosecondPart = read("eth-udp-nsec.pcap");
        List<DnsPacket> cookedPart = read("sll2-any.pcap");

        assertThat(merged).hasSize(nanosecondPart.size() + cookedPart.size());
        assertThat(merged.stream().map(DnsPacket::message).map(java.util.HexFormat.of()::formatHex))
                .containsExactlyInAnyOrderElementsOf(Stream.concat(nanosecondPart.stream(), cookedPart.stream())
                        .map(DnsPacket::message).map(java.util.HexFormat.of()::formatHex).toList());
    }

    private static List<DnsPacket> read(String name) throws IOException {
        CaptureReadResult r = CaptureFiles.readAll(TsharkExpectation.resource("made/" + name));
        assertThat(r.fault()).isNull();
        return r.packets();
    }

    private static int id(DnsPacket p) {
        return Bytes.u16be(p.unsafeBytes(), 0);
    }

    private static boolean isResponse(DnsPacket p) {
        return (p.unsafeBytes()[2] & 0x80) != 0;
    }
}
