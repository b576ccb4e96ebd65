package org.resolvefx.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of broken message: what the student is told, where, and that decoding got as far as it could. */
class MalformedMessageTest {

    private static Dissection dissect(byte[] m) {
        Dissection d = Dissector.dissect(m);
        assertThat(SpanInvariants.check(d, m.length)).as(DissectionText.render(d, m)).isNull();
        return d;
    }

    private static DissectionError onlyError(Dissection d) {
        assertThat(d.errors()).hasSize(1);
        return d.errors().get(0);
    }

    @Test
    void emptyAndNullMessagesSayTheHeaderIsMissing() {
        Dissection empty = dissect(new byte[0]);
        assertThat(empty.fields()).isEmpty();
        assertThat(onlyError(empty)).isEqualTo(new DissectionError(0,
                "The message is only 0 bytes long; a DNS header alone needs 12, inside the transaction ID"));
        assertThat(Dissector.dissect(null).errors()).hasSize(1);
    }

    @Test
    void headerCutInsideTheCountsKeepsTheFieldsBeforeTheCut() {
        byte[] m = Wire.header(0x1234, 0x0100, 1, 0, 0, 0).build();
        Dissection d = dissect(java.util.Arrays.copyOf(m, 7));
        assertThat(d.fields()).extracting(FieldSpan::id).containsExactly("dns.id", "dns.flags", "dns.count.queries");
        assertThat(onlyError(d)).isEqualTo(new DissectionError(7,
                "The message is only 7 bytes long; a DNS header alone needs 12, inside the answer count"));
    }

    @Test
    void answerCountLargerThanTheRecordsPresent() {
        Wire w = Wire.header(1, 0x8180, 1, 3, 0, 0).question("www.example.com", 1);
        w.pointer(12).u16(1).u16(1).u32(60).u16(4).bytes(192, 0, 2, 1);
        byte[] m = w.build();
        Dissection d = dissect(m);
        assertThat(onlyError(d)).isEqualTo(new DissectionError(m.length,
                "The answer section should hold 3 records but the message ends after 1 (at byte " + m.length + ")"));
        assertThat(FieldPaths.firstById(d, "dns.a")).get().extracting(FieldSpan::value).isEqualTo("192.0.2.1");
        FieldSpan answers = FieldPaths.firstById(d, DnsFields.ANSWERS).orElseThrow();
        assertThat(answers.end()).isEqualTo(m.length);
    }

    @Test
    void messageCutInsideTheFixedFieldsOfARecord() {
        Wire w = Wire.header(1, 0x8180, 0, 1, 0, 0).name("a.example").u16(1).u16(1);
        byte[] m = w.build();
        Dissection d = dissect(m);
        assertThat(onlyError(d)).isEqualTo(new DissectionError(m.length, "The message ends at byte " + m.length
                + " inside answer record 1 (its type, class, TTL and data length need 10 bytes from byte 23)"));
        assertThat(FieldPaths.firstById(d, "dns.resp.name")).isPresent();
    }

    @Test
    void compressionPointerToItself() {
        byte[] m = Wire.header(1, 0, 1, 0, 0, 0).pointer(12).u16(1).u16(1).build();
        DissectionError e = onlyError(dissect(m));
        assertThat(e).isEqualTo(new DissectionError(12,
                "Compression pointer at byte 12 points to itself; pointers must point backwards (in question 1)"));
    }

    @Test
    void compressionPointerForward() {
        Wire w = Wire.header(1, 0x8000, 1, 1, 0, 0).question("example.com", 1);
        int at = w.size();
        w.pointer(90).u16(1).u16(1).u32(0).u16(0);
        while (w.size() < 100) {
            w.u8(0);
        }
        DissectionError e = dissect(w.build()).errors().get(0);
        assertThat(e).isEqualTo(new DissectionError(at, "Compression pointer at byte " + at
                + " points forward to byte 90; pointers must point backwards (in answer record 1)"));
    }

