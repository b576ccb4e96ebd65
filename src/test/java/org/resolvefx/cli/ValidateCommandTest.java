package org.resolvefx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolvefx.core.lesson.LessonFiles;

/** {@code validate}: exit codes, the file:line: message format, several lessons, archives and skipped files. */
class ValidateCommandTest {

    static final Path LESSONS = Path.of("lessons");
    /** "file:line: message" or "file: message", the form editors jump to. */
    static final Pattern PROBLEM = Pattern.compile("^[^:\\s][^:]*(:\\d+)?: .+$");

    @TempDir
    Path tmp;

    static CommandRun run(String... args) {
        return CommandRun.of(new ValidateCommand(), args);
    }

    private static String[] shippedLessonArguments() throws IOException {
        List<String> args = new ArrayList<>();
        try (Stream<Path> s = Files.list(LESSONS)) {
            s.sorted().forEach(p -> args.add(p.toString()));
        }
        return args.toArray(String[]::new);
    }

    /** A copy of lesson 4 (resource records) in a folder, with one file replaced (file null: none). */
    private Path copyOfLessonFour(String name, String file, String text) throws IOException {
        Path dir = tmp.resolve(name);
        Path src = LESSONS.resolve("04-resource-records");
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Path target = dir.resolve(src.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (file != null) {
            Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
        }
        return dir;
    }

    @Test
    void theShippedLessonsAreAllValidAndTheReadmeIsSkipped() throws IOException {
        CommandRun r = run(shippedLessonArguments());
        assertThat(r.exit()).isZero();
        assertThat(r.lines()).hasSize(11);
        assertThat(r.lines().get(0)).matches("lessons/01-namespace: ok \\(2 scenarios, \\d+ steps, \\d+ questions\\)");
        assertThat(r.lines().get(10)).isEqualTo("10 lessons checked: 10 valid");
        assertThat(r.err()).isEqualTo("lessons/README.md: skipped (not a lesson folder or .rfxlesson archive)\n");
    }

    @Test
    void problemsArePrintedAsFileLineMessageAndTheExitCodeIsOne() throws IOException {
        String json = Files.readString(LESSONS.resolve("04-resource-records/lesson.json"));
        Path bad = copyOfLessonFour("bad", "lesson.json", json.replace("\"minutes\": 20", "\"minutes\": \"twenty\""));
        CommandRun r = run(bad.toString(), LESSONS.resolve("01-namespace").toString());
        assertThat(r.exit()).isEqualTo(1);
        List<String> lines = r.lines();
        int minutesLine = 1 + List.of(Files.readString(bad.resolve("lesson.json")).split("\n")).indexOf(
                List.of(Files.readString(bad.resolve("lesson.json")).split("\n")).stream()
                        .filter(l -> l.contains("\"minutes\"")).findFirst().orElseThrow());
        assertThat(lines.get(0)).startsWith(bad + "/lesson.json:" + minutesLine + ": minutes: ");
        assertThat(lines.get(0)).matches(PROBLEM);
        assertThat(lines).contains("lessons/01-namespace: ok (2 scenarios, 22 steps, 5 questions)");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("2 lessons checked: 1 valid, 1 with 1 problem");
    }

    @Test
    void everyProblemOfSeveralLessonsIsListed() throws IOException {
        Path noGerman = copyOfLessonFour("no-german", null, null);
        Files.delete(noGerman.resolve("narration/a.de.md"));
        String zone = Files.readString(LESSONS.resolve("04-resource-records/zones/ibm.com.zone"));
        Path brokenZone = copyOfLessonFour("broken-zone", "zones/ibm.com.zone", zone.replace("127.0.8.80", "127.0.8.800"));
        int zoneLine = 1 + List.of(zone.split("\n")).indexOf(List.of(zone.split("\n")).stream()
                .filter(l -> l.contains("127.0.8.80")).findFirst().orElseThrow());
        CommandRun r = run("--quiet", noGerman.toString(), brokenZone.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines()).hasSize(2).allMatch(l -> PROBLEM.matcher(l).matches());
        assertThat(r.lines().get(0)).startsWith(noGerman + "/narration/a.de.md: missing: the narration of scenario 'a'");
        assertThat(r.lines().get(1)).startsWith(brokenZone + "/zones/ibm.com.zone:" + zoneLine + ": ");
    }

    @Test
    void archivesAreChecked() throws Exception {
        Path zip = tmp.resolve("r.rfxlesson");
        Files.write(zip, LessonFiles.readFolder(LESSONS.resolve("08-where-is-the-info")).toZip());
        CommandRun r = run(zip.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.lines()).containsExactly(zip + ": ok (2 scenarios, 12 steps, 3 questions)",
                "1 lesson checked: 1 valid");
        Files.writeString(zip, "not a zip at all");
        CommandRun broken = run(zip.toString());
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.lines().get(0)).startsWith(zip + ": not a lesson archive");
    }

    @Test
    void aMissingLessonIsAProblemAndOnlySkippedFilesMeanNothingWasChecked() throws IOException {
        CommandRun missing = run(tmp.resolve("nope").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.lines().get(0)).isEqualTo(tmp.resolve("nope") + ": not found");
        Path txt = Files.writeString(tmp.resolve("notes.txt"), "hello");
        CommandRun skipped = run(txt.toString());
        assertThat(skipped.exit()).isEqualTo(1);
        assertThat(skipped.out()).isEqualTo("no lessons checked\n");
        assertThat(skipped.err()).contains("notes.txt: skipped");
    }

    @Test
    void stepsAreListedForAuthors() {
        CommandRun r = run("--steps", "--quiet", LESSONS.resolve("08-where-is-the-info").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.lines()).startsWith("lessons/08-where-is-the-info / ns-query (3 steps):");
        assertThat(r.lines().get(1)).matches("  +1 messageSent +  The query: .*");
        CommandRun de = run("--steps", "--lang", "de", "--quiet", LESSONS.resolve("08-where-is-the-info").toString());
        assertThat(de.lines().get(1)).contains("Die Anfrage:");
        // steps left to the generator are marked
        CommandRun nine = run("--steps", "--quiet", LESSONS.resolve("09-redundancy").toString());
        assertThat(nine.lines()).anyMatch(l -> l.matches("  +6 cacheStore +\\* The local resolver stores .*"));
    }

    @Test
    void withoutArgumentsItIsAUsageError() {
        CommandRun r = run();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required parameter: 'LESSON'").contains("Usage: validate");
        CommandRun help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("file:line: message").contains("Exit codes");
    }
}
