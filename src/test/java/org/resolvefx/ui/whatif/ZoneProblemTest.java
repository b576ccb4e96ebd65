package org.resolvefx.ui.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.sandbox.WorldException;
import org.resolvefx.ui.predict.ClassroomTestKit;
import org.xbill.DNS.Name;

/** Line and column of mistakes typed into the lecture's tu-darmstadt.de zone. */
class ZoneProblemTest {
    private static final SandboxWorld WORLD = ClassroomTestKit.defaultWorld();
    private static final Name TUD = Name.fromConstantString("tu-darmstadt.de.");
    private static final String BASE = WORLD.zone(TUD).orElseThrow().masterText();
    private static final int NEXT_LINE = BASE.split("\n", -1).length;

    private static ZoneProblem problemOf(String text) {
        try {
            WORLD.withZoneText(TUD, text);
        } catch (WorldException e) {
            return ZoneProblem.of(e, text);
        }
        return fail("no problem found in " + text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "www2 IN AA 127.0.3.9|9|2|Invalid type 'AA'",
        "www2 IN A 127.0.3.300|11|11|Invalid address",
        "www2 IN A|11|1|expected an address",
        "www2 IN A 8.8.8.8|11|7|outside 127.0.0.0/8",
        "www2 1h x IN A 127.0.0.1|9|1|Invalid type 'x'",
        "www2 IN MX mail|12|4|expected an integer",
        "www2 IN MX 10|15|1|expected a name",
        "$FOO bar|1|4|Invalid directive",
        "www2 IN A 127.0.0.1 extra|21|5|unexpected tokens",
        "www2 IN TXT \"unclosed|13|9|newline in quoted string",
        "www2 CH A 127.0.0.1|6|2|only class IN",
        "www.example.com. IN A 127.0.0.1|1|16|outside the zone",
        "www2 IN A 127.0.0.1)|20|1|close parenthesis",
        "   IN A 127.0.0.1 ; owner from the line before is fine, this is not: x|-1|-1|"
    })
    void columnPointsAtTheMistake(String line, int column, int length, String says) {
        String text = BASE + line + "\n";
        if (column < 0) {
            // a valid line: no problem at all
            try {
                WORLD.withZoneText(TUD, text);
            } catch (WorldException e) {
                fail("valid line refused: " + e.getMessage());
            }
            return;
        }
        ZoneProblem p = problemOf(text);
        assertThat(p.line()).isEqualTo(NEXT_LINE);
        assertThat(p.column()).as("column").isEqualTo(column);
        assertThat(p.length()).as("length").isEqualTo(length);
        assertThat(p.message()).contains(says);
    }

    @org.junit.jupiter.api.Test
    void aConflictIsMarkedAtTheOwnerOfTheSecondLine() {
        ZoneProblem p = problemOf(BASE + "www2 IN CNAME www\nwww2 IN A 127.0.0.1\n");
        assertThat(p.line()).isEqualTo(NEXT_LINE + 1);
        assertThat(p.column()).isEqualTo(1);
        assertThat(p.length()).isEqualTo(4);
        assertThat(p.message()).contains("CNAME and other data");
    }

    @org.junit.jupiter.api.Test
    void aZoneWithoutSoaHasNoLine() {
        ZoneProblem p = problemOf("$ORIGIN tu-darmstadt.de.\n@ IN NS ns1.hrz.tu-darmstadt.de.\n");
        assertThat(p.hasLine()).isFalse();
        assertThat(p.message()).contains("no SOA");
    }

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> words = Arbitraries.of("www2", "IN", "CH", "A", "AAAA", "MX", "NS", "CNAME", "TXT", "SOA",
                "127.0.3.9", "8.8.8.8", "::1", "2001:db8::1", "10", "3600", "1h", "\"x", "x\"", "(", ")", ";", "@",
                "$TTL", "$ORIGIN", "$INCLUDE", "\\", ".", "a..b", "x.example.", "\t", "  ");
        return words.list().ofMinSize(0).ofMaxSize(8).map(l -> String.join(" ", l));
    }

    /** Random lines typed into the zone: a problem, when there is one, always lies on the text. */
    @Property(tries = 400)
    void problemsAlwaysPointIntoTheText(@ForAll("lines") String line, @ForAll("lines") String other) {
        String text = BASE + line + "\n" + other;
        try {
            WORLD.withZoneText(TUD, text);
        } catch (WorldException e) {
            ZoneProblem p = ZoneProblem.of(e, text);
            String[] lines = text.split("\n", -1);
            assertThat(p.line()).isBetween(0, lines.length);
            if (p.hasLine()) {
                assertThat(p.column()).isBetween(1, lines[p.line() - 1].length() + 2);
            }
            assertThat(p.length()).isPositive();
            assertThat(p.message()).isNotBlank();
            assertThat(ZoneTextArea.indexOf(text, p.line(), p.column())).isBetween(0, text.length());
        }
    }
}
