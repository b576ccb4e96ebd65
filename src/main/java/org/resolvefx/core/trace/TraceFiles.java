package org.resolvefx.core.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes {@code *.trace.json} files (format "resolvefx-trace", version 1; see
 * src/docs/trace-format.md). Reading checks, in this order: JSON syntax (line and column), the
 * format name and version, the JSON Schema ({@code /org/resolvefx/schema/trace.schema.json}), then
 * what a schema cannot say (endpoint ids that exist, hexadecimal bytes, valid names and addresses,
 * events in clock order). Every failure is a {@link TraceFileException} naming the file and place.
 */
public final class TraceFiles {

    public static final String FORMAT = "resolvefx-trace";
    public static final int FORMAT_VERSION = 1;
    public static final String EXTENSION = ".trace.json";
    public static final String SCHEMA_RESOURCE = "/org/resolvefx/schema/trace.schema.json";
    /** Larger files are refused before parsing: a lecture trace is a few hundred kilobytes at most. */
    public static final int MAX_FILE_BYTES = 64 * 1024 * 1024;

    /**
     * Built on first use (holder idiom): `inspect --summary big.pcap` only asks {@link #looksLikeTrace}, and
     * setting up Jackson would cost it a fifth of a second of start-up.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    private TraceFiles() {
    }

    // ------------------------------------------------------------------ writing

    /** The file's text: pretty-printed JSON, UTF-8, ending with a newline. */
    public static String toJson(Trace trace) {
        try {
            return Json.MAPPER.writeValueAsString(TraceJson.encode(trace)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes atomically: a temporary file in the same directory, then a rename over the target. */
    public static void write(Trace trace, Path file) throws IOException {
        AtomicFiles.write(file, toJson(trace).getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ reading

    public static Trace read(Path file) throws TraceFileException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name);
        } catch (NoSuchFileException e) {
            throw new TraceFileException(name, "", "no such file", e);
        } catch (TraceFileException e) {
            throw e;
        } catch (IOException e) {
            throw new TraceFileException(name, "", "cannot read the file (" + e.getMessage() + ")", e);
        }
    }

    /** Reads a trace from a stream; {@code sourceName} names it in error messages ("lecture.trace.json"). */
    public static Trace read(InputStream in, String sourceName) throws TraceFileException {
        byte[] bytes;
        try {
            bytes = readLimited(in, sourceName);
        } catch (TraceFileException e) {
            throw e;
        } catch (IOException e) {
            throw new TraceFileException(sourceName, "", "cannot read (" + e.getMessage() + ")", e);
        }
        return parse(bytes, sourceName);
    }

    public static Trace fromJson(String json, String sourceName) throws TraceFileException {
        return parse(json.getBytes(StandardCharsets.UTF_8), sourceName);
    }

    private static byte[] readLimited(InputStream in, String sourceName) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
            if (out.size() > MAX_FILE_BYTES) {
                throw new TraceFileException(sourceName, "", "file is larger than " + (MAX_FILE_BYTES >> 20)
                        + " MB; that is not a trace");
            }
        }
        return out.toByteArray();
    }

    private static Trace parse(byte[] bytes, String source) throws TraceFileException {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw syntaxError(source, e);
        } catch (IOException e) {
            throw new TraceFileException(source, "", "not readable as JSON text (" + e.getMessage() + ")", e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new TraceFileException(source, "", "the file is empty");
        }
        if (!tree.isObject()) {
            throw new TraceFileException(source, "", "not a ResolveFX trace: expected a JSON object at the top, found "
                    + describe(tree));
        }
        checkFormat(tree, source);
        checkSchema(tree, bytes, source);
        try {
            return TraceJson.decode(tree);
        } catch (TraceJson.Problem p) {
            Integer line = lineIndex(bytes).get(p.pointer);
            throw new TraceFileException(source, p.path, p.getMessage() + (line == null ? "" : " (line " + line + ")"));
        } catch (RuntimeException e) {
            // the schema and the checks above should leave nothing for here; if something slips through, still no crash
            throw new TraceFileException(source, "", "cannot be read as a trace (" + e + ")", e);
        }
    }

    private static void checkFormat(JsonNode tree, String source) throws TraceFileException {
        JsonNode format = tree.get("format");
        if (format == null) {
            throw new TraceFileException(source, "format", "missing; this is not a ResolveFX trace file");
        }
        if (!format.isTextual() || !FORMAT.equals(format.textValue())) {
            throw new TraceFileException(source, "format", "is " + format + ", expected \"" + FORMAT
                    + "\"; this is not a ResolveFX trace file");
        }
        JsonNode version = tree.get("formatVersion");
        if (version == null) {
            throw new TraceFileException(source, "formatVersion", "missing");
        }
        if (!version.isIntegralNumber() || !version.canConvertToInt()) {
            throw new TraceFileException(source, "formatVersion", "must be a whole number, found " + version);
        }
        int v = version.intValue();
        if (v > FORMAT_VERSION) {
            throw new TraceFileException(source, "formatVersion", v + " is newer than this ResolveFX can read (up to "
                    + FORMAT_VERSION + "); please update ResolveFX");
        }
        if (v < 1) {
            throw new TraceFileException(source, "formatVersion", v + " is not a version (the first version is 1)");
        }
    }

