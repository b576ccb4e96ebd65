package org.resolvefx.core.sandbox;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.serialization.JsonNodeReader;
import com.networknt.schema.utils.JsonNodes;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.resolvefx.core.net.IpText;
import org.resolvefx.core.net.SocketAddr;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Loads worlds: a folder with {@code world.json} and zone files, the default world from the
 * classpath, or a single server from zone files. The manifest is checked against
 * {@code /org/resolvefx/schema/world.schema.json} (JSON Schema 2020-12), then for what a schema
 * cannot say (zones that exist, unique loopback addresses). Every problem is a {@link WorldException}
 * naming the file and line.
 */
public final class WorldLoader {
    public static final String MANIFEST = "world.json";
    public static final String FORMAT = "resolvefx-world";
    public static final String DEFAULT_WORLD_RESOURCE = "org/resolvefx/worlds/default";
    static final String SCHEMA_RESOURCE = "org/resolvefx/schema/world.schema.json";
    static final int MAX_FILE_BYTES = 8_000_000;
    static final long DEFAULT_SLOW_DELAY_MILLIS = 500;

    private WorldLoader() {
    }

    /**
     * Reads a file of the world, by its path relative to the world's folder. Public so that a world
     * can come from somewhere other than a folder, e.g. a lesson archive read into memory.
     */
    @FunctionalInterface
    public interface FileSource {
        /** The text, or null if there is no such file. */
        String read(String relativePath) throws IOException;
    }

    /** Loads {@code dir/world.json} and the zone files it names (relative to {@code dir}). */
    public static SandboxWorld load(Path dir) throws WorldException {
        Path root = dir.toAbsolutePath().normalize();
        String prefix = dir.toString().isEmpty() ? "" : dir.toString().replace('\\', '/') + "/";
        if (!Files.isDirectory(root)) {
            throw new WorldException(dir.toString(), 0, "not a folder (a world is a folder with " + MANIFEST + ")");
        }
        FileSource files = rel -> {
            Path p = root.resolve(rel).normalize();
            if (!p.startsWith(root)) {
                throw new IOException("path leaves the world's folder");
            }
            try {
                if (Files.size(p) > MAX_FILE_BYTES) {
                    throw new IOException("file larger than " + MAX_FILE_BYTES + " bytes");
                }
                return decode(Files.readAllBytes(p));
            } catch (NoSuchFileException e) {
                return null;
            }
        };
        return load(files, prefix);
    }

    /** The world that ships with the application. */
    public static SandboxWorld loadDefault() throws WorldException {
        return loadResource(DEFAULT_WORLD_RESOURCE);
    }

    /** A world from a classpath folder ("org/resolvefx/worlds/default"). */
    public static SandboxWorld loadResource(String resourceDir) throws WorldException {
        String base = resourceDir.endsWith("/") ? resourceDir : resourceDir + "/";
        ClassLoader cl = WorldLoader.class.getClassLoader();
        FileSource files = rel -> {
            if (rel.startsWith("/") || rel.contains("..")) {
                throw new IOException("path leaves the world's folder");
            }
            try (InputStream in = cl.getResourceAsStream(base + rel)) {
                return in == null ? null : decode(in.readNBytes(MAX_FILE_BYTES + 1));
            }
        };
        return load(files, "classpath:" + base);
    }

    private static String decode(byte[] bytes) throws IOException {
        if (bytes.length > MAX_FILE_BYTES) {
            throw new IOException("file larger than " + MAX_FILE_BYTES + " bytes");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text");
        }
    }

    /**
     * Loads {@code world.json} and its zone files through {@code files}; messages name files with
     * {@code prefix} in front ("lesson.rfxlesson!/world/"). The source must refuse paths that leave
     * the world (zone paths with ".." or absolute ones are refused here already).
     */
    public static SandboxWorld load(FileSource files, String prefix) throws WorldException {
        String manifestName = prefix + MANIFEST;
        String text;
        try {
            text = files.read(MANIFEST);
        } catch (IOException e) {
            throw new WorldException(manifestName, 0, "cannot read: " + e.getMessage(), e);
        }
        if (text == null) {
            throw new WorldException(manifestName, 0, "not found (a world is a folder with " + MANIFEST + ")");
        }
        return parse(text, manifestName, files, prefix);
    }

