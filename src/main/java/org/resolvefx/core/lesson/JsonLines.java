package org.resolvefx.core.lesson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a JSON text starts: JSON pointer ("/scenarios/0/title/de") to line and
 * column. Jackson's trees keep no locations, so a second, streaming pass collects them; a pointer
 * that is not in the text (a missing field) falls back to its nearest ancestor, the object the
 * field is missing from.
 */
final class JsonLines {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonLines NONE = new JsonLines(Map.of());

    private final Map<String, int[]> positions;

    private JsonLines(Map<String, int[]> positions) {
        this.positions = positions;
    }

    static JsonLines none() {
        return NONE;
    }

    static JsonLines of(byte[] json) {
        Map<String, int[]> map = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                JsonLocation loc = p.currentTokenLocation();
                String ptr;
                if (t == JsonToken.FIELD_NAME) {
                    // the field's name marks the field, so an unknown or misspelt field points at itself
                    ptr = p.getParsingContext().pathAsPointer().toString();
                } else {
                    var ctx = t.isStructStart() ? p.getParsingContext().getParent() : p.getParsingContext();
                    ptr = ctx == null ? "" : ctx.pathAsPointer().toString();
                }
                map.putIfAbsent(ptr, new int[] {loc.getLineNr(), loc.getColumnNr()});
            }
        } catch (IOException | RuntimeException e) {
            // only for nicer messages: whatever was read so far is kept
        }
        return new JsonLines(map);
    }

    /** Line of the pointer (or of its nearest ancestor in the text); 0 if the text is empty. */
    int line(String pointer) {
        int[] p = find(pointer);
        return p == null ? 0 : Math.max(0, p[0]);
    }

    int column(String pointer) {
        int[] p = find(pointer);
        return p == null ? 0 : Math.max(0, p[1]);
    }

    private int[] find(String pointer) {
        String p = pointer;
        while (true) {
            int[] pos = positions.get(p);
            if (pos != null) {
                return pos;
            }
            if (p.isEmpty()) {
                return null;
            }
            int cut = p.lastIndexOf('/');
            p = cut <= 0 ? "" : p.substring(0, cut);
        }
    }
}
