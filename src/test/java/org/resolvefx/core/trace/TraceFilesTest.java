package org.resolvefx.core.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceFilesTest {

    @TempDir
    Path dir;

    @Test
    void everyEventKindSurvivesWriteAndRead() throws Exception {
        Trace t = TestTraces.everyKind();
        Set<String> kinds = new HashSet<>();
        t.events().forEach(e -> kinds.add(TraceEvents.kindName(e)));
        assertThat(kinds).hasSize(TraceEvent.class.getPermittedSubclasses().length);

        Path f = dir.resolve("every.trace.json");
        TraceFiles.write(t, f);
        Trace back = TraceFiles.read(f);

        assertThat(back).isEqualTo(t);
        assertThat(back.messages()).hasSize(t.messages().size());
        for (int i = 0; i < t.messages().size(); i++) {
            assertThat(back.messages().get(i).bytes()).isEqualTo(t.messages().get(i).bytes());
        }
        assertThat(back.startedAt()).isEqualTo(t.startedAt()); // nanoseconds kept
    }

    @ParameterizedTest
    @ValueSource(strings = {"a-recursive-cold.pcap", "b-trace.pcap", "b-trace.pcapng", "c-tc-tcp-fallback.pcap",
            "d-nxdomain.pcap"})
    void importedTracesSurviveWriteAndRead(String capture) throws Exception {
        for (Trace t : Captures.traces(capture)) {
            Trace back = TraceFiles.fromJson(TraceFiles.toJson(t), capture);
            assertThat(back).isEqualTo(t);
        }
    }

    @Test
    void writtenFilesValidateAgainstThePublishedSchema() throws Exception {
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream(TraceFiles.SCHEMA_RESOURCE)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        List<Trace> traces = new ArrayList<>(List.of(TestTraces.everyKind()));
        traces.addAll(Captures.traces("a-recursive-cold.pcap"));
        traces.addAll(Captures.traces("d-nxdomain.pcap"));
        for (Trace t : traces) {
            JsonNode tree = new ObjectMapper().readTree(TraceFiles.toJson(t));
            assertThat(schema.validate(tree)).as(t.title()).isEmpty();
            assertThat(tree.get("format").asText()).isEqualTo("resolvefx-trace");
            assertThat(tree.get("formatVersion").asInt()).isEqualTo(1);
        }
    }

    @Test
    void theSchemaRejectsWhatItShould() throws Exception {
        // guards against a schema so loose that validation could never fail
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream(TraceFiles.SCHEMA_RESOURCE)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        ObjectMapper om = new ObjectMapper();
        JsonNode good = om.readTree(TraceFiles.toJson(TestTraces.everyKind()));
        var missingEvents = good.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) missingEvents).remove("events");
        assertThat(schema.validate(missingEvents)).isNotEmpty();
        var badKind = good.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) badKind.get("events").get(0)).put("kind", "teleport");
        assertThat(schema.validate(badKind)).isNotEmpty();
        var timeoutWithoutEndpoint = good.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) timeoutWithoutEndpoint.get("events").get(3)).remove("endpoint");
        assertThat(schema.validate(timeoutWithoutEndpoint)).isNotEmpty();
    }

    @Test
    void theFileLooksLikeTheDocumentedFormat() {
        String json = TraceFiles.toJson(TestTraces.everyKind());
        assertThat(json).startsWith("{\n  \"format\" : \"resolvefx-trace\",\n  \"formatVersion\" : 1,");
        assertThat(json).contains("\"kind\" : \"messageSent\"", "\"hex\" : \"6ecf01", "\"fromAddress\" : \"127.0.0.1:52438\"",
                "\"toAddress\" : \"[::1]:5353\"", "\"transport\" : \"tcp\"", "\"role\" : \"authoritative\"",
                "\"startedAt\" : \"2026-11-23T21:23:43.124918123Z\"", "\"reason\" : \"cnameLoop\"",
                "\"outcome\" : \"miss\"", "\"rcode\" : \"NXDOMAIN\"", "\"type\" : \"NS\"");
        assertThat(json).endsWith("}\n");
    }

    @Test
    void writeReplacesAtomicallyAndLeavesNoTemporaryFiles() throws Exception {
        Path f = dir.resolve("sub/dir/lecture.trace.json");
        TraceFiles.write(TestTraces.everyKind(), f);
        Trace second = Captures.traces("b-trace.pcap").get(0);
        TraceFiles.write(second, f);
        assertThat(TraceFiles.read(f)).isEqualTo(second);
        try (Stream<Path> files = Files.list(f.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("lecture.trace.json");
        }
        if (Files.getFileStore(f).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r--r--");
        }
    }

    @Test
    void writeKeepsTheOldFileWhenTheTargetCannotBeReplaced() throws Exception {
        Path target = dir.resolve("is-a-directory.trace.json");
        Files.createDirectories(target.resolve("child"));
        assertThatThrownBy(() -> TraceFiles.write(TestTraces.everyKind(), target)).isInstanceOf(java.io.IOException.class);
        assertThat(target.resolve("child")).isDirectory();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("is-a-directory.trace.json");
        }
    }

    @Test
    void sniffingRecognisesTracesAndNothingElse() throws Exception {
        Path trace = dir.resolve("t.trace.json");
        TraceFiles.write(TestTraces.everyKind(), trace);
        assertThat(TraceFiles.looksLikeTrace(trace)).isTrue();

        Path formatLater = dir.resolve("later.json");
        Files.writeString(formatLater, "{\"title\": \"x\", \"nested\": {\"format\": \"no\"}, \"format\": \"resolvefx-trace\"}");
        assertThat(TraceFiles.looksLikeTrace(formatLater)).isTrue();

        Path nestedOnly = dir.resolve("nested.json");
        Files.writeString(nestedOnly, "{\"nested\": {\"format\": \"resolvefx-trace\"}}");
        assertThat(TraceFiles.looksLikeTrace(nestedOnly)).isFalse();

        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"format\": \"something-else\", \"formatVersion\": 1}");
        assertThat(TraceFiles.looksLikeTrace(other)).isFalse();

        Path empty = dir.resolve("empty.json");
        Files.write(empty, new byte[0]);
        assertThat(TraceFiles.looksLikeTrace(empty)).isFalse();
        assertThat(TraceFiles.looksLikeTrace(Captures.path("a-recursive-cold.pcap"))).isFalse();
        assertThat(TraceFiles.looksLikeTrace(dir.resolve("missing.json"))).isFalse();
        assertThat(TraceFiles.looksLikeTrace(dir)).isFalse();
    }

    @Test
    void theStoredVersionOneExampleStillReads() throws Exception {
        // written by an earlier build; a format change that breaks it needs a new formatVersion
        Trace stored;
        try (InputStream in = getClass().getResourceAsStream("/traces/a-recursive-cold.trace.json")) {
            stored = TraceFiles.read(in, "a-recursive-cold.trace.json");
        }
        Trace fresh = Captures.traces("a-recursive-cold.pcap").get(0);
        assertThat(stored.endpoints()).isEqualTo(fresh.endpoints());
        assertThat(stored.messages()).isEqualTo(fresh.messages());
        assertThat(stored.events()).hasSameSizeAs(fresh.events());
        assertThat(stored.mode()).isEqualTo(ResolutionMode.RECURSIVE);
        assertThat(stored.source()).isEqualTo(TraceSource.CAPTURE);
    }

    @Test
    void readingAMissingFileNamesIt() {
        assertThatThrownBy(() -> TraceFiles.read(dir.resolve("nothing-here.trace.json")))
                .isInstanceOf(TraceFileException.class)
                .hasMessage("nothing-here.trace.json: no such file");
    }

    @Test
    void readingFromAStreamUsesTheGivenName() {
        byte[] text = "{\"format\": \"resolvefx-trace\", \"formatVersion\": 1".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TraceFiles.read(new ByteArrayInputStream(text), "upload.json"))
                .isInstanceOf(TraceFileException.class)
                .hasMessage("upload.json: line 1, column 49: unexpected end of input");
    }
}