    @Test
    void compressionPointerLoopingBackIntoItsOwnName() {
        // (1)a then a pointer back to the "a": a.a.a.a... forever
        byte[] m = Wire.header(1, 0, 1, 0, 0, 0).bytes(1, 'a').pointer(12).u16(1).u16(1).build();
        DissectionError e = onlyError(dissect(m));
        assertThat(e).isEqualTo(new DissectionError(14, "Compression pointer at byte 14 points back to byte 12,"
                + " into the same name, so the name would repeat forever (in question 1)"));
    }

    @Test
    void labelLongerThan63() {
        Wire w = Wire.header(1, 0, 1, 0, 0, 0).u8(70);
        for (int i = 0; i < 70; i++) {
            w.u8('x');
        }
        byte[] m = w.u8(0).u16(1).u16(1).build();
        DissectionError e = onlyError(dissect(m));
        assertThat(e.offset()).isEqualTo(12);
        assertThat(e.message()).startsWith("Label at byte 12 claims 70 bytes; a label holds at most 63");
    }

    @Test
    void reservedLabelTypes0x40And0x80() {
        for (int type : new int[] {0x41, 0x80}) {
            byte[] m = Wire.header(1, 0, 1, 0, 0, 0).bytes(type, 0, 0, 0, 1, 0, 1).build();
            DissectionError e = onlyError(dissect(m));
            assertThat(e.offset()).isEqualTo(12);
            assertThat(e.message()).contains("claims " + type + " bytes; a label holds at most 63")
                    .contains("reserved label types");
        }
    }

    @Test
    void nameLongerThan255Bytes() {
        Wire w = Wire.header(1, 0, 1, 0, 0, 0);
        for (int l = 0; l < 5; l++) {
            w.u8(60);
            for (int i = 0; i < 60; i++) {
                w.u8('a' + l);
            }
        }
        byte[] m = w.u8(0).u16(1).u16(1).build();
        DissectionError e = onlyError(dissect(m));
        assertThat(e).isEqualTo(new DissectionError(12, "The name starting at byte 12 is longer than 255 bytes;"
                + " a name holds at most 255 (in question 1)"));
    }

    @Test
    void labelCutByTheEndOfTheMessage() {
        byte[] m = Wire.header(1, 0, 1, 0, 0, 0).bytes(7, 'e', 'x', 'a').build();
        DissectionError e = onlyError(dissect(m));
        assertThat(e).isEqualTo(new DissectionError(12,
                "Label at byte 12 claims 7 bytes but the message ends after 3 (in question 1)"));
    }

    @Test
    void dataLengthPastTheEndOfTheMessage() {
        Wire w = Wire.header(1, 0x8180, 0, 1, 0, 0).name("a.example").u16(1).u16(1).u32(60).u16(16).bytes(1, 2, 3);
        byte[] m = w.build();
        Dissection d = dissect(m);
        assertThat(onlyError(d)).isEqualTo(new DissectionError(31,
                "Answer record 1 says its data is 16 bytes long (at byte 31) but only 3 bytes remain in the message"));
        assertThat(FieldPaths.firstById(d, "dns.resp.len").orElseThrow().value()).isEqualTo("16");
        FieldSpan rr = FieldPaths.firstById(d, DnsFields.RR).orElseThrow();
        assertThat(rr.end()).isEqualTo(m.length);
    }

    @Test
    void addressDataTooShortIsReportedAndTheNextRecordIsStillRead() {
        Wire w = Wire.header(1, 0x8180, 0, 2, 0, 0).record("a.example", 1, 60, 10, 0, 0)
                .record("b.example", 1, 60, 10, 0, 0, 2);
        Dissection d = dissect(w.build());
        assertThat(onlyError(d)).isEqualTo(new DissectionError(33, "The data of answer record 1 (type A) ends at byte"
                + " 36 but the IPv4 address at byte 33 needs 4 bytes"));
        assertThat(FieldPaths.allById(d, "dns.a")).extracting(FieldSpan::value).containsExactly("10.0.0.2");
    }

