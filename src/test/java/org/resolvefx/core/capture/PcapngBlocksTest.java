package org.resolvefx.core.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resolvefx.core.capture.TestFrames.CLIENT;
import static org.resolvefx.core.capture.TestFrames.SERVER;

import java.nio.ByteOrder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** pcapng block kinds, sections and timestamp resolutions, from crafted files. */
class PcapngBlocksTest {
    private static final byte[] Q1 = TestFrames.udpFrame(CLIENT, 3333, SERVER, 53, TestFrames.query(1));
    private static final byte[] Q2 = TestFrames.udpFrame(CLIENT, 3333, SERVER, 53, TestFrames.query(2));
    private static final byte[] Q3 = TestFrames.udpFrame(CLIENT, 3333, SERVER, 53, TestFrames.query(3));

    @Test
    void simpleAndObsoletePacketBlocksAndUnknownBlocksBetween() {
        byte[] file = new PcapngWriter().section(ByteOrder.LITTLE_ENDIAN)
                .interfaceBlock(LinkLayer.ETHERNET, 0, null, null)
                .block(0x0BAD, new byte[37])                  // unknown block type: skipped by its length
                .simple(Q1, Q1.length)
                .block(5, new byte[20])                       // interface statistics: skipped
                .obsolete(0, 1_700_000_000_123456L, Q2)
                .block(4, new byte[] {0, 0, 0, 0})            // name resolution: skipped
                .enhanced(0, 1_700_000_001_000001L, Q3)
                .bytes();

        Reading.Outcome o = Reading.read(file);
        assertThat(o.fault()).isNull();
        assertThat(o.format()).isEqualTo(CaptureFormat.PCAPNG);
        assertThat(o.packets()).extracting(p -> Bytes.u16be(p.unsafeBytes(), 0)).containsExactly(1, 2, 3);
        assertThat(o.packets()).extracting(DnsPacket::frame).containsExactly(1L, 2L, 3L);
        assertThat(o.packets()).extracting(DnsPacket::time).containsExactly(Instant.EPOCH,
                Instant.parse("2023-11-14T22:13:20.123456Z"), Instant.parse("2023-11-14T22:13:21.000001Z"));
    }

    @Test
    void simplePacketBlockIsCutToTheSnapLength() {
        byte[] file = new PcapngWriter().section(ByteOrder.LITTLE_ENDIAN)
                .interfaceBlock(LinkLayer.ETHERNET, 40, null, null).simple(Q1, Q1.length).bytes();
        Reading.Outcome o = Reading.read(file);
        assertThat(o.packets()).isEmpty(); // 40 bytes hold no whole UDP datagram
        assertThat(o.framesSkipped()).isEqualTo(1);
    }

    @Test
    void interfacesWithDifferentResolutionsOffsetsAndLinkTypes() {
        byte[] rawQ = TestFrames.ipv4(CLIENT, SERVER, 17, TestFrames.udp(3333, 53, TestFrames.query(4)));
        byte[] file = new PcapngWriter().section(ByteOrder.LITTLE_ENDIAN)
                .interfaceBlock(LinkLayer.ETHERNET, 0, 9, null)             // nanoseconds
                .interfaceBlock(LinkLayer.RAW, 0, 0x80 | 20, 1000L)         // 2^-20 s, 1000 s offset
                .interfaceBlock(LinkLayer.ETHERNET, 0, 3, null)             // milliseconds
                .interfaceBlock(147, 0, null, null)                         // USER0: not supported
                .enhanced(0, 1_700_000_000_123456789L, Q1)
                .enhanced(1, (5L << 20) | (1L << 19), rawQ)                  // 5.5 s + 1000 s
                .enhanced(2, 1_700_000_000_999L, Q3)
                .enhanced(3, 0, Q2)
                .bytes();

        Reading.Outcome o = Reading.read(file);
        assertThat(o.fault()).isNull();
        assertThat(o.packets()).extracting(DnsPacket::epochSecondsText)
                .containsExactly("1700000000.123456789", "1005.500000000", "1700000000.999000000");
        assertThat(o.framesRead()).isEqualTo(4);
        assertThat(o.framesSkipped()).isEqualTo(1);
    }

