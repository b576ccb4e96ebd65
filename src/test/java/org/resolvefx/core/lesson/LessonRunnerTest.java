package org.resolvefx.core.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.sandbox.ServerBehaviour;
import org.resolvefx.core.trace.Endpoint;
import org.resolvefx.core.trace.Role;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.xbill.DNS.Name;

class LessonRunnerTest {

    /** A world of its own: a root and one zone, two servers. */
    static final String WORLD = """
            {
              "format": "resolvefx-world",
              "formatVersion": 1,
              "id": "own",
              "title": "Own",
              "servers": [
                { "name": "root.example.", "addresses": ["127.0.90.1"], "zones": ["."] },
                { "name": "ns.example.", "addresses": ["127.0.90.2"], "zones": ["example."] }
              ],
              "zones": [
                { "origin": ".", "file": "zones/root.zone" },
                { "origin": "example.", "file": "zones/example.zone" }
              ]
            }
            """;
    static final String ROOT = """
            $ORIGIN .
            @ 86400 IN SOA root.example. h.example. 1 1800 900 604800 86400
            @ 518400 IN NS root.example.
            example. 172800 IN NS ns.example.
            root.example. 518400 IN A 127.0.90.1
            ns.example. 172800 IN A 127.0.90.2
            """;
    static final String EXAMPLE = """
            $ORIGIN example.
            @ 3600 IN SOA ns.example. h.example. 1 7200 3600 1209600 60
            @ 3600 IN NS ns.example.
            ns 3600 IN A 127.0.90.2
            root 3600 IN A 127.0.90.1
            www 3600 IN A 127.0.90.80
            """;

    private static Map<String, String> ownWorldLesson(String scenarioExtra) {
        Map<String, String> files = TinyLesson.files();
        String manifest = TinyLesson.manifestWith("\"world\": { \"base\": \"default\" }", "\"world\": { \"folder\": \"world\" }");
        manifest = TinyLesson.replaceOnce(manifest,
                "\"resolve\": { \"name\": \"www.tu-darmstadt.de.\", \"type\": \"A\", \"mode\": \"stub\", \"server\": \"ns1.hrz.tu-darmstadt.de.\" }",
                "\"resolve\": { \"name\": \"www.example.\", \"type\": \"A\", \"mode\": \"iterative\" }" + scenarioExtra);
        manifest = TinyLesson.replaceOnce(manifest, "\"expect\": { \"rcode\": \"NOERROR\", \"messages\": 2 },",
                "\"expect\": { \"rcode\": \"NOERROR\", \"messages\": 4 },\n      \"generatedNarration\": { \"all\": true },");
        manifest = TinyLesson.replaceOnce(manifest, "\"steps\": [ { \"step\": 2, \"inspect\": \"dns.flags.authoritative\" } ]",
                "\"steps\": [ { \"step\": 5, \"inspect\": \"dns.flags.authoritative\" } ]");
        files.put("lesson.json", manifest);
        files.put("world/world.json", WORLD);
        files.put("world/zones/root.zone", ROOT);
        files.put("world/zones/example.zone", EXAMPLE);
        files.remove("narration/www.en.md");
        files.remove("narration/www.de.md");
        files.put("narration/www.en.md", "## Step 1\nTo the root.\n");
        files.put("narration/www.de.md", "## Schritt 1\nZur Root.\n");
        return files;
    }

    @Test
    void aLessonWithItsOwnWorldRunsInItAndTheWorldTakesTheLessonsId() throws Exception {
        Map<String, String> files = ownWorldLesson("");
        LoadedLesson l = LessonLoader.load(TinyLesson.inMemory(files));
        assertThat(l.problems()).isEmpty();
        ScenarioRun run = l.run("www").orElseThrow();
        assertThat(run.world()).isPresent();
        assertThat(run.world().get().id()).isEqualTo("tiny");
        assertThat(run.trace().endpoints()).extracting(Endpoint::serverName)
                .contains("root.example.", "ns.example.");
        SandboxWorld w = LessonRunner.world(l.lesson().orElseThrow(), l.files());
        assertThat(w.zones()).extracting(z -> z.origin().toString()).containsExactly(".", "example.");
        // the same lesson zipped reads its world from the archive
        LoadedLesson zipped = LessonLoader.load(LessonFiles.readArchive(
                new java.io.ByteArrayInputStream(TinyLesson.inMemory(files).toZip()), "own.rfxlesson"));
        assertThat(zipped.problems()).isEmpty();
    }

