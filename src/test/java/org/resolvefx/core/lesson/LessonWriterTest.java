package org.resolvefx.core.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.resolvefx.core.engine.NetworkConditions;
import org.resolvefx.core.engine.ResolverOptions;
import org.resolvefx.core.engine.ResolverSession;
import org.resolvefx.core.engine.SessionClock;
import org.resolvefx.core.sandbox.WorldLoader;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceFiles;
import org.xbill.DNS.Type;

class LessonWriterTest {

    @TempDir
    Path tmp;

    static Stream<String> lessonNames() throws IOException {
        return ShippedLessonsTest.lessonNames();
    }

    @ParameterizedTest
    @MethodSource("lessonNames")
    void lessonJsonWrittenFromTheModelReadsBackToTheSameLesson(String name) {
        LoadedLesson l = LessonLoader.load(ShippedLessonsTest.LESSONS.resolve(name));
        Lesson lesson = l.lesson().orElseThrow();
        String json = LessonWriter.toJson(lesson);
        LoadedLesson back = LessonLoader.parseOnly(l.files().withText(Lesson.MANIFEST, json));
        assertThat(back.problems()).isEmpty();
        assertThat(back.lesson()).contains(lesson);
        assertThat(LessonWriter.toJson(back.lesson().orElseThrow())).isEqualTo(json);
        assertThat(json).contains("\"format\": \"resolvefx-lesson\"").endsWith("}\n");
    }