    /** Parses manifest text; zone files are read through {@code files} and named with {@code prefix}. */
    static SandboxWorld parse(String manifestText, String manifestName, FileSource files, String prefix)
            throws WorldException {
        JsonNode root = readJson(manifestText, manifestName);
        validateSchema(root, manifestName);
        Manifest m = new Manifest(manifestName, root);

        List<ZoneSpec> zones = new ArrayList<>();
        Map<Name, JsonNode> zoneNodes = new HashMap<>();
        for (JsonNode z : root.get("zones")) {
            Name origin = m.name(z.get("origin"));
            if (zoneNodes.containsKey(origin)) {
                throw m.error(z.get("origin"), "zone " + origin + " is listed twice (first on line "
                        + m.line(zoneNodes.get(origin)) + ")");
            }
            zoneNodes.put(origin, z.get("origin"));
            String file = z.get("file").asText();
            if (file.startsWith("/") || file.startsWith("\\") || file.matches("^[A-Za-z]:.*")
                    || List.of(file.split("[/\\\\]")).contains("..")) {
                throw m.error(z.get("file"), "zone file '" + file + "' must be a path inside the world's folder");
            }
            String zoneText;
            try {
                zoneText = files.read(file);
            } catch (IOException e) {
                throw m.error(z.get("file"), "cannot read zone file '" + file + "' for " + origin + ": " + e.getMessage());
            }
            if (zoneText == null) {
                throw m.error(z.get("file"), "zone file '" + file + "' for " + origin + " not found");
            }
            zones.add(ZoneSpec.parse(origin, prefix + file, zoneText));
        }

        List<ServerSpec> servers = new ArrayList<>();
        Map<Name, Integer> serverLines = new HashMap<>();
        Map<InetAddress, String> addressOwners = new HashMap<>();
        for (JsonNode s : root.get("servers")) {
            Name name = m.name(s.get("name"));
            if (serverLines.containsKey(name)) {
                throw m.error(s.get("name"), "server " + name + " is listed twice (first on line "
                        + serverLines.get(name) + ")");
            }
            serverLines.put(name, m.line(s.get("name")));
            List<InetAddress> addresses = new ArrayList<>();
            for (JsonNode a : s.get("addresses")) {
                InetAddress addr;
                try {
                    addr = SocketAddr.literal(a.asText(), "server " + name);
                } catch (IllegalArgumentException e) {
                    throw m.error(a, "'" + a.asText() + "' of server " + name + " is not an IP address");
                }
                if (!SandboxAddresses.isLoopback(addr)) {
                    throw m.error(a, "address " + a.asText() + " of server " + name + " is not a loopback address;"
                            + " sandbox servers listen only on 127.0.0.0/8 or ::1");
                }
                String owner = addressOwners.putIfAbsent(addr, name + " (line " + m.line(a) + ")");
                if (owner != null) {
                    throw m.error(a, "address " + IpText.format(addr) + " of server " + name
                            + " is already used by server " + owner);
                }
                addresses.add(addr);
            }
            List<Name> served = new ArrayList<>();
            for (JsonNode zn : s.get("zones")) {
                Name origin = m.name(zn);
                if (!zoneNodes.containsKey(origin)) {
                    throw m.error(zn, "server " + name + " serves zone " + origin + ", which is not among the world's zones");
                }
                if (!served.contains(origin)) {
                    served.add(origin);
                }
            }
            servers.add(new ServerSpec(name, addresses, served, behaviour(m, s)));
        }

        List<Scenario> scenarios = new ArrayList<>();
        Set<String> scenarioIds = new HashSet<>();
        JsonNode sc = root.get("scenarios");
        if (sc != null) {
            for (JsonNode s : sc) {
                String sid = s.get("id").asText();
                if (!scenarioIds.add(sid)) {
                    throw m.error(s.get("id"), "scenario id '" + sid + "' is used twice");
                }
                int qtype = Type.value(s.get("qtype").asText());
                if (qtype < 0) {
                    throw m.error(s.get("qtype"), "unknown record type '" + s.get("qtype").asText() + "'");
                }
                scenarios.add(new Scenario(sid, s.get("title").asText(), m.name(s.get("qname")), qtype,
                        s.get("description").asText()));
            }
        }
        String description = root.has("description") ? root.get("description").asText() : "";
        return new SandboxWorld(root.get("id").asText(), root.get("title").asText(), description, servers, zones,
                scenarios);
    }

