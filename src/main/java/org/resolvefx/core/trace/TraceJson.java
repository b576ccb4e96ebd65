package org.resolvefx.core.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.resolvefx.core.net.IpText;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.net.Transport;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The mapping between {@link Trace} and the JSON tree of a {@code *.trace.json} file, written out
 * field by field. Deliberately no data binding on the domain records: renaming a Java field or enum
 * constant must never change the file format silently (the switches below stop compiling instead).
 */
final class TraceJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final HexFormat HEX = HexFormat.of();

    private TraceJson() {
    }

    // =================================================================== encoding

    static ObjectNode encode(Trace t) {
        ObjectNode root = F.objectNode();
        root.put("format", TraceFiles.FORMAT);
        root.put("formatVersion", TraceFiles.FORMAT_VERSION);
        root.put("title", t.title());
        ObjectNode q = root.putObject("question");
        q.put("name", t.question().name().toString());
        q.put("type", Type.string(t.question().type()));
        q.put("class", DClass.string(t.question().dclass()));
        root.put("mode", mode(t.mode()));
        root.put("source", source(t.source()));
        root.put("startedAt", DateTimeFormatter.ISO_INSTANT.format(t.startedAt()));
        root.put("world", t.world());
        ArrayNode eps = root.putArray("endpoints");
        for (Endpoint e : t.endpoints()) {
            ObjectNode o = eps.addObject();
            o.put("id", e.id());
            o.put("address", IpText.format(e.address()));
            o.put("port", e.port());
            o.put("role", role(e.role()));
            o.put("serverName", e.serverName());
            o.put("zone", e.zone());
        }
        ArrayNode cache = root.putArray("initialCache");
        for (CacheEntry c : t.initialCache()) {
            cache.add(cacheEntry(c));
        }
        ArrayNode events = root.putArray("events");
        for (TraceEvent e : t.events()) {
            events.add(event(e));
        }
        return root;
    }

    private static ObjectNode cacheEntry(CacheEntry c) {
        ObjectNode o = F.objectNode();
        o.put("name", c.name().toString());
        o.put("type", Type.string(c.type()));
        o.put("ttl", c.ttlSeconds());
        o.put("storedAtMicros", c.storedAtMicros());
        o.put("negative", c.negative());
        o.put("rcode", rcode(c.rcode()));
        ArrayNode rd = o.putArray("rdata");
        c.rdata().forEach(rd::add);
        o.put("source", c.sourceId());
        o.put("section", c.section());
        return o;
    }

    private static ObjectNode event(TraceEvent event) {
        ObjectNode o = F.objectNode();
        o.put("kind", TraceEvents.kindName(event));
        o.put("atMicros", event.atMicros());
        ObjectNode n = o.putObject("narration");
        n.put("en", event.narration().en());
        n.put("de", event.narration().de());
        if (event instanceof TraceEvent.MessageSent e) {
            o.set("message", message(e.message()));
        } else if (event instanceof TraceEvent.MessageReceived e) {
            o.set("message", message(e.message()));
            o.put("accepted", e.accepted());
            o.put("ignoredReason", e.ignoredReason());
        } else if (event instanceof TraceEvent.CacheLookup e) {
            o.put("name", e.name().toString());
            o.put("type", Type.string(e.type()));
            o.put("outcome", outcome(e.outcome()));
            ArrayNode r = o.putArray("records");
            e.records().forEach(r::add);
        } else if (event instanceof TraceEvent.CacheStore e) {
            ArrayNode s = o.putArray("stored");
            e.stored().forEach(c -> s.add(cacheEntry(c)));
            ArrayNode r = o.putArray("rejected");
            for (TraceEvent.RejectedRecord rr : e.rejected()) {
                ObjectNode x = r.addObject();
                x.put("record", rr.record());
                x.put("reason", rr.reason());
            }
        } else if (event instanceof TraceEvent.ReferralFollowed e) {
            o.put("from", e.fromId());
            o.put("zone", e.zone().toString());
            ArrayNode s = o.putArray("servers");
            for (TraceEvent.NameServer ns : e.servers()) {
                ObjectNode x = s.addObject();
                x.put("name", ns.name().toString());
                ArrayNode a = x.putArray("addresses");
                ns.addresses().forEach(ad -> a.add(IpText.format(ad)));
                x.put("glue", ns.glue());
            }
        } else if (event instanceof TraceEvent.CnameRestart e) {
            o.put("alias", e.alias().toString());
            o.put("target", e.target().toString());
            o.put("viaDname", e.viaDname());
        } else if (event instanceof TraceEvent.SideResolutionStarted e) {
            o.put("serverName", e.serverName().toString());
        } else if (event instanceof TraceEvent.SideResolutionFinished e) {
            o.put("serverName", e.serverName().toString());
            ArrayNode a = o.putArray("addresses");
            e.addresses().forEach(ad -> a.add(IpText.format(ad)));
            o.put("success", e.success());
        } else if (event instanceof TraceEvent.Timeout e) {
            o.put("endpoint", e.endpointId());
            o.put("waitedMillis", e.waitedMillis());
            o.put("attempt", e.attempt());
        } else if (event instanceof TraceEvent.Retry e) {
            o.put("endpoint", e.endpointId());
            o.put("attempt", e.attempt());
        } else if (event instanceof TraceEvent.ServerSkipped e) {
            o.put("endpoint", e.endpointId());
            o.put("reason", skipReason(e.reason()));
            o.put("detail", e.detail());
        } else if (event instanceof TraceEvent.TcpFallback e) {
            o.put("endpoint", e.endpointId());
        } else if (event instanceof TraceEvent.Answer e) {
            o.put("rcode", rcode(e.rcode()));
            ArrayNode r = o.putArray("records");
            e.records().forEach(r::add);
            o.put("fromCache", e.fromCache());
        } else if (event instanceof TraceEvent.Failure e) {
            o.put("reason", failureReason(e.reason()));
            o.put("detail", e.detail());
        }
        return o;
    }

    private static ObjectNode message(WireMessage m) {
        ObjectNode o = F.objectNode();
        o.put("from", m.fromId());
        o.put("to", m.toId());
        o.put("fromAddress", m.from().toString());
        o.put("toAddress", m.to().toString());
        o.put("transport", m.transport().jsonName());
        o.put("frame", m.frame());
        o.put("hex", HEX.formatHex(m.unsafeBytes()));
        return o;
    }

    /** The mnemonic when dnsjava reads it back to the same number, else the number ("RESERVED4095" would not). */
    static String rcode(int rcode) {
        String s = Rcode.string(rcode);
        return Rcode.value(s) == rcode ? s : Integer.toString(rcode);
    }

    // ---- enum names in the file; each switch must cover every constant, so a new constant cannot slip through

    static String mode(ResolutionMode m) {
        return switch (m) {
            case ITERATIVE -> "iterative";
            case RECURSIVE -> "recursive";
            case STUB -> "stub";
        };
    }

    static String source(TraceSource s) {
        return switch (s) {
            case LIVE -> "live";
            case SANDBOX -> "sandbox";
            case CAPTURE -> "capture";
            case LESSON -> "lesson";
        };
    }

    static String role(Role r) {
        return switch (r) {
            case CLIENT -> "client";
            case RESOLVER -> "resolver";
            case ROOT -> "root";
            case TLD -> "tld";
            case AUTHORITATIVE -> "authoritative";
            case UNKNOWN -> "unknown";
        };
    }

    static String outcome(TraceEvent.CacheOutcome o) {
        return switch (o) {
            case MISS -> "miss";
            case HIT -> "hit";
            case NEGATIVE_HIT -> "negativeHit";
        };
    }

    static String skipReason(TraceEvent.SkipReason r) {
        return switch (r) {
            case LAME -> "lame";
            case REFUSED -> "refused";
            case UNREACHABLE -> "unreachable";
            case SERVFAIL -> "servfail";
            case BAD_RESPONSE -> "badResponse";
        };
    }

    static String failureReason(TraceEvent.FailureReason r) {
        return switch (r) {
            case ALL_SERVERS_FAILED -> "allServersFailed";
            case QUERY_LIMIT -> "queryLimit";
            case REFERRAL_DEPTH -> "referralDepth";
            case CNAME_CHAIN_TOO_LONG -> "cnameChainTooLong";
            case CNAME_LOOP -> "cnameLoop";
            case DELEGATION_LOOP -> "delegationLoop";
            case TIME_LIMIT -> "timeLimit";
            case CANCELLED -> "cancelled";
            case NO_SERVERS -> "noServers";
            case NETWORK_ERROR -> "networkError";
        };
    }

    // =================================================================== decoding

    /** A decoding problem at a JSON path; turned into a {@link TraceFileException} by {@link TraceFiles}. */
    static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String pointer;
        final String path;

        Problem(String pointer, String path, String message) {
            super(message, null, false, false);
            this.pointer = pointer;
            this.path = path;
        }
    }

    /** A JSON node with where it is, so every problem can name its place. */
    static final class At {
        final JsonNode node;
        final String pointer;
        final String path;

        At(JsonNode node, String pointer, String path) {
            this.node = node;
            this.pointer = pointer;
            this.path = path;
        }

        Problem problem(String message) {
            return new Problem(pointer, path, message);
        }

        At field(String name) {
            JsonNode child = node.get(name);
            String childPath = path.isEmpty() ? name : path + "." + name;
            if (child == null) {
                throw new Problem(pointer, childPath, "missing");
            }
            return new At(child, pointer + "/" + name, childPath);
        }

        boolean has(String name) {
            return node.has(name) && !node.get(name).isNull();
        }

        List<At> items() {
            if (!node.isArray()) {
                throw problem("expected a list");
            }
            List<At> out = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                out.add(new At(node.get(i), pointer + "/" + i, path + "[" + i + "]"));
            }
            return out;
        }

        String text() {
            if (!node.isTextual()) {
                throw problem("expected text");
            }
            return node.textValue();
        }

        String textOrNull() {
            return node.isNull() ? null : text();
        }

        long whole() {
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                throw problem("expected a whole number");
            }
            return node.longValue();
        }

        int wholeInt(int min, int max) {
            long v = whole();
            if (v < min || v > max) {
                throw problem(v + " is out of range (" + min + " to " + max + ")");
            }
            return (int) v;
        }

        boolean bool() {
            if (!node.isBoolean()) {
                throw problem("expected true or false");
            }
            return node.booleanValue();
        }

        List<String> texts() {
            List<String> out = new ArrayList<>();
            for (At a : items()) {
                out.add(a.text());
            }
            return out;
        }

        Name name() {
            String s = text();
            try {
                return Name.fromString(s, Name.root);
            } catch (TextParseException e) {
                throw problem("not a valid domain name: '" + s + "' (" + e.getMessage() + ")");
            }
        }

        InetAddress ip() {
            String s = text();
            try {
                return SocketAddr.literal(s, "");
            } catch (IllegalArgumentException e) {
                throw problem("not an IP address: '" + s + "'");
            }
        }

        SocketAddr socketAddr() {
            String s = text();
            try {
                return SocketAddr.parse(s, 0);
            } catch (IllegalArgumentException e) {
                throw problem("not an address with port like 127.0.0.1:53 or [::1]:53: '" + s + "'");
            }
        }

        int type() {
            String s = text();
            int v = Type.value(s);
            if (v < 0) {
                throw problem("unknown record type '" + s + "'");
            }
            return v;
        }

        int dclass() {
            String s = text();
            int v = DClass.value(s);
            if (v < 0) {
                throw problem("unknown class '" + s + "'");
            }
            return v;
        }

        int rcode() {
            String s = text();
            int v = Rcode.value(s);
            if (v < 0) {
                throw problem("unknown response code '" + s + "'");
            }
            return v;
        }

        <E extends Enum<E>> E choice(E[] values, Function<E, String> naming) {
            String s = text();
            for (E v : values) {
                if (naming.apply(v).equals(s)) {
                    return v;
                }
            }
            List<String> names = new ArrayList<>();
            for (E v : values) {
                names.add(naming.apply(v));
            }
            throw problem("'" + s + "' is not one of " + String.join(", ", names));
        }
    }

    static Trace decode(JsonNode tree) {
        At root = new At(tree, "", "");
        At q = root.field("question");
        Question question;
        Name qname = q.field("name").name();
        question = new Question(qname, q.field("type").type(), q.field("class").dclass());
        ResolutionMode mode = root.field("mode").choice(ResolutionMode.values(), TraceJson::mode);
        TraceSource source = root.field("source").choice(TraceSource.values(), TraceJson::source);
        Instant started = instant(root.field("startedAt"));
        String world = root.has("world") ? root.field("world").textOrNull() : null;

        List<Endpoint> endpoints = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (At e : root.field("endpoints").items()) {
            At idAt = e.field("id");
            String id = idAt.text();
            if (!ids.add(id)) {
                throw idAt.problem("duplicate endpoint id '" + id + "'");
            }
            endpoints.add(new Endpoint(id, e.field("address").ip(), e.field("port").wholeInt(0, 0xFFFF),
                    e.field("role").choice(Role.values(), TraceJson::role),
                    e.has("serverName") ? e.field("serverName").textOrNull() : null,
                    e.has("zone") ? e.field("zone").textOrNull() : null));
        }
        List<CacheEntry> cache = new ArrayList<>();
        for (At c : root.field("initialCache").items()) {
            cache.add(cacheEntry(c));
        }
        List<TraceEvent> events = new ArrayList<>();
        long last = 0;
        for (At e : root.field("events").items()) {
            TraceEvent ev = event(e, ids);
            if (ev.atMicros() < last) {
                throw e.field("atMicros").problem(ev.atMicros() + " is earlier than the event before it (" + last
                        + "); events must be in the order of the trace clock");
            }
            last = ev.atMicros();
            events.add(ev);
        }
        return new Trace(root.field("title").text(), question, mode, source, started, world, endpoints, cache, events);
    }

    private static Instant instant(At at) {
        String s = at.text();
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e2) {
                throw at.problem("not an ISO-8601 time like 2026-11-23T21:23:43.124918Z: '" + s + "'");
            }
        }
    }

    private static CacheEntry cacheEntry(At c) {
        List<String> rdata = c.field("rdata").texts();
        return guarded(c, () -> new CacheEntry(c.field("name").name(), c.field("type").type(),
                nonNegative(c.field("ttl")), c.field("storedAtMicros").whole(), c.field("negative").bool(),
                c.field("rcode").rcode(), rdata, c.field("source").text(), c.field("section").text()));
    }

    private static long nonNegative(At at) {
        long v = at.whole();
        if (v < 0) {
            throw at.problem("must not be negative (" + v + ")");
        }
        return v;
    }

    private static TraceEvent event(At e, Set<String> ids) {
        String kind = e.field("kind").text();
        long at = nonNegative(e.field("atMicros"));
        At n = e.field("narration");
        Narration narration = new Narration(n.field("en").text(), n.field("de").text());
        return guarded(e, () -> switch (kind) {
            case "messageSent" -> new TraceEvent.MessageSent(at, message(e.field("message"), ids), narration);
            case "messageReceived" -> {
                WireMessage m = message(e.field("message"), ids);
                boolean accepted = e.field("accepted").bool();
                String reason = e.has("ignoredReason") ? e.field("ignoredReason").textOrNull() : null;
                if (!accepted && (reason == null || reason.isBlank())) {
                    throw e.problem("an ignored response (accepted: false) needs an ignoredReason");
                }
                yield new TraceEvent.MessageReceived(at, m, accepted, reason, narration);
            }
            case "cacheLookup" -> new TraceEvent.CacheLookup(at, e.field("name").name(), e.field("type").type(),
                    e.field("outcome").choice(TraceEvent.CacheOutcome.values(), TraceJson::outcome),
                    e.field("records").texts(), narration);
            case "cacheStore" -> {
                List<CacheEntry> stored = new ArrayList<>();
                for (At c : e.field("stored").items()) {
                    stored.add(cacheEntry(c));
                }
                List<TraceEvent.RejectedRecord> rejected = new ArrayList<>();
                for (At r : e.field("rejected").items()) {
                    rejected.add(new TraceEvent.RejectedRecord(r.field("record").text(), r.field("reason").text()));
                }
                yield new TraceEvent.CacheStore(at, stored, rejected, narration);
            }
            case "referralFollowed" -> {
                String from = e.has("from") ? endpointRef(e.field("from"), ids) : null;
                List<TraceEvent.NameServer> servers = new ArrayList<>();
                for (At s : e.field("servers").items()) {
                    List<InetAddress> addrs = new ArrayList<>();
                    for (At a : s.field("addresses").items()) {
                        addrs.add(a.ip());
                    }
                    servers.add(new TraceEvent.NameServer(s.field("name").name(), addrs, s.field("glue").bool()));
                }
                yield new TraceEvent.ReferralFollowed(at, from, e.field("zone").name(), servers, narration);
            }
            case "cnameRestart" -> new TraceEvent.CnameRestart(at, e.field("alias").name(), e.field("target").name(),
                    e.field("viaDname").bool(), narration);
            case "sideResolutionStarted" -> new TraceEvent.SideResolutionStarted(at, e.field("serverName").name(),
                    narration);
            case "sideResolutionFinished" -> {
                List<InetAddress> addrs = new ArrayList<>();
                for (At a : e.field("addresses").items()) {
                    addrs.add(a.ip());
                }
                yield new TraceEvent.SideResolutionFinished(at, e.field("serverName").name(), addrs,
                        e.field("success").bool(), narration);
            }
            case "timeout" -> new TraceEvent.Timeout(at, endpointRef(e.field("endpoint"), ids),
                    nonNegative(e.field("waitedMillis")), e.field("attempt").wholeInt(1, Integer.MAX_VALUE), narration);
            case "retry" -> new TraceEvent.Retry(at, endpointRef(e.field("endpoint"), ids),
                    e.field("attempt").wholeInt(1, Integer.MAX_VALUE), narration);
            case "serverSkipped" -> new TraceEvent.ServerSkipped(at, endpointRef(e.field("endpoint"), ids),
                    e.field("reason").choice(TraceEvent.SkipReason.values(), TraceJson::skipReason),
                    e.field("detail").text(), narration);
            case "tcpFallback" -> new TraceEvent.TcpFallback(at, endpointRef(e.field("endpoint"), ids), narration);
            case "answer" -> new TraceEvent.Answer(at, e.field("rcode").rcode(), e.field("records").texts(),
                    e.field("fromCache").bool(), narration);
            case "failure" -> new TraceEvent.Failure(at,
                    e.field("reason").choice(TraceEvent.FailureReason.values(), TraceJson::failureReason),
                    e.field("detail").text(), narration);
            default -> throw e.field("kind").problem("unknown event kind '" + kind + "'");
        });
    }

    private static String endpointRef(At at, Set<String> ids) {
        String id = at.text();
        if (!ids.contains(id)) {
            throw at.problem("unknown endpoint id '" + id + "' (not in endpoints)");
        }
        return id;
    }

    private static WireMessage message(At m, Set<String> ids) {
        String from = endpointRef(m.field("from"), ids);
        String to = endpointRef(m.field("to"), ids);
        At hexAt = m.field("hex");
        String hex = hexAt.text();
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                throw hexAt.problem("not hexadecimal (character " + (i + 1) + " is '" + printable(hex.charAt(i))
                        + "')");
            }
        }
        if (hex.length() % 2 != 0) {
            throw hexAt.problem("odd number of hex digits (" + hex.length() + "); every byte needs two");
        }
        byte[] bytes = HEX.parseHex(hex);
        Transport transport = m.field("transport").choice(Transport.values(), Transport::jsonName);
        long frame = nonNegative(m.field("frame"));
        return new WireMessage(from, to, m.field("fromAddress").socketAddr(), m.field("toAddress").socketAddr(),
                transport, bytes, frame);
    }

    private static String printable(char c) {
        return c < 0x20 || c > 0x7E ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    /** Runs a record constructor; its own checks (IllegalArgumentException, NPE) become problems at this node. */
    private static <T> T guarded(At at, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (Problem p) {
            throw p;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw at.problem(String.valueOf(e.getMessage()));
        }
    }
}
