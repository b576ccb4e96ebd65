package org.resolvefx.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every DNS message of the golden captures, dissected and compared field by field with what
 * tshark 4.0 said about the same bytes (see src/test/scripts/make-golden.sh).
 */
class GoldenDissectionTest {

    private static final Pattern OUR_TYPE = Pattern.compile("TYPE(\\d+)");
    private static final Pattern OUR_CLASS = Pattern.compile("CLASS\\d+");

    @Test
    void goldenSetCoversTheReferenceCapturesAndTheServersOwnMessages() throws Exception {
        List<GoldenCorpus.Message> all = GoldenCorpus.all();
        assertThat(all).hasSizeGreaterThan(100);
        assertThat(all.stream().map(GoldenCorpus.Message::file).distinct())
                .contains("a-recursive-cold.pcap", "b-trace.pcap", "c-tc-tcp-fallback.pcap", "d-nxdomain.pcap",
                        "zoo.pcap", "crafted.pcap");
        List<String> ids = all.stream().flatMap(m -> m.fields().stream()).map(GoldenCorpus.Field::id).distinct()
                .toList();
        assertThat(ids).contains("dns.mx.mail_exchange", "dns.txt", "dns.soa.rname", "dns.srv.target", "dns.dname",
                "dns.ptr.domain_name", "dns.caa.issue", "dns.aaaa", "dns.opt.cookie.server", "dns.data",
                "dns.rrsig.signature", "dns.dnskey.public_key", "dns.ds.digest", "dns.nsec.next_domain_name",
                "dns.hinfo.os", "dns.opt.client.addr4", "dns.opt.padding", "dns.extraneous.data");
    }

    @Test
    void testPcapReaderFindsTheSameBytesAsTshark() throws Exception {
        for (Path pcap : GoldenCorpus.pcaps()) {
            List<byte[]> ours = PcapPayloads.dnsMessages(pcap);
            List<GoldenCorpus.Message> golden = GoldenCorpus.load(pcap);
            assertThat(ours).as(pcap.toString()).hasSameSizeAs(golden);
            for (int i = 0; i < ours.size(); i++) {
                assertThat(ours.get(i)).as(pcap + " message " + (i + 1)).isEqualTo(golden.get(i).bytes());
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyWiresharkFieldMatchesTshark() throws Exception {
        return GoldenCorpus.all().stream().map(m -> DynamicTest.dynamicTest(m.toString(), () -> compareFields(m)));
    }

    @TestFactory
    Stream<DynamicTest> everyTreeLineMatchesWireshark() throws Exception {
        return GoldenCorpus.all().stream().map(m -> DynamicTest.dynamicTest(m.toString(), () -> compareLines(m)));
    }

    private static void compareFields(GoldenCorpus.Message m) {
        Dissection d = Dissector.dissect(m.bytes());
        List<GoldenCorpus.Field> ours = new ArrayList<>();
        for (FieldSpan f : FieldPaths.flatten(d)) {
            if (f.isWiresharkField()) {
                ours.add(new GoldenCorpus.Field(f.id(), f.value(), f.offset(), f.length(), f.mask()));
            } else if (isGroup(f)) {
                ours.add(new GoldenCorpus.Field("group", wiresharkWording(f.value()), -1, 0, 0));
            }
        }
        List<String> problems = new ArrayList<>();
        int n = Math.max(ours.size(), m.fields().size());
        for (int i = 0; i < n && problems.size() < 5; i++) {
            GoldenCorpus.Field want = i < m.fields().size() ? m.fields().get(i) : null;
            GoldenCorpus.Field got = i < ours.size() ? ours.get(i) : null;
            if (want == null || got == null) {
                problems.add("#" + i + " tshark " + want + " / ours " + got);
                continue;
            }
            boolean same = want.id().equals(got.id()) && want.value().equals(got.value());
            if (same && want.offset() >= 0) {
                same = want.offset() == got.offset() && want.length() == got.length() && want.mask() == got.mask();
            }
            if (!same) {
                problems.add("#" + i + " tshark " + want + " / ours " + got);
            }
        }
        assertThat(problems).as(m + "\n" + DissectionText.render(d, m.bytes())).isEmpty();
        assertThat(d.errors()).as(m.toString()).allMatch(e -> e.message().contains("extra data"));
    }

    private static void compareLines(GoldenCorpus.Message m) {
        Dissection d = Dissector.dissect(m.bytes());
        List<GoldenCorpus.Line> ours = new ArrayList<>();
        for (FieldSpan f : FieldPaths.flatten(d)) {
            if (f.isWiresharkField()) {
                ours.add(new GoldenCorpus.Line(f.id(), f.display(), f.offset(), f.length()));
            } else if (isGroup(f)) {
                ours.add(new GoldenCorpus.Line("", f.display(), f.offset(), f.length()));
            }
        }
        List<String> problems = new ArrayList<>();
        int n = Math.max(ours.size(), m.lines().size());
        for (int i = 0; i < n && problems.size() < 5; i++) {
            GoldenCorpus.Line want = i < m.lines().size() ? m.lines().get(i) : null;
            GoldenCorpus.Line got = i < ours.size() ? ours.get(i) : null;
            if (want == null || got == null) {
                problems.add("#" + i + " wireshark " + want + " / ours " + got);
                continue;
            }
            String text = wiresharkWording(got.text());
            if (text.startsWith("[") && text.endsWith("]")) {
                text = text.substring(1, text.length() - 1); // generated fields: tshark -V brackets them, PDML not
            }
            boolean sameText = text.equals(want.text()) || text.startsWith(want.text() + "  (");
            boolean samePlace = want.id().equals(got.id()) && (want.length() == 0 && got.length() == 0
                    || want.offset() == got.offset() && want.length() == got.length());
            if (!sameText || !samePlace) {
                problems.add("#" + i + " wireshark " + want + " / ours " + got);
            }
        }
        assertThat(problems).as(m.toString()).isEmpty();
    }

    private static boolean isGroup(FieldSpan f) {
        return switch (f.id()) {
            case DnsFields.QUERIES, DnsFields.ANSWERS, DnsFields.AUTHORITIES, DnsFields.ADDITIONALS, DnsFields.QUERY,
                 DnsFields.RR, DnsFields.EXTRANEOUS -> true;
            default -> false;
        };
    }

    /** Our only deliberate wording difference: "TYPE65280"/"CLASS7" where Wireshark says "Unknown". */
    private static String wiresharkWording(String s) {
        String r = s.replaceAll("TYPE(\\d+) \\(\\1\\)", "Unknown ($1)");
        Matcher t = OUR_TYPE.matcher(r);
        r = t.replaceAll("Unknown ($1)");
        return OUR_CLASS.matcher(r).replaceAll("Unknown");
    }
}
