package org.resolvefx.core.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.resolvefx.core.trace.JsonTreeMutations;

/** Whatever lesson.json (or a narration or zone file) contains, loading gives problems, never an exception. */
class LessonFuzzTest {

    private static final ObjectMapper OM = new ObjectMapper();
    private static final Map<String, byte[]> TINY = bytes(TinyLesson.files());
    private static final Map<String, byte[]> LECTURE = shipped("02-recursive-iterative");

    private static Map<String, byte[]> bytes(Map<String, String> texts) {
        Map<String, byte[]> out = new HashMap<>();
        texts.forEach((k, v) -> out.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    private static Map<String, byte[]> shipped(String name) {
        try {
            LessonFiles f = LessonFiles.readFolder(ShippedLessonsTest.LESSONS.resolve(name));
            Map<String, byte[]> out = new HashMap<>();
            for (String p : f.paths()) {
                out.put(p, f.bytes(p).orElseThrow());
            }
            return out;
        } catch (LessonFiles.ReadException e) {
            throw new IllegalStateException(e);
        }
    }

    @Property
    void mutatedLessonJsonTextGivesOnlyProblems(@ForAll("textMutations") Map<String, byte[]> files) {
        check(files);
    }

    @Property
    void mutatedLessonJsonTreesGiveOnlyProblems(@ForAll("treeMutations") Map<String, byte[]> files) {
        check(files);
    }

    @Property
    void mutatedNarrationAndZoneFilesGiveOnlyProblems(@ForAll("otherFileMutations") Map<String, byte[]> files) {
        check(files);
    }

    @Property
    void randomBytesAsAnArchiveGiveAClearMessage(@ForAll("archives") byte[] zip) {
        try {
            LessonFiles f = LessonFiles.readArchive(new ByteArrayInputStream(zip), "fuzz.rfxlesson");
            check(toMap(f));
        } catch (LessonFiles.ReadException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.file()).isEqualTo("fuzz.rfxlesson");
        }
    }

    private static Map<String, byte[]> toMap(LessonFiles f) {
        Map<String, byte[]> m = new HashMap<>();
        for (String p : f.paths()) {
            m.put(p, f.bytes(p).orElseThrow());
        }
        return m;
    }

    /** Loads; a lesson that loads must survive writing lesson.json from its model unchanged. */
    private static void check(Map<String, byte[]> files) {
        LoadedLesson l = LessonLoader.load(LessonFiles.of("fuzz/", files));
        for (LessonProblem p : l.problems()) {
            assertThat(p.file()).startsWith("fuzz/");
            assertThat(p.message()).isNotBlank().doesNotContain("Exception", "com.fasterxml", "networknt");
            assertThat(p.line()).isNotNegative();
        }
        // lesson.json that reads without a problem is written back from the model unchanged in meaning
        // (a lesson with problems may have lost a broken scenario, so it cannot be compared)
        LoadedLesson parsed = LessonLoader.parseOnly(l.files());
        if (parsed.problems().isEmpty()) {
            Lesson lesson = parsed.lesson().orElseThrow();
            assertThat(l.lesson()).contains(lesson);
            LoadedLesson again = LessonLoader.parseOnly(l.files().withText(Lesson.MANIFEST, LessonWriter.toJson(lesson)));
            assertThat(again.lesson()).contains(lesson);
        }
        if (l.isValid()) {
            assertThat(l.runs()).isNotEmpty();
        }
    }

    @Provide
    Arbitrary<Map<String, byte[]>> textMutations() {
        Arbitrary<List<int[]>> edits = Combinators.combine(
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, 3),
                Arbitraries.of('{', '}', '[', ']', '"', ',', ':', '0', '9', '-', 'e', 'z', '\\', ' ', '\n', 'é', '.',
                        '/', '\u0000'))
                .as((pos, op, ch) -> new int[] {pos, op, ch}).list().ofMinSize(1).ofMaxSize(6);
        return Combinators.combine(Arbitraries.of(TINY, LECTURE), edits).as((base, list) -> {
            StringBuilder sb = new StringBuilder(new String(base.get("lesson.json"), StandardCharsets.UTF_8));
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
            return with(base, "lesson.json", sb.toString());
        });
    }

