package org.resolvefx.core.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Test-only reader of the golden files made by src/test/scripts/make-golden.sh: for every DNS
 * message of every golden capture, its bytes and what tshark said about it (JSON: ids, values,
 * offsets, lengths, masks; PDML: the tree lines). Reads tshark's JSON as a token stream because
 * tshark repeats keys inside one object (two answers with the same summary line).
 */
final class GoldenCorpus {
    static final Path DIR = Paths.get("src/test/resources/golden");

    /** tshark fields that depend on other packets (request/response matching), not on the message. */
    static final Set<String> CONVERSATION_FIELDS = Set.of("dns.response_to", "dns.response_in", "dns.time",
            "dns.retransmission", "dns.retransmit_request_in", "dns.retransmit_response_in", "dns.unsolicited",
            "dns.length");

    /** A text line that only carries Wireshark's expert note on extra bytes; no field of its own. */
    static final String EXPERT_GROUP = "Extraneous data";

    /** One field as tshark's JSON gives it; offset -1 when tshark gave no raw bytes. */
    record Field(String id, String value, int offset, int length, long mask) {
        @Override
        public String toString() {
            return id + "=" + value + (offset >= 0 ? " @" + offset + "+" + length + (mask != 0 ? " mask " + mask
                    : "") : "");
        }
    }

    /** One tree line of PDML: Wireshark field (id non-empty) or a text-only grouping line. */
    record Line(String id, String text, int offset, int length) {
    }

    record Message(String file, int index, byte[] bytes, List<Field> fields, List<Line> lines) {
        @Override
        public String toString() {
            return file + " message " + index;
        }
    }

