package org.resolvefx.core.lesson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import org.resolvefx.core.trace.JsonSchemas;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Loads lessons from folders and {@code .rfxlesson} archives. Loading never throws for anything
 * in a lesson: it reads the files (bounded, zip-slip safe), checks lesson.json (JSON syntax, format
 * and version, the JSON Schema {@code /org/resolvefx/schema/lesson.schema.json}, then names, types,
 * ids and references), builds the world (zone files through dnsjava), replays every scenario and
 * checks its outcome and narration. Every problem found is in the {@link LoadedLesson}, each with
 * its file and line.
 */
public final class LessonLoader {

    public static final String SCHEMA_RESOURCE = "/org/resolvefx/schema/lesson.schema.json";

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private LessonLoader() {
    }

    /** A folder with lesson.json, or a .rfxlesson (zip) archive. */
    public static LoadedLesson load(Path path) {
        LessonFiles files;
        try {
            files = Files.isDirectory(path) ? LessonFiles.readFolder(path) : LessonFiles.readArchive(path);
        } catch (LessonFiles.ReadException e) {
            return new LoadedLesson(path.toString(), Optional.empty(), LessonFiles.empty(path + "/"), List.of(),
                    List.of(e.toProblem()));
        }
        return load(files);
    }

    /** A lesson whose files are already in memory. */
    public static LoadedLesson load(LessonFiles files) {
        List<LessonProblem> problems = new ArrayList<>();
        Optional<LessonJson.Decoded> decoded = parse(files, problems);
        if (decoded.isEmpty()) {
            return loaded(files, Optional.empty(), List.of(), problems);
        }
        Lesson lesson = decoded.get().lesson();
        LessonRunner.Result result = LessonRunner.runAll(lesson, files);
        problems.addAll(result.problems());
        return loaded(files, Optional.of(lesson), result.runs(), problems);
    }

    /**
     * Reads lesson.json only, without building the world or running anything: for an editor that
     * checks as the lecturer types.
     */
    public static LoadedLesson parseOnly(LessonFiles files) {
        List<LessonProblem> problems = new ArrayList<>();
        Optional<LessonJson.Decoded> decoded = parse(files, problems);
        return loaded(files, decoded.map(LessonJson.Decoded::lesson), List.of(), problems);
    }

    private static LoadedLesson loaded(LessonFiles files, Optional<Lesson> lesson, List<ScenarioRun> runs,
                                       List<LessonProblem> problems) {
        List<LessonProblem> sorted = new ArrayList<>(new java.util.LinkedHashSet<>(problems));
        // stable: problems on the same line keep the order they were found in
        sorted.sort(Comparator.comparing(LessonProblem::file).thenComparingInt(LessonProblem::line));
        return new LoadedLesson(files.displayLesson(), lesson, files, runs, sorted);
    }

