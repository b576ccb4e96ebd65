package org.resolvefx.core.trace;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/** Loads the JSON Schemas the file formats ship with (trace files, lessons) the same way. */
public final class JsonSchemas {
    private JsonSchemas() {
    }

    /**
     * The draft 2020-12 schema at a class-path resource, reporting JSON pointers and messages in English
     * whatever the machine's locale, like every other message of the formats. Parse once and keep it:
     * networknt schemas are thread-safe after construction.
     */
    public static JsonSchema load(String resource) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .locale(Locale.ENGLISH)
                .build();
        try (InputStream in = JsonSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing: " + resource);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** A schema problem's place as a reader writes it: "events[3].message.hex", "scenarios[0].title". */
    public static String displayPath(JsonNodePath p) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.getNameCount(); i++) {
            Object el = p.getElement(i);
            if (el instanceof Integer idx) {
                sb.append('[').append(idx).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(el);
            }
        }
        return sb.toString();
    }
}