    @Test
    void aBrokenOwnWorldIsReportedInItsFile() {
        Map<String, String> files = ownWorldLesson("");
        String world = WORLD.replace("\"127.0.90.2\"", "\"10.0.0.2\"");
        files.put("world/world.json", world);
        LoadedLesson l = LessonLoader.load(TinyLesson.inMemory(files));
        assertThat(l.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("tiny/world/world.json");
            assertThat(p.line()).isEqualTo(TinyLesson.lineOf(world, "10.0.0.2"));
            assertThat(p.message()).contains("not a loopback address");
        });
        files.remove("world/world.json");
        assertThat(LessonLoader.load(TinyLesson.inMemory(files)).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("has no world.json"));
    }

    @Test
    void stubScenariosShowTheAskedServerAsWhatItIs() {
        Map<String, String> files = TinyLesson.files();
        files.put("lesson.json", TinyLesson.manifestWith("\"views\": [\"inspector\", \"flow\"],",
                "\"views\": [\"inspector\", \"flow\"],\n      \"generatedNarration\": { \"steps\": [1, 2] },"));
        files.put("narration/www.en.md", "## Step 3\nDone.\n");
        files.put("narration/www.de.md", "## Schritt 3\nFertig.\n");
        LoadedLesson l = LessonLoader.load(TinyLesson.inMemory(files));
        assertThat(l.problems()).isEmpty();
        ScenarioRun run = l.run("www").orElseThrow();
        Endpoint server = run.trace().endpoints().get(1);
        assertThat(server.role()).isEqualTo(Role.AUTHORITATIVE);
        assertThat(server.serverName()).isEqualTo("ns1.hrz.tu-darmstadt.de.");
        assertThat(server.zone()).isEqualTo("tu-darmstadt.de.");
        // the generated sentences name the server as the authority it is, not as a resolver
        assertThat(run.step(1).event().narration().en()).startsWith("The client asks the tu-darmstadt.de name server "
                + "ns1.hrz.tu-darmstadt.de");
        assertThat(run.step(2).event().narration().en()).startsWith("The tu-darmstadt.de name server "
                + "ns1.hrz.tu-darmstadt.de answers authoritatively");
    }

    @Test
    void cacheStepsPrepareTheCache() {
        Map<String, String> files = ownWorldLesson("");
        String m = files.get("lesson.json");
        m = TinyLesson.replaceOnce(m, "\"mode\": \"iterative\" }",
                "\"mode\": \"recursive\" },\n      \"before\": [ { \"resolve\": { \"name\": \"root.example.\" } }, "
                        + "{ \"advanceSeconds\": 10 } ]");
        m = TinyLesson.replaceOnce(m, "\"messages\": 4", "\"messages\": 4, \"fromCache\": false");
        files.put("lesson.json", m);
        LoadedLesson l = LessonLoader.load(TinyLesson.inMemory(files));
        assertThat(l.problems()).isEmpty();
        Trace t = l.run("www").orElseThrow().trace();
        assertThat(t.initialCache()).extracting(e -> e.key()).contains("example. NS", "root.example. A");
        assertThat(t.initialCache()).filteredOn(e -> e.key().equals("root.example. A"))
                .allMatch(e -> e.remainingSeconds(0) == 3590);

        files.put("lesson.json", TinyLesson.replaceOnce(m, "{ \"advanceSeconds\": 10 }", "{ \"clearCache\": true }"));
        LoadedLesson cleared = LessonLoader.load(TinyLesson.inMemory(files));
        assertThat(cleared.problems()).extracting(LessonProblem::message)
                .containsExactly("scenario 'www' has 6 messages, not 4");
        assertThat(cleared.run("www").orElseThrow().trace().initialCache()).allMatch(e -> e.section().equals("hints"));
    }

    @Test
    void beforeStepsOnlyMakeSenseForRecursiveLookups() {
        Map<String, String> files = ownWorldLesson(",\n      \"before\": [ { \"advanceSeconds\": 10 } ]");
        assertThat(LessonLoader.load(TinyLesson.inMemory(files)).problems()).extracting(LessonProblem::message)
                .containsExactly("scenario 'www' is iterative: only recursive lookups use the resolver's cache, so "
                        + "\"before\" changes nothing");
    }

    @Test
    void optionsReachTheEngineAndTheNetwork() {
        Map<String, String> files = ownWorldLesson(",\n      \"options\": { \"latencyMillis\": 40, \"edns\": false }");
        LoadedLesson l = LessonLoader.load(TinyLesson.inMemory(files));
        assertThat(l.problems()).isEmpty();
        Trace t = l.run("www").orElseThrow().trace();
        assertThat(t.events().get(1).atMicros()).isEqualTo(80_000);
        TraceEvent.MessageSent q = (TraceEvent.MessageSent) t.events().get(0);
        assertThat(q.message().parse().orElseThrow().getOPT()).isNull();
    }

    @Test
    void failuresCanBeTheLessonsPoint() {
        Map<String, String> files = TinyLesson.files();
        String m = TinyLesson.manifestWith("\"world\": { \"base\": \"default\" }",
                "\"world\": { \"base\": \"default\", \"servers\": [ { \"name\": \"ns1.hrz.tu-darmstadt.de.\", \"behaviour\": \"dead\" } ] }");
        m = TinyLesson.replaceOnce(m, "\"expect\": { \"rcode\": \"NOERROR\", \"messages\": 2 },",
                "\"expect\": { \"outcome\": \"failure\", \"failure\": \"allServersFailed\" },\n"
                        + "      \"generatedNarration\": { \"steps\": [4, 5, 6] },");
        m = TinyLesson.replaceOnce(m, "{ \"step\": 2, \"inspect\": \"dns.flags.authoritative\" }",
                "{ \"step\": 1, \"inspect\": \"dns.flags.recdesired\" }");
        m = TinyLesson.replaceOnce(m, "\"step\": 2,\n", "\"step\": 3,\n");
        files.put("lesson.json", m);
        LoadedLesson l = LessonLoader.load(TinyLesson.inMemory(files));
        assertThat(l.problems()).isEmpty();
        assertThat(l.run("www").orElseThrow().trace().outcome().orElseThrow()).isInstanceOf(TraceEvent.Failure.class);

        files.put("lesson.json", TinyLesson.replaceOnce(m, "\"allServersFailed\"", "\"cnameLoop\""));
        assertThat(LessonLoader.load(TinyLesson.inMemory(files)).problems()).extracting(LessonProblem::message)
                .containsExactly("scenario 'www' fails with allServersFailed, not cnameLoop");
    }

    @Test
    void oneScenarioCanBeRunOnItsOwn() throws Exception {
        LoadedLesson l = LessonLoader.load(TinyLesson.inMemory(TinyLesson.files()));
        ScenarioRun run = LessonRunner.run(l.lesson().orElseThrow(), l.files(), "www");
        assertThat(run.trace()).isEqualTo(l.run("www").orElseThrow().trace());
        assertThatThrownBy(() -> LessonRunner.run(l.lesson().orElseThrow(), l.files(), "nope"))
                .isInstanceOf(LessonException.class).hasMessageContaining("has no scenario 'nope'");
    }

    @Test
    void worldChangesApplyToServersAndZones() throws Exception {
        LoadedLesson l = LessonLoader.load(ShippedLessonsTest.LESSONS.resolve("02-recursive-iterative"));
        SandboxWorld w = LessonRunner.world(l.lesson().orElseThrow(), l.files());
        assertThat(w.id()).isEqualTo("02-recursive-iterative");
        assertThat(w.zone(Name.fromConstantString("informatik.tu-darmstadt.de."))).isEmpty();
        assertThat(w.server(Name.fromConstantString("ns.informatik.tu-darmstadt.de."))).isEmpty();
        assertThat(w.zone(Name.fromConstantString("tu-darmstadt.de.")).orElseThrow().source())
                .endsWith("zones/tu-darmstadt.de.zone");
        LoadedLesson nine = LessonLoader.load(ShippedLessonsTest.LESSONS.resolve("09-redundancy"));
        assertThat(nine.run("primary-down").orElseThrow().world().orElseThrow()
                .server(Name.fromConstantString("ns1.hrz.tu-darmstadt.de.")).orElseThrow().behaviour())
                .isEqualTo(ServerBehaviour.DEAD);
        // the lesson-level world is untouched by the scenario's change
        assertThat(LessonRunner.world(nine.lesson().orElseThrow(), nine.files())
                .server(Name.fromConstantString("ns1.hrz.tu-darmstadt.de.")).orElseThrow().behaviour())
                .isEqualTo(ServerBehaviour.NORMAL);
    }
}
