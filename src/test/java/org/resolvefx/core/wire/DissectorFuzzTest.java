package org.resolvefx.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzing the dissector with real messages from the golden captures, mutated (bit flips,
 * truncation, inserted bytes, changed counts), and with random bytes. Whatever the input, no
 * exception escapes, every span lies inside the message and inside its parent, siblings come in
 * wire order, and every error points inside the message or at its end. Tries per property come
 * from jqwik.tries.default (1000 in `mvn verify`); see src/docs/dissector.md for a long run.
 */
class DissectorFuzzTest {

    private static final List<byte[]> REAL = loadReal();

    private static List<byte[]> loadReal() {
        List<byte[]> all = new ArrayList<>();
        try {
            for (Path p : GoldenCorpus.pcaps()) {
                all.addAll(PcapPayloads.dnsMessages(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    private static void assertSound(byte[] m) {
        Dissection d = Dissector.dissect(m);
        assertThat(SpanInvariants.check(d, m.length)).as(() -> DissectionText.hexDump(m)).isNull();
        // the text forms and the summary must cope with whatever came out
        assertThat(DissectionText.render(d, m)).isNotEmpty();
        MessageSummary s = MessageSummary.of(m);
        assertThat(s.length()).isEqualTo(m.length);
        assertThat(s.text()).isNotEmpty();
        if (m.length >= 12) {
            assertThat(FieldPaths.innermostAt(d, 0)).isPresent();
        }
    }

    @Property
    void bitFlipsInRealMessages(@ForAll("real") byte[] original, @ForAll("positions") List<Integer> flips) {
        byte[] m = original.clone();
        for (int f : flips) {
            int bit = f % (m.length * 8);
            m[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        assertSound(m);
    }

    @Property
    void truncatedRealMessages(@ForAll("real") byte[] original, @ForAll("positions") List<Integer> cut) {
        int at = cut.isEmpty() ? 0 : cut.get(0) % (original.length + 1);
        byte[] m = Arrays.copyOf(original, at);
        Dissection d = Dissector.dissect(m);
        assertThat(SpanInvariants.check(d, m.length)).isNull();
        // a real message cut inside its records is always reported (its counts promise more than is
        // there); cutting only extra bytes after the last record leaves a complete message
        int needed = FieldPaths.firstById(Dissector.dissect(original), DnsFields.EXTRANEOUS)
                .map(FieldSpan::offset).orElse(original.length);
        if (at < needed) {
            assertThat(d.errors()).as("cut at " + at).isNotEmpty();
        }
        assertSound(m);
    }

    @Property
    void insertedBytes(@ForAll("real") byte[] original, @ForAll("positions") List<Integer> where,
                       @ForAll byte[] inserted) {
        int at = where.isEmpty() ? 0 : where.get(0) % (original.length + 1);
        byte[] m = new byte[original.length + inserted.length];
        System.arraycopy(original, 0, m, 0, at);
        System.arraycopy(inserted, 0, m, at, inserted.length);
        System.arraycopy(original, at, m, at + inserted.length, original.length - at);
        assertSound(m);
    }

    @Property
    void changedCounts(@ForAll("real") byte[] original, @ForAll("counts") int which,
                       @ForAll("countValues") int value) {
        byte[] m = original.clone();
        m[4 + 2 * which] = (byte) (value >> 8);
        m[5 + 2 * which] = (byte) value;
        assertSound(m);
    }

    @Property
    void randomBytes(@ForAll("garbage") byte[] m) {
        assertSound(m);
    }

    @Property
    void realMessagesDissectWithoutFaults(@ForAll("real") byte[] m) {
        Dissection d = Dissector.dissect(m);
        assertThat(d.errors()).allMatch(e -> e.message().contains("extra data"));
        assertThat(SpanInvariants.check(d, m.length)).isNull();
    }

    @Provide
    Arbitrary<byte[]> real() {
        return Arbitraries.of(REAL);
    }

    @Provide
    Arbitrary<List<Integer>> positions() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<Integer> counts() {
        return Arbitraries.integers().between(0, 3);
    }

    @Provide
    Arbitrary<Integer> countValues() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, 0xFFFF));
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
        // half of them get a plausible header so the walk goes past byte 12
        Arbitrary<byte[]> headed = Combinators.combine(raw, Arbitraries.integers().between(0, 4))
                .as((b, n) -> {
                    byte[] m = Arrays.copyOf(b, Math.max(b.length, 12));
                    m[4] = 0;
                    m[5] = n.byteValue();
                    m[6] = 0;
                    m[7] = n.byteValue();
                    return m;
                });
        return Arbitraries.oneOf(raw, headed);
    }
}
