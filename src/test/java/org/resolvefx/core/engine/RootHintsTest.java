package org.resolvefx.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolvefx.core.net.IpText;
import org.resolvefx.core.sandbox.RootHint;
import org.resolvefx.core.sandbox.WorldLoader;

/** The bundled IANA hints, user hints files, and their errors with file and line. */
class RootHintsTest {

    @TempDir
    Path dir;

    @Test
    void theBundledHintsAreIanasThirteenServers() throws Exception {
        List<RootHint> hints = RootHints.bundled();
        assertThat(hints).hasSize(13);
        assertThat(hints.get(0).name().toString()).isEqualToIgnoringCase("a.root-servers.net.");
        assertThat(hints.get(0).addresses()).extracting(IpText::format).containsExactly("198.41.0.4",
                "2001:503:ba3e::2:30");
        assertThat(hints).allMatch(h -> h.addresses().size() == 2);
        // the Internet's root servers: a live session from these may leave the machine
        assertThat(RootHints.allLoopback(hints)).isFalse();
        // the same bytes as Debian's dns-root-data, when that package is installed
        Path debian = Path.of("/usr/share/dns/root.hints");
        if (Files.isReadable(debian)) {
            try (var in = RootHints.class.getResourceAsStream(RootHints.BUNDLED_RESOURCE)) {
                assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(debian));
            }
        }
    }

    @Test
    void hintsForTheSandboxRoundTripThroughAFile() throws Exception {
        List<RootHint> sandbox = WorldLoader.loadDefault().rootHints();
        Path file = dir.resolve("sandbox.hints");
        Files.writeString(file, RootHints.format(sandbox));
        List<RootHint> back = RootHints.read(file);
        assertThat(back).isEqualTo(sandbox);
        assertThat(RootHints.allLoopback(back)).isTrue();
    }

    @Test
    void aMinimalFileWithoutTtlOrClassIsEnough() throws Exception {
        List<RootHint> h = RootHints.parse(". NS a.root.test.\na.root.test. A 127.0.9.1\n", "mini");
        assertThat(h).singleElement().satisfies(r -> assertThat(r.addresses()).extracting(IpText::format)
                .containsExactly("127.0.9.1"));
    }

    @Test
    void problemsNameTheFileAndLine() {
        assertThatThrownBy(() -> RootHints.parse("; comment\n. NS a.root.test.\na.root.test. A 300.1.1.1\n", "h.txt"))
                .isInstanceOf(RootHints.HintsException.class).hasMessageStartingWith("h.txt:3: syntax error");
        assertThatThrownBy(() -> RootHints.parse(". NS a.root.test.\nexample. MX 10 mail.example.\n", "h.txt"))
                .hasMessage("h.txt:2: MX record for example.: a hints file holds only NS records of the root and "
                        + "A/AAAA records of those servers");
        assertThatThrownBy(() -> RootHints.parse("example. NS a.root.test.\n", "h.txt"))
                .hasMessageStartingWith("h.txt:1: NS record for example.");
        assertThatThrownBy(() -> RootHints.parse(". NS a.root.test.\n. NS b.root.test.\nb.root.test. A 127.0.0.2\n",
                "h.txt")).hasMessage("h.txt:1: root server a.root.test. has no A or AAAA record in the file");
        assertThatThrownBy(() -> RootHints.parse(". NS a.root.test.\na.root.test. A 127.0.0.1\nb.test. A 127.0.0.2\n",
                "h.txt")).hasMessageStartingWith("h.txt:3: address of b.test.");
        assertThatThrownBy(() -> RootHints.parse("; nothing\n", "h.txt"))
                .hasMessageStartingWith("h.txt: no NS records for the root");
        assertThatThrownBy(() -> RootHints.parse(". CH NS a.root.test.\n", "h.txt"))
                .hasMessageContaining("h.txt:1: class CH");
        assertThatThrownBy(() -> RootHints.read(dir.resolve("missing.hints")))
                .hasMessageEndingWith("missing.hints: no such file");
    }

    @Test
    void binaryFilesAreRefusedWithAMessage() throws Exception {
        Path bin = dir.resolve("bin.hints");
        Files.write(bin, new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2});
        assertThatThrownBy(() -> RootHints.read(bin)).isInstanceOf(RootHints.HintsException.class)
                .hasMessageContaining("bin.hints");
    }

    @Provide
    Arbitrary<String> mutatedHints() {
        String base = RootHints.format(List.of(new RootHint(Hosts.name("a.root.test."),
                List.of(Hosts.ip("127.0.9.1"), Hosts.ip("::1"))), new RootHint(Hosts.name("b.root.test."),
                List.of(Hosts.ip("127.0.9.2")))));
        Arbitrary<Integer> at = Arbitraries.integers().between(0, base.length());
        Arbitrary<String> insert = Arbitraries.strings().withChars(". \n\t;()$\"\\ABCNSa0123456789:").ofMaxLength(6);
        return net.jqwik.api.Combinators.combine(at, at, insert).as((i, j, s) -> {
            int from = Math.min(i, j);
            int to = Math.max(i, j);
            return base.substring(0, from) + s + base.substring(Math.min(base.length(), from + (to - from) % 8));
        });
    }

    @Property(tries = 500)
    void mutatedHintsGiveHintsOrAMessageWithTheSourceName(@ForAll("mutatedHints") String text) {
        try {
            List<RootHint> h = RootHints.parse(text, "fuzz.hints");
            assertThat(h).isNotEmpty().allMatch(r -> !r.addresses().isEmpty());
        } catch (RootHints.HintsException e) {
            assertThat(e.getMessage()).startsWith("fuzz.hints");
        }
    }

    @Property(tries = 300)
    void randomTextNeverEscapesAsAnotherException(@ForAll String text) {
        try {
            RootHints.parse(text, "random.hints");
        } catch (RootHints.HintsException e) {
            assertThat(e.getMessage()).startsWith("random.hints");
        }
    }

    @Test
    void utf8TextIsReadAsSuch() throws Exception {
        Path f = dir.resolve("umlaut.hints");
        Files.write(f, "; Wurzel-Server für das Labor\n. NS a.root.test.\na.root.test. A 127.0.9.1\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(RootHints.read(f)).hasSize(1);
    }
}
