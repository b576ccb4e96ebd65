package org.resolvefx.core.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of broken lesson gives its own clear problem, with the file and line it is about,
 * and the lesson still loads (as a {@link LoadedLesson} with problems, never an exception).
 */
class BadLessonsTest {

    @TempDir
    Path tmp;

    static final String MANIFEST_FILE = "tiny/lesson.json";

    private static LoadedLesson load(Map<String, String> files) {
        return LessonLoader.load(TinyLesson.inMemory(files));
    }

    private static LoadedLesson withManifest(String manifest) {
        Map<String, String> files = TinyLesson.files();
        files.put("lesson.json", manifest);
        return load(files);
    }

    private static LessonProblem single(LoadedLesson l) {
        assertThat(l.problems()).as("problems").hasSize(1);
        assertThat(l.isValid()).isFalse();
        return l.problems().get(0);
    }

    @Test
    void theTinyLessonItselfIsValid() {
        LoadedLesson l = load(TinyLesson.files());
        assertThat(l.problems()).isEmpty();
        assertThat(l.isValid()).isTrue();
        ScenarioRun run = l.run("www").orElseThrow();
        assertThat(run.steps()).hasSize(3);
        assertThat(run.step(2).questions()).extracting(PredictQuestion::id).containsExactly("aa");
        assertThat(run.step(2).notes().en()).isEqualTo("Point at the AA bit.");
        assertThat(run.step(2).notes().de()).isEmpty();
        assertThat(run.step(1).event().narration().en()).isEqualTo("The client asks ns1.hrz for www.tu-darmstadt.de.");
        assertThat(run.step(1).markdown().en()).isEqualTo("The client asks **ns1.hrz** for `www.tu-darmstadt.de`.");
        assertThat(run.intro().de()).isEqualTo("Wir fragen den Server der TU direkt.");
    }

    @Test
    void missingLessonJson() throws IOException {
        Map<String, String> files = TinyLesson.files();
        files.remove("lesson.json");
        Path dir = TinyLesson.write(tmp.resolve("no-manifest"), files);
        LoadedLesson l = LessonLoader.load(dir);
        LessonProblem p = single(l);
        assertThat(p.file()).isEqualTo(dir + "/lesson.json");
        assertThat(p.line()).isZero();
        assertThat(p.message()).contains("missing").contains("lesson.json");
        assertThat(l.lesson()).isEmpty();
    }

    @Test
    void aFolderThatDoesNotExist() {
        LoadedLesson l = LessonLoader.load(tmp.resolve("nowhere"));
        assertThat(single(l).message()).isEqualTo("not found");
        assertThat(single(l).file()).isEqualTo(tmp.resolve("nowhere").toString());
    }

    @Test
    void notJson() {
        String text = TinyLesson.manifestWith("\"level\": \"intro\",", "\"level\": \"intro\"");
        LessonProblem p = single(withManifest(text));
        assertThat(p.file()).isEqualTo(MANIFEST_FILE);
        assertThat(p.line()).isEqualTo(TinyLesson.lineOf(text, "\"minutes\""));
        assertThat(p.column()).isPositive();
        assertThat(p.message()).startsWith("not valid JSON");
        assertThat(p.format()).startsWith("tiny/lesson.json:" + p.line() + ": not valid JSON");
    }

    @Test
    void duplicateKeysAreRefused() {
        String text = TinyLesson.manifestWith("\"minutes\": 5,", "\"minutes\": 5,\n  \"minutes\": 6,");
        LessonProblem p = single(withManifest(text));
        assertThat(p.message()).contains("Duplicate field 'minutes'");
        assertThat(p.line()).isEqualTo(TinyLesson.lineOf(text, "\"minutes\": 6"));
    }

    @Test
    void schemaWrongType() {
        String text = TinyLesson.manifestWith("\"minutes\": 5", "\"minutes\": \"five\"");
        LessonProblem p = single(withManifest(text));
        assertThat(p.line()).isEqualTo(TinyLesson.lineOf(text, "\"minutes\""));
        assertThat(p.message()).startsWith("minutes: ").contains("integer");
    }

    @Test
    void schemaUnknownField() {
        String text = TinyLesson.manifestWith("\"level\": \"intro\",",
                "\"level\": \"intro\",\n  \"titel\": \"typo\",");
        LessonProblem p = single(withManifest(text));
        assertThat(p.line()).isEqualTo(TinyLesson.lineOf(text, "\"titel\""));
        assertThat(p.message()).contains("unknown field \"titel\"");
    }

