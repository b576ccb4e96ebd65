package org.resolvefx.core.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.resolvefx.core.sandbox.Queries.name;

import org.junit.jupiter.api.Test;

class ZoneFileParserTest {
    static final String HEAD = "$TTL 60\n@ IN SOA ns h (\n  1 2 3\n  4 5 )\n@ IN NS ns\nns IN A 127.0.0.9\n";

    private static WorldException fails(String text) {
        try {
            ZoneFileParser.parse(name("z."), text, "z.zone");
        } catch (WorldException e) {
            return e;
        }
        throw new AssertionError("parsed: " + text);
    }

    @Test
    void lineNumbersCountMultiLineRecordsAndComments() {
        WorldException e = fails(HEAD + "; comment\n\nbad IN A 1.2.3\n");
        assertThat(e.line()).isEqualTo(9);
        assertThat(e.getMessage()).startsWith("z.zone:9: syntax error");
        assertThat(fails(HEAD + "x IN A 8.8.4.4\n").line()).isEqualTo(7);
        assertThat(fails(HEAD + "x IN A 8.8.4.4").line()).isEqualTo(7); // no newline at the end
    }

    @Test
    void recordsOutsideTheZoneAndMisplacedSoa() {
        assertThat(fails(HEAD + "www.other. IN A 127.0.0.1\n").getMessage())
                .isEqualTo("z.zone:7: record owner www.other. is outside the zone z.");
        assertThat(fails(HEAD + "sub IN SOA ns h 1 2 3 4 5\n").getMessage()).contains("not the zone apex");
        assertThat(fails(HEAD + "@ IN SOA ns h 2 2 3 4 5\n").getMessage()).contains("a second SOA");
    }

    @Test
    void cnameBesideOtherData() {
        WorldException e = fails(HEAD + "www IN A 127.0.0.1\nwww IN CNAME ns\n");
        assertThat(e.line()).isEqualTo(8);
        assertThat(e.getMessage()).contains("CNAME and other data at www.z.").contains("lines 7 and 8");
        assertThat(fails(HEAD + "www IN CNAME ns\nwww IN CNAME ns2\n").getMessage()).contains("a second CNAME");
    }

    @Test
    void includesAreNotFollowed() {
        WorldException e = fails(HEAD + "$INCLUDE /etc/hostname\n");
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.getMessage()).contains("$INCLUDE");
    }

    @Test
    void otherClassesAreRefused() {
        assertThat(fails(HEAD + "x CH TXT \"a\"\n").getMessage()).contains("only class IN");
    }

    @Test
    void ttlsInAnRrsetAreEqualisedToTheLowest() throws Exception {
        ZoneContents z = ZoneFileParser.parse(name("z."), HEAD + "w 300 IN A 127.0.0.1\nw 100 IN A 127.0.0.2\n", "z.zone");
        assertThat(z.rrset(name("w.z."), org.xbill.DNS.Type.A)).extracting(org.xbill.DNS.Record::getTTL)
                .containsExactly(100L, 100L);
    }

    @Test
    void emptyAndGarbageText() {
        assertThat(fails("").getMessage()).contains("no SOA");
        assertThatThrownBy(() -> ZoneFileParser.parse(name("z."), "\u0000\u0001(((", "z.zone"))
                .isInstanceOf(WorldException.class);
    }
}
