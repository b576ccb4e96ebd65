package org.resolvefx.core.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.resolvefx.core.net.IpText;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.sandbox.SandboxAddresses;
import org.resolvefx.core.sandbox.ServerBehaviour;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.TraceEvent;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * lesson.json to {@link Lesson} and back, field by field (no data binding, so renaming a Java field
 * cannot change the file format). Decoding runs after the JSON Schema has accepted the text, and
 * checks what a schema cannot say: names, record types, addresses, unique ids, exactly one of two
 * alternatives. Every such problem is collected with its line; a broken scenario or question is left
 * out of the result so that the rest of the lesson can still be checked.
 */
final class LessonJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LessonJson() {
    }

    /** Where decoding reports to. */
    record Context(String file, JsonLines lines, List<LessonProblem> problems) {
        void problem(String pointer, String message) {
            problems.add(new LessonProblem(file, lines.line(pointer), lines.column(pointer), message));
        }
    }

    /** The decoded lesson, plus ids of every scenario declared (also those left out for their problems). */
    record Decoded(Lesson lesson, Set<String> declaredScenarios) {
    }

    static String pointer(Object... parts) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            sb.append('/').append(String.valueOf(p).replace("~", "~0").replace("/", "~1"));
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ decoding

    static Decoded decode(JsonNode root, Context cx) {
        int version = root.path("formatVersion").asInt(Lesson.FORMAT_VERSION);
        String id = root.path("id").asText();
        Bilingual title = text(root.path("title"));
        Bilingual summary = text(root.path("summary"));
        LessonLevel level = LessonLevel.fromJson(root.path("level").asText()).orElse(LessonLevel.INTRO);
        int minutes = root.path("minutes").asInt(1);

        List<String> languages = new ArrayList<>();
        JsonNode langs = root.path("languages");
        for (int i = 0; i < langs.size(); i++) {
            String l = langs.get(i).asText();
            if (Lesson.KNOWN_LANGUAGES.contains(l)) {
                languages.add(l);
            } else {
                cx.problem(pointer("languages", i), "unknown language '" + l + "'; ResolveFX has texts in "
                        + String.join(" and ", Lesson.KNOWN_LANGUAGES));
            }
        }

        LessonWorld world = world(root.path("world"), cx);

        List<LessonScenario> scenarios = new ArrayList<>();
        Set<String> declared = new LinkedHashSet<>();
        Map<String, Integer> scenarioIndex = new HashMap<>();
        JsonNode sc = root.path("scenarios");
        for (int i = 0; i < sc.size(); i++) {
            String sid = sc.get(i).path("id").asText();
            Integer first = scenarioIndex.putIfAbsent(sid, i);
            if (first != null) {
                cx.problem(pointer("scenarios", i, "id"), "scenario id '" + sid + "' is used twice (first on line "
                        + cx.lines().line(pointer("scenarios", first, "id")) + ")");
                continue;
            }
            declared.add(sid);
            LessonScenario s = scenario(sc.get(i), i, cx);
            if (s != null) {
                scenarios.add(s);
            }
        }

        List<PredictQuestion> questions = new ArrayList<>();
        Map<String, Integer> questionIndex = new HashMap<>();
        JsonNode qs = root.path("questions");
        for (int i = 0; i < qs.size(); i++) {
            JsonNode q = qs.get(i);
            String qid = q.path("id").asText();
            Integer first = questionIndex.putIfAbsent(qid, i);
            if (first != null) {
                cx.problem(pointer("questions", i, "id"), "question id '" + qid + "' is used twice (first on line "
                        + cx.lines().line(pointer("questions", first, "id")) + ")");
                continue;
            }
            PredictQuestion pq = question(q, i, declared, cx);
            if (pq != null) {
                questions.add(pq);
            }
        }
        return new Decoded(new Lesson(version, id, title, summary, level, minutes, languages, world, scenarios,
                questions), declared);
    }

    private static Bilingual text(JsonNode n) {
        return new Bilingual(n.path("en").asText(""), n.path("de").asText(""));
    }

    private static LessonWorld world(JsonNode w, Context cx) {
        WorldChanges changes = changes(w, "/world", cx);
        boolean hasBase = w.has("base");
        boolean hasFolder = w.has("folder");
        if (hasBase && hasFolder) {
            cx.problem("/world/folder", "give either \"base\" (a world of ResolveFX) or \"folder\" (the lesson's own "
                    + "world.json), not both");
        }
        if (hasFolder) {
            String folder = trimSlash(w.get("folder").asText());
            String why = LessonFiles.unsafePathReason(folder);
            if (why != null) {
                cx.problem("/world/folder", "world folder '" + folder + "': " + why);
                return new LessonWorld.Base(LessonWorld.Base.DEFAULT, changes);
            }
            return new LessonWorld.Folder(folder, changes);
        }
        if (!hasBase) {
            cx.problem("/world", "the world needs \"base\": \"default\" (the lecture's world) or \"folder\" (the "
                    + "lesson's own world.json)");
        }
        return new LessonWorld.Base(w.path("base").asText(LessonWorld.Base.DEFAULT), changes);
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") && s.length() > 1 ? s.substring(0, s.length() - 1) : s;
    }

    private static WorldChanges changes(JsonNode w, String at, Context cx) {
        List<WorldChanges.ZoneChange> zones = new ArrayList<>();
        JsonNode zs = w.path("zones");
        Set<Name> seenZones = new java.util.HashSet<>();
        for (int i = 0; i < zs.size(); i++) {
            JsonNode z = zs.get(i);
            String p = at + pointer("zones", i);
            Name origin = name(z.get("origin"), p + "/origin", cx);
            if (origin == null) {
                continue;
            }
            if (!seenZones.add(origin)) {
                cx.problem(p + "/origin", "zone " + origin + " is changed twice");
                continue;
            }
            boolean remove = z.path("remove").asBoolean(false);
            String note = z.path("note").asText("");
            if (remove && z.has("file")) {
                cx.problem(p, "zone " + origin + ": give either \"file\" or \"remove\": true, not both");
            } else if (remove) {
                zones.add(new WorldChanges.ZoneChange.Remove(origin, note));
            } else if (!z.has("file")) {
                cx.problem(p, "zone " + origin + " needs \"file\" (its master file in the lesson) or \"remove\": true");
            } else {
                String file = z.get("file").asText();
                String why = LessonFiles.unsafePathReason(file);
                if (why != null) {
                    cx.problem(p + "/file", "zone file '" + file + "': " + why);
                } else {
                    zones.add(new WorldChanges.ZoneChange.Load(origin, file, note));
                }
            }
        }
        List<WorldChanges.ServerChange> servers = new ArrayList<>();
        JsonNode ss = w.path("servers");
        Set<Name> seenServers = new java.util.HashSet<>();
        for (int i = 0; i < ss.size(); i++) {
            JsonNode s = ss.get(i);
            String p = at + pointer("servers", i);
            Name name = name(s.get("name"), p + "/name", cx);
            if (name == null) {
                continue;
            }
            if (!seenServers.add(name)) {
                cx.problem(p + "/name", "server " + name + " is changed twice");
                continue;
            }
            String note = s.path("note").asText("");
            if (s.path("remove").asBoolean(false)) {
                for (String f : List.of("behaviour", "delayMillis", "addresses", "zones")) {
                    if (s.has(f)) {
                        cx.problem(p + "/" + f, "server " + name + " is removed; \"" + f + "\" does not apply");
                    }
                }
                servers.add(new WorldChanges.ServerChange.Remove(name, note));
                continue;
            }
            ServerBehaviour behaviour = null;
            String kind = s.has("behaviour") ? s.get("behaviour").asText() : null;
            if (s.has("delayMillis") && !"slow".equals(kind)) {
                cx.problem(p + "/delayMillis", "delayMillis applies only with \"behaviour\": \"slow\"");
            }
            if (kind != null) {
                behaviour = switch (kind) {
                    case "dead" -> ServerBehaviour.DEAD;
                    case "slow" -> new ServerBehaviour.Slow(s.path("delayMillis").asLong(500));
                    default -> ServerBehaviour.NORMAL;
                };
            }
            List<InetAddress> addresses = null;
            boolean badAddress = false;
            if (s.has("addresses")) {
                addresses = new ArrayList<>();
                JsonNode as = s.get("addresses");
                for (int j = 0; j < as.size(); j++) {
                    String text = as.get(j).asText();
                    try {
                        InetAddress a = SocketAddr.literal(text, "server " + name);
                        if (!SandboxAddresses.isLoopback(a)) {
                            cx.problem(p + pointer("addresses", j), "address " + text + " of server " + name
                                    + " is not a loopback address; sandbox servers listen only on 127.0.0.0/8 or ::1");
                            badAddress = true;
                        } else {
                            addresses.add(a);
                        }
                    } catch (IllegalArgumentException e) {
                        cx.problem(p + pointer("addresses", j), "'" + text + "' of server " + name
                                + " is not an IP address");
                        badAddress = true;
                    }
                }
            }
            List<Name> served = null;
            if (s.has("zones")) {
                served = new ArrayList<>();
                JsonNode zn = s.get("zones");
                for (int j = 0; j < zn.size(); j++) {
                    Name z = name(zn.get(j), p + pointer("zones", j), cx);
                    if (z != null && !served.contains(z)) {
                        served.add(z);
                    }
                }
            }
            if (!badAddress) {
                servers.add(new WorldChanges.ServerChange.Update(name, behaviour, addresses, served, note));
            }
        }
        return new WorldChanges(zones, servers);
    }

    private static Name name(JsonNode n, String at, Context cx) {
        if (n == null) {
            return null;
        }
        try {
            return Name.fromString(n.asText(), Name.root);
        } catch (TextParseException e) {
            cx.problem(at, "'" + n.asText() + "' is not a domain name: " + e.getMessage());
            return null;
        }
    }

    private static LessonScenario scenario(JsonNode s, int i, Context cx) {
        String at = pointer("scenarios", i);
        String id = s.path("id").asText();
        boolean ok = true;
        ScenarioSource source = null;
        if (s.has("resolve") == s.has("trace")) {
            cx.problem(at, "scenario '" + id + "' needs either \"resolve\" (a lookup in the sandbox) or \"trace\" "
                    + "(a recorded trace file), " + (s.has("trace") ? "not both" : "but has neither"));
            ok = false;
        } else if (s.has("trace")) {
            for (String f : List.of("before", "options", "world")) {
                if (s.has(f)) {
                    cx.problem(at + "/" + f, "scenario '" + id + "' plays a recorded trace; \"" + f
                            + "\" applies only to lookups (\"resolve\")");
                }
            }
            String file = s.get("trace").asText();
            String why = LessonFiles.unsafePathReason(file);
            if (why != null) {
                cx.problem(at + "/trace", "trace file '" + file + "': " + why);
                ok = false;
            } else {
                source = new ScenarioSource.Recorded(file);
            }
        } else {
            JsonNode r = s.get("resolve");
            Question q = question(r, at + "/resolve", cx);
            ResolutionMode mode = mode(r.path("mode").asText("recursive"));
            String server = r.has("server") ? r.get("server").asText() : null;
            if (mode == ResolutionMode.STUB && server == null) {
                cx.problem(at + "/resolve", "mode stub asks one server directly: give it as \"server\" (a server "
                        + "name of the world or an IP address)");
                ok = false;
            } else if (mode != ResolutionMode.STUB && server != null) {
                cx.problem(at + "/resolve/server", "\"server\" applies only to mode stub; iterative and "
                        + "recursive lookups start at the root");
            }
            List<CacheStep> before = before(s.path("before"), at + "/before", cx);
            LessonOptions options = options(s.path("options"));
            WorldChanges world = changes(s.path("world"), at + "/world", cx);
            if (q == null || before == null) {
                ok = false;
            } else if (ok) {
                if (mode != ResolutionMode.RECURSIVE && !before.isEmpty()
                        && before.stream().anyMatch(b -> !(b instanceof CacheStep.Clear))) {
                    cx.problem(at + "/before", "scenario '" + id + "' is " + mode.name().toLowerCase(Locale.ROOT)
                            + ": only recursive lookups use the resolver's cache, so \"before\" changes nothing");
                }
                source = new ScenarioSource.Lookup(q, mode, server, before, options, world);
            }
        }
        List<LessonView> views = views(s.path("views"));
        Expectation expect = expectation(s.path("expect"), at + "/expect", cx);
        GeneratedNarration generated = generated(s.path("generatedNarration"));
        List<StepHint> hints = new ArrayList<>();
        Set<Integer> hinted = new java.util.HashSet<>();
        JsonNode hs = s.path("steps");
        for (int j = 0; j < hs.size(); j++) {
            JsonNode h = hs.get(j);
            int step = h.path("step").asInt(1);
            if (step < 1) {
                continue;
            }
            if (!hinted.add(step)) {
                cx.problem(at + pointer("steps", j, "step"), "step " + step + " has two entries in \"steps\"");
                continue;
            }
            hints.add(new StepHint(step, h.has("inspect") ? h.get("inspect").asText() : null, views(h.path("views"))));
        }
        if (!ok || expect == null) {
            return null;
        }
        return new LessonScenario(id, text(s.path("title")), source, views, expect, generated, hints);
    }

    private static Question question(JsonNode r, String at, Context cx) {
        Name n = name(r.get("name"), at + "/name", cx);
        String typeText = r.path("type").asText("A");
        int type = Type.value(typeText.toUpperCase(Locale.ROOT));
        if (type < 0) {
            cx.problem(at + "/type", "unknown record type '" + typeText + "'");
            return null;
        }
        if (type == Type.OPT || type == Type.AXFR || type == Type.IXFR || type == Type.TSIG || type == Type.TKEY
                || type == Type.MAILA || type == Type.MAILB) {
            cx.problem(at + "/type", Type.string(type) + " is not a type a resolver looks up");
            return null;
        }
        return n == null ? null : new Question(n, type, DClass.IN);
    }

    private static ResolutionMode mode(String text) {
        return switch (text) {
            case "iterative" -> ResolutionMode.ITERATIVE;
            case "stub" -> ResolutionMode.STUB;
            default -> ResolutionMode.RECURSIVE;
        };
    }

    private static List<CacheStep> before(JsonNode b, String at, Context cx) {
        List<CacheStep> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < b.size(); i++) {
            JsonNode step = b.get(i);
            String p = at + pointer(i);
            int kinds = (step.has("resolve") ? 1 : 0) + (step.has("advanceSeconds") ? 1 : 0)
                    + (step.has("clearCache") ? 1 : 0);
            if (kinds != 1) {
                cx.problem(p, "each step of \"before\" is one of {\"resolve\": {...}}, {\"advanceSeconds\": N} or "
                        + "{\"clearCache\": true}" + (kinds == 0 ? "" : ", one per step"));
                ok = false;
            } else if (step.has("resolve")) {
                JsonNode r = step.get("resolve");
                Question q = question(r, p + "/resolve", cx);
                ResolutionMode mode = mode(r.path("mode").asText("recursive"));
                if (mode != ResolutionMode.RECURSIVE) {
                    cx.problem(p + "/resolve/mode", "only recursive lookups fill the resolver's cache; a "
                            + mode.name().toLowerCase(Locale.ROOT) + " lookup here would change nothing");
                    ok = false;
                } else if (r.has("server")) {
                    cx.problem(p + "/resolve/server", "\"server\" applies only to mode stub");
                    ok = false;
                } else if (q == null) {
                    ok = false;
                } else {
                    out.add(new CacheStep.Resolve(q, mode));
                }
            } else if (step.has("advanceSeconds")) {
                out.add(new CacheStep.Advance(step.get("advanceSeconds").asLong()));
            } else {
                out.add(new CacheStep.Clear());
            }
        }
        return ok ? out : null;
    }

    private static LessonOptions options(JsonNode o) {
        return new LessonOptions(bool(o, "priming"), bool(o, "qnameMinimisation"), bool(o, "edns"),
                o.has("udpPayloadSize") ? o.get("udpPayloadSize").asInt() : null, bool(o, "tcpOnly"),
                bool(o, "ipv6"), bool(o, "randomServerOrder"),
                o.has("timeoutMillis") ? o.get("timeoutMillis").asLong() : null,
                o.has("retries") ? o.get("retries").asInt() : null,
                o.has("seed") ? o.get("seed").asLong() : null,
                o.has("latencyMillis") ? o.get("latencyMillis").asLong() : null,
                o.has("lossPercent") ? o.get("lossPercent").asDouble() : null);
    }

    private static Boolean bool(JsonNode o, String field) {
        return o.has(field) ? o.get(field).asBoolean() : null;
    }

    private static List<LessonView> views(JsonNode v) {
        List<LessonView> out = new ArrayList<>();
        for (JsonNode n : v) {
            LessonView.fromJson(n.asText()).ifPresent(out::add);
        }
        return out;
    }

    private static Expectation expectation(JsonNode e, String at, Context cx) {
        if (e.isMissingNode()) {
            return Expectation.ANSWER;
        }
        Expectation.Outcome outcome = "failure".equals(e.path("outcome").asText())
                ? Expectation.Outcome.FAILURE : Expectation.Outcome.ANSWER;
        Integer rcode = null;
        if (e.has("rcode")) {
            int r = Rcode.value(e.get("rcode").asText().toUpperCase(Locale.ROOT));
            if (r < 0) {
                cx.problem(at + "/rcode", "unknown RCODE '" + e.get("rcode").asText() + "' (NOERROR, NXDOMAIN, ...)");
                return null;
            }
            rcode = r;
            if (outcome == Expectation.Outcome.FAILURE) {
                cx.problem(at + "/rcode", "a failure has no RCODE of its own; expect \"failure\" (its reason) instead");
            }
        }
        TraceEvent.FailureReason failure = null;
        if (e.has("failure")) {
            failure = failureReason(e.get("failure").asText());
            if (failure == null) {
                cx.problem(at + "/failure", "unknown failure reason '" + e.get("failure").asText() + "' (one of "
                        + failureNames() + ")");
                return null;
            }
            if (outcome != Expectation.Outcome.FAILURE) {
                cx.problem(at + "/failure", "\"failure\" needs \"outcome\": \"failure\"");
            }
        }
        return new Expectation(outcome, rcode, failure,
                e.has("messages") ? e.get("messages").asInt() : null,
                e.has("steps") ? e.get("steps").asInt() : null,
                e.has("fromCache") ? e.get("fromCache").asBoolean() : null);
    }

    /** "allServersFailed" -> ALL_SERVERS_FAILED, as trace files name them. */
    static TraceEvent.FailureReason failureReason(String camel) {
        for (TraceEvent.FailureReason r : TraceEvent.FailureReason.values()) {
            if (failureName(r).equals(camel)) {
                return r;
            }
        }
        return null;
    }

    static String failureName(TraceEvent.FailureReason r) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : r.name().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    private static String failureNames() {
        List<String> names = new ArrayList<>();
        for (TraceEvent.FailureReason r : TraceEvent.FailureReason.values()) {
            names.add(failureName(r));
        }
        return String.join(", ", names);
    }

    private static GeneratedNarration generated(JsonNode g) {
        if (g.isMissingNode()) {
            return GeneratedNarration.NONE;
        }
        Set<String> kinds = new LinkedHashSet<>();
        for (JsonNode k : g.path("kinds")) {
            kinds.add(k.asText());
        }
        Set<Integer> steps = new LinkedHashSet<>();
        for (JsonNode s : g.path("steps")) {
            steps.add(s.asInt());
        }
        return new GeneratedNarration(g.path("all").asBoolean(false), kinds, steps);
    }

    private static PredictQuestion question(JsonNode q, int i, Set<String> scenarios, Context cx) {
        String at = pointer("questions", i);
        String id = q.path("id").asText();
        String scenario = q.path("scenario").asText();
        boolean ok = true;
        if (!scenarios.contains(scenario)) {
            cx.problem(at + "/scenario", "question '" + id + "' is about scenario '" + scenario
                    + "', which the lesson does not have" + (scenarios.isEmpty() ? ""
                    : " (scenarios: " + String.join(", ", scenarios) + ")"));
            ok = false;
        }
        List<PredictQuestion.Choice> choices = new ArrayList<>();
        int correct = 0;
        for (JsonNode c : q.path("choices")) {
            boolean right = c.path("correct").asBoolean(false);
            correct += right ? 1 : 0;
            choices.add(new PredictQuestion.Choice(text(c), right));
        }
        if (correct != 1) {
            cx.problem(at + "/choices", "question '" + id + "' needs exactly one choice with \"correct\": true, "
                    + "found " + correct);
            ok = false;
        }
        Integer step = q.has("step") ? q.get("step").asInt() : null;
        PredictQuestion.Kind kind = q.has("kind") ? PredictQuestion.Kind.fromJson(q.get("kind").asText()).orElse(null)
                : null;
        return ok ? new PredictQuestion(id, scenario, step, kind, text(q.path("prompt")), choices,
                text(q.path("explanation"))) : null;
    }

    // ------------------------------------------------------------------ encoding

    static ObjectNode encode(Lesson l) {
        ObjectNode o = NODES.objectNode();
        o.put("format", Lesson.FORMAT);
        o.put("formatVersion", Lesson.FORMAT_VERSION);
        o.put("id", l.id());
        o.set("title", text(l.title()));
        o.set("summary", text(l.summary()));
        o.put("level", l.level().jsonName());
        o.put("minutes", l.minutes());
        ArrayNode langs = o.putArray("languages");
        l.languages().forEach(langs::add);
        ObjectNode w = o.putObject("world");
        if (l.world() instanceof LessonWorld.Base b) {
            w.put("base", b.name());
        } else if (l.world() instanceof LessonWorld.Folder f) {
            w.put("folder", f.folder());
        }
        putChanges(w, l.world().changes());
        ArrayNode scenarios = o.putArray("scenarios");
        for (LessonScenario s : l.scenarios()) {
            scenarios.add(scenario(s));
        }
        if (!l.questions().isEmpty()) {
            ArrayNode qs = o.putArray("questions");
            for (PredictQuestion q : l.questions()) {
                qs.add(question(q));
            }
        }
        return o;
    }

    private static ObjectNode text(Bilingual b) {
        ObjectNode o = NODES.objectNode();
        o.put("en", b.en());
        o.put("de", b.de());
        return o;
    }

    private static void putChanges(ObjectNode w, WorldChanges c) {
        if (!c.zones().isEmpty()) {
            ArrayNode zs = w.putArray("zones");
            for (WorldChanges.ZoneChange z : c.zones()) {
                ObjectNode zn = zs.addObject();
                zn.put("origin", z.origin().toString());
                if (z instanceof WorldChanges.ZoneChange.Load load) {
                    zn.put("file", load.file());
                } else {
                    zn.put("remove", true);
                }
                if (!z.note().isEmpty()) {
                    zn.put("note", z.note());
                }
            }
        }
        if (!c.servers().isEmpty()) {
            ArrayNode ss = w.putArray("servers");
            for (WorldChanges.ServerChange s : c.servers()) {
                ObjectNode sn = ss.addObject();
                sn.put("name", s.name().toString());
                if (s instanceof WorldChanges.ServerChange.Update u) {
                    if (u.behaviour() != null) {
                        sn.put("behaviour", u.behaviour().keyword());
                        if (u.behaviour() instanceof ServerBehaviour.Slow slow) {
                            sn.put("delayMillis", slow.delayMillis());
                        }
                    }
                    if (u.addresses() != null) {
                        ArrayNode as = sn.putArray("addresses");
                        u.addresses().forEach(a -> as.add(IpText.format(a)));
                    }
                    if (u.zones() != null) {
                        ArrayNode zs = sn.putArray("zones");
                        u.zones().forEach(z -> zs.add(z.toString()));
                    }
                } else {
                    sn.put("remove", true);
                }
                if (!s.note().isEmpty()) {
                    sn.put("note", s.note());
                }
            }
        }
    }

    private static ObjectNode lookup(Question q, ResolutionMode mode, String server) {
        ObjectNode r = NODES.objectNode();
        r.put("name", q.name().toString());
        r.put("type", Type.string(q.type()));
        r.put("mode", mode.name().toLowerCase(Locale.ROOT));
        if (server != null) {
            r.put("server", server);
        }
        return r;
    }

    private static ObjectNode scenario(LessonScenario s) {
        ObjectNode o = NODES.objectNode();
        o.put("id", s.id());
        o.set("title", text(s.title()));
        if (s.source() instanceof ScenarioSource.Lookup l) {
            o.set("resolve", lookup(l.question(), l.mode(), l.server()));
            if (!l.before().isEmpty()) {
                ArrayNode b = o.putArray("before");
                for (CacheStep step : l.before()) {
                    ObjectNode sn = b.addObject();
                    if (step instanceof CacheStep.Resolve r) {
                        sn.set("resolve", lookup(r.question(), r.mode(), null));
                    } else if (step instanceof CacheStep.Advance a) {
                        sn.put("advanceSeconds", a.seconds());
                    } else {
                        sn.put("clearCache", true);
                    }
                }
            }
            if (!l.options().isEmpty()) {
                o.set("options", options(l.options()));
            }
            if (!l.world().isEmpty()) {
                putChanges(o.putObject("world"), l.world());
            }
        } else if (s.source() instanceof ScenarioSource.Recorded r) {
            o.put("trace", r.traceFile());
        }
        if (!s.views().isEmpty()) {
            ArrayNode v = o.putArray("views");
            s.views().forEach(x -> v.add(x.jsonName()));
        }
        if (!s.expect().equals(Expectation.ANSWER)) {
            Expectation e = s.expect();
            ObjectNode en = o.putObject("expect");
            en.put("outcome", e.outcome() == Expectation.Outcome.FAILURE ? "failure" : "answer");
            if (e.rcode() != null) {
                en.put("rcode", Rcode.string(e.rcode()));
            }
            if (e.failure() != null) {
                en.put("failure", failureName(e.failure()));
            }
            if (e.messages() != null) {
                en.put("messages", e.messages());
            }
            if (e.steps() != null) {
                en.put("steps", e.steps());
            }
            if (e.fromCache() != null) {
                en.put("fromCache", e.fromCache());
            }
        }
        GeneratedNarration g = s.generatedNarration();
        if (!g.isEmpty()) {
            ObjectNode gn = o.putObject("generatedNarration");
            if (g.all()) {
                gn.put("all", true);
            }
            if (!g.kinds().isEmpty()) {
                ArrayNode k = gn.putArray("kinds");
                g.kinds().stream().sorted().forEach(k::add);
            }
            if (!g.steps().isEmpty()) {
                ArrayNode st = gn.putArray("steps");
                g.steps().stream().sorted().forEach(st::add);
            }
        }
        if (!s.steps().isEmpty()) {
            ArrayNode hs = o.putArray("steps");
            for (StepHint h : s.steps()) {
                ObjectNode hn = hs.addObject();
                hn.put("step", h.step());
                if (h.inspect() != null) {
                    hn.put("inspect", h.inspect());
                }
                if (!h.views().isEmpty()) {
                    ArrayNode v = hn.putArray("views");
                    h.views().forEach(x -> v.add(x.jsonName()));
                }
            }
        }
        return o;
    }

    private static ObjectNode options(LessonOptions op) {
        ObjectNode o = NODES.objectNode();
        putIf(o, "priming", op.priming());
        putIf(o, "qnameMinimisation", op.qnameMinimisation());
        putIf(o, "edns", op.edns());
        if (op.udpPayloadSize() != null) {
            o.put("udpPayloadSize", op.udpPayloadSize());
        }
        putIf(o, "tcpOnly", op.tcpOnly());
        putIf(o, "ipv6", op.ipv6());
        putIf(o, "randomServerOrder", op.randomServerOrder());
        if (op.timeoutMillis() != null) {
            o.put("timeoutMillis", op.timeoutMillis());
        }
        if (op.retries() != null) {
            o.put("retries", op.retries());
        }
        if (op.seed() != null) {
            o.put("seed", op.seed());
        }
        if (op.latencyMillis() != null) {
            o.put("latencyMillis", op.latencyMillis());
        }
        if (op.lossPercent() != null) {
            o.put("lossPercent", op.lossPercent());
        }
        return o;
    }

    private static void putIf(ObjectNode o, String field, Boolean value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    private static ObjectNode question(PredictQuestion q) {
        ObjectNode o = NODES.objectNode();
        o.put("id", q.id());
        o.put("scenario", q.scenario());
        if (q.step() != null) {
            o.put("step", q.step());
        }
        if (q.kind() != null) {
            o.put("kind", q.kind().jsonName());
        }
        o.set("prompt", text(q.prompt()));
        ArrayNode cs = o.putArray("choices");
        for (PredictQuestion.Choice c : q.choices()) {
            ObjectNode cn = text(c.text());
            if (c.correct()) {
                cn.put("correct", true);
            }
            cs.add(cn);
        }
        o.set("explanation", text(q.explanation()));
        return o;
    }
}
