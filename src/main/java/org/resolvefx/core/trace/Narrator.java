package org.resolvefx.core.trace;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import org.resolvefx.core.net.IpText;
import org.resolvefx.core.net.SocketAddr;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * One plain sentence per trace event, in English and German, for students. The engine calls the
 * {@code for...} method of each event kind when it records the event; the capture import does the
 * same for the events it infers. Every sentence template lives in the resource bundles
 * {@code org/resolvefx/core/trace/narration*.properties}; this class only chooses a template and
 * fills in names, numbers and the parties with their roles.
 *
 * <p>Placeholders are named ({@code {sender}}) rather than {@link java.text.MessageFormat} indexes:
 * MessageFormat treats apostrophes as quotes, which silently breaks English and German sentences.
 */
public final class Narrator {

    private static final String BUNDLE = "org.resolvefx.core.trace.narration";
    /** How many records a sentence lists before it says "and N more". */
    private static final int MAX_LISTED = 3;

    static final Lang EN = new Lang(Locale.ROOT);
    static final Lang DE = new Lang(Locale.GERMAN);

    private Narrator() {
    }

    // ------------------------------------------------------------------ messages

    /**
     * The sentence for a query or response as it crosses the wire: who asks whom for what, or what
     * the response means (referral, alias, authoritative answer, NXDOMAIN, NODATA, TC=1, REFUSED,
     * the final answer to the client, ...).
     *
     * @param endpoints the trace's endpoints by id (roles and names of sender and receiver)
     * @param mode      the trace's mode (decides whether the asker is "the client" or "the resolver")
     */
    public static Narration forMessage(WireMessage message, Map<String, Endpoint> endpoints, ResolutionMode mode) {
        Endpoint sender = endpoints.get(message.fromId());
        Endpoint receiver = endpoints.get(message.toId());
        Optional<MessageFacts> parsed = MessageFacts.of(message);
        if (parsed.isEmpty() || !parsed.get().isResponse() && parsed.get().question().isEmpty()
                && parsed.get().isStandardQuery()) {
            String key = message.isResponse() ? "response.malformed" : "query.malformed";
            return both(l -> l.fill(key, parties(l, sender, message.from(), receiver, message.to())
                    .with("length", Integer.toString(message.length()))));
        }
        MessageFacts f = parsed.get();
        return f.isResponse()
                ? response(f, message, sender, receiver)
                : query(f, message, sender, receiver);
    }

    /** A response the asker ignored (wrong ID, source or question), with the reason. */
    public static Narration forIgnoredResponse(WireMessage message, Map<String, Endpoint> endpoints, String reason) {
        Endpoint sender = endpoints.get(message.fromId());
        Endpoint receiver = endpoints.get(message.toId());
        return both(l -> l.fill("response.ignored",
                parties(l, sender, message.from(), receiver, message.to()).with("reason", reason)));
    }

    private static Narration query(MessageFacts f, WireMessage m, Endpoint sender, Endpoint receiver) {
        Question q = f.question().orElse(null);
        if (!f.isStandardQuery()) {
            return both(l -> l.fill("query.otherOpcode", parties(l, sender, m.from(), receiver, m.to())
                    .with("opcode", Opcode.string(f.opcode()))
                    .with("name", q == null ? "?" : l.name(q.name()))));
        }
        String key = f.recursionDesired() ? "query.recursive" : "query.iterative";
        return both(l -> l.fill(key, parties(l, sender, m.from(), receiver, m.to())
                .with("via", m.transport() == org.resolvefx.core.net.Transport.TCP ? l.text("via.tcp") : "")
                .with("what", l.what(q))));
    }