    @Test
    void aFolderIsWrittenAndReplacedAtomically() throws Exception {
        LoadedLesson original = LessonLoader.load(ShippedLessonsTest.LESSONS.resolve("02-recursive-iterative"));
        Lesson lesson = original.lesson().orElseThrow();
        Path target = tmp.resolve("copy");
        LessonWriter.write(lesson, original.files(), target);
        LoadedLesson copy = LessonLoader.load(target);
        assertThat(copy.problems()).isEmpty();
        for (ScenarioRun run : original.runs()) {
            assertThat(TraceFiles.toJson(copy.run(run.scenario().id()).orElseThrow().trace()))
                    .isEqualTo(TraceFiles.toJson(run.trace()));
        }

        // a second save replaces the folder: a file left out disappears, hidden files stay
        Files.writeString(target.resolve(".keep"), "mine");
        LessonFiles fewer = copy.files().without("narration/iterative.de.md");
        LessonWriter.write(lesson, fewer, target);
        assertThat(target.resolve("narration/iterative.de.md")).doesNotExist();
        assertThat(target.resolve(".keep")).hasContent("mine");
        assertThat(LessonLoader.load(target).problems()).extracting(LessonProblem::message)
                .containsExactly("missing: the narration of scenario 'iterative' in German (de) (one '## Step N' "
                        + "section per step, 9 steps)");
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("copy");
        }
    }

    @Test
    void anArchiveIsWrittenAndLoadsLikeTheFolder() throws Exception {
        LoadedLesson original = LessonLoader.load(ShippedLessonsTest.LESSONS.resolve("06-inserting-records"));
        Path zip = tmp.resolve("06.rfxlesson");
        LessonWriter.write(original.lesson().orElseThrow(), original.files(), zip);
        byte[] first = Files.readAllBytes(zip);
        LessonWriter.write(original.lesson().orElseThrow(), original.files(), zip);
        assertThat(Files.readAllBytes(zip)).as("reproducible").isEqualTo(first);
        LoadedLesson fromZip = LessonLoader.load(zip);
        assertThat(fromZip.problems()).isEmpty();
        assertThat(fromZip.runs()).hasSameSizeAs(original.runs());
    }

    @Test
    void aRecordedRunBecomesALesson() throws Exception {
        ResolverSession session = ResolverSession.sandbox(WorldLoader.loadDefault(),
                ResolverOptions.defaults().withSeed(5L).withPriming(false), NetworkConditions.defaults(),
                SessionClock.virtual(Instant.parse("2024-01-01T00:00:00Z")));
        Trace recorded = session.resolve(Question.of("www.umass.edu", Type.A), ResolutionMode.ITERATIVE);
        int n = recorded.events().size();
        int refused = 1 + recorded.events().indexOf(recorded.events().stream()
                .filter(e -> e instanceof org.resolvefx.core.trace.TraceEvent.MessageReceived r
                        && r.message().parse().orElseThrow().getRcode() == org.xbill.DNS.Rcode.REFUSED)
                .findFirst().orElseThrow());
        int next = refused + 1;
        LessonWriter.Draft draft = LessonWriter.recordedLesson("umass", new Bilingual("UMass", "UMass"),
                new Bilingual("A recorded lame delegation.", "Eine aufgezeichnete Lame Delegation."),
                LessonLevel.ADVANCED, 10, "lame", new Bilingual("Lame", "Lame"), recorded, List.of(
                        new LessonWriter.StepAnnotation(1, new Bilingual("First the root.", "Zuerst die Root."),
                                new Bilingual("Ask the room.", ""), "dns.flags.recdesired"),
                        new LessonWriter.StepAnnotation(refused, new Bilingual("REFUSED: lame.", "REFUSED: lame."),
                                Bilingual.EMPTY, "dns.flags.rcode"),
                        new LessonWriter.StepAnnotation(next, new Bilingual("Only English.", ""), Bilingual.EMPTY,
                                null)));
        Path zip = tmp.resolve("umass.rfxlesson");
        draft.writeTo(zip);

        LoadedLesson l = LessonLoader.load(zip);
        assertThat(l.problems()).isEmpty();
        ScenarioRun run = l.run("lame").orElseThrow();
        assertThat(run.scenario().source()).isEqualTo(new ScenarioSource.Recorded("traces/lame.trace.json"));
        assertThat(run.scenario().generatedNarration().steps()).doesNotContain(1, refused).contains(2, next).hasSize(n - 2);
        assertThat(run.scenario().expect().messages()).isEqualTo(recorded.messages().size());
        assertThat(run.trace().events()).hasSize(n);
        assertThat(run.trace().world()).isEqualTo("umass");
        assertThat(run.step(1).event().narration().en()).isEqualTo("First the root.");
        assertThat(run.step(1).event().narration().de()).isEqualTo("Zuerst die Root.");
        assertThat(run.step(1).notes().en()).isEqualTo("Ask the room.");
        assertThat(run.step(1).inspectField()).contains("dns.flags.recdesired");
        assertThat(run.step(2).event().narration()).isEqualTo(recorded.events().get(1).narration());
        assertThat(run.step(refused).inspectField()).contains("dns.flags.rcode");
        assertThat(run.step(next).event().narration().en()).isEqualTo("Only English.");
        assertThat(run.step(next).event().narration().de()).isEqualTo(recorded.events().get(next - 1).narration().de());
        assertThat(run.trace().messages()).isEqualTo(recorded.messages());
    }

    @Test
    void aRecordedScenarioCanBeAddedToALesson() {
        LoadedLesson tiny = LessonLoader.load(TinyLesson.inMemory(TinyLesson.files()));
        Trace t = tiny.run("www").orElseThrow().trace();
        LessonWriter.Draft draft = LessonWriter.withRecordedScenario(tiny.lesson().orElseThrow(), tiny.files(), "again",
                new Bilingual("Again", "Nochmal"), t, List.of(), List.of());
        LoadedLesson l = LessonLoader.load(draft.files());
        assertThat(l.problems()).isEmpty();
        assertThat(l.runs()).extracting(r -> r.scenario().id()).containsExactly("www", "again");
        assertThatThrownBy(() -> LessonWriter.withRecordedScenario(tiny.lesson().orElseThrow(), tiny.files(), "www",
                new Bilingual("x", "x"), t, List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBrokenRecordedTraceIsAProblemWithItsLine() {
        LoadedLesson tiny = LessonLoader.load(TinyLesson.inMemory(TinyLesson.files()));
        LessonWriter.Draft draft = LessonWriter.withRecordedScenario(tiny.lesson().orElseThrow(), tiny.files(), "rec",
                new Bilingual("R", "R"), tiny.run("www").orElseThrow().trace(), List.of(), List.of());
        String json = new String(draft.files().bytes("traces/rec.trace.json").orElseThrow(), StandardCharsets.UTF_8);
        String broken = json.replaceFirst("\"hex\" : \"[0-9a-f]+\"", "\"hex\" : \"zz\"");
        LoadedLesson l = LessonLoader.load(draft.files().withText("traces/rec.trace.json", broken));
        assertThat(l.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("tiny/traces/rec.trace.json");
            assertThat(p.line()).isEqualTo(TinyLesson.lineOf(broken, "\"zz\""));
            assertThat(p.message()).contains("not hexadecimal");
        });
        LoadedLesson gone = LessonLoader.load(draft.files().without("traces/rec.trace.json"));
        assertThat(gone.problems()).singleElement().satisfies(p ->
                assertThat(p.message()).startsWith("recorded trace 'traces/rec.trace.json' not found in the lesson"));
    }
}