    private static void checkSchema(JsonNode tree, byte[] bytes, String source) throws TraceFileException {
        Set<ValidationMessage> errors = SchemaHolder.SCHEMA.validate(tree);
        if (errors.isEmpty()) {
            return;
        }
        Map<String, Integer> lines = lineIndex(bytes);
        List<ValidationMessage> sorted = new ArrayList<>(errors);
        // report in file order, so the first message is the first problem a reader meets
        sorted.sort(Comparator.comparingInt((ValidationMessage m) -> lineOf(lines, pointer(m.getInstanceLocation())))
                .thenComparing(m -> m.getInstanceLocation().toString()));
        List<String> all = new ArrayList<>();
        for (ValidationMessage m : sorted) {
            all.add(describe(m, lines));
        }
        ValidationMessage first = sorted.get(0);
        String path = displayPath(first.getInstanceLocation(), first.getProperty(), first.getType());
        throw new TraceFileException(source, path, problemText(first, lines), all, null);
    }

    private static String describe(ValidationMessage m, Map<String, Integer> lines) {
        String path = displayPath(m.getInstanceLocation(), m.getProperty(), m.getType());
        return (path.isEmpty() ? "" : path + ": ") + problemText(m, lines);
    }

    private static String problemText(ValidationMessage m, Map<String, Integer> lines) {
        String text = m.getError() != null ? m.getError() : m.getMessage();
        if ("required".equals(m.getType()) && m.getProperty() != null) {
            text = "missing";
        }
        int line = lineOf(lines, pointer(m.getInstanceLocation()));
        return text + (line > 0 ? " (line " + line + ")" : "");
    }

    /** "events[3].message.hex"; for a missing property the property itself. */
    private static String displayPath(JsonNodePath p, String property, String type) {
        StringBuilder sb = new StringBuilder(JsonSchemas.displayPath(p));
        if ("required".equals(type) && property != null) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(property);
        }
        return sb.toString();
    }

    private static String pointer(JsonNodePath p) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.getNameCount(); i++) {
            sb.append('/').append(p.getElement(i));
        }
        return sb.toString();
    }

    private static int lineOf(Map<String, Integer> lines, String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 0;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** JSON pointer of every value -> its line, from a second, streaming pass (the tree keeps no locations). */
    static Map<String, Integer> lineIndex(byte[] bytes) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = Json.MAPPER.getFactory().createParser(bytes)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                var ctx = t.isStructStart() ? p.getParsingContext().getParent() : p.getParsingContext();
                String ptr = ctx == null ? "" : ctx.pathAsPointer().toString();
                JsonLocation loc = p.currentTokenLocation();
                lines.putIfAbsent(ptr, loc.getLineNr());
            }
        } catch (IOException | RuntimeException e) {
            // only used for nicer messages; the file already parsed once
        }
        return lines;
    }

    private static TraceFileException syntaxError(String source, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String where = loc == null || loc.getLineNr() < 0 ? ""
                : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        String what;
        if (e instanceof JsonEOFException) {
            what = "unexpected end of input";
        } else if (String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
            what = "unexpected text after the end of the trace object";
        } else {
            String original = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
            int cut = original.indexOf('\n');
            if (cut >= 0) {
                original = original.substring(0, cut);
            }
            original = original.replaceAll("\\s*\\(start marker at.*", "")
                    .replaceAll("\\s*\\[Source:.*", "").trim();
            original = printable(original);
            if (original.length() > 200) {
                original = original.substring(0, 200) + "...";
            }
            what = original.isEmpty() ? "not valid JSON" : Character.toLowerCase(original.charAt(0)) + original.substring(1);
        }
        return new TraceFileException(source, where, what, e);
    }

    /** Control characters from a binary file would garble a dialog; show them as escapes. */
    private static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String describe(JsonNode n) {
        if (n.isArray()) {
            return "a list";
        }
        if (n.isTextual()) {
            return "text";
        }
        if (n.isNumber()) {
            return "a number";
        }
        if (n.isBoolean()) {
            return "true/false";
        }
        return n.isNull() ? "null" : n.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------ sniffing

    /**
     * A cheap test for the open dialog and the {@code inspect} command: does the file start like a
     * trace (a JSON object whose "format" field, among the first fields, is "resolvefx-trace")?
     * Reads at most 8 KiB and never throws.
     */
    public static boolean looksLikeTrace(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8192);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return looksLikeTrace(head);
    }

    static boolean looksLikeTrace(byte[] head) {
        // a capture or message file never starts with '{': answer those without loading Jackson,
        // which keeps `inspect --summary` on big captures from paying for it at start-up
        int i = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF
                ? 3 : 0;
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        if (i >= head.length || head[i] != '{') {
            return false;
        }
        try (JsonParser p = Json.MAPPER.getFactory().createParser(head)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME && p.getParsingContext().getParent().inRoot()) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    if ("format".equals(field)) {
                        return v == JsonToken.VALUE_STRING && FORMAT.equals(p.getText());
                    }
                    if (v.isStructStart()) {
                        p.skipChildren();
                    }
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            // the head ends in the middle of the file: no "format" seen up to there
            return false;
        }
    }

    /** The schema is parsed once; networknt schemas are thread-safe after construction. */
    private static final class SchemaHolder {
        static final JsonSchema SCHEMA = JsonSchemas.load(SCHEMA_RESOURCE);
    }
}
