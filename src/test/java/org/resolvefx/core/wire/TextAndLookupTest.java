package org.resolvefx.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/** The text helpers, the teaching spans of names, and the look-ups, on real and built messages. */
class TextAndLookupTest {

    private static byte[] firstMessageOf(String pcap) throws Exception {
        return PcapPayloads.dnsMessages(Path.of("src/test/resources/golden", pcap)).get(0);
    }

    @Test
    void labelFormOfNames() throws Exception {
        assertThat(WireNames.labelForm(Name.fromString("www.p2p.tu-darmstadt.de.")))
                .isEqualTo("(3)www(3)p2p(12)tu-darmstadt(2)de");
        assertThat(WireNames.labelForm(Name.root)).isEqualTo("(0)");
        assertThat(WireNames.labelForm(Name.fromString("a\\032b.example."))).isEqualTo("(3)a b(7)example");
    }

    @Test
    void everyNameShowsItsLabelsPointerAndRootByte() throws Exception {
        byte[] m = firstMessageOf("a-recursive-cold.pcap"); // query for www.p2p.tu-darmstadt.de
        Dissection d = Dissector.dissect(m);
        FieldSpan name = FieldPaths.firstById(d, "dns.qry.name").orElseThrow();
        assertThat(name.display()).isEqualTo("Name: www.p2p.tu-darmstadt.de  (3)www(3)p2p(12)tu-darmstadt(2)de");
        assertThat(name.children()).extracting(FieldSpan::id).containsExactly(DnsFields.NAME_LABEL,
                DnsFields.NAME_LABEL, DnsFields.NAME_LABEL, DnsFields.NAME_LABEL, DnsFields.NAME_ROOT);
        assertThat(name.children()).extracting(FieldSpan::value)
                .containsExactly("(3)www", "(3)p2p", "(12)tu-darmstadt", "(2)de", "00");
        assertThat(name.children()).extracting(FieldSpan::offset).containsExactly(12, 16, 20, 33, 36);
        assertThat(name.children()).extracting(FieldSpan::length).containsExactly(4, 4, 13, 3, 1);

        Wire w = Wire.header(1, 0x8180, 1, 1, 0, 0).question("www.example.com", 1);
        w.u8(4).bytes('m', 'a', 'i', 'l').pointer(16).u16(1).u16(1).u32(60).u16(4).bytes(192, 0, 2, 1);
        Dissection d2 = Dissector.dissect(w.build());
        FieldSpan owner = FieldPaths.firstById(d2, "dns.resp.name").orElseThrow();
        assertThat(owner.value()).isEqualTo("mail.example.com");
        assertThat(owner.offset()).isEqualTo(33);
        assertThat(owner.length()).isEqualTo(7);
        FieldSpan pointer = owner.children().get(1);
        assertThat(pointer.id()).isEqualTo(DnsFields.NAME_POINTER);
        assertThat(pointer.value()).isEqualTo("c0 10 -> offset 16");
        assertThat(pointer.display()).isEqualTo("Compression pointer: c0 10 -> offset 16 (continues with example.com)");
        assertThat(pointer.offset()).isEqualTo(38);
        assertThat(pointer.length()).isEqualTo(2);
    }

    @Test
    void renderLooksLikeTsharkVerbose() throws Exception {
        byte[] m = firstMessageOf("a-recursive-cold.pcap");
        String text = DissectionText.render(Dissector.dissect(m), m);
        assertThat(text).startsWith("Domain Name System (query)\n    Transaction ID: 0x6ecf\n"
                + "    Flags: 0x0120 Standard query\n"
                + "        0... .... .... .... = Response: Message is a query\n");
        assertThat(text).contains("\n        .... ...1 .... .... = Recursion desired: Do query recursively\n")
                .contains("\n    Queries\n        www.p2p.tu-darmstadt.de: type A, class IN\n")
                .contains("\n            [Name Length: 23]\n")
                .contains("\n                Client Cookie: 29b306c38652b91f\n");
    }

    @Test
    void renderListsFaultsAtTheEnd() {
        byte[] m = Wire.header(1, 0, 1, 0, 0, 0).build();
        String text = DissectionText.render(Dissector.dissect(m), m);
        assertThat(text).endsWith("    [Malformed at byte 12: The question section should hold 1 questions but the"
                + " message ends after 0 (at byte 12)]\n");
    }