    private static Narration response(MessageFacts f, WireMessage m, Endpoint sender, Endpoint receiver) {
        Question q = f.question().orElse(null);
        Role senderRole = sender == null ? Role.UNKNOWN : sender.role();
        boolean finalToClient = f.recursionAvailable() && !f.isAuthoritative()
                && (senderRole == Role.RESOLVER || senderRole == Role.UNKNOWN);
        return both(l -> {
            Args a = parties(l, sender, m.from(), receiver, m.to());
            String name = q == null ? "?" : l.name(q.name());
            String type = q == null ? "?" : Type.string(q.type());
            a.with("name", name).with("type", type).with("rcode", Rcode.string(f.rcode()));
            switch (f.kind()) {
                case TRUNCATED: {
                    int count = f.answers().size();
                    return l.fill(count == 0 ? "response.truncated.none" : "response.truncated.some",
                            a.with("count", Integer.toString(count)));
                }
                case REFUSED:
                    return l.fill("response.refused", a);
                case SERVFAIL:
                    return l.fill("response.servfail", a);
                case FORMERR:
                    return l.fill("response.formerr", a);
                case OTHER_ERROR:
                    return l.fill("response.error", a);
                case NXDOMAIN:
                case NODATA: {
                    String base = f.kind() == MessageFacts.Kind.NXDOMAIN ? "response.nxdomain" : "response.nodata";
                    if (q != null) {
                        // NXDOMAIN after an alias: the name that does not exist is the end of the chain
                        a.with("name", l.name(f.finalName()));
                    }
                    if (f.soa().isPresent()) {
                        return l.fill(base + ".soa", a.with("zone", l.name(f.soa().get().getName()))
                                .with("ttl", Long.toString(f.negativeTtlSeconds())));
                    }
                    return l.fill(base + ".noSoa", a);
                }
                case REFERRAL: {
                    MessageFacts.Referral r = f.referral().orElseThrow();
                    a.with("unknown", l.text(q != null && (q.type() == Type.A || q.type() == Type.AAAA)
                            ? "know." + Type.string(q.type()) : "know.other"));
                    a.with("zone", l.name(r.zone())).with("servers", l.serverList(r.servers()));
                    return l.fill(r.hasGlue() ? "response.referral.glue" : "response.referral.noGlue", a);
                }
                case ALIAS: {
                    if (finalToClient) {
                        return l.fill("response.final", a.with("records", l.recordList(f.answers(), true)));
                    }
                    a.with("answersThat", l.text(f.isAuthoritative() ? "answersThat.aa" : "answersThat.nonAa"))
                            .with("alias", l.name(f.aliasChain().get(0)))
                            .with("target", l.name(f.finalName()))
                            .with("aliasType", f.aliasViaDname() ? "DNAME" : "CNAME");
                    if (!f.finalRecords().isEmpty()) {
                        return l.fill("response.alias.records", a.with("records", l.recordList(f.finalRecords(), true)));
                    }
                    if (f.referral().isPresent()) {
                        MessageFacts.Referral r = f.referral().get();
                        return l.fill("response.alias.referral", a.with("zone", l.name(r.zone()))
                                .with("servers", l.serverList(r.servers())));
                    }
                    return l.fill("response.alias.only", a);
                }
                case ANSWER:
                default: {
                    if (finalToClient) {
                        return l.fill("response.final", a.with("records", l.recordList(f.answers(), true)));
                    }
                    a.with("answers", l.text(f.isAuthoritative() ? "answers.aa" : "answers.nonAa"));
                    List<Record> records = f.finalRecords().isEmpty() ? f.answers() : f.finalRecords();
                    boolean full = f.finalRecords().isEmpty() || q == null;
                    String family = full ? "response.records"
                            : q.type() == Type.A || q.type() == Type.AAAA ? "response.address"
                            : q.type() == Type.NS ? "response.ns" : "response.records";
                    a.with("count", Integer.toString(records.size())).with("records", l.recordList(records, full));
                    return l.fill(family + (records.size() == 1 ? ".one" : ".many"), a);
                }
            }
        });
    }

    // ------------------------------------------------------------------ other event kinds

    /** The resolver looks in its cache ({@code records} in presentation format, for hits). */
    public static Narration forCacheLookup(Name name, int type, TraceEvent.CacheOutcome outcome, List<String> records,
                                           ResolutionMode mode) {
        String key = switch (outcome) {
            case MISS -> "cache.lookup.miss";
            case HIT -> "cache.lookup.hit";
            case NEGATIVE_HIT -> "cache.lookup.negativeHit";
        };
        return both(l -> l.fill(key, asker(l, mode).with("name", l.name(name)).with("type", Type.string(type))
                .with("records", l.textRecordList(records))));
    }