    static List<Path> pcaps() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".pcap")).sorted().toList();
        }
    }

    static List<Message> all() throws Exception {
        List<Message> out = new ArrayList<>();
        for (Path p : pcaps()) {
            out.addAll(load(p));
        }
        return out;
    }

    static List<Message> load(Path pcap) throws Exception {
        String base = pcap.toString().replaceAll("\\.pcap$", "");
        List<RawMessage> json = readJson(Paths.get(base + ".json"));
        List<List<Line>> pdml = readPdml(Paths.get(base + ".pdml"));
        if (json.size() != pdml.size()) {
            throw new IllegalStateException(pcap + ": " + json.size() + " messages in JSON, " + pdml.size()
                    + " in PDML");
        }
        List<Message> out = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            RawMessage r = json.get(i);
            int start = r.idPos;
            List<Field> rel = new ArrayList<>();
            for (Field f : r.fields) {
                rel.add(f.offset < 0 ? f : new Field(f.id, f.value, f.offset - start, f.length, f.mask));
            }
            List<Line> lines = new ArrayList<>();
            for (Line l : pdml.get(i)) {
                lines.add(new Line(l.id, l.text, l.offset - start, l.length));
            }
            out.add(new Message(pcap.getFileName().toString(), i + 1, r.bytes(), rel, lines));
        }
        return out;
    }

    private static final class RawMessage {
        byte[] dnsRaw;
        int dnsRawPos;
        int idPos = -1;
        int tcpLength = -1;
        final List<Field> fields = new ArrayList<>();

        byte[] bytes() {
            int from = idPos - dnsRawPos;
            int len = tcpLength >= 0 ? tcpLength : dnsRaw.length - from;
            len = Math.min(len, dnsRaw.length - from);
            byte[] b = new byte[len];
            System.arraycopy(dnsRaw, from, b, 0, len);
            return b;
        }
    }

    private static List<RawMessage> readJson(Path file) throws IOException {
        List<RawMessage> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
             JsonParser p = new JsonFactory().createParser(in)) {
            p.nextToken(); // [
            while (p.nextToken() == JsonToken.START_OBJECT) {
                readPacket(p, out);
            }
        }
        return out;
    }

    private static void readPacket(JsonParser p, List<RawMessage> out) throws IOException {
        // {"_index":..., "_source": {"layers": {...}}}
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String n = p.currentName();
            p.nextToken();
            if (n.equals("_source")) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    p.nextToken();
                    if (p.currentName().equals("layers")) {
                        readLayers(p, out);
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private static void readLayers(JsonParser p, List<RawMessage> out) throws IOException {
        byte[] pendingRaw = null;
        int pendingPos = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String n = p.currentName();
            JsonToken t = p.nextToken();
            if (n.equals("dns_raw") && t == JsonToken.START_ARRAY) {
                p.nextToken();
                pendingRaw = HexFormat.of().parseHex(p.getText());
                p.nextToken();
                pendingPos = p.getIntValue();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    // length, mask, type
                }
            } else if (n.equals("dns") && t == JsonToken.START_OBJECT) {
                RawMessage m = new RawMessage();
                m.dnsRaw = pendingRaw;
                m.dnsRawPos = pendingPos;
                readDns(p, m, m.fields);
                out.add(m);
            } else {
                p.skipChildren();
            }
        }
    }

    private static void readDns(JsonParser p, RawMessage m, List<Field> fields) throws IOException {
        String rawId = null;
        int[] raw = null;
        long rawMask = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String n = p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                if (n.endsWith("_raw")) {
                    p.nextToken();
                    if (p.currentToken() == JsonToken.START_ARRAY) {
                        throw new IOException("nested raw arrays for " + n);
                    }
                    p.nextToken();
                    int pos = p.getIntValue();
                    p.nextToken();
                    int len = p.getIntValue();
                    p.nextToken();
                    rawMask = p.getLongValue();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        // field type
                    }
                    rawId = n.substring(0, n.length() - 4);
                    raw = new int[] {pos, len};
                } else {
                    p.skipChildren();
                }
            } else if (t == JsonToken.START_OBJECT) {
                if (n.startsWith("_ws.")) {
                    p.skipChildren();
                } else if (n.endsWith("_tree")) {
                    readDns(p, m, fields);
                } else if (n.startsWith("dns.")) {
                    fields.add(field(n, "", rawId, raw, rawMask));
                    readDns(p, m, fields);
                } else if (n.equals(EXPERT_GROUP)) {
                    p.skipChildren();
                } else {
                    fields.add(new Field("group", n, -1, 0, 0));
                    readDns(p, m, fields);
                }
                rawId = null;
            } else {
                String v = p.getText();
                if (n.equals("dns.id") && n.equals(rawId)) {
                    m.idPos = raw[0];
                }
                if (n.equals("dns.length")) {
                    m.tcpLength = Integer.parseInt(v);
                }
                if (n.startsWith("dns.") && !CONVERSATION_FIELDS.contains(n)) {
                    fields.add(field(n, v, rawId, raw, rawMask));
                }
                rawId = null;
            }
        }
    }

    private static Field field(String id, String value, String rawId, int[] raw, long mask) {
        if (id.equals(rawId)) {
            return new Field(id, value, raw[0], raw[1], mask);
        }
        return new Field(id, value, -1, 0, 0);
    }

    private static List<List<Line>> readPdml(Path file) throws Exception {
        List<List<Line>> out = new ArrayList<>();
        SAXParserFactory f = SAXParserFactory.newInstance();
        f.newSAXParser().parse(file.toFile(), new DefaultHandler() {
            List<Line> current;
            int depth;
            int skipFrom = -1;

            @Override
            public void startElement(String uri, String local, String q, Attributes a) {
                if (q.equals("proto") && "dns".equals(a.getValue("name"))) {
                    current = new ArrayList<>();
                    depth = 0;
                    out.add(current);
                    return;
                }
                if (current == null) {
                    return;
                }
                if (q.equals("proto")) {
                    depth++;
                    return;
                }
                if (q.equals("field")) {
                    depth++;
                    String name = a.getValue("name");
                    if (skipFrom >= 0) {
                        return;
                    }
                    if ("yes".equals(a.getValue("hide")) || name.startsWith("_ws.")
                            || CONVERSATION_FIELDS.contains(name)
                            || name.isEmpty() && EXPERT_GROUP.equals(a.getValue("show"))) {
                        skipFrom = depth;
                        return;
                    }
                    String text = name.isEmpty() ? a.getValue("show") : a.getValue("showname");
                    current.add(new Line(name, text, Integer.parseInt(a.getValue("pos")),
                            Integer.parseInt(a.getValue("size"))));
                }
            }

            @Override
            public void endElement(String uri, String local, String q) {
                if (current == null) {
                    return;
                }
                if (q.equals("proto") || q.equals("field")) {
                    if (depth == skipFrom) {
                        skipFrom = -1;
                    }
                    if (depth == 0) {
                        current = null;
                    } else {
                        depth--;
                    }
                }
            }
        });
        return out;
    }
}