    @Test
    void hexDumpMatchesTsharkLayout() {
        byte[] b = new byte[20];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (0x5e + i);
        }
        assertThat(DissectionText.hexDump(b)).isEqualTo(
                "0000  5e 5f 60 61 62 63 64 65 66 67 68 69 6a 6b 6c 6d   ^_`abcdefghijklm\n"
                + "0010  6e 6f 70 71" + " ".repeat(12 * 3) + "   nopq\n");
    }

    @Test
    void innermostSpanAndLookupsById() throws Exception {
        byte[] m = firstMessageOf("a-recursive-cold.pcap");
        Dissection d = Dissector.dissect(m);
        assertThat(FieldPaths.innermostAt(d, 0).orElseThrow().id()).isEqualTo("dns.id");
        assertThat(FieldPaths.innermostAt(d, 3).orElseThrow().id()).isEqualTo("dns.flags.response");
        assertThat(FieldPaths.innermostAt(d, 22).orElseThrow().value()).isEqualTo("(12)tu-darmstadt");
        assertThat(FieldPaths.pathAt(d, 22)).extracting(FieldSpan::id).containsExactly(DnsFields.QUERIES,
                DnsFields.QUERY, "dns.qry.name", DnsFields.NAME_LABEL);
        assertThat(FieldPaths.innermostAt(d, m.length)).isEmpty();
        assertThat(FieldPaths.firstById(d, "dns.opt.cookie.client").orElseThrow().value())
                .isEqualTo("29:b3:06:c3:86:52:b9:1f");
        assertThat(FieldPaths.firstById(d, "dns.nope")).isEmpty();
        List<FieldSpan> flat = FieldPaths.flatten(d);
        assertThat(flat.get(0).id()).isEqualTo("dns.id");
        assertThat(flat).filteredOn(f -> f.id().equals("dns.flags.recdesired")).hasSize(1);
        for (int i = 1; i < flat.size(); i++) {
            FieldSpan f = flat.get(i);
            assertThat(f.offset()).isBetween(0, m.length);
        }
    }

    @Test
    void summaryOfRealMessages() throws Exception {
        byte[] query = firstMessageOf("a-recursive-cold.pcap");
        MessageSummary q = MessageSummary.of(query);
        assertThat(q.text()).isEqualTo("0x6ecf query QUERY rd ad www.p2p.tu-darmstadt.de. A qd=1 an=0 ns=0 ar=1");
        assertThat(q.malformed()).isFalse();
        List<byte[]> nx = PcapPayloads.dnsMessages(Path.of("src/test/resources/golden/d-nxdomain.pcap"));
        MessageSummary last = MessageSummary.of(nx.get(nx.size() - 1));
        assertThat(last.response()).isTrue();
        assertThat(last.rcodeName()).isEqualTo("NXDOMAIN");
        assertThat(last.flags()).startsWith("qr");
        assertThat(last.text()).contains(" response QUERY NXDOMAIN qr");
    }

    @Test
    void summaryOfGarbageDoesNotThrow() {
        assertThat(MessageSummary.of(new byte[0]).text()).isEqualTo("0x0000 query QUERY qd=0 an=0 ns=0 ar=0 [malformed]");
        byte[] loop = Wire.header(0xabcd, 0x8583, 1, 0, 0, 0).pointer(12).u16(1).u16(1).build();
        MessageSummary s = MessageSummary.of(loop);
        assertThat(s.malformed()).isTrue();
        assertThat(s.question()).isEqualTo("?");
        assertThat(s.text()).isEqualTo("0xabcd response QUERY NXDOMAIN qr aa rd ra ? qd=1 an=0 ns=0 ar=0 [malformed]");
        byte[] root = Wire.header(1, 0, 1, 0, 0, 0).name(".").u16(2).u16(3).build();
        assertThat(MessageSummary.of(root).question()).isEqualTo(". CH NS");
    }

    @Test
    void fieldTableFormatsLikeWireshark() {
        assertThat(DnsFields.FLAG_OPCODE.display(0x2800)).isEqualTo(".010 1... .... .... = Opcode: Dynamic update (5)");
        assertThat(DnsFields.FLAG_RCODE.display(0x8183)).isEqualTo(".... .... .... 0011 = Reply code: No such name (3)");
        assertThat(DnsFields.QRY_CLASS.display(7)).isEqualTo("Class: CLASS7 (0x0007)");
        assertThat(DnsFields.QRY_TYPE.display(65280)).isEqualTo("Type: TYPE65280 (65280)");
        assertThat(DnsFields.OPT_Z_RESERVED.jsonValue(0x8001)).isEqualTo("0x0001");
        assertThat(DnsFields.OPT_EXT_RCODE.jsonValue(1)).isEqualTo("0x01");
        assertThat(WireText.duration(90061)).isEqualTo("1 day, 1 hour, 1 minute, 1 second");
        assertThat(WireText.duration(0)).isEqualTo("0 seconds");
        assertThat(WireText.absoluteTime(2019686400L)).isEqualTo("Jan  1, 2034 00:00:00.000000000 UTC");
        assertThat(DnsFields.ALL).extracting(FieldDef::id).allMatch(id -> id.startsWith("dns."));
    }
}