    /** Records go into the cache; refused records are named with their reason. */
    public static Narration forCacheStore(List<CacheEntry> stored, List<TraceEvent.RejectedRecord> rejected,
                                          ResolutionMode mode) {
        return both(l -> {
            List<String> entries = new ArrayList<>();
            for (CacheEntry e : stored) {
                entries.add(l.fill("cache.entry", new Args().with("key", compactKey(e.key()))
                        .with("ttl", Long.toString(e.ttlSeconds()))));
            }
            List<String> refused = new ArrayList<>();
            for (TraceEvent.RejectedRecord r : rejected) {
                refused.add(l.fill("cache.rejectedEntry", new Args().with("record", compactRecordText(r.record()))
                        .with("reason", r.reason())));
            }
            Args a = asker(l, mode).with("count", Integer.toString(stored.size()))
                    .with("entries", l.list(entries)).with("rejected", l.list(refused));
            String key = stored.isEmpty() && rejected.isEmpty() ? "cache.store.nothing"
                    : stored.isEmpty() ? "cache.store.onlyRejected"
                    : !rejected.isEmpty() ? "cache.store.withRejected"
                    : stored.size() == 1 ? "cache.store.one" : "cache.store.many";
            return l.fill(key, a);
        });
    }

    /** The asker now asks the servers a referral named. */
    public static Narration forReferralFollowed(Name zone, List<TraceEvent.NameServer> servers, ResolutionMode mode) {
        return both(l -> l.fill("referral.followed", asker(l, mode).with("zone", l.name(zone))
                .with("servers", l.serverList(servers))));
    }

    /** The lookup continues with an alias target. */
    public static Narration forCnameRestart(Name alias, Name target, boolean viaDname, ResolutionMode mode) {
        return both(l -> l.fill(viaDname ? "cname.restart.dname" : "cname.restart", asker(l, mode)
                .with("alias", l.name(alias)).with("target", l.name(target))));
    }

    /** A delegation without glue: the server name must be resolved first. */
    public static Narration forSideResolutionStarted(Name serverName, ResolutionMode mode) {
        return both(l -> l.fill("side.started", asker(l, mode).with("server", l.name(serverName))));
    }

    /** The nested lookup of a server name ended. */
    public static Narration forSideResolutionFinished(Name serverName, List<InetAddress> addresses, boolean success) {
        List<String> texts = new ArrayList<>();
        for (InetAddress a : addresses) {
            texts.add(IpText.format(a));
        }
        boolean ok = success && !addresses.isEmpty();
        return both(l -> l.fill(ok ? "side.finished.ok" : "side.finished.failed",
                new Args().with("server", l.name(serverName)).with("addresses", l.list(texts))));
    }

    /** No response from a server within the timeout. */
    public static Narration forTimeout(String endpointId, Map<String, Endpoint> endpoints, long waitedMillis,
                                       int attempt) {
        Endpoint e = endpoints.get(endpointId);
        return both(l -> l.fill("timeout", endpoint(l, e, endpointId).with("millis", Long.toString(waitedMillis))
                .with("attempt", Integer.toString(attempt))));
    }

    /** The same query goes to the same server again. */
    public static Narration forRetry(String endpointId, Map<String, Endpoint> endpoints, int attempt,
                                     ResolutionMode mode) {
        Endpoint e = endpoints.get(endpointId);
        return both(l -> l.fill("retry", endpoint(l, e, endpointId).merge(asker(l, mode))
                .with("attempt", Integer.toString(attempt))));
    }

    /** A server is given up on, for a reason. */
    public static Narration forServerSkipped(String endpointId, Map<String, Endpoint> endpoints,
                                             TraceEvent.SkipReason reason, String detail, ResolutionMode mode) {
        Endpoint e = endpoints.get(endpointId);
        return both(l -> l.fill("skipped", endpoint(l, e, endpointId).merge(asker(l, mode))
                .with("reason", l.text("skipped.reason." + reason.name())).with("detail", detailText(detail))));
    }

