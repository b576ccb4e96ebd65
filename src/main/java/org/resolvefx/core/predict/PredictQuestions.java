package org.resolvefx.core.predict;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resolvefx.core.net.IpText;
import org.resolvefx.core.net.Transport;
import org.resolvefx.core.trace.CacheEntry;
import org.resolvefx.core.trace.Endpoint;
import org.resolvefx.core.trace.MessageFacts;
import org.resolvefx.core.trace.Narration;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Role;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.WireMessage;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Derives predict-the-next-step questions from a trace: for every position {@code k} of the cursor,
 * the questions about event {@code k} (step {@code k+1}), with the right answer taken from the bytes
 * and events of the trace and an explanation in English and German. Pure and deterministic: the same
 * trace always gives the same questions in the same order.
 *
 * <ul>
 *   <li>a query is sent: {@link QuestionKind#NEXT_SERVER} (choices by zone: root, TLD, zones below,
 *       the local resolver, and "nobody, the answer comes from the cache" when the asker has a cache);</li>
 *   <li>the resolver looks up the name it resolves in its cache: {@link QuestionKind#FROM_CACHE};</li>
 *   <li>the resolver answers its client without having asked anyone: {@code NEXT_SERVER} with
 *       "nobody" as the right answer;</li>
 *   <li>a response arrives: {@code FLAG_AA}; {@code FLAG_RA} for responses of a resolver; {@code FLAG_TC}
 *       for UDP responses that are not referrals or errors; for referrals {@code REFERRAL_SECTION} and
 *       {@code GLUE}; for other responses {@code RCODE};</li>
 *   <li>every step: {@link QuestionKind#NEXT_KIND}.</li>
 * </ul>
 * Ignored (spoofed) responses and bytes that are not a DNS message get no message questions.
 */
public final class PredictQuestions {
    /** At most this many servers among the choices of a next-server question (plus resolver and cache). */
    static final int MAX_SERVER_CHOICES = 5;
    private static final int CLASSIC_UDP_LIMIT = 512;

    private PredictQuestions() {
    }

    /** Every generated question of the trace, ordered by step and then by {@link QuestionKind}. */
    public static List<PredictQuestion> forTrace(Trace trace) {
        return new Generator(trace).run();
    }

    /** A server as people name it: its host name, else its address (with a port other than 53). */
    static String hostLabel(Endpoint e) {
        if (e.serverName() != null) {
            String n = e.serverName();
            return n.length() > 1 && n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
        }
        return IpText.format(e.address()) + (e.port() != 0 && e.port() != 53 ? ":" + e.port() : "");
    }

    /** The category a step belongs to, for {@link QuestionKind#NEXT_KIND}. */
    enum StepCategory {
        QUERY("choice.kind.query"), RESPONSE("choice.kind.response"), CACHE("choice.kind.cache"),
        REDIRECT("choice.kind.redirect"), TROUBLE("choice.kind.trouble"), END("choice.kind.end");

        final String key;

        StepCategory(String key) {
            this.key = key;
        }

        static StepCategory of(TraceEvent e) {
            // Java 17 has no pattern switch; every kind of the sealed interface is listed (PredictQuestionsTest)
            if (e instanceof TraceEvent.MessageSent s) {
                return s.message().isResponse() ? RESPONSE : QUERY;
            } else if (e instanceof TraceEvent.MessageReceived) {
                return RESPONSE;
            } else if (e instanceof TraceEvent.CacheLookup || e instanceof TraceEvent.CacheStore) {
                return CACHE;
            } else if (e instanceof TraceEvent.ReferralFollowed || e instanceof TraceEvent.CnameRestart
                    || e instanceof TraceEvent.SideResolutionStarted || e instanceof TraceEvent.SideResolutionFinished) {
                return REDIRECT;
            } else if (e instanceof TraceEvent.Timeout || e instanceof TraceEvent.Retry
                    || e instanceof TraceEvent.ServerSkipped || e instanceof TraceEvent.TcpFallback) {
                return TROUBLE;
            }
            return END; // Answer, Failure
        }
    }

    /** One possible answer to "who is asked next": a zone's servers, the resolver, a host, or the cache. */
    private record ServerChoice(String key, int order, Name zone, Narration label) {
    }

    /** What is being resolved right now (the question, an alias target, a server name in a side lookup). */
    private record Lookup(Name name, int type) {
    }

    private static final class Generator {
        private final Trace trace;
        private final List<TraceEvent> events;
        private final Map<String, Endpoint> endpoints = new HashMap<>();
        private final List<PredictQuestion> out = new ArrayList<>();
        /** Server choices of the whole trace, by key, in presentation order. */
        private final Map<String, ServerChoice> serverChoices = new LinkedHashMap<>();
        /** Cache entries known so far (initial cache, then every store before the current event). */
        private final Map<String, List<CacheEntry>> cache = new HashMap<>();
        private final Deque<Lookup> lookups = new ArrayDeque<>();
        /** Index of the last message event before the current one (context for explanations). */
        private int lastMessage = -1;
        /** The resolver sent a query upstream since its client asked. */
        private boolean askedUpstream;
        private boolean clientAsked;
        private TraceEvent.CacheLookup previousLookup;
        /** Zones of the referrals followed so far. */
        private final List<Name> referredZones = new ArrayList<>();

        Generator(Trace trace) {
            this.trace = trace;
            this.events = trace.events();
            for (Endpoint e : trace.endpoints()) {
                endpoints.put(e.id(), e);
            }
            for (CacheEntry c : trace.initialCache()) {
                remember(c);
            }
            lookups.push(new Lookup(trace.question().name(), trace.question().type()));
            collectServerChoices();
        }

        List<PredictQuestion> run() {
            for (int k = 0; k < events.size(); k++) {
                TraceEvent e = events.get(k);
                int step = k + 1;
                if (e instanceof TraceEvent.MessageSent s && !s.message().isResponse()) {
                    nextServer(step, k, s.message());
                } else if (e instanceof TraceEvent.MessageReceived r && r.accepted()) {
                    if (fromResolverToClient(r.message()) && clientAsked && !askedUpstream) {
                        nobodyAsked(step, r.message());
                    }
                    responseQuestions(step, k, r.message());
                } else if (e instanceof TraceEvent.CacheLookup c && isAnswerLookup(c)) {
                    fromCache(step, c);
                }
                nextKind(step, e);
                advance(k, e);
            }
            out.sort(Comparator.comparingInt(PredictQuestion::step)
                    .thenComparingInt(q -> q.kindOrNull().ordinal()));
            return List.copyOf(out);
        }

        // ------------------------------------------------------------ state after each event

        private void advance(int k, TraceEvent e) {
            if (e instanceof TraceEvent.MessageSent s) {
                lastMessage = k;
                Endpoint from = endpoints.get(s.message().fromId());
                if (!s.message().isResponse()) {
                    if (from != null && from.role() == Role.CLIENT) {
                        clientAsked = true;
                        askedUpstream = false;
                    } else {
                        askedUpstream = true;
                    }
                }
            } else if (e instanceof TraceEvent.MessageReceived) {
                lastMessage = k;
            } else if (e instanceof TraceEvent.CacheStore c) {
                c.stored().forEach(this::remember);
            } else if (e instanceof TraceEvent.ReferralFollowed r) {
                referredZones.add(r.zone());
            } else if (e instanceof TraceEvent.CnameRestart c) {
                Lookup top = lookups.pop();
                lookups.push(new Lookup(c.target(), top.type()));
            } else if (e instanceof TraceEvent.SideResolutionStarted s) {
                lookups.push(new Lookup(s.serverName(), Type.A));
            } else if (e instanceof TraceEvent.SideResolutionFinished && lookups.size() > 1) {
                lookups.pop();
            }
            previousLookup = e instanceof TraceEvent.CacheLookup c ? c : previousLookup;
        }

        private void remember(CacheEntry c) {
            cache.computeIfAbsent(cacheKey(c.name(), c.type()), x -> new ArrayList<>()).add(c);
        }

        private static String cacheKey(Name name, int type) {
            return name.toString().toLowerCase(java.util.Locale.ROOT) + " " + type;
        }

        // ------------------------------------------------------------ next server

        private void collectServerChoices() {
            List<ServerChoice> found = new ArrayList<>();
            java.util.Set<String> keys = new java.util.HashSet<>();
            for (TraceEvent e : events) {
                if (e instanceof TraceEvent.MessageSent s && !s.message().isResponse()) {
                    ServerChoice c = choiceFor(s.message().toId());
                    if (keys.add(c.key())) {
                        found.add(c);
                    }
                }
            }
            // the classic start and the zones the resolver already knows (second lookups ask nobody)
            ServerChoice root = zoneChoice(Name.root);
            if (keys.add(root.key())) {
                found.add(root);
            }
            for (CacheEntry c : trace.initialCache()) {
                if (c.type() == Type.NS && !c.negative() && trace.question().name().subdomain(c.name())) {
                    ServerChoice z = zoneChoice(c.name());
                    if (keys.add(z.key())) {
                        found.add(z);
                    }
                }
            }
            if (found.size() < 3) {
                // too few for a question worth asking: add the TLD of the name
                Name name = trace.question().name();
                if (name.labels() > 2) {
                    ServerChoice tld = zoneChoice(new Name(name, name.labels() - 2));
                    if (keys.add(tld.key())) {
                        found.add(tld);
                    }
                }
            }
            found.sort(Comparator.comparingInt(ServerChoice::order).thenComparing(c -> c.zone() == null ? ""
                    : c.zone().toString()));
            for (ServerChoice c : found) {
                serverChoices.put(c.key(), c);
            }
        }

        private ServerChoice choiceFor(String endpointId) {
            Endpoint e = endpoints.get(endpointId);
            if (e != null && e.role() == Role.RESOLVER) {
                return new ServerChoice("resolver", 0, null, PredictTexts.text("choice.server.resolver"));
            }
            Name zone = e == null ? null : zoneOf(e);
            if (zone != null) {
                return zoneChoice(zone);
            }
            String label = e == null ? endpointId : hostLabel(e);
            return new ServerChoice("host:" + label, 1000, null,
                    PredictTexts.text("choice.server.host", PredictTexts.args().with("name", label)));
        }

        private static ServerChoice zoneChoice(Name zone) {
            if (zone.equals(Name.root)) {
                return new ServerChoice("zone:.", 1, Name.root, PredictTexts.text("choice.server.root"));
            }
            return new ServerChoice("zone:" + zone.toString().toLowerCase(java.util.Locale.ROOT),
                    1 + zone.labels(), zone,
                    PredictTexts.text("choice.server.zone", PredictTexts.args().with("zone", zoneText(zone))));
        }

        private static ServerChoice cacheChoice() {
            return new ServerChoice("cache", 2000, null, PredictTexts.text("choice.server.cache"));
        }

        private static Name zoneOf(Endpoint e) {
            if (e.role() == Role.ROOT) {
                return Name.root;
            }
            if (e.zone() == null) {
                return null;
            }
            try {
                return Name.fromString(e.zone(), Name.root);
            } catch (org.xbill.DNS.TextParseException ex) {
                return null;
            }
        }

        /** The choices for one question: every server choice but the asker's own, plus the cache for a resolver. */
        private List<ServerChoice> choicesFor(String askerId, ServerChoice right) {
            ServerChoice own = choiceFor(askerId);
            Endpoint asker = endpoints.get(askerId);
            List<ServerChoice> all = new ArrayList<>();
            for (ServerChoice c : serverChoices.values()) {
                if (!c.key().equals(own.key()) || c.key().equals(right.key())) {
                    all.add(c);
                }
            }
            if (all.stream().noneMatch(c -> c.key().equals(right.key()))) {
                all.add(right);
            }
            // keep the right one, the resolver and the first others, so a long trace still gives a short question
            List<ServerChoice> kept = new ArrayList<>();
            int servers = 0;
            for (ServerChoice c : all) {
                boolean server = !c.key().equals("resolver");
                if (c.key().equals(right.key()) || !server) {
                    kept.add(c);
                    servers += server ? 1 : 0;
                }
            }
            for (ServerChoice c : all) {
                if (servers >= MAX_SERVER_CHOICES) {
                    break;
                }
                if (!kept.contains(c)) {
                    kept.add(c);
                    servers++;
                }
            }
            if (asker != null && asker.role() == Role.RESOLVER && !right.key().equals("cache")) {
                kept.add(cacheChoice());
            } else if (right.key().equals("cache") && !kept.contains(right)) {
                kept.add(right);
            }
            kept.sort(Comparator.comparingInt(ServerChoice::order).thenComparing(c -> c.zone() == null ? ""
                    : c.zone().toString()));
            return kept;
        }

        private void nextServer(int step, int k, WireMessage query) {
            ServerChoice right = choiceFor(query.toId());
            List<ServerChoice> choices = choicesFor(query.fromId(), right);
            if (choices.size() < PredictQuestion.MIN_CHOICES) {
                return;
            }
            org.resolvefx.core.trace.Question asked = MessageFacts.of(query).flatMap(MessageFacts::question)
                    .orElse(trace.question());
            Name qname = asked.name();
            Endpoint asker = endpoints.get(query.fromId());
            Narration prompt = PredictTexts.text("prompt.nextServer", PredictTexts.args()
                    .with("asker", partyNom(asker, query.fromId())).with("name", nameText(qname))
                    .with("type", Type.string(asked.type())));
            add(step, QuestionKind.NEXT_SERVER, prompt, choices, right, nextServerWhy(k, query, qname, asker));
        }

        private void nobodyAsked(int step, WireMessage response) {
            ServerChoice right = cacheChoice();
            List<ServerChoice> choices = choicesFor(response.fromId(), right);
            if (choices.size() < PredictQuestion.MIN_CHOICES) {
                return;
            }
            Endpoint asker = endpoints.get(response.fromId());
            Name qname = trace.question().name();
            Narration prompt = PredictTexts.text("prompt.nextServer", PredictTexts.args()
                    .with("asker", partyNom(asker, response.fromId())).with("name", nameText(qname))
                    .with("type", Type.string(trace.question().type())));
            Narration why = PredictTexts.text("why.next.cache", PredictTexts.args().with("name", nameText(qname)));
            add(step, QuestionKind.NEXT_SERVER, prompt, choices, right, why);
        }

        private void add(int step, QuestionKind kind, Narration prompt, List<ServerChoice> choices, ServerChoice right,
                         Narration why) {
            List<Narration> labels = new ArrayList<>();
            int correct = -1;
            for (int i = 0; i < choices.size(); i++) {
                labels.add(choices.get(i).label());
                if (choices.get(i).key().equals(right.key())) {
                    correct = i;
                }
            }
            out.add(new PredictQuestion(step, prompt, labels, correct, why, new Origin.Generated(kind)));
        }

        private Narration nextServerWhy(int k, WireMessage query, Name qname, Endpoint asker) {
            Endpoint target = endpoints.get(query.toId());
            String targetText = target == null ? query.to().host() : hostLabel(target);
            Narration askerText = partyNom(asker, query.fromId());
            PredictTexts.Args a = PredictTexts.args().with("asker", askerText).with("target", targetText)
                    .with("name", nameText(qname));
            if (asker != null && asker.role() == Role.CLIENT && target != null && target.role() == Role.RESOLVER) {
                return PredictTexts.text("why.next.stub", a.with("target", IpText.format(target.address())));
            }
            Optional<MessageFacts> facts = MessageFacts.of(query);
            boolean priming = facts.flatMap(MessageFacts::question)
                    .filter(q -> q.name().equals(Name.root) && q.type() == Type.NS).isPresent()
                    && !(trace.question().name().equals(Name.root) && trace.question().type() == Type.NS);
            if (priming) {
                return PredictTexts.text("why.next.priming", a);
            }
            // the latest event since the previous message that explains the choice
            for (int i = k - 1; i > lastMessage && i >= 0; i--) {
                Optional<Narration> why = contextWhy(events.get(i), i, a);
                if (why.isPresent()) {
                    return why.get();
                }
            }
            Name zone = target == null ? null : zoneOf(target);
            if (zone != null && zone.equals(Name.root)) {
                return PredictTexts.text("why.next.start", a);
            }
            if (zone != null) {
                return PredictTexts.text("why.next.plain", a.with("zone", zoneText(zone)));
            }
            return PredictTexts.text("why.next.host", a);
        }

        /** The explanation an event gives for the next query, if it is one that explains it. */
        private Optional<Narration> contextWhy(TraceEvent e, int i, PredictTexts.Args a) {
            if (e instanceof TraceEvent.ReferralFollowed r) {
                List<String> names = new ArrayList<>();
                r.servers().forEach(s -> names.add(nameText(s.name())));
                return Optional.of(PredictTexts.text("why.next.referral", a.with("zone", zoneText(r.zone()))
                        .with("servers", PredictTexts.list(names))));
            } else if (e instanceof TraceEvent.Retry r) {
                return Optional.of(PredictTexts.text("why.next.retry", a.with("attempt", Integer.toString(r.attempt()))));
            } else if (e instanceof TraceEvent.TcpFallback) {
                return Optional.of(PredictTexts.text("why.next.tcp", a));
            } else if (e instanceof TraceEvent.ServerSkipped s) {
                Endpoint skipped = endpoints.get(s.endpointId());
                return Optional.of(PredictTexts.text("why.next.skipped", a.with("skipped",
                        skipped == null ? s.endpointId() : hostLabel(skipped)).with("reason", PredictTexts.text("skip." + s.reason().name()))));
            } else if (e instanceof TraceEvent.CnameRestart c) {
                return Optional.of(PredictTexts.text("why.next.alias", a.with("alias", nameText(c.alias()))
                        .with("canonical", nameText(c.target()))));
            } else if (e instanceof TraceEvent.SideResolutionStarted s) {
                return Optional.of(PredictTexts.text("why.next.sideStart", a.with("ns", nameText(s.serverName()))));
            } else if (e instanceof TraceEvent.SideResolutionFinished s) {
                return Optional.of(PredictTexts.text("why.next.sideEnd", a.with("ns", nameText(s.serverName()))));
            } else if (e instanceof TraceEvent.CacheLookup c && c.type() == Type.NS
                    && c.outcome() == TraceEvent.CacheOutcome.HIT && !c.name().equals(Name.root)
                    && !isAnswerLookupAt(i)) {
                return Optional.of(PredictTexts.text("why.next.cachedNs", a.with("zone", zoneText(c.name()))));
            }
            return Optional.empty();
        }

        // ------------------------------------------------------------ cache

        private boolean isAnswerLookup(TraceEvent.CacheLookup c) {
            Lookup top = lookups.peek();
            if (top == null || !c.name().equals(top.name()) || c.type() != top.type()) {
                return false;
            }
            // a second lookup of the same name and type right after a miss is the closest-servers search
            return previousLookup == null || previousLookup.outcome() != TraceEvent.CacheOutcome.MISS
                    || !previousLookup.name().equals(c.name()) || previousLookup.type() != c.type();
        }

        /** Whether the lookup at an earlier index looked up what was being resolved then (approximation for context). */
        private boolean isAnswerLookupAt(int i) {
            TraceEvent.CacheLookup c = (TraceEvent.CacheLookup) events.get(i);
            Lookup top = lookups.peek();
            return top != null && c.name().equals(top.name()) && c.type() == top.type();
        }

        private void fromCache(int step, TraceEvent.CacheLookup c) {
            boolean hit = c.outcome() != TraceEvent.CacheOutcome.MISS;
            Endpoint resolver = firstWithRole(Role.RESOLVER);
            Narration asker = resolver == null ? PredictTexts.text("party.resolver.nom") : partyNom(resolver, null);
            String name = nameText(c.name());
            String type = Type.string(c.type());
            Narration prompt = PredictTexts.text("prompt.fromCache", PredictTexts.args().with("asker", asker)
                    .with("name", name).with("type", type));
            PredictTexts.Args a = PredictTexts.args().with("name", name).with("type", type);
            Narration why;
            if (c.outcome() == TraceEvent.CacheOutcome.NEGATIVE_HIT) {
                boolean nx = c.records().stream().anyMatch(r -> r.contains("NXDOMAIN"))
                        || negativeEntry(c.name(), c.type(), c.atMicros()).map(e -> e.rcode() == Rcode.NXDOMAIN)
                        .orElse(false);
                Narration what = PredictTexts.text(nx ? "what.nxdomain" : "what.nodata", a);
                why = PredictTexts.text("why.cache.negative", a.with("what", what));
            } else if (hit) {
                List<String> recs = new ArrayList<>();
                for (String r : c.records()) {
                    recs.add(compactRecord(r));
                }
                Optional<CacheEntry> live = liveEntry(c.name(), c.type(), c.atMicros());
                Narration ttl = live.map(e -> PredictTexts.text("why.cache.ttlLeft", PredictTexts.args()
                        .with("seconds", Long.toString(e.remainingSeconds(c.atMicros())))))
                        .orElse(new Narration("", ""));
                why = PredictTexts.text("why.cache.hit", a.with("records", PredictTexts.list(recs)).with("ttl", ttl));
            } else {
                Optional<CacheEntry> expired = expiredEntry(c.name(), c.type(), c.atMicros());
                if (expired.isPresent()) {
                    long ago = Math.max(0, (c.atMicros() - expired.get().expiresAtMicros()) / 1_000_000L);
                    why = PredictTexts.text("why.cache.expired", a.with("seconds", Long.toString(ago)));
                } else {
                    why = PredictTexts.text("why.cache.miss", a);
                }
            }
            List<Narration> yesNo = List.of(PredictTexts.text("choice.yes"), PredictTexts.text("choice.no"));
            out.add(new PredictQuestion(step, prompt, yesNo, hit ? 0 : 1, why,
                    new Origin.Generated(QuestionKind.FROM_CACHE)));
        }

        private List<CacheEntry> entries(Name name, int type) {
            List<CacheEntry> list = new ArrayList<>(cache.getOrDefault(cacheKey(name, type), List.of()));
            if (type != Type.CNAME) {
                list.addAll(cache.getOrDefault(cacheKey(name, Type.CNAME), List.of()));
            }
            return list;
        }

        private Optional<CacheEntry> liveEntry(Name name, int type, long at) {
            CacheEntry best = null;
            for (CacheEntry e : entries(name, type)) {
                if (e.isLiveAt(at) && (best == null || e.storedAtMicros() > best.storedAtMicros())) {
                    best = e;
                }
            }
            return Optional.ofNullable(best);
        }

        private Optional<CacheEntry> negativeEntry(Name name, int type, long at) {
            return liveEntry(name, type, at).filter(CacheEntry::negative);
        }

        private Optional<CacheEntry> expiredEntry(Name name, int type, long at) {
            CacheEntry best = null;
            for (CacheEntry e : entries(name, type)) {
                if (!e.isLiveAt(at) && e.expiresAtMicros() <= at
                        && (best == null || e.expiresAtMicros() > best.expiresAtMicros())) {
                    best = e;
                }
            }
            return Optional.ofNullable(best);
        }

        // ------------------------------------------------------------ responses

        private boolean fromResolverToClient(WireMessage m) {
            Endpoint from = endpoints.get(m.fromId());
            Endpoint to = endpoints.get(m.toId());
            return trace.mode() == ResolutionMode.RECURSIVE && from != null && from.role() == Role.RESOLVER
                    && to != null && to.role() == Role.CLIENT;
        }

        private void responseQuestions(int step, int k, WireMessage m) {
            Optional<MessageFacts> parsed = MessageFacts.of(m);
            if (parsed.isEmpty() || !parsed.get().isResponse()) {
                return;
            }
            MessageFacts f = parsed.get();
            Endpoint server = endpoints.get(m.fromId());
            Narration from = fromText(server, m);
            Narration serverNom = server == null ? same(m.from().host()) : partyNom(server, m.fromId());
            List<Narration> yesNo = List.of(PredictTexts.text("choice.yes"), PredictTexts.text("choice.no"));
            boolean resolver = server != null && server.role() == Role.RESOLVER;
            Name zone = server == null ? null : zoneOf(server);
            Name qname = f.question().map(q -> q.name()).orElse(trace.question().name());
            int qtype = f.question().map(q -> q.type()).orElse(trace.question().type());
            Optional<MessageFacts.Referral> referral = f.referral();
            boolean isReferral = referral.isPresent() && f.kind() == MessageFacts.Kind.REFERRAL;

            // AA
            boolean aa = f.isAuthoritative();
            PredictTexts.Args a = PredictTexts.args().with("server", serverNom).with("name", nameText(qname))
                    .with("type", Type.string(qtype)).with("rcode", Rcode.string(f.rcode()));
            Name dataZone = f.soa().map(Record::getName).orElse(enclosingZone(qname, zone));
            a.with("zone", dataZone == null ? same("?") : same(zoneText(dataZone)));
            Narration aaWhy;
            if (resolver && !aa) {
                aaWhy = PredictTexts.text("why.aa.resolver", a);
            } else if (referral.isPresent() && !aa) {
                aaWhy = PredictTexts.text("why.aa.referral", PredictTexts.args().with("server", serverNom)
                        .with("zone", zoneText(referral.get().zone())));
            } else if (aa && (f.kind() == MessageFacts.Kind.NXDOMAIN || f.kind() == MessageFacts.Kind.NODATA)
                    && dataZone != null) {
                Narration what = PredictTexts.text(f.kind() == MessageFacts.Kind.NXDOMAIN ? "what.nxdomain"
                        : "what.nodata", PredictTexts.args().with("name", nameText(qname)).with("type",
                        Type.string(qtype)));
                aaWhy = PredictTexts.text("why.aa.negative", a.with("what", what));
            } else if (aa && dataZone != null && (f.kind() == MessageFacts.Kind.ANSWER
                    || f.kind() == MessageFacts.Kind.ALIAS)) {
                aaWhy = PredictTexts.text("why.aa.answer", a);
            } else {
                aaWhy = PredictTexts.text(aa ? "why.aa.otherYes" : "why.aa.otherNo", a);
            }
            out.add(new PredictQuestion(step, PredictTexts.text("prompt.aa", PredictTexts.args().with("from", from)),
                    yesNo, aa ? 0 : 1, aaWhy, new Origin.Generated(QuestionKind.FLAG_AA)));

            // RA, where recursion is the point: the resolver's answers to its client
            if (resolver) {
                boolean ra = f.recursionAvailable();
                out.add(new PredictQuestion(step, PredictTexts.text("prompt.ra", PredictTexts.args().with("from", from)),
                        yesNo, ra ? 0 : 1, PredictTexts.text(ra ? "why.ra.yes" : "why.ra.no",
                        PredictTexts.args().with("server", serverNom)), new Origin.Generated(QuestionKind.FLAG_RA)));
            }

            // TC, for UDP answers (a referral is small; errors carry nothing)
            boolean answerLike = switch (f.kind()) {
                case ANSWER, ALIAS, NODATA, NXDOMAIN, TRUNCATED -> true;
                default -> false;
            };
            if (m.transport() == Transport.UDP && answerLike) {
                tc(step, k, m, f, from, serverNom, yesNo);
            }

            if (isReferral || referral.isPresent() && f.kind() == MessageFacts.Kind.ALIAS) {
                referralQuestions(step, m, f, referral.get(), from);
            } else if (f.kind() != MessageFacts.Kind.TRUNCATED) {
                rcode(step, f, from, serverNom, qname, qtype);
            }
        }

        /**
         * The zone that holds a name, as far as the trace tells: the deepest of the zones referred to so
         * far and the server's own zone that encloses the name (a server may serve several zones).
         */
        private Name enclosingZone(Name name, Name serverZone) {
            Name best = serverZone != null && name.subdomain(serverZone) ? serverZone : null;
            for (Name z : referredZones) {
                if (name.subdomain(z) && (best == null || z.labels() > best.labels())) {
                    best = z;
                }
            }
            return best;
        }

        private void tc(int step, int k, WireMessage m, MessageFacts f, Narration from, Narration serverNom,
                        List<Narration> yesNo) {
            boolean tc = f.isTruncated();
            Optional<Message> query = matchingQuery(k, m);
            OPTRecord opt = query.map(Message::getOPT).orElse(null);
            int limit = opt == null ? CLASSIC_UDP_LIMIT : Math.max(CLASSIC_UDP_LIMIT, opt.getPayloadSize());
            Narration limitWhy = PredictTexts.text(opt == null ? "why.tc.classic" : "why.tc.edns");
            PredictTexts.Args a = PredictTexts.args().with("server", serverNom).with("limit", Integer.toString(limit))
                    .with("limitWhy", limitWhy).with("bytes", Integer.toString(m.length()));
            Narration why;
            if (tc) {
                Narration full = fullResponseOverTcp(k, m).map(len -> PredictTexts.text("why.tc.full",
                        PredictTexts.args().with("bytes", Integer.toString(len)))).orElse(new Narration("", ""));
                why = PredictTexts.text("why.tc.yes", a.with("full", full));
            } else {
                why = PredictTexts.text("why.tc.no", a);
            }
            out.add(new PredictQuestion(step, PredictTexts.text("prompt.tc", PredictTexts.args().with("from", from)),
                    yesNo, tc ? 0 : 1, why, new Origin.Generated(QuestionKind.FLAG_TC)));
        }

        /** The query this response answers: the latest one sent the other way with the same ID. */
        private Optional<Message> matchingQuery(int k, WireMessage response) {
            for (int i = k - 1; i >= 0; i--) {
                if (events.get(i) instanceof TraceEvent.MessageSent s && !s.message().isResponse()
                        && s.message().fromId().equals(response.toId()) && s.message().toId().equals(response.fromId())
                        && s.message().id() == response.id()) {
                    return s.message().parse();
                }
            }
            return Optional.empty();
        }

        /** Length of the same server's next response over TCP, if the trace has it. */
        private Optional<Integer> fullResponseOverTcp(int k, WireMessage udp) {
            for (int i = k + 1; i < events.size(); i++) {
                if (events.get(i) instanceof TraceEvent.MessageReceived r && r.message().transport() == Transport.TCP
                        && r.message().fromId().equals(udp.fromId()) && r.message().toId().equals(udp.toId())) {
                    return Optional.of(r.message().length());
                }
            }
            return Optional.empty();
        }

        private void referralQuestions(int step, WireMessage m, MessageFacts f, MessageFacts.Referral r,
                                       Narration from) {
            // where the NS records of the delegated zone really are, read from the message's sections
            int[] sections = {Section.ANSWER, Section.AUTHORITY, Section.ADDITIONAL};
            String[] keys = {"choice.section.answer", "choice.section.authority", "choice.section.additional"};
            int nsSection = -1;
            for (int i = 0; i < sections.length && nsSection < 0; i++) {
                for (Record rec : f.message().getSection(sections[i])) {
                    if (rec instanceof NSRecord && rec.getName().equals(r.zone())) {
                        nsSection = i;
                        break;
                    }
                }
            }
            List<Narration> sectionChoices = new ArrayList<>();
            for (String key : keys) {
                sectionChoices.add(PredictTexts.text(key));
            }
            String zone = zoneText(r.zone());
            if (nsSection >= 0) {
                String whyKey = nsSection != 1 ? "why.referral.elsewhere"
                        : f.kind() == MessageFacts.Kind.ALIAS ? "why.referral.alias" : "why.referral.plain";
                Narration why = PredictTexts.text(whyKey, PredictTexts.args().with("zone", zone)
                        .with("section", sectionChoices.get(nsSection)));
                out.add(new PredictQuestion(step, PredictTexts.text("prompt.referral", PredictTexts.args()
                        .with("from", from).with("zone", zone)), sectionChoices, nsSection, why,
                        new Origin.Generated(QuestionKind.REFERRAL_SECTION)));
            }

            // glue: addresses of the named servers, found in the additional section (MessageFacts reads them there)
            List<Narration> glueChoices = new ArrayList<>(sectionChoices);
            glueChoices.add(PredictTexts.text("choice.glue.none"));
            List<String> withGlue = new ArrayList<>();
            List<String> names = new ArrayList<>();
            boolean allInside = true;
            for (TraceEvent.NameServer ns : r.servers()) {
                names.add(nameText(ns.name()));
                if (ns.glue()) {
                    withGlue.add(nameText(ns.name()));
                }
                allInside &= ns.name().subdomain(r.zone());
            }
            Endpoint asker = endpoints.get(m.toId());
            PredictTexts.Args a = PredictTexts.args().with("zone", zone).with("asker", partyNom(asker, m.toId()))
                    .with("names", PredictTexts.list(names)).with("withGlue", PredictTexts.list(withGlue));
            int correct;
            Narration why;
            if (!withGlue.isEmpty()) {
                correct = 2;
                why = PredictTexts.text("why.glue.additional", a);
            } else {
                correct = 3;
                why = PredictTexts.text(allInside ? "why.glue.missing" : "why.glue.outside", a);
            }
            out.add(new PredictQuestion(step, PredictTexts.text("prompt.glue", PredictTexts.args().with("from", from)
                    .with("zone", zone)), glueChoices, correct, why, new Origin.Generated(QuestionKind.GLUE)));
        }

        private void rcode(int step, MessageFacts f, Narration from, Narration serverNom, Name qname, int qtype) {
            int rcode = f.rcode();
            List<Integer> codes = new ArrayList<>(List.of(Rcode.NOERROR, Rcode.NXDOMAIN, Rcode.SERVFAIL, Rcode.REFUSED));
            if (!codes.contains(rcode)) {
                codes.add(rcode);
            }
            List<Narration> choices = new ArrayList<>();
            for (int c : codes) {
                choices.add(same(Rcode.string(c)));
            }
            PredictTexts.Args a = PredictTexts.args().with("name", nameText(qname)).with("type", Type.string(qtype))
                    .with("server", serverNom).with("rcode", Rcode.string(rcode));
            Narration why;
            if (rcode == Rcode.NOERROR && f.kind() == MessageFacts.Kind.ALIAS) {
                why = PredictTexts.text("why.rcode.alias", a.with("canonical", nameText(f.finalName())));
            } else if (rcode == Rcode.NOERROR && f.answers().isEmpty()) {
                why = PredictTexts.text("why.rcode.nodata", a);
            } else if (rcode == Rcode.NOERROR) {
                List<String> recs = new ArrayList<>();
                for (Record r : f.finalRecords().isEmpty() ? f.answers() : f.finalRecords()) {
                    recs.add(Type.string(r.getType()) + " " + stripDot(r.rdataToString()));
                }
                why = PredictTexts.text("why.rcode.answer", a.with("records", PredictTexts.list(recs)));
            } else if (rcode == Rcode.NXDOMAIN) {
                Narration soa = f.soa().map(s -> PredictTexts.text("why.rcode.soa", PredictTexts.args()
                        .with("zone", zoneText(s.getName())).with("ttl", Long.toString(f.negativeTtlSeconds()))))
                        .orElse(new Narration("", ""));
                why = PredictTexts.text("why.rcode.nxdomain", a.with("soa", soa));
            } else if (rcode == Rcode.SERVFAIL) {
                why = PredictTexts.text("why.rcode.servfail", a);
            } else if (rcode == Rcode.REFUSED) {
                why = PredictTexts.text("why.rcode.refused", a);
            } else {
                why = PredictTexts.text("why.rcode.other", a);
            }
            out.add(new PredictQuestion(step, PredictTexts.text("prompt.rcode", PredictTexts.args().with("from", from)),
                    choices, codes.indexOf(rcode), why, new Origin.Generated(QuestionKind.RCODE)));
        }

        // ------------------------------------------------------------ next kind

        private void nextKind(int step, TraceEvent e) {
            StepCategory right = StepCategory.of(e);
            List<Narration> choices = new ArrayList<>();
            for (StepCategory c : StepCategory.values()) {
                choices.add(PredictTexts.text(c.key));
            }
            Narration why = PredictTexts.text("why.kind", PredictTexts.args().with("kind", choices.get(right.ordinal()))
                    .with("narration", e.narration()));
            out.add(new PredictQuestion(step, PredictTexts.text("prompt.nextKind"), choices, right.ordinal(), why,
                    new Origin.Generated(QuestionKind.NEXT_KIND)));
        }

        // ------------------------------------------------------------ words

        private Endpoint firstWithRole(Role role) {
            for (Endpoint e : trace.endpoints()) {
                if (e.role() == role) {
                    return e;
                }
            }
            return null;
        }

        /** "the local resolver", "the client", or a server's name, as the subject of a sentence. */
        private static Narration partyNom(Endpoint e, String fallbackId) {
            if (e == null) {
                return same(fallbackId == null ? "?" : fallbackId);
            }
            return switch (e.role()) {
                case CLIENT -> PredictTexts.text("party.client.nom");
                case RESOLVER -> PredictTexts.text("party.resolver.nom");
                default -> same(hostLabel(e));
            };
        }

        private static Narration fromText(Endpoint e, WireMessage m) {
            if (e != null && e.role() == Role.RESOLVER) {
                return PredictTexts.text("from.resolver");
            }
            if (e != null && e.role() == Role.CLIENT) {
                return PredictTexts.text("from.client");
            }
            return PredictTexts.text("from.server", PredictTexts.args().with("name",
                    e == null ? m.from().host() : hostLabel(e)));
        }


        private static String nameText(Name n) {
            return n.equals(Name.root) ? "." : stripDot(n.toString());
        }

        private static String zoneText(Name zone) {
            return nameText(zone);
        }

        private static String stripDot(String s) {
            return s.length() > 1 && s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }

        /** "www.example. 300 IN A 127.0.0.1" -> "www.example A 127.0.0.1" for a sentence. */
        private static String compactRecord(String record) {
            String[] parts = record.trim().split("\\s+");
            if (parts.length >= 5 && "IN".equals(parts[2])) {
                StringBuilder sb = new StringBuilder(stripDot(parts[0])).append(' ').append(parts[3]);
                for (int i = 4; i < parts.length; i++) {
                    sb.append(' ').append(stripDot(parts[i]));
                }
                return sb.toString();
            }
            return record.trim();
        }

        private static Narration same(String s) {
            return new Narration(s, s);
        }
    }
}
