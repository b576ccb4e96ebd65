package org.resolvefx.core.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resolvefx.core.net.Transport;

/** Raw DNS message files and hex text in the layouts tools print, recognised by content. */
class MessageFilesTest {

    private static byte[] resource(String name) throws IOException {
        return Files.readAllBytes(TsharkExpectation.resource("text/" + name));
    }

    @Test
    void rawMessageFile() throws IOException {
        CaptureReadResult r = CaptureFiles.readAll(TsharkExpectation.resource("text/answer.bin"));
        assertThat(r.format()).isEqualTo(CaptureFormat.RAW_MESSAGE);
        assertThat(r.fault()).isNull();
        assertThat(r.packets()).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo(resource("answer.bin"));
            assertThat(p.frame()).isEqualTo(1);
            assertThat(p.time()).isEqualTo(Instant.EPOCH);
            assertThat(p.src()).isEqualTo(CaptureFiles.UNKNOWN_ADDRESS);
            assertThat(p.dst().toString()).isEqualTo("0.0.0.0:0");
            assertThat(p.transport()).isEqualTo(Transport.UDP);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"answer.xxd.txt", "answer.hexdump.txt", "answer.tshark-x.txt"})
    void dumpsWithOffsetAndAsciiColumns(String name) throws IOException {
        CaptureReadResult r = CaptureFiles.readAll(TsharkExpectation.resource("text/" + name));
        assertThat(r.format()).isEqualTo(CaptureFormat.HEX_TEXT);
        assertThat(r.fault()).isNull();
        assertThat(r.packets()).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo(resource("answer.bin")));
    }

    @Test
    void severalPastedMessagesWithComments() throws IOException {
        CaptureReadResult r = CaptureFiles.readAll(TsharkExpectation.resource("text/three-messages.txt"));
        assertThat(r.fault()).isNull();
        assertThat(r.packets()).extracting(DnsPacket::message)
                .containsExactly(resource("query.bin"), resource("answer.bin"), resource("nxdomain.bin"));
        assertThat(r.packets()).extracting(DnsPacket::frame).containsExactly(1L, 2L, 3L);
        assertThat(r.framesRead()).isEqualTo(3);
    }

    private static List<byte[]> hex(String text) {
        return Reading.packets(text.getBytes(StandardCharsets.UTF_8)).stream().map(DnsPacket::message).toList();
    }

    @Test
    void separatorsPrefixesAndCase() {
        byte[] expected = {(byte) 0xD4, (byte) 0xB1, 0x01, 0x20, 0, 1, 0, 0, 0, 0, 0, 0};
        for (String text : List.of("d4b1012000010000 00000000", "D4 B1 01 20 00 01 00 00 00 00 00 00",
                "0xd4,0xb1,0x01,0x20,0x00,0x01,0x00,0x00,0x00,0x00,0x00,0x00", "d4:b1:01:20:00:01:00:00:00:00:00:00",
                "\\xd4\\xb1\\x01\\x20\\x00\\x01\\x00\\x00\\x00\\x00\\x00\\x00", "\uFEFFd4b1 0120\r\n0001 0000\r\n0000 0000\r\n",
                "# comment first\n\n\nd4b1 0120 # trailing comment\n# comment inside\n0001 0000 0000 0000\n\n\n")) {
            assertThat(hex(text)).as(text).singleElement().isEqualTo(expected);
        }
    }

    @Test
    void lastDumpLineWhoseAsciiColumnLooksLikeHex() {
        // bytes 61 62 63 print as "abc", which is also valid hex: recognised by its width
        String dump = "0000  00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f   ................\n"
                + "0010  61 62 63                                          abc\n";
        assertThat(hex(dump)).singleElement().satisfies(m -> {
            assertThat(m).hasSize(19);
            assertThat(m[18]).isEqualTo((byte) 0x63);
        });
    }

    @Test
    void offsetsThatDoNotAddUpAreReported() {
        Reading.Outcome o = Reading.read(("00000000: 0001 0203 0405 0607 0809 0a0b 0c0d 0e0f  ................\n"
                + "00000020: 1011                                     ..\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(o.fault().problem()).isEqualTo("line 1: the line holds 16 bytes but the next offset says 32");
    }

    @Test
    void xxdDumpStartingAtAnOffset() {
        String dump = "0000000c: 0001 0203 0405 0607 0809 0a0b 0c0d 0e0f  ................\n"
                + "0000001c: 1011                                     ..\n";
        assertThat(hex(dump)).singleElement().satisfies(m -> assertThat(m).hasSize(18));
    }

    @Test
    void tooLongForADnsMessage() {
        String line = "00 ".repeat(40_000) + "\n";
        Reading.Outcome o = Reading.read((line + line).getBytes(StandardCharsets.US_ASCII));
        assertThat(o.fault().problem()).contains("longer than a DNS message can be");
    }

    @Test
    void detectionIsByContentNotByName(@TempDir Path dir) throws IOException {
        Path pcapNamedTxt = dir.resolve("looks-like-text.txt");
        Files.copy(TsharkExpectation.resource("shared/b-trace.pcap"), pcapNamedTxt);
        Path hexNamedPcap = dir.resolve("message.pcap");
        Files.writeString(hexNamedPcap, "d4b1 0120 0001 0000 0000 0000\n");
        Path rawNamedPcapng = dir.resolve("message.pcapng");
        Files.write(rawNamedPcapng, resource("nxdomain.bin"));

        assertThat(CaptureFiles.readAll(pcapNamedTxt).format()).isEqualTo(CaptureFormat.PCAP);
        assertThat(CaptureFiles.readAll(hexNamedPcap).format()).isEqualTo(CaptureFormat.HEX_TEXT);
        assertThat(CaptureFiles.readAll(rawNamedPcapng).format()).isEqualTo(CaptureFormat.RAW_MESSAGE);
    }

    @Test
    void binaryThatCannotBeADnsMessageIsNotTakenForOne() {
        // header claims 300 questions in 20 bytes
        byte[] b = {0, 1, 0, 0, 1, 44, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8};
        assertThat(Reading.read(b).fault().problem()).startsWith("not a pcap, pcapng, DNS message or hex file");
        assertThat(Reading.read(java.util.Arrays.copyOf(b, 11)).fault().problem()).startsWith("not a pcap");
    }

    @Test
    void malformedButPlausiblyDnsRawMessageIsDelivered() {
        // one question announced, its name runs off the end: the dissector will show the fault
        byte[] b = {0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 7, 'e', 'x', 'a', 'm'};
        assertThat(Reading.packets(b)).singleElement().satisfies(p -> assertThat(p.message()).isEqualTo(b));
    }
}