    private static ServerBehaviour behaviour(Manifest m, JsonNode s) throws WorldException {
        String kind = s.has("behaviour") ? s.get("behaviour").asText() : "normal";
        JsonNode delay = s.get("delayMillis");
        switch (kind) {
            case "dead":
                if (delay != null) {
                    throw m.error(delay, "delayMillis applies only to servers with \"behaviour\": \"slow\"");
                }
                return ServerBehaviour.DEAD;
            case "slow":
                return new ServerBehaviour.Slow(delay == null ? DEFAULT_SLOW_DELAY_MILLIS : delay.asLong());
            default:
                if (delay != null) {
                    throw m.error(delay, "delayMillis applies only to servers with \"behaviour\": \"slow\"");
                }
                return ServerBehaviour.NORMAL;
        }
    }

    /**
     * A world of one server at {@code bind} serving the given zone files, for {@code serve zone.db}.
     * Each argument is {@code FILE} or {@code ORIGIN=FILE}. Without an origin it is the SOA owner when
     * the file names its origin ($ORIGIN or absolute names), else the file name without ".zone"/".db"
     * and "db." ("example.com.zone", "db.example.com").
     */
    public static SandboxWorld fromZoneFiles(List<String> arguments, InetAddress bind) throws WorldException {
        if (!SandboxAddresses.isLoopback(bind)) {
            throw new WorldException(null, 0, "bind address " + IpText.format(bind)
                    + " is not a loopback address; the sandbox listens only on 127.0.0.0/8 or ::1");
        }
        if (arguments.isEmpty()) {
            throw new WorldException(null, 0, "no zone files given");
        }
        List<ZoneSpec> zones = new ArrayList<>();
        List<Name> origins = new ArrayList<>();
        for (String arg : arguments) {
            String fileText = arg;
            Name origin = null;
            int eq = arg.indexOf('=');
            if (eq > 0 && !Files.exists(Path.of(arg))) {
                origin = parseName(arg.substring(0, eq), arg);
                fileText = arg.substring(eq + 1);
            }
            Path file = Path.of(fileText);
            String text;
            try {
                if (Files.size(file) > MAX_FILE_BYTES) {
                    throw new WorldException(fileText, 0, "file larger than " + MAX_FILE_BYTES + " bytes");
                }
                text = decode(Files.readAllBytes(file));
            } catch (NoSuchFileException e) {
                throw new WorldException(fileText, 0, "zone file not found");
            } catch (IOException e) {
                throw new WorldException(fileText, 0, "cannot read zone file: " + e.getMessage(), e);
            }
            if (origin == null) {
                origin = guessOrigin(text, file, fileText);
            }
            if (origins.contains(origin)) {
                throw new WorldException(fileText, 0, "zone " + origin + " is given twice");
            }
            origins.add(origin);
            zones.add(ZoneSpec.parse(origin, fileText, text));
        }
        Name serverName = Name.fromConstantString("ns.sandbox.");
        ServerSpec server = new ServerSpec(serverName, List.of(bind), origins, ServerBehaviour.NORMAL);
        return new SandboxWorld("zone-files", "Zone files on " + IpText.format(bind), "", List.of(server), zones,
                List.of());
    }

    private static Name parseName(String text, String context) throws WorldException {
        try {
            return Name.fromString(text, Name.root);
        } catch (TextParseException e) {
            throw new WorldException(null, 0, "'" + text + "' in '" + context + "' is not a domain name: " + e.getMessage());
        }
    }