    @Test
    void addressDataTooLongLeavesBytesOver() {
        byte[] m = Wire.header(1, 0x8180, 0, 1, 0, 0).record("a.example", 1, 60, 10, 0, 0, 1, 9, 9).build();
        Dissection d = dissect(m);
        assertThat(onlyError(d)).isEqualTo(new DissectionError(37, "Answer record 1 (type A) holds 6 bytes of data;"
                + " 2 bytes from byte 37 are left over after its fields"));
        assertThat(FieldPaths.firstById(d, "dns.a").orElseThrow().value()).isEqualTo("10.0.0.1");
    }

    @Test
    void nameInRecordDataRunningPastTheDataLength() {
        // NS data length 3, but the name inside is (2)ns(7)example(0)
        Wire w = Wire.header(1, 0x8180, 0, 1, 0, 0).name("example").u16(2).u16(1).u32(60).u16(3)
                .name("ns.example");
        byte[] m = w.build();
        Dissection d = dissect(m);
        // the name starts at byte 31; its second label would start at byte 34, where the data has ended
        assertThat(d.errors()).first().isEqualTo(new DissectionError(34,
                "The name at byte 31 in answer record 1 runs past the end of the record data (at byte 34)"));
    }

    @Test
    void textStringLongerThanItsRecord() {
        byte[] m = Wire.header(1, 0x8180, 0, 1, 0, 0).record("t.example", 16, 0, 5, 'a', 'b').build();
        DissectionError e = onlyError(dissect(m));
        assertThat(e).isEqualTo(new DissectionError(33,
                "The text string at byte 33 claims 5 bytes but the data of answer record 1 has only 2 left"));
    }

    @Test
    void trailingGarbageAfterTheLastRecord() {
        byte[] m = Wire.header(1, 0x0100, 1, 0, 0, 0).question("x.example", 1).bytes(0xde, 0xad, 0xbe).build();
        Dissection d = dissect(m);
        assertThat(onlyError(d)).isEqualTo(new DissectionError(27, "3 bytes of extra data follow the last record"
                + " (from byte 27); the counts in the header announce no more records"));
        FieldSpan extra = FieldPaths.firstById(d, "dns.extraneous.data").orElseThrow();
        assertThat(extra.value()).isEqualTo("de:ad:be");
        assertThat(extra.offset()).isEqualTo(27);
    }

    @Test
    void ednsOptionLongerThanTheOptRecord() {
        Wire w = Wire.header(1, 0x0100, 0, 0, 0, 1).u8(0).u16(41).u16(1232).u32(0).u16(6).u16(10).u16(8)
                .bytes(1, 2);
        Dissection d = dissect(w.build());
        assertThat(onlyError(d)).isEqualTo(new DissectionError(25,
                "EDNS option at byte 23 claims 8 bytes of data but the OPT record has only 2 left"));
        assertThat(FieldPaths.firstById(d, "dns.opt.code").orElseThrow().value()).isEqualTo("10");
    }

    @Test
    void decodingStopsAtTheFaultButKeepsEverythingBefore() {
        Wire w = Wire.header(7, 0x8180, 1, 2, 0, 0).question("www.example.com", 1)
                .pointer(12).u16(1).u16(1).u32(60).u16(4).bytes(192, 0, 2, 1)
                .pointer(12).u16(1);
        Dissection d = dissect(w.build());
        List<String> ids = FieldPaths.flatten(d).stream().map(FieldSpan::id).toList();
        assertThat(ids).contains("dns.id", "dns.qry.name", "dns.a");
        assertThat(FieldPaths.allById(d, "dns.resp.name")).hasSize(2);
        assertThat(d.isComplete()).isFalse();
        assertThat(d.errors().get(0).message()).contains("inside answer record 2");
    }
}