    /** A truncated UDP answer makes the asker repeat the question over TCP. */
    public static Narration forTcpFallback(String endpointId, Map<String, Endpoint> endpoints, ResolutionMode mode) {
        Endpoint e = endpoints.get(endpointId);
        return both(l -> l.fill("tcp.fallback", endpoint(l, e, endpointId).merge(asker(l, mode))));
    }

    /**
     * A server rejected the EDNS(0) option (FORMERR, NOTIMP or BADVERS), so the asker repeats the
     * query without it (RFC 6891, section 7). The resolution engine uses this as the sentence of the
     * {@link TraceEvent.Retry} it records before the repeated query.
     */
    public static Narration forEdnsFallback(String endpointId, Map<String, Endpoint> endpoints, int rcode,
                                            int attempt, ResolutionMode mode) {
        Endpoint e = endpoints.get(endpointId);
        return both(l -> l.fill("retry.noEdns", endpoint(l, e, endpointId).merge(asker(l, mode))
                .with("rcode", Rcode.string(rcode)).with("attempt", Integer.toString(attempt))));
    }

    /**
     * The resolver looks for the closest name servers it knows for {@code name} (a cache lookup of
     * an NS set) and starts there: at a zone below the root, at the root, or, with nothing cached,
     * at the root servers of its hints file.
     *
     * @param servers the server names found, for the sentence
     * @param fromHints true when only the root hints were there
     */
    public static Narration forClosestServers(Name name, Name zone, List<String> servers, boolean fromHints,
                                              ResolutionMode mode) {
        String key = fromHints ? "cache.lookup.hints"
                : zone.equals(Name.root) ? "cache.lookup.closestRoot" : "cache.lookup.closest";
        return both(l -> l.fill(key, asker(l, mode).with("name", l.name(name)).with("zone", l.name(zone))
                .with("servers", l.textRecordList(servers))));
    }

    /** How the lookup ended: the records, NXDOMAIN, NODATA, or an error code. */
    public static Narration forAnswer(Question question, int rcode, List<String> records, boolean fromCache) {
        String cache = fromCache ? ".cache" : "";
        return both(l -> {
            Args a = new Args().with("name", l.name(question.name())).with("type", Type.string(question.type()))
                    .with("rcode", Rcode.string(rcode)).with("records", l.textRecordList(records));
            if (rcode == Rcode.NXDOMAIN) {
                return l.fill("answer.nxdomain" + cache, a);
            }
            if (rcode != Rcode.NOERROR) {
                return l.fill("answer.error", a);
            }
            boolean hasAnswer = records.stream().anyMatch(r -> !isSoaText(r));
            return l.fill(hasAnswer ? "answer.records" + cache : "answer.nodata" + cache, a);
        });
    }

    /** The lookup gave up, for a reason. */
    public static Narration forFailure(TraceEvent.FailureReason reason, String detail) {
        return both(l -> l.fill("failure", new Args().with("reason", l.text("failure.reason." + reason.name()))
                .with("detail", detailText(detail))));
    }

    // ------------------------------------------------------------------ whole events and traces