    private static Name guessOrigin(String text, Path file, String fileText) throws WorldException {
        Name fromName = null;
        String base = file.getFileName() == null ? "" : file.getFileName().toString();
        String lower = base.toLowerCase(Locale.ROOT);
        for (String ext : new String[] {".zone", ".db", ".txt"}) {
            if (lower.endsWith(ext)) {
                base = base.substring(0, base.length() - ext.length());
                lower = base.toLowerCase(Locale.ROOT);
            }
        }
        if (lower.startsWith("db.")) {
            base = base.substring(3);
            lower = lower.substring(3);
        }
        if (lower.equals("root") || lower.equals("root.") || lower.equals(".")) {
            fromName = Name.root;
        } else if (!base.isEmpty()) {
            try {
                fromName = Name.fromString(base, Name.root);
            } catch (TextParseException e) {
                fromName = null;
            }
        }
        // an $ORIGIN or absolute SOA owner in the file wins over the file name
        try {
            for (ZoneFileParser.Located l : ZoneFileParser.read(fromName == null ? Name.root : fromName, text, fileText)) {
                if (l.record().getType() == Type.SOA) {
                    return l.record().getName();
                }
            }
        } catch (WorldException e) {
            throw e;
        }
        if (fromName != null) {
            return fromName;
        }
        throw new WorldException(fileText, 0, "cannot tell the zone's origin: no SOA record; give it as ORIGIN=FILE");
    }

    // ---- manifest reading ----

    private static JsonNode readJson(String text, String manifestName) throws WorldException {
        try {
            JsonNode node = JsonNodeReader.builder().locationAware().build().readTree(text, InputFormat.JSON);
            if (node == null || node.isMissingNode()) {
                throw new WorldException(manifestName, 1, "empty file; expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw jsonError(e, manifestName);
        } catch (IllegalArgumentException e) {
            // the location-aware reader wraps Jackson's parse errors
            if (e.getCause() instanceof JsonProcessingException j) {
                throw jsonError(j, manifestName);
            }
            throw new WorldException(manifestName, 0, "not valid JSON: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new WorldException(manifestName, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    private static WorldException jsonError(JsonProcessingException e, String manifestName) {
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 0 : loc.getLineNr();
        return new WorldException(manifestName, line, "not valid JSON: " + e.getOriginalMessage(), e);
    }

    private static final class SchemaHolder {
        static final JsonSchema SCHEMA = load();

        private static JsonSchema load() {
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
            try (InputStream in = WorldLoader.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("schema missing from the classpath: " + SCHEMA_RESOURCE);
                }
                return factory.getSchema(in);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + SCHEMA_RESOURCE, e);
            }
        }
    }

    /** The world manifest's JSON Schema (for tools and tests). */
    public static JsonSchema schema() {
        return SchemaHolder.SCHEMA;
    }

    private static void validateSchema(JsonNode root, String manifestName) throws WorldException {
        Set<ValidationMessage> problems = SchemaHolder.SCHEMA.validate(root);
        if (problems.isEmpty()) {
            return;
        }
        List<ValidationMessage> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt((ValidationMessage v) -> lineOf(v.getInstanceNode()))
                .thenComparing(ValidationMessage::getMessage));
        ValidationMessage first = sorted.get(0);
        String more = sorted.size() > 1 ? " (and " + (sorted.size() - 1) + " more problem"
                + (sorted.size() > 2 ? "s" : "") + ")" : "";
        throw new WorldException(manifestName, lineOf(first.getInstanceNode()),
                "does not match the world schema: " + first.getMessage() + more);
    }

    static int lineOf(JsonNode node) {
        if (node == null) {
            return 0;
        }
        JsonLocation loc = JsonNodes.tokenLocationOf(node);
        return loc == null ? 0 : Math.max(0, loc.getLineNr());
    }

    /** Access to manifest nodes with errors that name the line. */
    private record Manifest(String file, JsonNode root) {
        int line(JsonNode node) {
            return lineOf(node);
        }

        WorldException error(JsonNode node, String problem) {
            return new WorldException(file, lineOf(node), problem);
        }

        Name name(JsonNode node) throws WorldException {
            try {
                return Name.fromString(node.asText(), Name.root);
            } catch (TextParseException e) {
                throw error(node, "'" + node.asText() + "' is not a domain name: " + e.getMessage());
            }
        }
    }
}
