package org.resolvefx.core.lesson;

import java.net.InetAddress;
import java.nio.charset.CharacterCodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resolvefx.core.engine.ResolverSession;
import org.resolvefx.core.engine.SessionClock;
import org.resolvefx.core.engine.SimulatedNetwork;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.sandbox.ServerSpec;
import org.resolvefx.core.trace.Endpoint;
import org.resolvefx.core.trace.Narration;
import org.resolvefx.core.trace.Narrator;
import org.resolvefx.core.trace.Role;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.TraceEvents;
import org.resolvefx.core.trace.TraceFileException;
import org.resolvefx.core.trace.TraceFiles;
import org.resolvefx.core.trace.TraceSource;
import org.resolvefx.core.wire.Dissector;
import org.resolvefx.core.wire.FieldSpan;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TextParseException;

/**
 * Replays a lesson's scenarios: builds the world, prepares the cache, resolves (or reads the
 * recorded trace), checks the outcome against the scenario's expectation, and puts the lesson's
 * narration, notes, inspector hints and questions on the steps. Sandbox runs are deterministic (the
 * seed, a virtual clock starting at {@link #LESSON_START}, no loss unless asked), so a scenario
 * gives the same trace every time and narration can refer to steps by number.
 */
public final class LessonRunner {

    /** Where every lesson's virtual clock starts, so that traces (and their times) never change. */
    public static final Instant LESSON_START = Instant.parse("2024-06-17T09:00:00Z");

    private LessonRunner() {
    }

    /** Every scenario that could be run, and every problem found on the way. */
    public record Result(List<ScenarioRun> runs, List<LessonProblem> problems) {
        public Result {
            runs = List.copyOf(runs);
            problems = List.copyOf(problems);
        }
    }

