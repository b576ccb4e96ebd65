package org.resolvefx.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a file contains, reading it either gives a trace or a TraceFileException with a message. */
class TraceFilesFuzzTest {

    private static final ObjectMapper OM = new ObjectMapper();
    private static final String GOOD = TraceFiles.toJson(TestTraces.everyKind());
    private static final String SMALL = TraceFiles.toJson(Captures.traces("c-tc-tcp-fallback.pcap").get(0));

    @Property
    void mutatedTextGivesATraceOrAClearMessage(@ForAll("textMutations") byte[] content) {
        check(content);
    }

    @Property
    void mutatedTreesGiveATraceOrAClearMessage(@ForAll("treeMutations") byte[] content) {
        check(content);
    }

    @Property
    void randomBytesGiveAClearMessage(@ForAll("randomBytes") byte[] content) {
        Trace t = check(content);
        assertThat(t).isNull();
    }

    /** Reads; a success must survive writing and reading again unchanged. */
    private static Trace check(byte[] content) {
        Trace t;
        try {
            t = TraceFiles.read(new ByteArrayInputStream(content), "fuzz.json");
        } catch (TraceFileException e) {
            assertThat(e.getMessage()).startsWith("fuzz.json: ");
            assertThat(e.problem()).isNotBlank();
            assertThat(e.getMessage()).doesNotContain("Exception", "com.fasterxml", "networknt");
            return null;
        }
        try {
            assertThat(TraceFiles.fromJson(TraceFiles.toJson(t), "again.json")).isEqualTo(t);
        } catch (TraceFileException e) {
            throw new AssertionError("a trace that was read could not be read back: " + e.getMessage(), e);
        }
        return t;
    }

    @Provide
    Arbitrary<byte[]> textMutations() {
        Arbitrary<String> base = Arbitraries.of(GOOD, SMALL);
        Arbitrary<List<int[]>> edits = Combinators.combine(
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, 3),
                Arbitraries.of('{', '}', '[', ']', '"', ',', ':', '0', '9', '-', 'e', 'z', '\\', ' ', '\n', 'é', '\u0000'))
                .as((pos, op, ch) -> new int[] {pos, op, ch}).list().ofMinSize(1).ofMaxSize(6);
        return Combinators.combine(base, edits).as((text, list) -> {
            StringBuilder sb = new StringBuilder(text);
            for (int[] e : list) {
                if (sb.length() == 0) {
                    break;
                }
                int p = e[0] % sb.length();
                switch (e[1]) {
                    case 0 -> sb.deleteCharAt(p);
                    case 1 -> sb.insert(p, (char) e[2]);
                    case 2 -> sb.setCharAt(p, (char) e[2]);
                    default -> sb.setLength(p);
                }
            }
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        });
    }

    @Provide
    Arbitrary<byte[]> treeMutations() {
        Arbitrary<JsonNode> values = Arbitraries.oneOf(
                Arbitraries.just(JsonNodeFactory.instance.nullNode()),
                Arbitraries.integers().between(-3, 70000).map(i -> (JsonNode) JsonNodeFactory.instance.numberNode(i)),
                Arbitraries.longs().map(l -> (JsonNode) JsonNodeFactory.instance.numberNode(l)),
                Arbitraries.doubles().map(d -> (JsonNode) JsonNodeFactory.instance.numberNode(d)),
                Arbitraries.of("", "e1", "e99", "udp", "tcp", "A", "NXDOMAIN", "zz", "abc", "127.0.0.1", "::1",
                        "[::1]:53", "a..b", ".", "messageSent", "answer", "2026-01-01T00:00:00Z", "lame", "miss")
                        .map(s -> (JsonNode) JsonNodeFactory.instance.textNode(s)),
                Arbitraries.strings().ofMaxLength(8).map(s -> (JsonNode) JsonNodeFactory.instance.textNode(s)),
                Arbitraries.of(true, false).map(b -> (JsonNode) JsonNodeFactory.instance.booleanNode(b)),
                Arbitraries.just(JsonNodeFactory.instance.arrayNode()),
                Arbitraries.just(JsonNodeFactory.instance.objectNode()));
        Arbitrary<int[]> targets = Arbitraries.integers().between(0, Integer.MAX_VALUE)
                .list().ofMinSize(1).ofMaxSize(3).map(l -> l.stream().mapToInt(Integer::intValue).toArray());
        return Combinators.combine(Arbitraries.of(GOOD, SMALL), targets, values.list().ofSize(3),
                Arbitraries.integers().between(0, 2)).as((text, picks, vals, op) -> {
            try {
                JsonNode root = OM.readTree(text);
                for (int i = 0; i < picks.length; i++) {
                    List<Object[]> slots = new ArrayList<>();
                    JsonTreeMutations.collect(root, slots);
                    Object[] slot = slots.get(picks[i] % slots.size());
                    JsonTreeMutations.mutate(slot, vals.get(i), op);
                }
                return OM.writeValueAsBytes(root);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Provide
    Arbitrary<byte[]> randomBytes() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                // a plausible start, then noise
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200).map(b -> {
                    byte[] head = "{\"format\": \"resolvefx-trace\", \"formatVersion\": 1, ".getBytes(StandardCharsets.UTF_8);
                    byte[] out = new byte[head.length + b.length];
                    System.arraycopy(head, 0, out, 0, head.length);
                    System.arraycopy(b, 0, out, head.length, b.length);
                    return out;
                }));
    }
}
