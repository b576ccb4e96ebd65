package org.resolvefx.core.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.resolvefx.core.capture.TestFrames.CLIENT;
import static org.resolvefx.core.capture.TestFrames.SERVER;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Truncated and corrupt files: what precedes the fault is delivered, then one clear CaptureException. */
class CorruptFilesTest {
    private static final byte[] Q1 = TestFrames.udpFrame(CLIENT, 3333, SERVER, 53, TestFrames.query(1));
    private static final byte[] Q2 = TestFrames.udpFrame(CLIENT, 3333, SERVER, 53, TestFrames.query(2));

    /** Offsets where a pcap record or pcapng block ends, and how many packets end there. */
    private record Boundaries(List<Long> ends, List<Integer> packetsBefore) {
    }

    private static Boundaries pcapBoundaries(byte[] b) {
        List<Long> ends = new ArrayList<>(List.of(24L));
        List<Integer> packets = new ArrayList<>(List.of(0));
        int p = 24;
        while (p < b.length) {
            p += 16 + (int) Bytes.u32(b, p + 8, false);
            ends.add((long) p);
            packets.add(packets.get(packets.size() - 1) + 1);
        }
        return new Boundaries(ends, packets);
    }

    private static Boundaries pcapngBoundaries(byte[] b) {
        List<Long> ends = new ArrayList<>();
        List<Integer> packets = new ArrayList<>();
        int p = 0;
        int count = 0;
        while (p < b.length) {
            int type = (int) Bytes.u32(b, p, false);
            p += (int) Bytes.u32(b, p + 4, false);
            if (type == 6 || type == 3 || type == 2) {
                count++;
            }
            ends.add((long) p);
            packets.add(count);
        }
        return new Boundaries(ends, packets);
    }

    @ParameterizedTest
    @ValueSource(strings = {"shared/b-trace.pcap", "shared/c-tc-tcp-fallback.pcap", "shared/b-trace.pcapng",
        "made/eth-tcp-pipelined.pcap", "made/multi-interface.pcapng", "made/eth-udp-modified.pcap"})
    void cutAtEveryOffsetDeliversWhatPrecedesTheCutThenFailsThere(String name) throws IOException {
        byte[] whole = Files.readAllBytes(TsharkExpectation.resource(name));
        boolean ng = name.endsWith(".pcapng");
        boolean modified = name.contains("modified");
        Boundaries bounds = ng ? pcapngBoundaries(whole) : modified ? modifiedBoundaries(whole) : pcapBoundaries(whole);
        List<DnsPacket> all = Reading.packets(whole);

        for (int cut = 0; cut < whole.length; cut++) {
            Reading.Outcome o = Reading.read(Arrays.copyOf(whole, cut), "cut.pcap");
            int i = Collections2.lastIndexAtOrBelow(bounds.ends(), cut);
            int completeFrames = i < 0 ? 0 : bounds.packetsBefore().get(i);
            boolean atBoundary = i >= 0 && bounds.ends().get(i) == cut;
            List<DnsPacket> expected = all.stream().filter(p -> p.frame() <= completeFrames).toList();

            assertThat(o.packets()).as("cut at %d", cut).isEqualTo(expected);
            if (atBoundary) {
                assertThat(o.fault()).as("cut at %d", cut).isNull();
            } else {
                assertThat(o.fault()).as("cut at %d", cut).isNotNull();
                long start = i < 0 ? 0 : bounds.ends().get(i);
                assertThat(o.fault().byteOffset()).as("cut at %d: %s", cut, o.fault().getMessage())
                        .isEqualTo(cut < 4 ? 0 : start);
                assertThat(o.fault().getMessage()).startsWith("cut.pcap: ").contains("byte offset");
                assertThat(o.fault().getCause()).isNull();
            }
        }
    }