    /**
     * A fresh sentence for any event, from the event's own fields and the trace context. Used to
     * re-narrate files after the templates changed, and by code that builds events generically.
     */
    public static Narration describe(TraceEvent event, Map<String, Endpoint> endpoints, ResolutionMode mode,
                                     Question question) {
        if (event instanceof TraceEvent.MessageSent e) {
            return forMessage(e.message(), endpoints, mode);
        } else if (event instanceof TraceEvent.MessageReceived e) {
            return e.accepted() ? forMessage(e.message(), endpoints, mode)
                    : forIgnoredResponse(e.message(), endpoints, e.ignoredReason());
        } else if (event instanceof TraceEvent.CacheLookup e) {
            return forCacheLookup(e.name(), e.type(), e.outcome(), e.records(), mode);
        } else if (event instanceof TraceEvent.CacheStore e) {
            return forCacheStore(e.stored(), e.rejected(), mode);
        } else if (event instanceof TraceEvent.ReferralFollowed e) {
            return forReferralFollowed(e.zone(), e.servers(), mode);
        } else if (event instanceof TraceEvent.CnameRestart e) {
            return forCnameRestart(e.alias(), e.target(), e.viaDname(), mode);
        } else if (event instanceof TraceEvent.SideResolutionStarted e) {
            return forSideResolutionStarted(e.serverName(), mode);
        } else if (event instanceof TraceEvent.SideResolutionFinished e) {
            return forSideResolutionFinished(e.serverName(), e.addresses(), e.success());
        } else if (event instanceof TraceEvent.Timeout e) {
            return forTimeout(e.endpointId(), endpoints, e.waitedMillis(), e.attempt());
        } else if (event instanceof TraceEvent.Retry e) {
            return forRetry(e.endpointId(), endpoints, e.attempt(), mode);
        } else if (event instanceof TraceEvent.ServerSkipped e) {
            return forServerSkipped(e.endpointId(), endpoints, e.reason(), e.detail(), mode);
        } else if (event instanceof TraceEvent.TcpFallback e) {
            return forTcpFallback(e.endpointId(), endpoints, mode);
        } else if (event instanceof TraceEvent.Answer e) {
            return forAnswer(question, e.rcode(), e.records(), e.fromCache());
        } else if (event instanceof TraceEvent.Failure e) {
            return forFailure(e.reason(), e.detail());
        }
        throw new IllegalStateException("unhandled event kind " + event.getClass().getSimpleName());
    }

    /** The same trace with every sentence generated anew from the current templates. */
    public static Trace renarrate(Trace trace) {
        Map<String, Endpoint> byId = endpointsById(trace.endpoints());
        List<TraceEvent> events = new ArrayList<>();
        for (TraceEvent e : trace.events()) {
            events.add(TraceEvents.withNarration(e, describe(e, byId, trace.mode(), trace.question())));
        }
        return new Trace(trace.title(), trace.question(), trace.mode(), trace.source(), trace.startedAt(),
                trace.world(), trace.endpoints(), trace.initialCache(), events);
    }

    /** Endpoints keyed by id, in the order given. */
    public static Map<String, Endpoint> endpointsById(List<Endpoint> endpoints) {
        Map<String, Endpoint> map = new java.util.LinkedHashMap<>();
        for (Endpoint e : endpoints) {
            map.put(e.id(), e);
        }
        return map;
    }

    // ------------------------------------------------------------------ helpers

    private interface Sentence {
        String in(Lang lang);
    }

    private static Narration both(Sentence s) {
        return new Narration(s.in(EN), s.in(DE));
    }

    private static final String[] FORMS = {"nom", "acc", "dat", "from"};
    private static final String[] SUFFIXES = {"", "Acc", "Dat", "From"};

    /** Sender and receiver in every grammatical form; built only when a template uses them. */
    private static Args parties(Lang l, Endpoint sender, SocketAddr from, Endpoint receiver, SocketAddr to) {
        Args a = new Args();
        for (int i = 0; i < FORMS.length; i++) {
            String form = FORMS[i];
            a.lazy("sender" + SUFFIXES[i], () -> l.party(sender, from, form));
            a.lazy("receiver" + SUFFIXES[i], () -> l.party(receiver, to, form));
        }
        return a;
    }

    private static Args endpoint(Lang l, Endpoint e, String id) {
        Args a = new Args();
        for (int i = 0; i < FORMS.length; i++) {
            String form = FORMS[i];
            a.lazy("endpoint" + SUFFIXES[i], () -> e == null
                    ? l.fill("party.unknown." + form, new Args().with("name", id)) : l.party(e, null, form));
        }
        return a;
    }

    /** Who does the asking when no message says: the client in iterative mode, the resolver otherwise. */
    private static Args asker(Lang l, ResolutionMode mode) {
        String who = mode == ResolutionMode.ITERATIVE ? "party.client." : "party.resolver.";
        return new Args().with("asker", l.text(who + "nom")).with("askerAcc", l.text(who + "acc"));
    }