    @Test
    void schemaUnknownFieldDeepInside() {
        String text = TinyLesson.manifestWith("\"views\": [\"inspector\", \"flow\"],",
                "\"views\": [\"inspector\", \"flow\"],\n      \"naration\": \"x\",");
        LessonProblem p = single(withManifest(text));
        assertThat(p.line()).isEqualTo(TinyLesson.lineOf(text, "\"naration\""));
        assertThat(p.message()).startsWith("scenarios[0]: unknown field \"naration\"");
    }

    @Test
    void schemaMissingTitleInOneLanguage() {
        String text = TinyLesson.manifestWith("\"title\": { \"en\": \"Tiny\", \"de\": \"Winzig\" }",
                "\"title\": { \"en\": \"Tiny\" }");
        LessonProblem p = single(withManifest(text));
        assertThat(p.line()).isEqualTo(TinyLesson.lineOf(text, "\"title\": { \"en\": \"Tiny\" }"));
        assertThat(p.message()).isEqualTo("title: missing required field \"de\"");
    }

    @Test
    void schemaProblemsAreAllListedInFileOrder() {
        String text = TinyLesson.manifestWith("\"minutes\": 5", "\"minutes\": -1");
        text = TinyLesson.replaceOnce(text, "\"level\": \"intro\"", "\"level\": \"beginner\"");
        LoadedLesson l = withManifest(text);
        assertThat(l.problems()).extracting(LessonProblem::line).containsExactly(
                TinyLesson.lineOf(text, "\"level\""), TinyLesson.lineOf(text, "\"minutes\""));
    }

    @Test
    void wrongFormatAndNewerVersion() {
        LessonProblem format = single(withManifest(TinyLesson.manifestWith("\"resolvefx-lesson\"", "\"resolvefx-trace\"")));
        assertThat(format.message()).contains("not a ResolveFX lesson");
        LessonProblem version = single(withManifest(TinyLesson.manifestWith("\"formatVersion\": 1",
                "\"formatVersion\": 7")));
        assertThat(version.message()).contains("newer than this ResolveFX can read");
        assertThat(version.line()).isEqualTo(3);
    }

    @Test
    void emptyFileAndNonObject() {
        assertThat(single(withManifest("")).message()).contains("empty");
        assertThat(single(withManifest("[1, 2]")).message()).contains("expected a JSON object");
    }

    @Test
    void brokenZoneFileIsReportedWithItsOwnLine() {
        String zone = """
                $ORIGIN tu-darmstadt.de.
                $TTL 3600
                @       IN SOA ns1.hrz.tu-darmstadt.de. hostmaster.tu-darmstadt.de. 1 7200 3600 1209600 300
                @       IN NS  ns1.hrz.tu-darmstadt.de.
                ns1.hrz IN A   127.0.3.1
                www     IN A   not-an-address
                """;
        Map<String, String> files = TinyLesson.files();
        files.put("lesson.json", TinyLesson.manifestWith("\"world\": { \"base\": \"default\" }",
                "\"world\": { \"base\": \"default\", \"zones\": [ { \"origin\": \"tu-darmstadt.de.\", "
                        + "\"file\": \"zones/tu.zone\" } ] }"));
        files.put("zones/tu.zone", zone);
        LessonProblem p = single(load(files));
        assertThat(p.file()).isEqualTo("tiny/zones/tu.zone");
        assertThat(p.line()).isEqualTo(TinyLesson.lineOf(zone, "not-an-address"));
    }

    @Test
    void missingZoneFilePointsAtTheLineThatNamesIt() {
        String text = TinyLesson.manifestWith("\"world\": { \"base\": \"default\" }",
                "\"world\": {\n    \"base\": \"default\",\n    \"zones\": [ { \"origin\": \"de.\",\n"
                        + "      \"file\": \"zones/de.zone\" } ]\n  }");
        LessonProblem p = single(withManifest(text));
        assertThat(p.file()).isEqualTo(MANIFEST_FILE);
        assertThat(p.line()).isEqualTo(TinyLesson.lineOf(text, "zones/de.zone"));
        assertThat(p.message()).contains("zones/de.zone").contains("not found");
    }