    private static Boundaries modifiedBoundaries(byte[] b) {
        List<Long> ends = new ArrayList<>(List.of(24L));
        List<Integer> packets = new ArrayList<>(List.of(0));
        int p = 24;
        while (p < b.length) {
            p += 24 + (int) Bytes.u32(b, p + 8, false);
            ends.add((long) p);
            packets.add(packets.get(packets.size() - 1) + 1);
        }
        return new Boundaries(ends, packets);
    }

    /** Tiny helper kept here: the last list index whose value is at most {@code value}. */
    private static final class Collections2 {
        static int lastIndexAtOrBelow(List<Long> sorted, long value) {
            int found = -1;
            for (int i = 0; i < sorted.size() && sorted.get(i) <= value; i++) {
                found = i;
            }
            return found;
        }
    }

    @Test
    void unknownContentNamesTheFirstBytes() {
        Reading.Outcome o = Reading.read("{\"type\":\"not a capture\"}".getBytes(), "trace.json");
        assertThat(o.fault().getMessage()).isEqualTo("trace.json: byte offset 0: not a pcap, pcapng, DNS message or"
                + " hex file: starts with bytes 7b 22 74 79 70 65 22 3a ...");
        assertThat(Reading.read(new byte[0], "empty.pcap").fault().getMessage()).contains("empty");
        assertThat(Reading.read(new byte[70_000], "zeros.bin").fault().problem()).startsWith("not a pcap");
    }

    @Test
    void unsupportedPcapVersionAndLinkType() {
        byte[] v3 = PcapWriter.file(LinkLayer.ETHERNET, Q1);
        v3[4] = 3;
        assertThat(Reading.read(v3).fault().problem()).contains("pcap version 3.4");

        byte[] usb = PcapWriter.file(189, Q1);
        CaptureException e = Reading.read(usb).fault();
        assertThat(e.byteOffset()).isEqualTo(20);
        assertThat(e.frame()).isZero();
        assertThat(e.problem()).contains("link type 189 is not supported").contains("1 ETHERNET");
    }

    @Test
    void absurdCapturedLengthStopsAfterTheGoodRecords() {
        byte[] file = PcapWriter.file(LinkLayer.ETHERNET, Q1, Q2, Q1);
        int third = 24 + 16 + Q1.length + 16 + Q2.length;
        file[third + 8 + 3] = 0x10; // 268 MB captured length
        Reading.Outcome o = Reading.read(file, "big.pcap");
        assertThat(o.packets()).hasSize(2);
        assertThat(o.fault().frame()).isEqualTo(3);
        assertThat(o.fault().byteOffset()).isEqualTo(third + 8);
        assertThat(o.fault().getMessage()).startsWith("big.pcap: frame 3, byte offset " + (third + 8) + ": ")
                .contains("more than the maximum of 262144");
    }

    @Test
    void snapLengthInTheHeaderIsNotTrusted() {
        byte[] file = PcapWriter.file(LinkLayer.ETHERNET, Q1);
        Arrays.fill(file, 16, 20, (byte) 0xFF); // 4 GB snap length: accepted, as libpcap does
        assertThat(Reading.packets(file)).hasSize(1);
        Arrays.fill(file, 16, 20, (byte) 0);
        assertThat(Reading.packets(file)).hasSize(1);
    }

    private static PcapngWriter ng() {
        return new PcapngWriter().section(ByteOrder.LITTLE_ENDIAN).interfaceBlock(LinkLayer.ETHERNET, 0, null, null)
                .enhanced(0, 1, Q1);
    }