    /** Runs every scenario; never throws for anything in the lesson. */
    public static Result runAll(Lesson lesson, LessonFiles files) {
        List<LessonProblem> problems = new ArrayList<>();
        LessonLocator loc = LessonLocator.of(files);
        List<ScenarioRun> runs = new ArrayList<>();
        boolean needsWorld = lesson.scenarios().stream().anyMatch(s -> s.source() instanceof ScenarioSource.Lookup);
        SandboxWorld world = needsWorld ? LessonWorlds.lessonWorld(lesson, files, loc, problems) : null;
        for (LessonScenario s : lesson.scenarios()) {
            ScenarioRun run;
            try {
                run = runScenario(lesson, files, s, world, loc, problems);
            } catch (RuntimeException e) {
                // the engine promises not to throw for anything servers do; should a lesson still find a
                // way, the browser must show a marked lesson, not fail to list the others
                problems.add(loc.problem(loc.scenario(s.id()), "scenario '" + s.id() + "' could not be run ("
                        + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"));
                run = null;
            }
            if (run != null) {
                runs.add(run);
            }
        }
        checkStrayNarration(lesson, files, loc, problems);
        return new Result(runs, problems);
    }

    /**
     * Runs one scenario (for replaying a lesson that loaded without problems).
     *
     * @throws LessonException with every problem, when the scenario cannot be run or does not end as expected
     */
    public static ScenarioRun run(Lesson lesson, LessonFiles files, String scenarioId) throws LessonException {
        LessonLocator loc = LessonLocator.of(files);
        LessonScenario s = lesson.scenario(scenarioId).orElseThrow(() -> new LessonException(List.of(
                LessonProblem.of(loc.file(), 0, "the lesson has no scenario '" + scenarioId + "'"))));
        List<LessonProblem> problems = new ArrayList<>();
        SandboxWorld world = s.source() instanceof ScenarioSource.Lookup
                ? LessonWorlds.lessonWorld(lesson, files, loc, problems) : null;
        ScenarioRun run = runScenario(lesson, files, s, world, loc, problems);
        if (run == null) {
            throw new LessonException(problems);
        }
        return run;
    }

    /** The lesson's world (lesson-level changes applied, id = lesson id), e.g. for the namespace view. */
    public static SandboxWorld world(Lesson lesson, LessonFiles files) throws LessonException {
        List<LessonProblem> problems = new ArrayList<>();
        SandboxWorld w = LessonWorlds.lessonWorld(lesson, files, LessonLocator.of(files), problems);
        if (w == null) {
            throw new LessonException(problems);
        }
        return w;
    }

    // ------------------------------------------------------------------ one scenario

    private static ScenarioRun runScenario(Lesson lesson, LessonFiles files, LessonScenario s, SandboxWorld lessonWorld,
                                           LessonLocator loc, List<LessonProblem> problems) {
        String at = loc.scenario(s.id());
        Trace trace;
        SandboxWorld world = null;
        if (s.source() instanceof ScenarioSource.Lookup l) {
            if (lessonWorld == null) {
                // the world's own problems are reported already; nothing can run without it
                return null;
            }
            world = LessonWorlds.apply(lessonWorld, l.world(), at + "/world", files, loc, problems);
            if (world == null) {
                return null;
            }
            trace = resolve(s, l, world, at, loc, problems);
        } else {
            trace = recorded((ScenarioSource.Recorded) s.source(), files, at, loc, problems);
        }
        if (trace == null) {
            return null;
        }
        trace = new Trace(lesson.title().en() + ": " + s.title().en(), trace.question(), trace.mode(),
                TraceSource.LESSON, trace.startedAt(), lesson.id(), trace.endpoints(), trace.initialCache(),
                trace.events());
        // a scenario that ends otherwise than expected tells another story: its narration, hints and
        // questions no longer fit, and reporting each of them would bury the one problem that matters
        boolean asExpected = checkExpectation(s, trace, at, loc, problems);
        return narrate(lesson, files, s, trace, world, at, loc, asExpected ? problems : new ArrayList<>());
    }

    private static Trace resolve(LessonScenario s, ScenarioSource.Lookup l, SandboxWorld world, String at,
                                 LessonLocator loc, List<LessonProblem> problems) {
        SessionClock.Virtual clock = SessionClock.virtual(LESSON_START);
        SimulatedNetwork network = new SimulatedNetwork(world, l.options().networkConditions(), clock);
        try {
            ResolverSession session;
            SocketAddr stubServer = null;
            if (l.mode() == org.resolvefx.core.trace.ResolutionMode.STUB) {
                stubServer = stubServer(l.server(), world);
                if (stubServer == null) {
                    problems.add(loc.problem(at + "/resolve/server", "scenario '" + s.id() + "': no server of the "
                            + "world is called or listens on '" + l.server() + "'"));
                    return null;
                }
                session = ResolverSession.stubOnNetwork(network, stubServer, l.options().resolverOptions());
            } else {
                session = ResolverSession.onNetwork(network, l.options().resolverOptions());
            }
            try (ResolverSession open = session) {
                for (CacheStep step : l.before()) {
                    if (step instanceof CacheStep.Resolve r) {
                        Trace first = open.resolve(r.question(), r.mode());
                        if (first.outcome().orElse(null) instanceof TraceEvent.Failure f) {
                            problems.add(loc.problem(at + "/before", "scenario '" + s.id() + "': the lookup of "
                                    + r.question() + " in \"before\" fails (" + f.detail() + "), so it caches nothing"));
                        }
                    } else if (step instanceof CacheStep.Advance a) {
                        open.advance(Duration.ofSeconds(a.seconds()));
                    } else {
                        open.clearCache();
                    }
                }
                Trace t = open.resolve(l.question(), l.mode());
                return stubServer == null ? t : asAskedDirectly(t, stubServer, world);
            }
        } catch (IllegalArgumentException e) {
            problems.add(loc.problem(at + "/resolve", "scenario '" + s.id() + "' cannot be resolved: "
                    + e.getMessage()));
            return null;
        }
    }

    /** A stub server given by name (a server of the world) or address. */
    private static SocketAddr stubServer(String text, SandboxWorld world) {
        try {
            Name n = Name.fromString(text, Name.root);
            Optional<ServerSpec> spec = world.server(n);
            if (spec.isPresent()) {
                return new SocketAddr(spec.get().addresses().get(0), 53);
            }
        } catch (TextParseException e) {
            // not a name: perhaps an address
        }
        try {
            InetAddress a = SocketAddr.literal(text, "stub server");
            return world.serverAt(a).isPresent() ? new SocketAddr(a, 53) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A stub trace names the asked server a RESOLVER; in a lesson it is one of the world's
     * authoritative servers, so it gets its real role, name and zone, and the sentences are made anew.
     */
    private static Trace asAskedDirectly(Trace t, SocketAddr server, SandboxWorld world) {
        Optional<ServerSpec> spec = world.servers().stream().filter(x -> x.listensOn(server.address())).findFirst();
        if (spec.isEmpty()) {
            return t;
        }
        Name zone = null;
        for (Name z : spec.get().zones()) {
            if (t.question().name().subdomain(z) && (zone == null || z.labels() > zone.labels())) {
                zone = z;
            }
        }
        Role role = zone == null ? Role.AUTHORITATIVE
                : zone.equals(Name.root) ? Role.ROOT : zone.labels() == 2 ? Role.TLD : Role.AUTHORITATIVE;
        List<Endpoint> endpoints = new ArrayList<>();
        for (Endpoint e : t.endpoints()) {
            endpoints.add(e.address().equals(server.address()) && e.role() == Role.RESOLVER
                    ? new Endpoint(e.id(), e.address(), e.port(), role, spec.get().name().toString(),
                    zone == null ? null : zone.toString())
                    : e);
        }
        return Narrator.renarrate(new Trace(t.title(), t.question(), t.mode(), t.source(), t.startedAt(), t.world(),
                endpoints, t.initialCache(), t.events()));
    }

    private static final Pattern LINE = Pattern.compile("\\(line (\\d+)\\)|^line (\\d+), column");

    private static Trace recorded(ScenarioSource.Recorded r, LessonFiles files, String at, LessonLocator loc,
                                  List<LessonProblem> problems) {
        String shown = files.display(r.traceFile());
        Optional<String> text;
        try {
            text = files.text(r.traceFile());
        } catch (CharacterCodingException e) {
            problems.add(LessonProblem.of(shown, 0, "not UTF-8 text"));
            return null;
        }
        if (text.isEmpty()) {
            problems.add(loc.problem(at + "/trace", "recorded trace '" + r.traceFile() + "' not found in the lesson ("
                    + shown + ")"));
            return null;
        }
        try {
            return TraceFiles.fromJson(text.get(), shown);
        } catch (TraceFileException e) {
            String where = e.location() == null ? "" : e.location();
            Matcher m = LINE.matcher(where + " " + e.problem());
            int line = 0;
            if (m.find()) {
                line = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
            }
            String msg = (where.isEmpty() || where.startsWith("line ") ? "" : where + ": ") + e.problem();
            problems.add(LessonProblem.of(shown, line, msg.replaceAll("\\s*\\(line \\d+\\)", "")));
            return null;
        }
    }

    // ------------------------------------------------------------------ checks

    /** Reports every way the trace differs from the expectation; true if it does not. */
    private static boolean checkExpectation(LessonScenario s, Trace t, String at, LessonLocator loc,
                                            List<LessonProblem> problems) {
        int before = problems.size();
        Expectation e = s.expect();
        String where = s.expect() == Expectation.ANSWER ? at : at + "/expect";
        Optional<TraceEvent> end = t.outcome();
        if (end.isEmpty()) {
            problems.add(loc.problem(where, "scenario '" + s.id() + "' ends without an answer or a failure"));
            return false;
        }
        if (end.get() instanceof TraceEvent.Failure f) {
            if (e.outcome() == Expectation.Outcome.ANSWER) {
                problems.add(loc.problem(where, "scenario '" + s.id() + "' ends in a failure (" + failureText(f)
                        + ") but should answer; if the failure is the point, add \"expect\": {\"outcome\": "
                        + "\"failure\"}"));
            } else if (e.failure() != null && e.failure() != f.reason()) {
                problems.add(loc.problem(at + "/expect/failure", "scenario '" + s.id() + "' fails with "
                        + LessonJson.failureName(f.reason()) + ", not " + LessonJson.failureName(e.failure())));
            }
        } else {
            TraceEvent.Answer a = (TraceEvent.Answer) end.get();
            if (e.outcome() == Expectation.Outcome.FAILURE) {
                problems.add(loc.problem(at + "/expect", "scenario '" + s.id() + "' should fail but ends with an "
                        + "answer (" + Rcode.string(a.rcode()) + ")"));
            } else {
                if (e.rcode() != null && e.rcode() != a.rcode()) {
                    problems.add(loc.problem(at + "/expect/rcode", "scenario '" + s.id() + "' answers "
                            + Rcode.string(a.rcode()) + ", not " + Rcode.string(e.rcode())));
                }
                if (e.fromCache() != null && e.fromCache() != a.fromCache()) {
                    problems.add(loc.problem(at + "/expect/fromCache", "scenario '" + s.id() + "' is answered "
                            + (a.fromCache() ? "from the cache" : "by the servers, not from the cache")));
                }
            }
        }
        if (e.messages() != null && e.messages() != t.messages().size()) {
            problems.add(loc.problem(at + "/expect/messages", "scenario '" + s.id() + "' has " + t.messages().size()
                    + " messages, not " + e.messages()));
        }
        if (e.steps() != null && e.steps() != t.events().size()) {
            problems.add(loc.problem(at + "/expect/steps", "scenario '" + s.id() + "' has " + t.events().size()
                    + " steps, not " + e.steps()));
        }
        return problems.size() == before;
    }

    private static String failureText(TraceEvent.Failure f) {
        return LessonJson.failureName(f.reason()) + (f.detail().isBlank() ? "" : ": " + f.detail());
    }

    // ------------------------------------------------------------------ narration

    private static ScenarioRun narrate(Lesson lesson, LessonFiles files, LessonScenario s, Trace trace,
                                       SandboxWorld world, String at, LessonLocator loc, List<LessonProblem> problems) {
        int n = trace.events().size();
        Map<String, NarrationMarkdown> byLanguage = new java.util.LinkedHashMap<>();
        for (String lang : lesson.languages()) {
            String path = s.narrationFile(lang);
            String shown = files.display(path);
            Optional<String> text;
            try {
                text = files.text(path);
            } catch (CharacterCodingException e) {
                problems.add(LessonProblem.of(shown, 0, "not UTF-8 text"));
                continue;
            }
            if (text.isEmpty()) {
                problems.add(LessonProblem.of(shown, 0, "missing: the narration of scenario '" + s.id() + "' in "
                        + languageName(lang) + " (one '## Step N' section per step, " + n + " steps)"));
                continue;
            }
            NarrationMarkdown md = NarrationMarkdown.parse(text.get(), shown, lang, problems);
            byLanguage.put(lang, md);
            for (NarrationMarkdown.StepText st : md.steps().values()) {
                if (st.step() > n) {
                    problems.add(LessonProblem.of(shown, st.line(), "step " + st.step() + " does not exist: scenario '"
                            + s.id() + "' has " + n + " steps"));
                }
            }
            List<Integer> uncovered = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                boolean written = md.step(i).map(x -> !x.markdown().isEmpty()).orElse(false);
                if (!written && !s.generatedNarration().covers(i, trace.events().get(i - 1))) {
                    uncovered.add(i);
                }
            }
            if (!uncovered.isEmpty()) {
                problems.add(LessonProblem.of(shown, 0, "no " + languageName(lang) + " narration for "
                        + (uncovered.size() == 1 ? "step " : "steps ") + ranges(uncovered) + " of " + n + " ("
                        + kinds(trace, uncovered) + "); write '## Step N' sections, or list the steps under "
                        + "\"generatedNarration\" in lesson.json if the generated sentence is fine"));
            }
        }
        for (Integer g : new TreeSet<>(s.generatedNarration().steps())) {
            if (g > n) {
                problems.add(loc.problem(at + "/generatedNarration/steps", "generatedNarration names step " + g
                        + ", but scenario '" + s.id() + "' has " + n + " steps"));
            }
        }
        checkHints(s, trace, at, loc, problems);
        List<PredictQuestion> questions = lesson.questionsFor(s.id());
        for (PredictQuestion q : questions) {
            if (q.step() != null && q.step() > n) {
                problems.add(loc.problem(loc.question(q.id()) + "/step", "question '" + q.id() + "' is about step "
                        + q.step() + ", but scenario '" + s.id() + "' has " + n + " steps"));
            }
        }

        List<TraceEvent> events = new ArrayList<>();
        List<LessonStep> steps = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            TraceEvent e = trace.events().get(i - 1);
            Bilingual markdown = Bilingual.EMPTY;
            Bilingual notes = Bilingual.EMPTY;
            for (Map.Entry<String, NarrationMarkdown> m : byLanguage.entrySet()) {
                Optional<NarrationMarkdown.StepText> st = m.getValue().step(i);
                if (st.isPresent()) {
                    markdown = markdown.with(m.getKey(), st.get().markdown());
                    notes = notes.with(m.getKey(), st.get().notes());
                }
            }
            if (!markdown.isEmpty()) {
                Narration gen = e.narration();
                e = TraceEvents.withNarration(e, new Narration(
                        markdown.en().isEmpty() ? gen.en() : NarrationMarkdown.plain(markdown.en()),
                        markdown.de().isEmpty() ? gen.de() : NarrationMarkdown.plain(markdown.de())));
            }
            events.add(e);
            final int step = i;
            Optional<StepHint> hint = s.hint(i);
            steps.add(new LessonStep(i, e, markdown, notes, hint.map(StepHint::inspect).orElse(null),
                    hint.filter(h -> !h.views().isEmpty()).map(StepHint::views).orElse(s.effectiveViews()),
                    questions.stream().filter(q -> q.step() != null && q.step() == step).toList()));
        }
        Trace narrated = new Trace(trace.title(), trace.question(), trace.mode(), trace.source(), trace.startedAt(),
                trace.world(), trace.endpoints(), trace.initialCache(), events);
        Bilingual intro = Bilingual.EMPTY;
        Bilingual introNotes = Bilingual.EMPTY;
        for (Map.Entry<String, NarrationMarkdown> m : byLanguage.entrySet()) {
            intro = intro.with(m.getKey(), m.getValue().intro());
            introNotes = introNotes.with(m.getKey(), m.getValue().introNotes());
        }
        return new ScenarioRun(s, narrated, Optional.ofNullable(world), intro, introNotes, steps, questions);
    }

    private static void checkHints(LessonScenario s, Trace trace, String at, LessonLocator loc,
                                   List<LessonProblem> problems) {
        int n = trace.events().size();
        for (int j = 0; j < s.steps().size(); j++) {
            StepHint h = s.steps().get(j);
            String p = at + hintPointer(s, h);
            if (h.step() > n) {
                problems.add(loc.problem(p + "/step", "step " + h.step() + " does not exist: scenario '" + s.id()
                        + "' has " + n + " steps"));
                continue;
            }
            if (h.inspect() == null) {
                continue;
            }
            TraceEvent e = trace.events().get(h.step() - 1);
            byte[] bytes = e instanceof TraceEvent.MessageSent m ? m.message().unsafeBytes()
                    : e instanceof TraceEvent.MessageReceived m ? m.message().unsafeBytes() : null;
            if (bytes == null) {
                problems.add(loc.problem(p + "/inspect", "step " + h.step() + " is a " + TraceEvents.kindName(e)
                        + " event, not a message: there is nothing to inspect"));
            } else if (!hasField(Dissector.dissect(bytes).fields(), h.inspect())) {
                problems.add(loc.problem(p + "/inspect", "the message of step " + h.step() + " has no field '"
                        + h.inspect() + "'"));
            }
        }
    }

    /** "/steps/2" for a hint: its place in the scenario's "steps" (hints keep their file order). */
    private static String hintPointer(LessonScenario s, StepHint h) {
        return LessonJson.pointer("steps", s.steps().indexOf(h));
    }

    private static boolean hasField(List<FieldSpan> fields, String id) {
        for (FieldSpan f : fields) {
            if (f.id().equals(id) || hasField(f.children(), id)) {
                return true;
            }
        }
        return false;
    }

    /** Narration files for scenarios the lesson does not have, or in languages it does not list. */
    private static void checkStrayNarration(Lesson lesson, LessonFiles files, LessonLocator loc,
                                            List<LessonProblem> problems) {
        Pattern name = Pattern.compile("^narration/([^/]+)\\.([A-Za-z_-]+)\\.md$");
        for (String path : files.paths()) {
            Matcher m = name.matcher(path);
            if (!m.matches()) {
                continue;
            }
            String scenario = m.group(1);
            String lang = m.group(2);
            if (!Lesson.KNOWN_LANGUAGES.contains(lang)) {
                problems.add(LessonProblem.of(files.display(path), 0, "unknown language '" + lang
                        + "'; ResolveFX has texts in en and de"));
            } else if (!lesson.languages().contains(lang)) {
                problems.add(LessonProblem.of(files.display(path), 0, languageName(lang) + " narration, but \""
                        + lang + "\" is not in the lesson's \"languages\""));
            } else if (lesson.scenario(scenario).isEmpty() && loc.scenario(scenario).isEmpty()) {
                problems.add(LessonProblem.of(files.display(path), 0, "narration for scenario '" + scenario
                        + "', which the lesson does not have"));
            }
        }
    }

    static String languageName(String lang) {
        return switch (lang) {
            case "en" -> "English (en)";
            case "de" -> "German (de)";
            default -> "'" + lang + "'";
        };
    }

    /** "3, 6-8, 12" */
    static String ranges(List<Integer> steps) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < steps.size()) {
            int j = i;
            while (j + 1 < steps.size() && steps.get(j + 1) == steps.get(j) + 1) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(steps.get(i));
            if (j > i) {
                sb.append('-').append(steps.get(j));
            }
            i = j + 1;
        }
        return sb.toString();
    }

    /** "messageSent, cacheStore" for the uncovered steps, so the author sees what they are. */
    private static String kinds(Trace t, List<Integer> steps) {
        java.util.Set<String> kinds = new java.util.LinkedHashSet<>();
        for (int s : steps) {
            kinds.add(TraceEvents.kindName(t.events().get(s - 1)));
        }
        return String.join(", ", kinds);
    }
}