    @Test
    void scenarioThatEndsInAFailureWhenItShouldAnswer() {
        String text = TinyLesson.manifestWith("\"world\": { \"base\": \"default\" }",
                "\"world\": { \"base\": \"default\", \"servers\": [ { \"name\": \"ns1.hrz.tu-darmstadt.de.\", "
                        + "\"behaviour\": \"dead\" } ] }");
        LessonProblem p = single(withManifest(text));
        assertThat(p.line()).isEqualTo(TinyLesson.lineOf(text, "\"expect\""));
        assertThat(p.message()).contains("scenario 'www' ends in a failure (allServersFailed")
                .contains("but should answer");
    }

    @Test
    void scenarioThatCannotBeResolved() {
        String text = TinyLesson.manifestWith("\"type\": \"A\"", "\"type\": \"AXFR\"");
        LessonProblem p = single(withManifest(text));
        assertThat(p.line()).isEqualTo(TinyLesson.lineOf(text, "AXFR"));
        assertThat(p.message()).isEqualTo("AXFR is not a type a resolver looks up");
        LessonProblem unknownServer = single(withManifest(TinyLesson.manifestWith("\"server\": \"ns1.hrz.tu-darmstadt.de.\"",
                "\"server\": \"ns9.example.\"")));
        assertThat(unknownServer.message()).contains("no server of the world is called or listens on 'ns9.example.'");
    }

    @Test
    void expectationThatDoesNotHold() {
        String text = TinyLesson.manifestWith("\"messages\": 2", "\"messages\": 8");
        LessonProblem p = single(withManifest(text));
        assertThat(p.line()).isEqualTo(TinyLesson.lineOf(text, "\"messages\": 8"));
        assertThat(p.message()).isEqualTo("scenario 'www' has 2 messages, not 8");
    }

    @Test
    void narrationMissingASteps() {
        Map<String, String> files = TinyLesson.files();
        files.put("narration/www.en.md", TinyLesson.replaceOnce(TinyLesson.NARRATION_EN, "## Step 3\nDone.\n", ""));
        LessonProblem p = single(load(files));
        assertThat(p.file()).isEqualTo("tiny/narration/www.en.md");
        assertThat(p.message()).startsWith("no English (en) narration for step 3 of 3 (answer)");
    }

    @Test
    void generatedNarrationCanBeDeclaredFine() {
        Map<String, String> files = TinyLesson.files();
        files.put("narration/www.en.md", TinyLesson.replaceOnce(TinyLesson.NARRATION_EN, "## Step 3\nDone.\n", ""));
        files.put("narration/www.de.md", TinyLesson.replaceOnce(TinyLesson.NARRATION_DE, "## Schritt 3\nFertig.\n", ""));
        files.put("lesson.json", TinyLesson.manifestWith("\"views\": [\"inspector\", \"flow\"],",
                "\"views\": [\"inspector\", \"flow\"],\n      \"generatedNarration\": { \"kinds\": [\"answer\"] },"));
        LoadedLesson l = load(files);
        assertThat(l.problems()).isEmpty();
        LessonStep three = l.run("www").orElseThrow().step(3);
        assertThat(three.hasLessonNarration("en")).isFalse();
        assertThat(three.event().narration().en()).startsWith("The lookup is complete");
    }

    @Test
    void narrationInOneLanguageOnly() {
        Map<String, String> files = TinyLesson.files();
        files.remove("narration/www.de.md");
        LessonProblem p = single(load(files));
        assertThat(p.file()).isEqualTo("tiny/narration/www.de.md");
        assertThat(p.message()).startsWith("missing: the narration of scenario 'www' in German (de)");
    }

    @Test
    void narrationForAStepThatDoesNotExist() {
        Map<String, String> files = TinyLesson.files();
        String en = TinyLesson.NARRATION_EN + "\n## Step 7\nToo far.\n";
        files.put("narration/www.en.md", en);
        LessonProblem p = single(load(files));
        assertThat(p.line()).isEqualTo(TinyLesson.lineOf(en, "## Step 7"));
        assertThat(p.message()).isEqualTo("step 7 does not exist: scenario 'www' has 3 steps");
    }