    @Test
    void pcapngBlockLengthsThatCannotBe() {
        int second = ng().bytes().length;
        byte[] notMultipleOf4 = ng().enhanced(0, 2, Q2).bytes();
        notMultipleOf4[second + 4] += 1;
        assertThat(Reading.read(notMultipleOf4).fault().problem()).contains("multiple of 4");

        byte[] tooSmall = ng().enhanced(0, 2, Q2).bytes();
        tooSmall[second + 4] = 8;
        tooSmall[second + 5] = 0;
        CaptureException e = Reading.read(tooSmall).fault();
        assertThat(e.byteOffset()).isEqualTo(second + 4);
        assertThat(e.frame()).isEqualTo(2);

        byte[] huge = ng().enhanced(0, 2, Q2).bytes();
        huge[second + 7] = 0x7F;
        assertThat(Reading.read(huge).fault().problem()).contains("larger than any packet block");

        byte[] hugeUnknown = ng().block(0x4242, new byte[8]).bytes();
        hugeUnknown[second + 7] = 0x7F;
        assertThat(Reading.read(hugeUnknown).fault().problem()).contains("runs past the end of the file");

        byte[] trailer = ng().enhanced(0, 2, Q2).bytes();
        trailer[trailer.length - 4] += 4;
        Reading.Outcome o = Reading.read(trailer);
        assertThat(o.packets()).hasSize(1);
        assertThat(o.fault().problem()).contains("differs from the one at the start");
        assertThat(o.fault().byteOffset()).isEqualTo(trailer.length - 4);
    }

    @Test
    void pcapngHeaderFaults() {
        byte[] badOrder = ng().bytes();
        badOrder[8] = 0x11;
        assertThat(Reading.read(badOrder).fault().problem()).contains("byte-order magic 11 3c 2b 1a");

        byte[] version = ng().bytes();
        version[12] = 2;
        assertThat(Reading.read(version).fault().problem()).contains("pcapng section version 2.0");

        byte[] capturedTooLong = ng().bytes();
        int epb = capturedTooLong.length - (32 + ((Q1.length + 3) & ~3));
        capturedTooLong[epb + 20] = (byte) 0xF0;
        assertThat(Reading.read(capturedTooLong).fault().problem()).contains("has room for");

        byte[] optionOverrun = new PcapngWriter().section(ByteOrder.LITTLE_ENDIAN)
                .interfaceBlock(LinkLayer.ETHERNET, 0, 6, null).bytes();
        optionOverrun[28 + 16 + 2] = 100; // if_tsresol claims 100 bytes
        assertThat(Reading.read(optionOverrun).fault().problem()).contains("runs past the end of its block");

        byte[] farFuture = new PcapngWriter().section(ByteOrder.LITTLE_ENDIAN)
                .interfaceBlock(LinkLayer.ETHERNET, 0, 0, null).enhanced(0, Long.MAX_VALUE, Q1).bytes();
        assertThat(Reading.read(farFuture).fault().problem()).contains("out of the range of dates");
    }

    @Test
    void theFaultIsThrownAgainOnTheNextCall() throws IOException {
        byte[] file = Arrays.copyOf(PcapWriter.file(LinkLayer.ETHERNET, Q1, Q2), 24 + 16 + Q1.length + 10);
        try (MessageSource s = CaptureFiles.open(new ByteArrayInputStream(file), "t.pcap", file.length)) {
            assertThat(s.next()).isNotNull();
            CaptureException first = null;
            try {
                s.next();
            } catch (CaptureException e) {
                first = e;
            }
            assertThat(first).isNotNull();
            CaptureException again = first;
            assertThatThrownBy(s::next).isSameAs(again);
            assertThat(first.getMessage()).isEqualTo("t.pcap: frame 2, byte offset " + (24 + 16 + Q1.length)
                    + ": file ends 10 bytes into the 16-byte packet record header (truncated file)");
        }
    }

    @Test
    void hexTextFaultsNameTheLine() {
        Reading.Outcome o = Reading.read("# two messages\nd4b1 0120 0001 0000 0000 0000\n\nd4 b1 zz\n".getBytes(),
                "q.txt");
        assertThat(o.packets()).hasSize(1);
        assertThat(o.fault().getMessage()).isEqualTo("q.txt: frame 2, byte offset 46: line 4: 'zz' is not hex");
        assertThat(Reading.read("abc def\n".getBytes()).fault().problem())
                .isEqualTo("line 1: 'abc' has an odd number of hex digits");
    }
}