    @Provide
    Arbitrary<Map<String, byte[]>> treeMutations() {
        Arbitrary<JsonNode> values = Arbitraries.oneOf(
                Arbitraries.just(JsonNodeFactory.instance.nullNode()),
                Arbitraries.integers().between(-3, 70000).map(i -> (JsonNode) JsonNodeFactory.instance.numberNode(i)),
                Arbitraries.doubles().map(d -> (JsonNode) JsonNodeFactory.instance.numberNode(d)),
                Arbitraries.of("", "www", "recursive", "iterative", "stub", "default", "de.", ".", "a..b", "A", "AXFR",
                        "TYPE65280", "NXDOMAIN", "NOERROR", "allServersFailed", "cacheStore", "answer", "en", "de",
                        "fr", "dns.id", "dns.flags.recdesired", "resolvefx.answers", "zones/tu-darmstadt.de.zone",
                        "../x", "/etc/passwd", "ns1.hrz.tu-darmstadt.de.", "127.0.3.1", "192.0.2.1", "::1", "dead",
                        "slow", "narration/x.md", "traces/none.trace.json", "inspector", "failure")
                        .map(s -> (JsonNode) JsonNodeFactory.instance.textNode(s)),
                Arbitraries.strings().ofMaxLength(8).map(s -> (JsonNode) JsonNodeFactory.instance.textNode(s)),
                Arbitraries.of(true, false).map(b -> (JsonNode) JsonNodeFactory.instance.booleanNode(b)),
                Arbitraries.just(JsonNodeFactory.instance.arrayNode()),
                Arbitraries.just(JsonNodeFactory.instance.objectNode()));
        Arbitrary<int[]> targets = Arbitraries.integers().between(0, Integer.MAX_VALUE)
                .list().ofMinSize(1).ofMaxSize(3).map(l -> l.stream().mapToInt(Integer::intValue).toArray());
        return Combinators.combine(Arbitraries.of(TINY, LECTURE), targets, values.list().ofSize(3),
                Arbitraries.integers().between(0, 2)).as((base, picks, vals, op) -> {
            try {
                JsonNode root = OM.readTree(base.get("lesson.json"));
                for (int i = 0; i < picks.length; i++) {
                    List<Object[]> slots = new ArrayList<>();
                    JsonTreeMutations.collect(root, slots);
                    Object[] slot = slots.get(picks[i] % slots.size());
                    JsonTreeMutations.mutate(slot, vals.get(i), op);
                }
                return with(base, "lesson.json", OM.writeValueAsString(root));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Provide
    Arbitrary<Map<String, byte[]>> otherFileMutations() {
        Arbitrary<String> file = Arbitraries.of("narration/recursive.en.md", "narration/iterative.de.md",
                "zones/tu-darmstadt.de.zone");
        Arbitrary<List<int[]>> edits = Combinators.combine(
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, 3),
                Arbitraries.of('#', '\n', ' ', '`', '~', '1', '0', '9', 'S', '$', ';', '(', ')', '.', '@', '"'))
                .as((pos, op, ch) -> new int[] {pos, op, ch}).list().ofMinSize(1).ofMaxSize(8);
        return Combinators.combine(file, edits).as((name, list) -> {
            StringBuilder sb = new StringBuilder(new String(LECTURE.get(name), StandardCharsets.UTF_8));
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
            return with(LECTURE, name, sb.toString());
        });
    }

    @Provide
    Arbitrary<byte[]> archives() {
        byte[] good = LessonFiles.of("x/", TINY).toZip();
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                Combinators.combine(Arbitraries.integers().between(0, good.length - 1), Arbitraries.bytes())
                        .as((pos, b) -> {
                            byte[] copy = good.clone();
                            copy[pos] = b;
                            return copy;
                        }),
                Arbitraries.integers().between(0, good.length).map(n -> java.util.Arrays.copyOf(good, n)));
    }

    private static Map<String, byte[]> with(Map<String, byte[]> base, String path, String text) {
        Map<String, byte[]> out = new HashMap<>(base);
        out.put(path, text.getBytes(StandardCharsets.UTF_8));
        return out;
    }
}