    @Test
    void narrationWithAStrayHeadingOrADuplicateStep() {
        Map<String, String> files = TinyLesson.files();
        String en = TinyLesson.replaceOnce(TinyLesson.NARRATION_EN, "## Step 3", "## Summary\n\n## Step 2");
        files.put("narration/www.en.md", en);
        LoadedLesson l = load(files);
        assertThat(l.problems()).extracting(LessonProblem::line).contains(TinyLesson.lineOf(en, "## Summary"));
        assertThat(l.problems()).extracting(LessonProblem::message)
                .anyMatch(m -> m.startsWith("unexpected heading '## Summary'"))
                .anyMatch(m -> m.startsWith("step 2 appears twice"));
    }

    @Test
    void questionAboutAStepThatDoesNotExist() {
        String text = TinyLesson.manifestWith("\"step\": 2,\n", "\"step\": 9,\n");
        LessonProblem p = single(withManifest(text));
        assertThat(p.line()).isEqualTo(TinyLesson.lineOf(text, "\"step\": 9"));
        assertThat(p.message()).isEqualTo("question 'aa' is about step 9, but scenario 'www' has 3 steps");
    }

    @Test
    void questionAboutAScenarioThatDoesNotExistOrWithoutARightAnswer() {
        String text = TinyLesson.manifestWith("\"scenario\": \"www\"", "\"scenario\": \"wwww\"");
        LessonProblem p = single(withManifest(text));
        assertThat(p.line()).isEqualTo(TinyLesson.lineOf(text, "\"wwww\""));
        assertThat(p.message()).contains("scenario 'wwww', which the lesson does not have (scenarios: www)");
        LessonProblem noRight = single(withManifest(TinyLesson.manifestWith("\"correct\": true", "\"correct\": false")));
        assertThat(noRight.message()).contains("exactly one choice with \"correct\": true, found 0");
    }

    @Test
    void inspectorHintsMustPointAtAFieldOfAMessage() {
        LessonProblem notThere = single(withManifest(TinyLesson.manifestWith("\"dns.flags.authoritative\"",
                "\"dns.soa.mname\"")));
        assertThat(notThere.message()).isEqualTo("the message of step 2 has no field 'dns.soa.mname'");
        LessonProblem noMessage = single(withManifest(TinyLesson.manifestWith("{ \"step\": 2, \"inspect\"",
                "{ \"step\": 3, \"inspect\"")));
        assertThat(noMessage.message()).isEqualTo("step 3 is a answer event, not a message: there is nothing to inspect");
    }

    @Test
    void unknownLanguage() {
        String text = TinyLesson.manifestWith("\"languages\": [\"en\", \"de\"]", "\"languages\": [\"en\", \"de\", \"fr\"]");
        LessonProblem p = single(withManifest(text));
        assertThat(p.line()).isEqualTo(TinyLesson.lineOf(text, "\"fr\""));
        assertThat(p.message()).isEqualTo("unknown language 'fr'; ResolveFX has texts in en and de");
        Map<String, String> files = TinyLesson.files();
        files.put("narration/www.fr.md", "## Step 1\nBonjour.\n");
        assertThat(single(load(files)).message()).startsWith("unknown language 'fr'");
    }

    @Test
    void narrationOfAScenarioThatDoesNotExist() {
        Map<String, String> files = TinyLesson.files();
        files.put("narration/ww.en.md", "## Step 1\nTypo in the file name.\n");
        LessonProblem p = single(load(files));
        assertThat(p.file()).isEqualTo("tiny/narration/ww.en.md");
        assertThat(p.message()).isEqualTo("narration for scenario 'ww', which the lesson does not have");
    }

    @Test
    void duplicateScenarioIds() {
        String scenario = TinyLesson.MANIFEST.substring(TinyLesson.MANIFEST.indexOf("    {\n      \"id\": \"www\""),
                TinyLesson.MANIFEST.indexOf("  ],\n  \"questions\""));
        String text = TinyLesson.manifestWith(scenario, scenario.stripTrailing() + ",\n" + scenario);
        LoadedLesson l = withManifest(text);
        assertThat(l.problems()).extracting(LessonProblem::message).containsExactly(
                "scenario id 'www' is used twice (first on line " + TinyLesson.lineOf(text, "\"id\": \"www\"") + ")");
    }

