package org.resolvefx.core.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

/**
 * Random damage to real files and random bytes: the reader either reads or stops with a CaptureException that
 * names a place inside the file. Never another exception, never an internal error, never a hang.
 */
class CaptureFuzzTest {
    private static final List<String> FILES = List.of("shared/a-recursive-cold.pcap", "shared/b-trace.pcapng",
            "shared/c-tc-tcp-fallback.pcap", "made/eth-tcp-pipelined.pcap", "made/multi-interface.pcapng",
            "made/fragments.pcap", "made/ipv6-extensions.pcapng", "made/sll-any.pcap", "made/null-le.pcap",
            "made/eth-udp-modified.pcap", "made/vlan.pcap", "text/answer.bin", "text/three-messages.txt",
            "text/answer.hexdump.txt", "text/answer.xxd.txt");

    private static byte[] load(String name) {
        try {
            return Files.readAllBytes(TsharkExpectation.resource(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<byte[]> damagedFiles() {
        return Arbitraries.of(FILES).map(CaptureFuzzTest::load).flatMap(original -> {
            // positions: often in the first 64 bytes (file and block headers), else anywhere
            Arbitrary<Integer> position = Arbitraries.frequencyOf(
                    Tuple.of(1, Arbitraries.integers().between(0, Math.min(63, original.length - 1))),
                    Tuple.of(2, Arbitraries.integers().between(0, original.length - 1)));
            Arbitrary<Integer> value = Arbitraries.frequencyOf(
                    Tuple.of(3, Arbitraries.integers().between(0, 255)),
                    Tuple.of(1, Arbitraries.of(0, 0xFF, 0x7F, 0x80, 0x0A, 0x20)));
            Arbitrary<List<int[]>> changes = Combinators.combine(position, value).as((p, v) -> new int[] {p, v})
                    .list().ofMinSize(1).ofMaxSize(8);
            Arbitrary<Integer> cut = Arbitraries.frequencyOf(
                    Tuple.of(3, Arbitraries.just(original.length)),
                    Tuple.of(1, Arbitraries.integers().between(0, original.length)));
            return Combinators.combine(changes, cut).as((cs, n) -> {
                byte[] b = original.clone();
                for (int[] c : cs) {
                    b[c[0]] = (byte) c[1];
                }
                return Arrays.copyOf(b, n);
            });
        });
    }

    @Property
    void damagedRealFilesFailOnlyWithACaptureExceptionInsideTheFile(@ForAll("damagedFiles") byte[] file) {
        check(file);
    }

    @Provide
    Arbitrary<byte[]> prefixes() {
        byte[] pcapLe = {(byte) 0xD4, (byte) 0xC3, (byte) 0xB2, (byte) 0xA1, 2, 0, 4, 0};
        byte[] pcapBe = {(byte) 0xA1, (byte) 0xB2, (byte) 0xC3, (byte) 0xD4, 0, 2, 0, 4};
        byte[] ng = {0x0A, 0x0D, 0x0D, 0x0A};
        byte[] text = "0000  ".getBytes(StandardCharsets.US_ASCII);
        return Arbitraries.of(new byte[0], pcapLe, pcapBe, ng, text);
    }

    @Property
    void randomBytesBehindEveryKindOfStart(@ForAll("prefixes") byte[] prefix, @ForAll @Size(max = 3000) byte[] rest) {
        byte[] file = Arrays.copyOf(prefix, prefix.length + rest.length);
        System.arraycopy(rest, 0, file, prefix.length, rest.length);
        check(file);
    }

    @Property
    void randomHexLikeText(@ForAll @Size(max = 400) List<@net.jqwik.api.constraints.CharRange(from = ' ', to = 'g')
            Character> chars, @ForAll @Size(max = 20) List<@net.jqwik.api.constraints.IntRange(max = 399) Integer> breaks) {
        StringBuilder sb = new StringBuilder("0");
        for (char c : chars) {
            sb.append(c);
        }
        for (int b : breaks) {
            if (b < sb.length()) {
                sb.setCharAt(b, '\n');
            }
        }
        check(sb.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static void check(byte[] file) {
        Reading.Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Reading.read(file, "fuzz.bin"));
        if (o.fault() != null) {
            assertThat(o.fault().getCause()).as(o.fault().getMessage()).isNull(); // no internal error
            assertThat(o.fault().byteOffset()).isBetween(0L, (long) file.length);
            assertThat(o.fault().getMessage()).startsWith("fuzz.bin: ").contains("byte offset");
        }
        long previous = 0;
        for (DnsPacket p : o.packets()) {
            assertThat(p.frame()).isGreaterThanOrEqualTo(previous).isPositive();
            assertThat(p.length()).isBetween(1, CaptureFiles.MAX_DNS_MESSAGE);
            previous = p.frame();
        }
        assertThat(o.framesSkipped()).isBetween(0L, o.framesRead());
    }
}