    private static String detailText(String detail) {
        return detail == null || detail.isBlank() ? "" : " (" + detail.trim() + ")";
    }

    private static boolean isSoaText(String record) {
        String[] t = record.trim().split("\\s+");
        for (String s : t) {
            if (s.equalsIgnoreCase("SOA")) {
                return true;
            }
        }
        return false;
    }

    /** "www.example.com. A" -> "www.example.com A". */
    private static String compactKey(String key) {
        // the root's own entries keep their dot (". NS"); everywhere else the trailing dot goes
        return key.startsWith(". ") ? ". " + key.substring(2).replace(". ", " ") : key.replace(". ", " ");
    }

    /**
     * A presentation-format line made short for a sentence: TTL and class dropped, trailing dots
     * removed ("www.example.com. 3600 IN A 1.2.3.4" -> "www.example.com A 1.2.3.4"). Text that is
     * not a record line is returned as it is.
     */
    static String compactRecordText(String record) {
        String[] t = record.trim().split("\\s+");
        List<String> out = new ArrayList<>();
        int i = 0;
        if (t.length >= 3) {
            out.add(t[0]);
            i = 1;
            if (i < t.length && t[i].matches("\\d+")) {
                i++;
            }
            if (i < t.length && (t[i].equals("IN") || t[i].equals("CH") || t[i].equals("HS") || t[i].equals("ANY"))) {
                i++;
            }
        }
        for (; i < t.length; i++) {
            out.add(t[i]);
        }
        List<String> stripped = new ArrayList<>();
        for (int k = 0; k < out.size(); k++) {
            String s = out.get(k);
            if (k > 0 && out.get(k - 1).equals("AAAA")) {
                try {
                    s = IpText.format(SocketAddr.literal(s, "record"));
                } catch (IllegalArgumentException e) {
                    // not an address after all: keep the text
                }
            }
            stripped.add(s.length() > 1 && s.endsWith(".") ? s.substring(0, s.length() - 1) : s);
        }
        return String.join(" ", stripped);
    }

    /** Named placeholder values for one sentence; costly ones (party phrases) are computed on first use. */
    static final class Args {
        private final Map<String, String> values = new HashMap<>();
        private final Map<String, java.util.function.Supplier<String>> lazy = new HashMap<>();

        Args with(String key, String value) {
            values.put(key, value == null ? "" : value);
            return this;
        }

        Args lazy(String key, java.util.function.Supplier<String> value) {
            lazy.put(key, value);
            return this;
        }

        Args merge(Args other) {
            values.putAll(other.values);
            lazy.putAll(other.lazy);
            return this;
        }

        String get(String key) {
            String v = values.get(key);
            if (v == null) {
                java.util.function.Supplier<String> s = lazy.get(key);
                if (s != null) {
                    v = s.get();
                    values.put(key, v == null ? "" : v);
                }
            }
            return v;
        }
    }

    /** One language: its bundle and the phrases built from it. */
    static final class Lang {
        private final ResourceBundle bundle;

        Lang(Locale locale) {
            // no fallback to the JVM's default locale: English must stay English on a German machine
            this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        }

        ResourceBundle bundle() {
            return bundle;
        }

        String text(String key) {
            try {
                return bundle.getString(key);
            } catch (MissingResourceException e) {
                // a missing template must not stop a lookup; the bundle test keeps this from happening
                return "[" + key + "]";
            }
        }

        String fill(String key, Args args) {
            return fillTemplate(text(key), args);
        }