    @Test
    void worldChangesThatDoNotFit() {
        LessonProblem unknown = single(withManifest(TinyLesson.manifestWith("\"world\": { \"base\": \"default\" }",
                "\"world\": { \"base\": \"default\", \"servers\": [ { \"name\": \"ns9.example.\", \"behaviour\": \"dead\" } ] }")));
        assertThat(unknown.message()).contains("no server ns9.example.; a new server needs \"addresses\" and \"zones\"");
        LessonProblem clash = single(withManifest(TinyLesson.manifestWith("\"world\": { \"base\": \"default\" }",
                "\"world\": { \"base\": \"default\", \"servers\": [ { \"name\": \"ns9.example.\", "
                        + "\"addresses\": [\"127.0.3.1\"], \"zones\": [\"de.\"] } ] }")));
        assertThat(clash.message()).contains("127.0.3.1 of server ns9.example. is already used by server ns1.hrz.tu-darmstadt.de.");
        LessonProblem notLoopback = single(withManifest(TinyLesson.manifestWith("\"world\": { \"base\": \"default\" }",
                "\"world\": { \"base\": \"default\", \"servers\": [ { \"name\": \"ns9.example.\", "
                        + "\"addresses\": [\"192.0.2.1\"], \"zones\": [] } ] }")));
        assertThat(notLoopback.message()).contains("not a loopback address");
        LessonProblem removeMissing = single(withManifest(TinyLesson.manifestWith("\"world\": { \"base\": \"default\" }",
                "\"world\": { \"base\": \"default\", \"zones\": [ { \"origin\": \"example.\", \"remove\": true } ] }")));
        assertThat(removeMissing.message()).isEqualTo("cannot remove zone example.: the world has no such zone");
    }

    @Test
    void anAddedZoneNeedsAServer() {
        Map<String, String> files = TinyLesson.files();
        files.put("zones/example.zone", "$ORIGIN example.\n@ 3600 IN SOA ns.example. h.example. 1 2 3 4 5\n"
                + "@ 3600 IN NS ns.example.\nns 3600 IN A 127.0.9.1\n");
        files.put("lesson.json", TinyLesson.manifestWith("\"world\": { \"base\": \"default\" }",
                "\"world\": { \"base\": \"default\", \"zones\": [ { \"origin\": \"example.\", \"file\": \"zones/example.zone\" } ] }"));
        assertThat(single(load(files)).message()).isEqualTo(
                "zone example. is served by no server; list it under a server's \"zones\"");
        files.put("lesson.json", TinyLesson.manifestWith("\"world\": { \"base\": \"default\" }",
                "\"world\": { \"base\": \"default\", \"zones\": [ { \"origin\": \"example.\", \"file\": \"zones/example.zone\" } ],"
                        + " \"servers\": [ { \"name\": \"ns.example.\", \"addresses\": [\"127.0.9.1\"], \"zones\": [\"example.\"] } ] }"));
        assertThat(load(files).problems()).isEmpty();
    }

    @Test
    void zipWithPathTraversalIsRefused() throws IOException {
        Path zip = tmp.resolve("evil.rfxlesson");
        Files.write(zip, zip(Map.of("lesson.json", TinyLesson.MANIFEST, "../evil.txt", "gotcha")));
        LoadedLesson l = LessonLoader.load(zip);
        LessonProblem p = single(l);
        assertThat(p.file()).isEqualTo(zip.toString());
        assertThat(p.message()).contains("refused: entry '../evil.txt'").contains("leaves the lesson");
        assertThat(Files.exists(tmp.resolve("evil.txt"))).isFalse();
        for (String bad : List.of("/etc/passwd", "a/../../b", "C:\\x", "a\\..\\b")) {
            Files.write(zip, zip(Map.of("lesson.json", TinyLesson.MANIFEST, bad, "x")));
            assertThat(single(LessonLoader.load(zip)).message()).as(bad).startsWith("refused: entry");
        }
    }

    @Test
    void zippedLessonLoadsLikeTheFolder() throws IOException {
        Path zip = tmp.resolve("tiny.rfxlesson");
        Map<String, String> inFolder = new java.util.LinkedHashMap<>();
        TinyLesson.files().forEach((k, v) -> inFolder.put("tiny/" + k, v));
        Files.write(zip, zip(inFolder));
        LoadedLesson l = LessonLoader.load(zip);
        assertThat(l.problems()).isEmpty();
        assertThat(l.source()).isEqualTo(zip.toString());
        assertThat(l.files().display("lesson.json")).isEqualTo(zip + "!/lesson.json");
    }

    static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
