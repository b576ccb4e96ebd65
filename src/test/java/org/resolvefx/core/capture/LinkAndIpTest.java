package org.resolvefx.core.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resolvefx.core.capture.TestFrames.CLIENT;
import static org.resolvefx.core.capture.TestFrames.CLIENT6;
import static org.resolvefx.core.capture.TestFrames.SERVER;
import static org.resolvefx.core.capture.TestFrames.SERVER6;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Link layers, IP versions, options, extension headers and fragments, from crafted frames. */
class LinkAndIpTest {
    private static final byte[] Q = TestFrames.query(0x1234);

    private static byte[] ipUdp(byte[] src, byte[] dst, int srcPort, int dstPort, byte[] payload) {
        byte[] u = TestFrames.udp(srcPort, dstPort, payload);
        return src.length == 4 ? TestFrames.ipv4(src, dst, 17, u) : TestFrames.ipv6(src, dst, 17, u);
    }

    private static byte[] family(long value, ByteOrder order, byte[] ip) {
        return ByteBuffer.allocate(4 + ip.length).order(order).putInt((int) value).put(ip).array();
    }

    private static List<DnsPacket> read(int linkType, byte[]... frames) {
        return Reading.packets(PcapWriter.file(linkType, frames));
    }

    @ParameterizedTest(name = "link type {0}, family {1}, {2}")
    @CsvSource({
        "0, 2, LITTLE_ENDIAN, 4", "0, 2, BIG_ENDIAN, 4", "108, 2, BIG_ENDIAN, 4", "108, 2, LITTLE_ENDIAN, 4",
        "0, 24, LITTLE_ENDIAN, 6", "0, 28, BIG_ENDIAN, 6", "0, 30, LITTLE_ENDIAN, 6", "108, 24, BIG_ENDIAN, 6"})
    void bsdLoopbackFamiliesInEitherByteOrder(int linkType, long fam, String order, int version) {
        ByteOrder o = order.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        byte[] ip = version == 4 ? ipUdp(CLIENT, SERVER, 3333, 53, Q) : ipUdp(CLIENT6, SERVER6, 3333, 53, Q);

        assertThat(read(linkType, family(fam, o, ip))).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo(Q))
                .satisfies(p -> assertThat(p.src().isIpv6()).isEqualTo(version == 6));
    }

    @Test
    void unknownLoopbackFamilyIsSkipped() {
        Reading.Outcome o = Reading.read(PcapWriter.file(0, family(17, ByteOrder.LITTLE_ENDIAN,
                ipUdp(CLIENT, SERVER, 3333, 53, Q))));
        assertThat(o.packets()).isEmpty();
        assertThat(o.framesSkipped()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {12, 14, 101})
    void rawIpLinkTypesTakeTheVersionFromThePacket(int linkType) {
        assertThat(read(linkType, ipUdp(CLIENT, SERVER, 3333, 53, Q), ipUdp(CLIENT6, SERVER6, 3333, 53, Q)))
                .hasSize(2);
    }

    @Test
    void ipv4AndIpv6LinkTypesSkipPacketsOfTheOtherVersion() {
        byte[] v4 = ipUdp(CLIENT, SERVER, 3333, 53, Q);
        byte[] v6 = ipUdp(CLIENT6, SERVER6, 3333, 53, Q);
        assertThat(read(LinkLayer.IPV4, v4, v6)).extracting(p -> p.src().isIpv6()).containsExactly(false);
        assertThat(read(LinkLayer.IPV6, v4, v6)).extracting(p -> p.src().isIpv6()).containsExactly(true);
    }

    @Test
    void stackedVlanTagsInEthernetAndCookedCaptures() {
        byte[] ip = ipUdp(CLIENT, SERVER, 3333, 53, Q);
        byte[] eth = ByteBuffer.allocate(12 + 12 + 2 + ip.length).put(new byte[12])
                .putShort((short) 0x88A8).putShort((short) 10).putShort((short) 0x8100).putShort((short) 20)
                .putShort((short) 0x9100).putShort((short) 30).putShort((short) 0x0800).put(ip).array();
        byte[] sll = ByteBuffer.allocate(16 + 4 + ip.length).putShort((short) 0).putShort((short) 772)
                .putShort((short) 6).put(new byte[8]).putShort((short) 0x8100).putShort((short) 5)
                .putShort((short) 0x0800).put(ip).array();
        byte[] sll2 = ByteBuffer.allocate(20 + ip.length).putShort((short) 0x0800).putShort((short) 0).putInt(1)
                .putShort((short) 772).put((byte) 0).put((byte) 6).put(new byte[8]).put(ip).array();

        assertThat(read(LinkLayer.ETHERNET, eth)).hasSize(1);
        assertThat(read(LinkLayer.LINUX_SLL, sll)).hasSize(1);
        assertThat(read(LinkLayer.LINUX_SLL2, sll2)).hasSize(1);
    }

    @Test
    void ieee8023WithSnapHeader() {
        byte[] ip = ipUdp(CLIENT, SERVER, 3333, 53, Q);
        byte[] frame = ByteBuffer.allocate(14 + 8 + ip.length).put(new byte[12]).putShort((short) (8 + ip.length))
                .put(new byte[] {(byte) 0xAA, (byte) 0xAA, 3, 0, 0, 0, 8, 0}).put(ip).array();
        assertThat(read(LinkLayer.ETHERNET, frame)).hasSize(1);
    }

    @Test
    void otherEtherTypesAndShortFramesAreSkipped() {
        byte[] arp = TestFrames.ethernet(0x0806, new byte[28]);
        Reading.Outcome o = Reading.read(PcapWriter.file(LinkLayer.ETHERNET, arp, new byte[5], new byte[0],
                TestFrames.ethernet(0x0800, new byte[0]), TestFrames.ethernet(0x86DD, new byte[10])));
        assertThat(o.packets()).isEmpty();
        assertThat(o.framesRead()).isEqualTo(5);
        assertThat(o.framesSkipped()).isEqualTo(5);
    }

    @Test
    void ipv4OptionsAndEthernetPaddingAreHandled() {
        byte[] u = TestFrames.udp(3333, 53, Q);
        byte[] ip = TestFrames.ipv4(CLIENT, SERVER, 17, u, new byte[] {(byte) 0x94, 4, 0, 0, 1, 1, 1, 0}, 1, false, 0);
        byte[] padded = java.util.Arrays.copyOf(TestFrames.ethernetIp(ip), 14 + ip.length + 18);
        assertThat(read(LinkLayer.ETHERNET, padded)).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo(Q));
    }

    @Test
    void packetsCutShortBySnapLengthOrWithBadHeadersAreSkipped() {
        byte[] full = TestFrames.udpFrame(CLIENT, 3333, SERVER, 53, Q);
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 3);
        byte[] badIhl = full.clone();
        badIhl[14] = 0x43;
        byte[] badUdpLength = full.clone();
        badUdpLength[14 + 20 + 4] = 0x7F;
        byte[] shortUdpLength = full.clone();
        shortUdpLength[14 + 20 + 4] = 0;
        shortUdpLength[14 + 20 + 5] = 4;
        byte[] emptyDns = TestFrames.udpFrame(CLIENT, 3333, SERVER, 53, new byte[0]);
        byte[] icmp = TestFrames.ethernetIp(TestFrames.ipv4(CLIENT, SERVER, 1, new byte[40]));

        Reading.Outcome o = Reading.read(PcapWriter.file(LinkLayer.ETHERNET, cut, badIhl, badUdpLength,
                shortUdpLength, emptyDns, icmp, full));
        assertThat(o.packets()).extracting(DnsPacket::frame).containsExactly(7L);
        assertThat(o.framesSkipped()).isEqualTo(6);
    }

    @Test
    void udpOnAnotherPortIsDnsOnlyWhenThePayloadIsShapedLikeDns() {
        byte[] header = {0x42, 0x42, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0}; // claims a question but has none
        byte[] text = "hello, not dns".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] trailing = java.util.Arrays.copyOf(Q, Q.length + 1);
        byte[] response = TestFrames.bigResponse(5, 2);
        List<DnsPacket> packets = read(LinkLayer.ETHERNET,
                TestFrames.udpFrame(CLIENT, 3333, SERVER, 9999, text),
                TestFrames.udpFrame(CLIENT, 3333, SERVER, 9999, header),
                TestFrames.udpFrame(CLIENT, 3333, SERVER, 9999, trailing),
                TestFrames.udpFrame(CLIENT, 3333, SERVER, 5300, Q),
                TestFrames.udpFrame(SERVER, 5300, CLIENT, 3333, response),
                TestFrames.udpFrame(CLIENT, 5353, SERVER, 5353, header),
                TestFrames.udpFrame(CLIENT, 3333, SERVER, 53, text));

        assertThat(packets).extracting(DnsPacket::frame).containsExactly(4L, 5L, 6L, 7L);
    }

    @Test
    void ipv4FragmentsInAnyOrderWithOverlapAreReassembled() {
        byte[] response = TestFrames.bigResponse(3, 10);
        byte[] u = TestFrames.udp(53, 4444, response);
        List<byte[]> pieces = new ArrayList<>();
        for (int off = 0; off < u.length; off += 800) {
            boolean more = off + 800 < u.length;
            pieces.add(TestFrames.ethernetIp(TestFrames.ipv4(SERVER, CLIENT, 17,
                    TestFrames.slice(u, off, Math.min(u.length, off + 800)), new byte[0], 77, more, off)));
        }
        // an overlapping duplicate of the second fragment's first half arrives too, in a 3-2-dup-1 order
        byte[] dup = TestFrames.ethernetIp(TestFrames.ipv4(SERVER, CLIENT, 17, TestFrames.slice(u, 800, 1200),
                new byte[0], 77, true, 800));
        List<DnsPacket> packets = read(LinkLayer.ETHERNET, pieces.get(2), pieces.get(1), dup, pieces.get(0));

        assertThat(packets).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo(response);
            assertThat(p.frame()).isEqualTo(4);
            assertThat(p.src().port()).isEqualTo(53);
        });
    }

    @Test
    void ipv6FragmentsAndExtensionHeaders() {
        byte[] response = TestFrames.bigResponse(3, 8);
        byte[] u = TestFrames.udp(53, 4444, response);
        List<byte[]> frames = new ArrayList<>();
        for (int off = 0; off < u.length; off += 1024) {
            int more = off + 1024 < u.length ? 1 : 0;
            byte[] chunk = TestFrames.slice(u, off, Math.min(u.length, off + 1024));
            // hop-by-hop options, then the fragment header
            byte[] ext = ByteBuffer.allocate(8 + 8 + chunk.length).put((byte) 44).put((byte) 0)
                    .put(new byte[] {1, 4, 0, 0, 0, 0}).put((byte) 17).put((byte) 0).putShort((short) (off | more))
                    .putInt(0xABCDEF).put(chunk).array();
            frames.add(TestFrames.ethernetIp(TestFrames.ipv6(SERVER6, CLIENT6, 0, ext)));
        }
        java.util.Collections.reverse(frames);
        byte[] ah = ByteBuffer.allocate(16 + 8 + Q.length).put((byte) 17).put((byte) 2).put(new byte[14])
                .put(TestFrames.udp(3333, 53, Q)).array();
        frames.add(TestFrames.ethernetIp(TestFrames.ipv6(CLIENT6, SERVER6, 51, ah)));
        byte[] noNext = TestFrames.ethernetIp(TestFrames.ipv6(CLIENT6, SERVER6, 59, new byte[8]));
        frames.add(noNext);

        Reading.Outcome o = Reading.read(PcapWriter.file(LinkLayer.ETHERNET, frames.toArray(new byte[0][])));
        assertThat(o.packets()).extracting(DnsPacket::message).containsExactly(response, Q);
        assertThat(o.packets().get(0).src().host()).isEqualTo("2001:db8::35");
        assertThat(o.framesSkipped()).isEqualTo(1);
    }

    @Test
    void incompleteFragmentsAreHeldWithinBounds() {
        List<byte[]> frames = new ArrayList<>();
        for (int id = 0; id < IpDefragmenter.MAX_DATAGRAMS + 50; id++) {
            frames.add(TestFrames.ethernetIp(TestFrames.ipv4(SERVER, CLIENT, 17, new byte[1024], new byte[0], id,
                    true, 0)));
        }
        PacketDecoder decoder = new PacketDecoder();
        java.util.ArrayDeque<DnsPacket> out = new java.util.ArrayDeque<>();
        long n = 0;
        for (byte[] f : frames) {
            decoder.decode(new Frame(++n, 0, java.time.Instant.EPOCH, LinkLayer.ETHERNET, f), out);
        }
        assertThat(out).isEmpty();
        assertThat(decoder.fragments().pendingCount()).isEqualTo(IpDefragmenter.MAX_DATAGRAMS);
    }

    @Test
    void ipv4MappedAddressesStayIpv6AsWiresharkShowsThem() {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        mapped[12] = 127;
        mapped[15] = 1;
        assertThat(read(LinkLayer.RAW, ipUdp(mapped, CLIENT6, 53, 3333, Q))).singleElement()
                .satisfies(p -> assertThat(p.src().toString()).isEqualTo("[::ffff:7f00:1]:53"));
    }

    @Test
    void linkTypeFieldWithFcsBitsIsStillEthernet() {
        byte[] file = PcapWriter.file(LinkLayer.ETHERNET, TestFrames.udpFrame(CLIENT, 3333, SERVER, 53, Q));
        file[23] = 0x14; // FCS length 1 (bits 28-31) and the F bit (26): the link type stays 1
        assertThat(Reading.packets(file)).hasSize(1);
    }
}
