package org.resolvefx.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.resolvefx.core.lesson.Lesson;
import org.resolvefx.core.lesson.LessonLoader;
import org.resolvefx.core.lesson.LessonProblem;
import org.resolvefx.core.lesson.LessonStep;
import org.resolvefx.core.lesson.LoadedLesson;
import org.resolvefx.core.lesson.ScenarioRun;
import org.resolvefx.core.trace.TraceEvents;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code validate LESSON...}: loads each lesson folder or .rfxlesson archive as the application
 * would (schema, zone files, every scenario replayed, narration coverage, questions) and prints every
 * problem as {@code file:line: message}.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check lessons: lesson.json against the lesson schema, the zone files, that every scenario "
                + "resolves in its world and ends as expected, that the narration covers every step in each of the "
                + "lesson's languages, and that questions and inspector hints point at steps that exist.",
            "Each problem is printed as file:line: message."},
        footer = {"", "Exit codes: 0 every lesson is valid, 1 a lesson has problems (or none was given), "
                + "2 bad arguments.",
            "Files that are neither a lesson folder nor a .rfxlesson archive (a README beside the lessons) are skipped.",
            "Examples:",
            "  validate lessons/*",
            "  validate lessons/02-recursive-iterative my-lesson.rfxlesson",
            "  validate --steps my-first-lesson          list the steps to write narration for"})
public final class ValidateCommand implements Callable<Integer> {
    static final int EXIT_VALID = 0;
    static final int EXIT_PROBLEMS = 1;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "LESSON",
            description = "Lesson folders (with lesson.json) or .rfxlesson archives.")
    List<Path> lessons;

    @Option(names = {"-q", "--quiet"}, description = "Print only the problems, no line per valid lesson and no summary.")
    boolean quiet;

    @Option(names = "--steps", description = "Also list every step of every scenario (number, kind, and the "
            + "sentence shown: the lesson's, or the generated one marked with *), to write narration against.")
    boolean steps;

    @Option(names = "--lang", paramLabel = "en|de", description = "Language of the --steps list (default: ${DEFAULT-VALUE}).")
    String lang = "en";

    /** Runs {@code validate} on its own: {@code java ... org.resolvefx.cli.ValidateCommand lessons/*}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ValidateCommand()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int checked = 0;
        int valid = 0;
        int problems = 0;
        for (Path p : lessons) {
            if (isOtherFile(p)) {
                err.println(p + ": skipped (not a lesson folder or " + Lesson.ARCHIVE_EXTENSION + " archive)");
                continue;
            }
            LoadedLesson l = LessonLoader.load(p);
            checked++;
            for (LessonProblem problem : l.problems()) {
                out.println(problem.format());
            }
            problems += l.problems().size();
            if (steps) {
                printSteps(out, l);
            }
            if (l.isValid()) {
                valid++;
                if (!quiet) {
                    out.println(p + ": ok (" + describe(l) + ")");
                }
            }
            out.flush();
        }
        if (!quiet) {
            if (checked == 0) {
                out.println("no lessons checked");
            } else {
                int broken = checked - valid;
                out.println(checked + (checked == 1 ? " lesson" : " lessons") + " checked: " + valid + " valid"
                        + (broken == 0 ? "" : ", " + broken + " with " + problems + (problems == 1 ? " problem"
                        : " problems")));
            }
        }
        out.flush();
        err.flush();
        return checked > 0 && valid == checked ? EXIT_VALID : EXIT_PROBLEMS;
    }

    private void printSteps(PrintWriter out, LoadedLesson l) {
        String language = "de".equals(lang) ? "de" : "en";
        for (ScenarioRun r : l.runs()) {
            out.println(l.source() + " / " + r.scenario().id() + " (" + r.steps().size() + " steps):");
            for (LessonStep s : r.steps()) {
                String text = s.event().narration().text(Locale.forLanguageTag(language));
                out.printf("  %3d %-22s %s %s%n", s.number(), TraceEvents.kindName(s.event()),
                        s.hasLessonNarration(language) ? " " : "*", text.replace('\n', ' '));
            }
        }
    }

    private static String describe(LoadedLesson l) {
        int steps = 0;
        for (ScenarioRun r : l.runs()) {
            steps += r.steps().size();
        }
        int scenarios = l.runs().size();
        int questions = l.lesson().map(x -> x.questions().size()).orElse(0);
        return scenarios + (scenarios == 1 ? " scenario, " : " scenarios, ") + steps + " steps, " + questions
                + (questions == 1 ? " question" : " questions");
    }

    /** A regular file that is neither named *.rfxlesson nor a zip archive: not a lesson, so not checked. */
    private static boolean isOtherFile(Path p) {
        if (!Files.isRegularFile(p)) {
            return false;
        }
        Path name = p.getFileName();
        if (name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(Lesson.ARCHIVE_EXTENSION)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(p)) {
            byte[] head = in.readNBytes(4);
            return !(head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4);
        } catch (IOException e) {
            return false;
        }
    }
}
