package org.resolvefx.core.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.resolvefx.core.trace.Endpoint;
import org.resolvefx.core.trace.Narrator;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Role;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.TraceFiles;
import org.resolvefx.core.trace.TraceSource;
import org.resolvefx.core.trace.WireMessage;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

/** The lessons in lessons/: each loads without a single problem, replays, and tells the lecture's story. */
class ShippedLessonsTest {

    static final Path LESSONS = Path.of("lessons");
    static Map<String, LoadedLesson> loaded;

    @BeforeAll
    static void loadAll() throws IOException {
        loaded = new java.util.TreeMap<>();
        for (LoadedLesson l : LessonLoader.loadAll(LESSONS)) {
            loaded.put(Path.of(l.source()).getFileName().toString(), l);
        }
    }

    static Stream<String> lessonNames() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(LESSONS)) {
            s.filter(Files::isDirectory).forEach(p -> names.add(p.getFileName().toString()));
        }
        return names.stream().sorted();
    }

    @Test
    void thereAreTheLecturesTenLessons() {
        assertThat(loaded.keySet()).containsExactly("01-namespace", "02-recursive-iterative", "03-message-format",
                "04-resource-records", "05-caching-ttl", "06-inserting-records", "07-root-servers",
                "08-where-is-the-info", "09-redundancy", "10-when-things-go-wrong");
    }

    @ParameterizedTest
    @MethodSource("lessonNames")
    void loadsWithoutProblems(String name) {
        LoadedLesson l = loaded.get(name);
        assertThat(l.problems()).as(name).isEmpty();
        assertThat(l.isValid()).isTrue();
        Lesson lesson = l.lesson().orElseThrow();
        assertThat(lesson.id()).isEqualTo(name);
        assertThat(lesson.languages()).containsExactly("en", "de");
        assertThat(l.runs()).hasSize(lesson.scenarios().size());
        assertThat(lesson.questions()).as("predict-mode questions").isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("lessonNames")
    void everyRunIsALessonTraceOfItsWorldWithTheLessonsNarration(String name) {
        LoadedLesson l = loaded.get(name);
        for (ScenarioRun run : l.runs()) {
            Trace t = run.trace();
            assertThat(t.source()).isEqualTo(TraceSource.LESSON);
            assertThat(t.world()).isEqualTo(name);
            assertThat(run.steps()).hasSize(t.events().size());
            assertThat(run.intro().en()).as("introduction").isNotBlank();
            assertThat(run.intro().de()).isNotBlank();
            for (LessonStep step : run.steps()) {
                TraceEvent e = t.events().get(step.number() - 1);
                assertThat(step.event()).isSameAs(e);
                if (step.hasLessonNarration("en")) {
                    assertThat(e.narration().en()).isEqualTo(NarrationMarkdown.plain(step.markdown().en()));
                }
                if (step.hasLessonNarration("de")) {
                    assertThat(e.narration().de()).isEqualTo(NarrationMarkdown.plain(step.markdown().de()));
                }
                // narration in one language only would leave the other to the generator: not in shipped lessons
                assertThat(step.hasLessonNarration("en")).isEqualTo(step.hasLessonNarration("de"));
            }
            // the trace survives a round trip through the trace file format
            assertThat(assertRoundTrip(t)).isTrue();
        }
    }

    private static boolean assertRoundTrip(Trace t) {
        try {
            return TraceFiles.toJson(TraceFiles.fromJson(TraceFiles.toJson(t), "x")).equals(TraceFiles.toJson(t));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @MethodSource("lessonNames")
    void replaysAreDeterministic(String name) {
        LoadedLesson first = loaded.get(name);
        LoadedLesson again = LessonLoader.load(LESSONS.resolve(name));
        for (ScenarioRun run : first.runs()) {
            String a = TraceFiles.toJson(run.trace());
            String b = TraceFiles.toJson(again.run(run.scenario().id()).orElseThrow().trace());
            assertThat(b).as(run.scenario().id()).isEqualTo(a);
        }
    }

    @Test
    void lessonTwoRecursiveHasExactlyTheEightMessagesOfTheFigure() throws Exception {
        Trace t = loaded.get("02-recursive-iterative").run("recursive").orElseThrow().trace();
        assertThat(t.mode()).isEqualTo(ResolutionMode.RECURSIVE);
        List<WireMessage> m = t.messages();
        assertThat(m).hasSize(8);
        Map<String, Endpoint> eps = Narrator.endpointsById(t.endpoints());
        Role[][] figure = {
            {Role.CLIENT, Role.RESOLVER},        // 1 recursive query
            {Role.RESOLVER, Role.ROOT},          // 2
            {Role.ROOT, Role.RESOLVER},          // 3 referral to de
            {Role.RESOLVER, Role.TLD},           // 4
            {Role.TLD, Role.RESOLVER},           // 5 referral to tu-darmstadt.de
            {Role.RESOLVER, Role.AUTHORITATIVE}, // 6
            {Role.AUTHORITATIVE, Role.RESOLVER}, // 7 CNAME and A
            {Role.RESOLVER, Role.CLIENT},        // 8 the answer
        };
        boolean[] response = {false, false, true, false, true, false, true, true};
        for (int i = 0; i < 8; i++) {
            assertThat(eps.get(m.get(i).fromId()).role()).as("message %d from", i + 1).isEqualTo(figure[i][0]);
            assertThat(eps.get(m.get(i).toId()).role()).as("message %d to", i + 1).isEqualTo(figure[i][1]);
            assertThat(m.get(i).isResponse()).as("message %d is a response", i + 1).isEqualTo(response[i]);
        }
        assertThat(eps.get(m.get(3).toId()).zone()).isEqualTo("de.");
        assertThat(eps.get(m.get(5).toId()).zone()).isEqualTo("tu-darmstadt.de.");
        Message first = new Message(m.get(0).bytes());
        assertThat(first.getHeader().getFlag(Flags.RD)).isTrue();
        for (int i = 1; i < 7; i += 2) {
            assertThat(new Message(m.get(i).bytes()).getHeader().getFlag(Flags.RD)).as("iterative query").isFalse();
        }
        // message 7: the lecture's two answer records with their TTLs
        Message seventh = new Message(m.get(6).bytes());
        assertThat(seventh.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(seventh.getSection(Section.ANSWER)).extracting(r -> r.getTTL()).containsExactly(49817L, 1592L);
        Message last = new Message(m.get(7).bytes());
        assertThat(last.getHeader().getFlag(Flags.RA)).isTrue();
        assertThat(last.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(last.getSection(Section.ANSWER)).hasSize(2);

        Trace it = loaded.get("02-recursive-iterative").run("iterative").orElseThrow().trace();
        assertThat(it.mode()).isEqualTo(ResolutionMode.ITERATIVE);
        assertThat(it.messages()).hasSize(6);
        assertThat(it.endpoints()).extracting(Endpoint::role).doesNotContain(Role.RESOLVER);
    }

    @Test
    void lessonOneWalksThroughTheZoneCutAtInformatik() {
        Trace t = loaded.get("01-namespace").run("down-the-tree").orElseThrow().trace();
        assertThat(t.endpoints()).extracting(Endpoint::zone)
                .contains(".", "de.", "tu-darmstadt.de.", "informatik.tu-darmstadt.de.");
        assertThat(t.events()).filteredOn(e -> e instanceof TraceEvent.CnameRestart).hasSize(1);
    }

    @Test
    void lessonThreeAsksTheAuthorityDirectlyAndPointsTheInspectorAtFields() {
        ScenarioRun run = loaded.get("03-message-format").run("query-and-response").orElseThrow();
        assertThat(run.trace().mode()).isEqualTo(ResolutionMode.STUB);
        assertThat(run.trace().endpoints()).extracting(Endpoint::role).containsExactly(Role.CLIENT,
                Role.AUTHORITATIVE);
        assertThat(run.trace().endpoints().get(1).serverName()).isEqualTo("ns1.hrz.tu-darmstadt.de.");
        assertThat(run.step(1).inspectField()).contains("dns.id");
        assertThat(run.step(2).inspectField()).contains("dns.flags.authoritative");
        ScenarioRun flags = loaded.get("03-message-format").run("flags-along-the-way").orElseThrow();
        assertThat(flags.steps()).filteredOn(s -> s.inspect() != null).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void lessonFiveAnswersFromTheCacheUntilTheTtlRunsOut() {
        LoadedLesson l = loaded.get("05-caching-ttl");
        TraceEvent.Answer again = (TraceEvent.Answer) l.run("again").orElseThrow().trace().outcome().orElseThrow();
        assertThat(again.fromCache()).isTrue();
        Trace expired = l.run("expired").orElseThrow().trace();
        assertThat(expired.messages()).hasSize(4);
        assertThat(expired.initialCache()).extracting(CacheEntryKey::of)
                .contains("www.p2p.tu-darmstadt.de. CNAME")
                .doesNotContain("charon.dekanat.informatik.tu-darmstadt.de. A");
        TraceEvent.Answer negative = (TraceEvent.Answer) l.run("negative").orElseThrow().trace().outcome()
                .orElseThrow();
        assertThat(negative.rcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(negative.fromCache()).isTrue();
    }

    /** "name TYPE" of a cache entry. */
    private static final class CacheEntryKey {
        static String of(org.resolvefx.core.trace.CacheEntry e) {
            return e.key();
        }
    }

    @Test
    void lessonSixIsNxdomainBeforeAndAnAnswerAfterTheRegistration() {
        LoadedLesson l = loaded.get("06-inserting-records");
        TraceEvent.Answer before = (TraceEvent.Answer) l.run("before-registration").orElseThrow().trace().outcome()
                .orElseThrow();
        TraceEvent.Answer after = (TraceEvent.Answer) l.run("after-registration").orElseThrow().trace().outcome()
                .orElseThrow();
        assertThat(before.rcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(after.rcode()).isEqualTo(Rcode.NOERROR);
        assertThat(after.records()).anyMatch(r -> r.contains("127.0.4.80"));
    }

    @Test
    void lessonSevenPrimesAndLessonNineAndTenShowTroubles() {
        Trace priming = loaded.get("07-root-servers").run("priming").orElseThrow().trace();
        TraceEvent.MessageSent firstUpstream = (TraceEvent.MessageSent) priming.events().get(2);
        assertThat(firstUpstream.message().parse().orElseThrow().getQuestion().getName().toString()).isEqualTo(".");

        Trace primaryDown = loaded.get("09-redundancy").run("primary-down").orElseThrow().trace();
        assertThat(primaryDown.events()).filteredOn(e -> e instanceof TraceEvent.Timeout).isNotEmpty();
        assertThat(loaded.get("09-redundancy").run("all-down").orElseThrow().trace().outcome().orElseThrow())
                .isInstanceOf(TraceEvent.Failure.class);

        LoadedLesson ten = loaded.get("10-when-things-go-wrong");
        assertThat(ten.run("truncated").orElseThrow().trace().events())
                .filteredOn(e -> e instanceof TraceEvent.TcpFallback).hasSize(1);
        assertThat(ten.run("lame").orElseThrow().trace().events())
                .filteredOn(e -> e instanceof TraceEvent.ServerSkipped s
                        && s.reason() == TraceEvent.SkipReason.REFUSED).hasSize(1);
    }

    @Test
    void theReadmeListsEveryLesson() throws IOException {
        String readme = Files.readString(LESSONS.resolve("README.md"));
        for (String name : loaded.keySet()) {
            assertThat(readme).as(name).contains(name);
        }
    }
}