    /**
     * Every lesson in a folder: its sub-folders that hold a lesson.json and its .rfxlesson files,
     * sorted by name (so "01-...", "02-..." come in teaching order).
     */
    public static List<LoadedLesson> loadAll(Path folder) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
            for (Path p : ds) {
                if (isLesson(p)) {
                    found.add(p);
                }
            }
        }
        Collections.sort(found);
        List<LoadedLesson> out = new ArrayList<>();
        for (Path p : found) {
            out.add(load(p));
        }
        return out;
    }

    /** A folder with lesson.json, or a file named *.rfxlesson. */
    public static boolean isLesson(Path p) {
        if (Files.isDirectory(p)) {
            return Files.isRegularFile(p.resolve(Lesson.MANIFEST));
        }
        Path name = p.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(Lesson.ARCHIVE_EXTENSION)
                && Files.isRegularFile(p);
    }

    // ------------------------------------------------------------------ lesson.json

    private static Optional<LessonJson.Decoded> parse(LessonFiles files, List<LessonProblem> problems) {
        String file = files.display(Lesson.MANIFEST);
        Optional<byte[]> bytes = files.bytes(Lesson.MANIFEST);
        if (bytes.isEmpty()) {
            problems.add(LessonProblem.of(file, 0, "missing: a lesson is a folder (or .rfxlesson archive) with "
                    + Lesson.MANIFEST + " at its top"));
            return Optional.empty();
        }
        try {
            files.text(Lesson.MANIFEST);
        } catch (CharacterCodingException e) {
            problems.add(LessonProblem.of(file, 0, "not UTF-8 text"));
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes.get());
        } catch (JsonProcessingException e) {
            problems.add(syntaxError(file, e));
            return Optional.empty();
        } catch (IOException e) {
            problems.add(LessonProblem.of(file, 0, "cannot be read as JSON (" + e.getMessage() + ")"));
            return Optional.empty();
        }
        if (root == null || root.isMissingNode()) {
            problems.add(LessonProblem.of(file, 1, "the file is empty; expected a JSON object"));
            return Optional.empty();
        }
        JsonLines lines = JsonLines.of(bytes.get());
        LessonJson.Context cx = new LessonJson.Context(file, lines, problems);
        if (!root.isObject()) {
            cx.problem("", "expected a JSON object at the top of " + Lesson.MANIFEST);
            return Optional.empty();
        }
        if (!checkFormat(root, cx)) {
            return Optional.empty();
        }
        if (!checkSchema(root, cx)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LessonJson.decode(root, cx));
        } catch (RuntimeException e) {
            // the schema leaves nothing for here; should something slip through, it is still only a problem
            cx.problem("", "cannot be read as a lesson (" + e + ")");
            return Optional.empty();
        }
    }

    private static boolean checkFormat(JsonNode root, LessonJson.Context cx) {
        JsonNode format = root.get("format");
        if (format == null) {
            cx.problem("", "missing \"format\": \"" + Lesson.FORMAT + "\"; this is not a ResolveFX lesson");
            return false;
        }
        if (!format.isTextual() || !Lesson.FORMAT.equals(format.textValue())) {
            cx.problem("/format", "\"format\" is " + format + ", expected \"" + Lesson.FORMAT
                    + "\"; this is not a ResolveFX lesson");
            return false;
        }
        JsonNode version = root.get("formatVersion");
        if (version == null) {
            cx.problem("", "missing \"formatVersion\" (this ResolveFX writes " + Lesson.FORMAT_VERSION + ")");
            return false;
        }
        if (!version.isIntegralNumber() || !version.canConvertToInt()) {
            cx.problem("/formatVersion", "\"formatVersion\" must be a whole number, found " + version);
            return false;
        }
        int v = version.intValue();
        if (v > Lesson.FORMAT_VERSION) {
            cx.problem("/formatVersion", "formatVersion " + v + " is newer than this ResolveFX can read (up to "
                    + Lesson.FORMAT_VERSION + "); please update ResolveFX");
            return false;
        }
        if (v < 1) {
            cx.problem("/formatVersion", "formatVersion " + v + " is not a version (the first version is 1)");
            return false;
        }
        return true;
    }

    private static boolean checkSchema(JsonNode root, LessonJson.Context cx) {
        Set<ValidationMessage> errors = SchemaHolder.SCHEMA.validate(root);
        if (errors.isEmpty()) {
            return true;
        }
        List<ValidationMessage> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparing((ValidationMessage m) -> pointerOf(m))
                .thenComparing(ValidationMessage::getMessage));
        for (ValidationMessage m : sorted) {
            String ptr = pointerOf(m);
            cx.problem(ptr, describe(m));
        }
        return false;
    }

    /** The pointer a schema problem is about: for an unknown field the field itself. */
    private static String pointerOf(ValidationMessage m) {
        String base = pointer(m.getInstanceLocation());
        if ("additionalProperties".equals(m.getType()) && m.getProperty() != null) {
            return base + LessonJson.pointer(m.getProperty());
        }
        return base;
    }

    private static String describe(ValidationMessage m) {
        String path = displayPath(m.getInstanceLocation());
        String where = path.isEmpty() ? "" : path + ": ";
        String property = m.getProperty();
        switch (m.getType()) {
            case "required":
                return where + "missing required field \"" + property + "\"";
            case "additionalProperties":
                return where + "unknown field \"" + property + "\" (not part of the lesson format; check the spelling)";
            default:
                String text = m.getError() != null ? m.getError() : m.getMessage();
                return where + text;
        }
    }

    private static String pointer(JsonNodePath p) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.getNameCount(); i++) {
            sb.append(LessonJson.pointer(p.getElement(i)));
        }
        return sb.toString();
    }

    /** "scenarios[0].title" */
    private static String displayPath(JsonNodePath p) {
        return JsonSchemas.displayPath(p);
    }

    private static LessonProblem syntaxError(String file, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
        int column = loc == null ? 0 : Math.max(0, loc.getColumnNr());
        String what;
        if (e instanceof JsonEOFException) {
            what = "unexpected end of the file (a '}' or ']' missing?)";
        } else {
            String original = e.getOriginalMessage() == null ? "not valid JSON" : e.getOriginalMessage();
            int cut = original.indexOf('\n');
            if (cut >= 0) {
                original = original.substring(0, cut);
            }
            original = original.replaceAll("\\s*\\(start marker at.*", "").replaceAll("\\s*\\[Source:.*", "").trim();
            StringBuilder sb = new StringBuilder();
            for (char c : original.toCharArray()) {
                sb.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
            what = sb.length() > 200 ? sb.substring(0, 200) + "..." : sb.toString();
            if (what.startsWith("Trailing token")) {
                what = "unexpected text after the end of the lesson object";
            }
        }
        return new LessonProblem(file, line, column, "not valid JSON: " + what);
    }

    /** The schema is parsed once; networknt schemas are thread-safe after construction. */
    private static final class SchemaHolder {
        static final JsonSchema SCHEMA = JsonSchemas.load(SCHEMA_RESOURCE);
    }

    /** The lesson schema (for tools and tests). */
    public static JsonSchema schema() {
        return SchemaHolder.SCHEMA;
    }
}
