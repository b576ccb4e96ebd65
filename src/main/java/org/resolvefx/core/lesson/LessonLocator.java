package org.resolvefx.core.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds the lines in lesson.json that problems found while running are about ("scenario 'x' ends in
 * a failure" points at the scenario). Works from the files alone, so a lesson built in memory (no
 * lesson.json yet) simply gets line 0.
 */
final class LessonLocator {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String file;
    private final JsonLines lines;
    private final Map<String, Integer> scenarios = new HashMap<>();
    private final Map<String, Integer> questions = new HashMap<>();

    private LessonLocator(String file, JsonLines lines) {
        this.file = file;
        this.lines = lines;
    }

    static LessonLocator of(LessonFiles files) {
        byte[] json = files.bytes(Lesson.MANIFEST).orElse(null);
        LessonLocator loc = new LessonLocator(files.display(Lesson.MANIFEST),
                json == null ? JsonLines.none() : JsonLines.of(json));
        if (json != null) {
            try {
                JsonNode root = MAPPER.readTree(json);
                index(root == null ? null : root.get("scenarios"), loc.scenarios);
                index(root == null ? null : root.get("questions"), loc.questions);
            } catch (IOException | RuntimeException e) {
                // no positions: problems get line 0
            }
        }
        return loc;
    }

    private static void index(JsonNode array, Map<String, Integer> into) {
        if (array == null || !array.isArray()) {
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode id = array.get(i).get("id");
            if (id != null && id.isTextual()) {
                into.putIfAbsent(id.asText(), i);
            }
        }
    }

    String file() {
        return file;
    }

    LessonProblem problem(String pointer, String message) {
        return new LessonProblem(file, lines.line(pointer), lines.column(pointer), message);
    }

    /** "/scenarios/3" for the scenario's id, "" when it is not in the file. */
    String scenario(String id) {
        Integer i = scenarios.get(id);
        return i == null ? "" : LessonJson.pointer("scenarios", i);
    }

    String question(String id) {
        Integer i = questions.get(id);
        return i == null ? "" : LessonJson.pointer("questions", i);
    }
}
