package org.resolvefx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The "write your first lesson" guide in src/docs/lesson-format.md must keep working: its files
 * make a valid lesson, and the validate output it shows is what validate prints.
 */
class LessonFormatDocTest {

    static final Path DOC = Path.of("src/docs/lesson-format.md");
    /** "**`my-first-lesson/lesson.json`**", a blank line, then a fenced block. */
    static final Pattern FILE = Pattern.compile("\\*\\*`my-first-lesson/([^`]+)`\\*\\*\\n\\n```[a-z]*\\n(.*?)\\n```",
            Pattern.DOTALL);
    static final Pattern OUTPUT = Pattern.compile("```\\n\\$ java -jar target/resolvefx.jar validate ([^\\n]*)\\n(.*?)\\n```",
            Pattern.DOTALL);

    @TempDir
    Path tmp;

    private static String validate(Path cwd, String args) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new ValidateCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        String[] argv = args.split(" ");
        for (int i = 0; i < argv.length; i++) {
            if (!argv[i].startsWith("-")) {
                argv[i] = cwd.resolve(argv[i]).toString();
            }
        }
        cl.execute(argv);
        return out.toString().replace(cwd + "/", "").stripTrailing();
    }

    @Test
    void theFirstLessonOfTheGuideIsValidAndTheShownOutputIsReal() throws IOException {
        String doc = Files.readString(DOC);
        Map<String, String> files = new LinkedHashMap<>();
        Matcher m = FILE.matcher(doc);
        while (m.find()) {
            files.put(m.group(1), m.group(2) + "\n");
        }
        assertThat(files).containsOnlyKeys("lesson.json", "narration/mx.en.md", "narration/mx.de.md");
        List<String[]> outputs = new java.util.ArrayList<>();
        Matcher o = OUTPUT.matcher(doc);
        while (o.find()) {
            outputs.add(new String[] {o.group(1), o.group(2)});
        }
        assertThat(outputs).hasSize(2);

        Path dir = tmp.resolve("my-first-lesson");
        Files.createDirectories(dir.resolve("narration"));
        Files.writeString(dir.resolve("lesson.json"), files.get("lesson.json"));
        // step 3 of the guide: only lesson.json exists yet
        assertThat(validate(tmp, outputs.get(0)[0])).isEqualTo(outputs.get(0)[1]);

        Files.writeString(dir.resolve("narration/mx.en.md"), files.get("narration/mx.en.md"));
        Files.writeString(dir.resolve("narration/mx.de.md"), files.get("narration/mx.de.md"));
        // step 5: the lesson is valid
        assertThat(validate(tmp, outputs.get(1)[0])).isEqualTo(outputs.get(1)[1]);
    }
}