        /**
         * Replaces each {@code {key}} in one pass (values are never scanned again, so a name with
         * braces cannot inject a placeholder). {@code {Key}} inserts the value of {@code key}
         * with its first letter capitalised. Unknown placeholders stay visible for the tests.
         */
        static String fillTemplate(String template, Args args) {
            StringBuilder sb = new StringBuilder(template.length() + 64);
            int i = 0;
            while (i < template.length()) {
                char c = template.charAt(i);
                if (c == '{') {
                    int close = template.indexOf('}', i);
                    if (close > i + 1) {
                        String key = template.substring(i + 1, close);
                        String value = args.get(key);
                        boolean capitalise = false;
                        if (value == null && Character.isUpperCase(key.charAt(0))) {
                            value = args.get(Character.toLowerCase(key.charAt(0)) + key.substring(1));
                            capitalise = true;
                        }
                        if (value != null) {
                            sb.append(capitalise && !value.isEmpty()
                                    ? Character.toUpperCase(value.charAt(0)) + value.substring(1) : value);
                            i = close + 1;
                            continue;
                        }
                    }
                }
                sb.append(c);
                i++;
            }
            return sb.toString();
        }

        /** "the root server a.root-servers.net" in the given grammatical form. */
        String party(Endpoint e, SocketAddr fallback, String form) {
            if (e == null) {
                String addr = fallback == null ? "?" : fallback.host();
                return fill("party.unknown." + form, new Args().with("name", addr));
            }
            String label = e.serverName() != null ? stripDot(e.serverName())
                    : IpText.format(e.address()) + (e.port() != 0 && e.port() != 53 ? ":" + e.port() : "");
            String zone = e.zone() == null ? null : name(e.zone());
            String kind = switch (e.role()) {
                case CLIENT -> "client";
                case RESOLVER -> "resolver";
                case ROOT -> "root";
                case TLD -> zone == null ? "authNoZone" : "tld";
                case AUTHORITATIVE -> zone == null ? "authNoZone" : "auth";
                case UNKNOWN -> "unknown";
            };
            return fill("party." + kind + "." + form, new Args().with("name", label).with("zone", zone));
        }

        /** A name for a sentence: no trailing dot; the root as "the root zone". */
        String name(Name n) {
            return n.equals(Name.root) ? text("name.root") : stripDot(n.toString());
        }

        String name(String n) {
            return ".".equals(n) ? text("name.root") : stripDot(n);
        }

        String what(Question q) {
            String key = "what." + Type.string(q.type());
            String template = bundle.containsKey(key) ? key : "what.other";
            return fill(template, new Args().with("name", name(q.name())).with("type", Type.string(q.type())));
        }

        String serverList(List<TraceEvent.NameServer> servers) {
            List<String> names = new ArrayList<>();
            for (TraceEvent.NameServer s : servers) {
                names.add(name(s.name()));
            }
            return list(names);
        }

        /** Records for a sentence: rdata only, or "owner TYPE rdata" when {@code full}. */
        String recordList(List<Record> records, boolean full) {
            List<String> texts = new ArrayList<>();
            for (Record r : records) {
                String rdata = addressText(r);
                texts.add(full ? stripDot(r.getName().toString()) + " " + Type.string(r.getType()) + " " + rdata : rdata);
            }
            return list(texts);
        }

        String textRecordList(List<String> records) {
            List<String> texts = new ArrayList<>();
            for (String r : records) {
                texts.add(compactRecordText(r));
            }
            return list(texts);
        }

        /** "a", "a and b", "a, b and c", "a, b, c and 7 more". */
        String list(List<String> items) {
            if (items.isEmpty()) {
                return "";
            }
            if (items.size() == 1) {
                return items.get(0);
            }
            if (items.size() > MAX_LISTED + 1) {
                return fill("list.more", new Args().with("list", String.join(", ", items.subList(0, MAX_LISTED)))
                        .with("count", Integer.toString(items.size() - MAX_LISTED)));
            }
            return fill("list.and", new Args().with("first", String.join(", ", items.subList(0, items.size() - 1)))
                    .with("last", items.get(items.size() - 1)));
        }

        private static String stripDot(String n) {
            return n.length() > 1 && n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
        }

        /** IPv6 addresses as tools print them ("2001:db8::1"); dnsjava prints every zero group. */
        private static String addressText(Record r) {
            if (r instanceof org.xbill.DNS.AAAARecord a) {
                return IpText.format(a.getAddress());
            }
            if (r instanceof org.xbill.DNS.ARecord a) {
                return IpText.format(a.getAddress());
            }
            return stripDot(r.rdataToString());
        }
    }
}