    @Test
    void resolutionsFinerThanNanosecondsAreTruncated() {
        byte[] file = new PcapngWriter().section(ByteOrder.LITTLE_ENDIAN)
                .interfaceBlock(LinkLayer.ETHERNET, 0, 12, null)
                .interfaceBlock(LinkLayer.ETHERNET, 0, 0x80 | 40, null)
                .enhanced(0, 1_234_567_891_234L, Q1)       // picoseconds: 1.234567891234 s
                .enhanced(1, (3L << 40) | (1L << 39), Q2)  // 2^-40 s units: 3.5 s
                .bytes();
        assertThat(Reading.packets(file)).extracting(DnsPacket::epochSecondsText)
                .containsExactly("1.234567891", "3.500000000");
    }

    @Test
    void sectionsInDifferentByteOrdersEachWithTheirOwnInterfaces() {
        byte[] rawQ = TestFrames.ipv4(CLIENT, SERVER, 17, TestFrames.udp(3333, 53, TestFrames.query(2)));
        byte[] file = new PcapngWriter()
                .section(ByteOrder.LITTLE_ENDIAN).interfaceBlock(LinkLayer.ETHERNET, 0, null, null)
                .enhanced(0, 1_000_000, Q1)
                .section(ByteOrder.BIG_ENDIAN).interfaceBlock(LinkLayer.RAW, 0, null, null)
                .enhanced(0, 2_000_000, rawQ)
                .section(ByteOrder.LITTLE_ENDIAN).interfaceBlock(LinkLayer.ETHERNET, 0, 9, null)
                .enhanced(0, 3_000_000_000L, Q3)
                .bytes();

        List<DnsPacket> packets = Reading.packets(file);
        assertThat(packets).extracting(p -> Bytes.u16be(p.unsafeBytes(), 0)).containsExactly(1, 2, 3);
        assertThat(packets).extracting(DnsPacket::frame).containsExactly(1L, 2L, 3L);
        assertThat(packets).extracting(DnsPacket::epochSecondsText)
                .containsExactly("1.000000000", "2.000000000", "3.000000000");
    }

    @Test
    void aPacketOnAnInterfaceOfAnEarlierSectionIsAnError() {
        byte[] file = new PcapngWriter()
                .section(ByteOrder.LITTLE_ENDIAN).interfaceBlock(LinkLayer.ETHERNET, 0, null, null)
                .interfaceBlock(LinkLayer.ETHERNET, 0, null, null)
                .enhanced(1, 1, Q1)
                .section(ByteOrder.LITTLE_ENDIAN).interfaceBlock(LinkLayer.ETHERNET, 0, null, null)
                .enhanced(1, 2, Q2)
                .bytes();

        Reading.Outcome o = Reading.read(file);
        assertThat(o.packets()).hasSize(1);
        assertThat(o.fault()).isNotNull();
        assertThat(o.fault().frame()).isEqualTo(2);
        assertThat(o.fault().getMessage()).contains("interface 1").contains("only 0..0");
    }

    @Test
    void bigEndianCopiesOfRealFilesReadTheSame() throws Exception {
        for (String name : List.of("shared/b-trace.pcapng", "made/multi-interface.pcapng", "made/eth-tcp.pcapng",
                "made/rawip6.pcapng")) {
            byte[] little = java.nio.file.Files.readAllBytes(TsharkExpectation.resource(name));
            byte[] big = ByteOrderSwap.pcapngToBigEndian(little);
            assertThat(big).as(name).isNotEqualTo(little);
            assertThat(Reading.packets(big)).as(name).isEqualTo(Reading.packets(little)).isNotEmpty();
        }
        for (String name : List.of("shared/a-recursive-cold.pcap", "shared/c-tc-tcp-fallback.pcap",
                "made/eth-udp-nsec.pcap", "made/sll2-any.pcap", "made/ipv6.pcap")) {
            byte[] little = java.nio.file.Files.readAllBytes(TsharkExpectation.resource(name));
            byte[] big = ByteOrderSwap.pcapToBigEndian(little);
            assertThat(big).as(name).isNotEqualTo(little);
            assertThat(Reading.packets(big)).as(name).isEqualTo(Reading.packets(little)).isNotEmpty();
        }
    }

    @Test
    void nanosecondAndMicrosecondPcapInBothByteOrders() throws Exception {
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            for (boolean nanos : List.of(false, true)) {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                new PcapWriter(out, LinkLayer.ETHERNET, nanos, order).write(1_700_000_000L, 123_456L, Q1);
                assertThat(Reading.packets(out.toByteArray())).singleElement()
                        .extracting(DnsPacket::epochSecondsText)
                        .isEqualTo(nanos ? "1700000000.000123456" : "1700000000.123456000");
            }
        }
    }
}
