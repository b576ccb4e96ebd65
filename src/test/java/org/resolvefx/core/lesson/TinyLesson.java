package org.resolvefx.core.lesson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small valid lesson for tests: one stub scenario (the client asks ns1.hrz for
 * www.tu-darmstadt.de A: query, response, answer = 3 steps), narrated in both languages, one
 * question. Tests change one thing and look for the one problem it causes; lines are found by
 * searching the text, never hard-coded.
 */
final class TinyLesson {

    static final String MANIFEST = """
            {
              "format": "resolvefx-lesson",
              "formatVersion": 1,
              "id": "tiny",
              "title": { "en": "Tiny", "de": "Winzig" },
              "summary": { "en": "A tiny lesson.", "de": "Eine winzige Lektion." },
              "level": "intro",
              "minutes": 5,
              "languages": ["en", "de"],
              "world": { "base": "default" },
              "scenarios": [
                {
                  "id": "www",
                  "title": { "en": "An address", "de": "Eine Adresse" },
                  "resolve": { "name": "www.tu-darmstadt.de.", "type": "A", "mode": "stub", "server": "ns1.hrz.tu-darmstadt.de." },
                  "views": ["inspector", "flow"],
                  "expect": { "rcode": "NOERROR", "messages": 2 },
                  "steps": [ { "step": 2, "inspect": "dns.flags.authoritative" } ]
                }
              ],
              "questions": [
                {
                  "id": "aa",
                  "scenario": "www",
                  "step": 2,
                  "kind": "flag",
                  "prompt": { "en": "Is AA set?", "de": "Ist AA gesetzt?" },
                  "choices": [
                    { "en": "Yes", "de": "Ja", "correct": true },
                    { "en": "No", "de": "Nein" }
                  ],
                  "explanation": { "en": "ns1.hrz serves the zone.", "de": "ns1.hrz bedient die Zone." }
                }
              ]
            }
            """;

    static final String NARRATION_EN = """
            # An address

            We ask the TU's server directly.

            ## Step 1
            The client asks **ns1.hrz** for `www.tu-darmstadt.de`.

            ## Step 2
            The server answers with authority.

            ### Notes
            Point at the AA bit.

            ## Step 3
            Done.
            """;

    static final String NARRATION_DE = """
            # Eine Adresse

            Wir fragen den Server der TU direkt.

            ## Schritt 1
            Der Client fragt **ns1.hrz** nach `www.tu-darmstadt.de`.

            ## Schritt 2
            Der Server antwortet autoritativ.

            ## Schritt 3
            Fertig.
            """;

    private TinyLesson() {
    }

    /** The files of the valid lesson, path -> text. */
    static Map<String, String> files() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("lesson.json", MANIFEST);
        f.put("narration/www.en.md", NARRATION_EN);
        f.put("narration/www.de.md", NARRATION_DE);
        return f;
    }

    static LessonFiles inMemory(Map<String, String> texts) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        texts.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return LessonFiles.of("tiny/", bytes);
    }

    /** Writes the files into {@code dir} (created). */
    static Path write(Path dir, Map<String, String> texts) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : texts.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
        }
        return dir;
    }

    /** The manifest with one piece of text replaced (which must occur exactly once). */
    static String manifestWith(String old, String replacement) {
        return replaceOnce(MANIFEST, old, replacement);
    }

    static String replaceOnce(String text, String old, String replacement) {
        int i = text.indexOf(old);
        if (i < 0 || text.indexOf(old, i + 1) >= 0) {
            throw new IllegalArgumentException("'" + old + "' must occur exactly once");
        }
        return text.substring(0, i) + replacement + text.substring(i + old.length());
    }

    /** 1-based line of the first line containing {@code marker}. */
    static int lineOf(String text, String marker) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(marker)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no line contains '" + marker + "'");
    }
}
