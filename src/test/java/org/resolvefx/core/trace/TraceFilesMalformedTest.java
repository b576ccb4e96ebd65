package org.resolvefx.core.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a trace file can be broken gives its own message naming the file and the place.
 * Event indexes refer to {@link TestTraces#everyKind()}: 0 messageSent, 3 timeout, 5 messageSent,
 * 6 messageReceived, 14 messageReceived (ignored), 16 answer.
 */
class TraceFilesMalformedTest {

    private static final ObjectMapper OM = new ObjectMapper();
    private static final String GOOD = TraceFiles.toJson(TestTraces.everyKind());
    private static final Map<String, String> MESSAGES = new HashMap<>();

    private static Arguments text(String name, String text, String expectedStart) {
        return Arguments.of(name, text.getBytes(StandardCharsets.UTF_8), expectedStart);
    }

    private static Arguments tree(String name, Consumer<ObjectNode> edit, String expectedStart) {
        try {
            ObjectNode root = (ObjectNode) OM.readTree(GOOD);
            edit.accept(root);
            return Arguments.of(name, OM.writerWithDefaultPrettyPrinter().writeValueAsBytes(root), expectedStart);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode event(ObjectNode root, int i) {
        return (ObjectNode) root.get("events").get(i);
    }

    private static ObjectNode message(ObjectNode root, int i) {
        return (ObjectNode) event(root, i).get("message");
    }

    static Stream<Arguments> cases() {
        List<Arguments> c = new ArrayList<>();
        c.add(text("cut off", GOOD.substring(0, GOOD.length() / 2), "x.trace.json: line "));
        c.add(text("empty", "", "x.trace.json: the file is empty"));
        c.add(text("only spaces", "  \n ", "x.trace.json: the file is empty"));
        c.add(text("trailing text", GOOD + "{}", "x.trace.json: line "));
        c.add(text("duplicate key", "{\"format\": \"resolvefx-trace\", \"format\": \"x\"}",
                "x.trace.json: line 1, column 39: duplicate field 'format'"));
        c.add(text("not JSON", "PK\u0003\u0004 zip file", "x.trace.json: line 1, column 6: unrecognized token 'PK\\u0003\\u0004'"));
        c.add(text("array at top", "[1, 2]",
                "x.trace.json: not a ResolveFX trace: expected a JSON object at the top, found a list"));
        c.add(text("string at top", "\"hello\"",
                "x.trace.json: not a ResolveFX trace: expected a JSON object at the top, found text"));
        c.add(tree("no format", r -> r.remove("format"),
                "x.trace.json: format: missing; this is not a ResolveFX trace file"));
        c.add(tree("other format", r -> r.put("format", "wireshark-profile"),
                "x.trace.json: format: is \"wireshark-profile\", expected \"resolvefx-trace\"; this is not a ResolveFX trace file"));
        c.add(tree("newer version", r -> r.put("formatVersion", 2),
                "x.trace.json: formatVersion: 2 is newer than this ResolveFX can read (up to 1); please update ResolveFX"));
        c.add(tree("version zero", r -> r.put("formatVersion", 0),
                "x.trace.json: formatVersion: 0 is not a version (the first version is 1)"));
        c.add(tree("version as text", r -> r.put("formatVersion", "1"),
                "x.trace.json: formatVersion: must be a whole number, found \"1\""));
        c.add(tree("no version", r -> r.remove("formatVersion"), "x.trace.json: formatVersion: missing"));
        c.add(tree("no events", r -> r.remove("events"), "x.trace.json: events: missing (line 1)"));
        c.add(tree("unknown kind", r -> event(r, 3).put("kind", "teleport"), "x.trace.json: events[3].kind: "));
        c.add(tree("unknown property", r -> event(r, 0).put("atMicro", 3),
                "x.trace.json: events[0]: property 'atMicro' is not defined"));
        c.add(tree("time as text", r -> event(r, 0).put("atMicros", "soon"), "x.trace.json: events[0].atMicros: "));
        c.add(tree("negative time", r -> event(r, 0).put("atMicros", -5), "x.trace.json: events[0].atMicros: "));
        c.add(tree("timeout without endpoint", r -> event(r, 3).remove("endpoint"),
                "x.trace.json: events[3].endpoint: missing"));
        c.add(tree("narration without German", r -> ((ObjectNode) event(r, 3).get("narration")).remove("de"),
                "x.trace.json: events[3].narration.de: missing"));
        c.add(tree("bad role", r -> ((ObjectNode) r.get("endpoints").get(2)).put("role", "king"),
                "x.trace.json: endpoints[2].role: "));
        c.add(tree("port too large", r -> ((ObjectNode) r.get("endpoints").get(2)).put("port", 70000),
                "x.trace.json: endpoints[2].port: "));
        c.add(tree("hex with letters", r -> message(r, 5).put("hex", "zz" + message(r, 5).get("hex").asText()),
                "x.trace.json: events[5].message.hex: not hexadecimal (character 1 is 'z') (line "));
        c.add(tree("hex of odd length", r -> message(r, 5).put("hex", message(r, 5).get("hex").asText() + "a"),
                "x.trace.json: events[5].message.hex: odd number of hex digits ("));
        c.add(tree("unknown sender", r -> message(r, 0).put("from", "e99"),
                "x.trace.json: events[0].message.from: unknown endpoint id 'e99' (not in endpoints) (line "));
        c.add(tree("unknown timeout endpoint", r -> event(r, 3).put("endpoint", "e42"),
                "x.trace.json: events[3].endpoint: unknown endpoint id 'e42' (not in endpoints) (line "));
        c.add(tree("duplicate endpoint id", r -> ((ObjectNode) r.get("endpoints").get(1)).put("id", "e1"),
                "x.trace.json: endpoints[1].id: duplicate endpoint id 'e1' (line "));
        c.add(tree("host name for address", r -> ((ObjectNode) r.get("endpoints").get(0)).put("address", "localhost"),
                "x.trace.json: endpoints[0].address: not an IP address: 'localhost' (line "));
        c.add(tree("bad socket address", r -> message(r, 0).put("fromAddress", "127.0.0.1:99999"),
                "x.trace.json: events[0].message.fromAddress: not an address with port like 127.0.0.1:53 or [::1]:53: '127.0.0.1:99999'"));
        c.add(tree("bad question name", r -> ((ObjectNode) r.get("question")).put("name", "www..example."),
                "x.trace.json: question.name: not a valid domain name: 'www..example.'"));
        c.add(tree("unknown type", r -> ((ObjectNode) r.get("question")).put("type", "AXFRX"),
                "x.trace.json: question.type: unknown record type 'AXFRX'"));
        c.add(tree("unknown class", r -> ((ObjectNode) r.get("question")).put("class", "MOON"),
                "x.trace.json: question.class: unknown class 'MOON'"));
        c.add(tree("bad start time", r -> r.put("startedAt", "yesterday"),
                "x.trace.json: startedAt: not an ISO-8601 time like 2026-11-23T21:23:43.124918Z: 'yesterday'"));
        c.add(tree("events out of order", r -> event(r, 4).put("atMicros", 1),
                "x.trace.json: events[4].atMicros: 1 is earlier than the event before it (2000020); events must be in the order of the trace clock"));
        c.add(tree("ignored without reason", r -> event(r, 14).putNull("ignoredReason"),
                "x.trace.json: events[14]: an ignored response (accepted: false) needs an ignoredReason"));
        c.add(tree("unknown rcode", r -> event(r, 16).put("rcode", "NOPE"),
                "x.trace.json: events[16].rcode: unknown response code 'NOPE'"));
        c.add(tree("unknown transport", r -> message(r, 0).put("transport", "quic"),
                "x.trace.json: events[0].message.transport: "));
        c.add(tree("records not a list", r -> event(r, 16).put("records", "all of them"),
                "x.trace.json: events[16].records: "));
        c.add(tree("endpoints not a list", r -> r.putObject("endpoints"), "x.trace.json: endpoints: "));
        c.add(tree("name server without glue flag",
                r -> ((ObjectNode) ((ArrayNode) event(r, 8).get("servers")).get(0)).remove("glue"),
                "x.trace.json: events[8].servers[0].glue: missing"));
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void brokenFileGivesItsOwnMessage(String name, byte[] content, String expectedStart) {
        TraceFileException e = catchThrowableOfType(TraceFileException.class,
                () -> TraceFiles.read(new java.io.ByteArrayInputStream(content), "x.trace.json"));
        assertThat(e).as(name).isNotNull();
        assertThat(e.getMessage()).as(name).startsWith(expectedStart);
        assertThat(e.sourceName()).isEqualTo("x.trace.json");
        assertThat(e.allProblems()).isNotEmpty();
        synchronized (MESSAGES) {
            MESSAGES.put(name, e.getMessage());
        }
    }

    @AfterAll
    static void noTwoCasesShareAMessage() {
        // "its own message": different faults must not collapse into one generic text
        Map<String, String> byMessage = new HashMap<>();
        for (Map.Entry<String, String> e : MESSAGES.entrySet()) {
            String clash = byMessage.put(e.getValue(), e.getKey());
            if (!(e.getKey().equals("empty") || e.getKey().equals("only spaces"))) {
                assertThat(clash == null || clash.equals("empty") || clash.equals("only spaces"))
                        .as("'%s' and '%s' give the same message: %s", e.getKey(), clash, e.getValue()).isTrue();
            }
        }
    }

    @Test
    void aHugeStreamIsRefusedWithoutReadingItAll() {
        InputStream endless = new InputStream() {
            long left = TraceFiles.MAX_FILE_BYTES + 10L;

            @Override
            public int read() {
                return left-- > 0 ? ' ' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) ' ');
                left -= n;
                return n;
            }
        };
        TraceFileException e = catchThrowableOfType(TraceFileException.class, () -> TraceFiles.read(endless, "big.json"));
        assertThat(e).hasMessage("big.json: file is larger than 64 MB; that is not a trace");
    }

    @Test
    void severalSchemaProblemsAreAllListedFirstOneFirst() throws Exception {
        ObjectNode root = (ObjectNode) OM.readTree(GOOD);
        event(root, 3).remove("endpoint");
        event(root, 16).put("fromCache", "no");
        JsonNode edited = root;
        TraceFileException e = catchThrowableOfType(TraceFileException.class,
                () -> TraceFiles.fromJson(OM.writerWithDefaultPrettyPrinter().writeValueAsString(edited), "two.json"));
        assertThat(e.allProblems()).hasSize(2);
        assertThat(e.allProblems().get(0)).startsWith("events[3].endpoint: missing");
        assertThat(e.allProblems().get(1)).startsWith("events[16].fromCache: ");
        assertThat(e.getMessage()).endsWith("(and 1 more problem)");
    }
}
