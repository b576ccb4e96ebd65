package org.resolvefx.core.lesson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.resolvefx.core.trace.AtomicFiles;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceFiles;

/**
 * Saves lessons: as a folder or as a {@code .rfxlesson} archive, atomically (a half-written lesson
 * never replaces a good one), and builds lessons from recorded traces: a lecturer records a live or
 * sandbox run, writes narration and notes for some of its steps, and saves it as a lesson whose
 * scenario plays that trace.
 */
public final class LessonWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LessonWriter() {
    }

    /** lesson.json's text: two-space indent, {@code "key": value}, one array item per line, final newline. */
    public static String toJson(Lesson lesson) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentArraysWith(new DefaultIndenter("  ", "\n"));
        printer.indentObjectsWith(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(printer).writeValueAsString(LessonJson.encode(lesson)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files with lesson.json written from the lesson (replacing any lesson.json among them). */
    public static LessonFiles withManifest(Lesson lesson, LessonFiles files) {
        return files.withText(Lesson.MANIFEST, toJson(lesson));
    }

    /** A target ending in .rfxlesson gets an archive, anything else a folder. */
    public static void write(Lesson lesson, LessonFiles files, Path target) throws IOException {
        Path name = target.getFileName();
        if (name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(Lesson.ARCHIVE_EXTENSION)) {
            writeArchive(lesson, files, target);
        } else {
            writeFolder(lesson, files, target);
        }
    }

    /** A zip of the lesson's files, written to a temporary file and moved over the target in one step. */
    public static void writeArchive(Lesson lesson, LessonFiles files, Path target) throws IOException {
        AtomicFiles.write(target, withManifest(lesson, files).toZip());
    }

    /**
     * The lesson as a folder. Everything is written into a new folder beside the target, which then
     * takes the target's place by renaming: the old folder is renamed away, the new one renamed in,
     * the old one deleted. Hidden entries of the old folder (".git", ".DS_Store"), which a lesson never
     * reads, are carried over.
     */
    public static void writeFolder(Lesson lesson, LessonFiles files, Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null) {
            throw new IOException("cannot write a lesson as the root folder");
        }
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(target + " exists and is not a folder");
        }
        Files.createDirectories(parent);
        String base = absolute.getFileName().toString();
        Path temp = Files.createTempDirectory(parent, "." + base + ".new-");
        try {
            LessonFiles all = withManifest(lesson, files);
            for (String path : all.paths()) {
                Path out = temp.resolve(path).normalize();
                if (!out.startsWith(temp)) {
                    throw new IOException("'" + path + "' leaves the lesson folder");
                }
                Files.createDirectories(out.getParent());
                Files.write(out, all.bytes(path).orElseThrow());
            }
            if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
                move(temp, absolute);
                return;
            }
            carryHiddenEntries(absolute, temp);
            Path old = Files.createTempDirectory(parent, "." + base + ".old-");
            Files.delete(old);
            move(absolute, old);
            try {
                move(temp, absolute);
            } catch (IOException e) {
                move(old, absolute);
                throw e;
            }
            deleteTree(old);
        } finally {
            if (Files.exists(temp, LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(temp);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void carryHiddenEntries(Path oldDir, Path newDir) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(oldDir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.startsWith(".") && !Files.exists(newDir.resolve(n), LinkOption.NOFOLLOW_LINKS)) {
                    move(p, newDir.resolve(n));
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(walk.toList());
            all.sort(Comparator.reverseOrder());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }

    // ------------------------------------------------------------------ recorded lessons

    /**
     * What a lecturer wrote for one step of a recording.
     *
     * @param step      1-based step of the trace
     * @param narration the step's text in English and German (either may be "")
     * @param notes     presenter notes (either may be "")
     * @param inspect   the field the inspector selects, or null
     */
    public record StepAnnotation(int step, Bilingual narration, Bilingual notes, String inspect) {
        public StepAnnotation {
            if (step < 1) {
                throw new IllegalArgumentException("steps count from 1: " + step);
            }
            Objects.requireNonNull(narration, "narration");
            Objects.requireNonNull(notes, "notes");
        }
    }

    /** A lesson and its files, ready to be written (or loaded to check it). */
    public record Draft(Lesson lesson, LessonFiles files) {
        public Draft {
            Objects.requireNonNull(lesson, "lesson");
            Objects.requireNonNull(files, "files");
        }

        public void writeTo(Path target) throws IOException {
            write(lesson, files, target);
        }
    }

    /**
     * A new lesson whose one scenario plays a recorded trace.
     *
     * @param id          the lesson's id ("my-recording")
     * @param title       the lesson's title
     * @param summary     one paragraph for the lesson browser
     * @param scenarioId  the scenario's id; the trace is stored as {@code traces/ID.trace.json}
     * @param trace       the recorded trace (live, sandbox or capture)
     * @param annotations narration, notes and inspector hints for the steps the lecturer annotated;
     *                    the other steps keep the trace's own sentences (listed under generatedNarration)
     */
    public static Draft recordedLesson(String id, Bilingual title, Bilingual summary, LessonLevel level, int minutes,
                                       String scenarioId, Bilingual scenarioTitle, Trace trace,
                                       List<StepAnnotation> annotations) {
        Lesson empty = new Lesson(Lesson.FORMAT_VERSION, id, title, summary, level, minutes, Lesson.KNOWN_LANGUAGES,
                new LessonWorld.Base(LessonWorld.Base.DEFAULT, WorldChanges.NONE), List.of(), List.of());
        return withRecordedScenario(empty, LessonFiles.empty(id + "/"), scenarioId, scenarioTitle, trace,
                annotations, List.of());
    }

    /** The lesson with one more scenario that plays a recorded trace (and its questions). */
    public static Draft withRecordedScenario(Lesson lesson, LessonFiles files, String scenarioId,
                                             Bilingual scenarioTitle, Trace trace, List<StepAnnotation> annotations,
                                             List<PredictQuestion> questions) {
        if (lesson.scenario(scenarioId).isPresent()) {
            throw new IllegalArgumentException("the lesson already has a scenario '" + scenarioId + "'");
        }
        int n = trace.events().size();
        String traceFile = "traces/" + scenarioId + TraceFiles.EXTENSION;
        LessonFiles out = files.withText(traceFile, TraceFiles.toJson(trace));
        Set<Integer> generated = new LinkedHashSet<>();
        List<StepHint> hints = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            generated.add(i);
        }
        for (String lang : lesson.languages()) {
            StringBuilder md = new StringBuilder("# ").append(scenarioTitle.in(lang).isEmpty() ? scenarioTitle.en()
                    : scenarioTitle.in(lang)).append("\n");
            for (StepAnnotation a : annotations) {
                if (a.step() > n) {
                    throw new IllegalArgumentException("step " + a.step() + " does not exist: the trace has " + n
                            + " steps");
                }
                String text = a.narration().in(lang).strip();
                String note = a.notes().in(lang).strip();
                if (text.isEmpty() && note.isEmpty()) {
                    continue;
                }
                md.append("\n## Step ").append(a.step()).append("\n\n");
                if (!text.isEmpty()) {
                    md.append(text).append("\n");
                }
                if (!note.isEmpty()) {
                    md.append("\n### Notes\n\n").append(note).append("\n");
                }
            }
            out = out.withText(LessonScenario.narrationFile(scenarioId, lang), md.toString());
        }
        for (StepAnnotation a : annotations) {
            boolean everyLanguage = lesson.languages().stream().allMatch(l -> !a.narration().in(l).isBlank());
            if (everyLanguage) {
                generated.remove(a.step());
            }
            if (a.inspect() != null) {
                hints.add(new StepHint(a.step(), a.inspect(), List.of()));
            }
        }
        hints.sort(Comparator.comparingInt(StepHint::step));
        LessonScenario scenario = new LessonScenario(scenarioId, scenarioTitle,
                new ScenarioSource.Recorded(traceFile), List.of(), expectationOf(trace),
                generated.isEmpty() ? GeneratedNarration.NONE : new GeneratedNarration(false, Set.of(), generated),
                hints);
        List<LessonScenario> scenarios = new ArrayList<>(lesson.scenarios());
        scenarios.add(scenario);
        List<PredictQuestion> qs = new ArrayList<>(lesson.questions());
        qs.addAll(questions);
        Lesson updated = new Lesson(lesson.formatVersion(), lesson.id(), lesson.title(), lesson.summary(),
                lesson.level(), lesson.minutes(), lesson.languages(), lesson.world(), scenarios, qs);
        return new Draft(updated, withManifest(updated, out));
    }

    /** A recording ends as it ended: the expectation states that, so validate notices a replaced trace file. */
    private static Expectation expectationOf(Trace trace) {
        boolean failed = trace.outcome().orElse(null) instanceof org.resolvefx.core.trace.TraceEvent.Failure;
        return new Expectation(failed ? Expectation.Outcome.FAILURE : Expectation.Outcome.ANSWER, null, null,
                trace.messages().size(), trace.events().size(), null);
    }
}
