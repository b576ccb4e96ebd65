package org.resolvefx.core.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.net.Transport;
import org.resolvefx.core.sandbox.RootHint;
import org.resolvefx.core.trace.CacheEntry;
import org.resolvefx.core.trace.Endpoint;
import org.resolvefx.core.trace.MessageFacts;
import org.resolvefx.core.trace.Narrator;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Role;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.TraceEvent.FailureReason;
import org.resolvefx.core.trace.TraceEvent.SkipReason;
import org.resolvefx.core.trace.TraceRecorder;
import org.resolvefx.core.trace.WireMessage;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * One lookup: the iterative algorithm of RFC 1034 section 5.3.3 as current resolvers run it,
 * recording every step into a {@link TraceRecorder}. Used once and thrown away; the session keeps
 * what lasts (cache, clock, network).
 *
 * <p>The walk: find the closest known servers (cache, or the root hints after priming, RFC 8109);
 * ask them one at a time in a deterministic order; follow referrals downwards, restart at alias
 * targets (CNAME, DNAME), resolve server names without glue as nested side lookups; stop at an
 * answer, NXDOMAIN or NODATA (cached negatively, RFC 2308), or a failure with a reason. Every
 * limit ({@link ResolverOptions.Limits}) and the cancel token are checked before each query.
 *
 * <p>Written by hand: dnsjava's {@code Lookup} and resolvers send one question to a recursive server
 * and hide the steps, and no maintained Java library walks the hierarchy itself while exposing each
 * message, cache decision and failure as it happens. dnsjava still builds and parses every message.
 */
final class Resolution {

    static final InetAddress CLIENT_ADDRESS = address(127, 0, 0, 1);
    /** Where the local resolver ResolveFX plays lives, as systemd-resolved and the shared captures have it. */
    static final InetAddress RESOLVER_ADDRESS = address(127, 0, 0, 53);

    /** How a (sub)lookup ended. */
    sealed interface Outcome {
        record Positive(List<Record> aliases, List<Record> records, boolean fromCache) implements Outcome {
        }

        record Negative(List<Record> aliases, int rcode, Name name, SOARecord soa, boolean fromCache)
                implements Outcome {
        }

        record Failed(FailureReason reason, String detail) implements Outcome {
        }
    }

    /** A limit hit or a cancellation: ends the whole lookup, however deep it is nested. */
    static final class Abort extends RuntimeException {
        final FailureReason reason;
        final String detail;

        Abort(FailureReason reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
            this.detail = detail;
        }
    }

    /** A name server of a zone, with the addresses known for it so far. */
    private record Candidate(Name name, List<InetAddress> addresses) {
    }

    /** A zone and its servers in the order to try them. */
    private record Zone(Name name, List<Candidate> servers) {
    }

    /** The result of asking the servers of a zone. */
    private sealed interface Reply {
        record Usable(String endpointId, SocketAddr server, Message message, Verdict verdict, Zone zone)
                implements Reply {
        }

        record Failed(FailureReason reason, String detail) implements Reply {
        }
    }

    /** The result of one exchange with one server (with its retries, TCP and EDNS fallbacks). */
    private sealed interface Exchange {
        record Response(Message message, Transport transport) implements Exchange {
        }

        record NoResponse(String detail) implements Exchange {
        }
    }

    private final TraceRecorder rec;
    private final ResolutionMode mode;
    private final ResolverOptions opt;
    private final DnsNetwork net;
    private final SessionClock clock;
    private final ResolverCache cache;
    private final boolean showCache;
    private final CancelToken cancel;
    private final Random random;
    private final long origin;
    private final long deadline;
    private String askerId;
    private InetAddress askerAddress;
    private int queries;
    private boolean primed;
    private final List<Name> sideStack = new ArrayList<>();
    private final Set<String> unreachable = new HashSet<>();
    private final Set<String> noEdns = new HashSet<>();

    /**
     * @param cache     the session cache (recursive mode, shown in the trace) or a scratch cache for
     *                  this walk only (iterative mode, not shown)
     * @param showCache record cache lookups and stores
     * @param origin    session time at which the trace began
     */
    Resolution(TraceRecorder rec, ResolutionMode mode, ResolverOptions opt, DnsNetwork net, ResolverCache cache,
               boolean showCache, CancelToken cancel, Random random, long origin) {
        this.rec = rec;
        this.mode = mode;
        this.opt = opt;
        this.net = net;
        this.clock = net.clock();
        this.cache = cache;
        this.showCache = showCache;
        this.cancel = cancel;
        this.random = random;
        this.origin = origin;
        this.deadline = origin + opt.limits().maxTotalTime().toNanos() / 1000;
    }

    int queriesSent() {
        return queries;
    }

    // ------------------------------------------------------------------ the three modes

    /** The asking host walks from the root itself (RD=0), like dig +trace. */
    void runIterative(Question q, InetAddress clientAddress) {
        askerId = rec.endpoint(clientAddress, 0, Role.CLIENT, null, null);
        askerAddress = clientAddress;
        Outcome o;
        try {
            o = lookup(q.name(), q.type(), 0);
        } catch (Abort a) {
            o = new Outcome.Failed(a.reason, a.detail);
        }
        finish(q, o);
    }

    /**
     * A stub sends one RD=1 query to the local resolver ResolveFX plays at 127.0.0.53; the resolver
     * walks the hierarchy (or answers from its cache) and replies with RA=1. Both sides are shown.
     */
    void runRecursive(Question q) {
        String clientId = rec.endpoint(CLIENT_ADDRESS, 0, Role.CLIENT, null, null);
        askerId = rec.endpoint(RESOLVER_ADDRESS, 0, Role.RESOLVER, null, null);
        askerAddress = RESOLVER_ADDRESS;
        Transport transport = opt.tcpOnly() ? Transport.TCP : Transport.UDP;
        int id = nextId();
        byte[] queryBytes = DnsMessages.query(id, q.name(), q.type(), true, opt.edns() ? opt.udpPayloadSize() : -1);
        SocketAddr client = new SocketAddr(CLIENT_ADDRESS, randomPort());
        SocketAddr resolver = new SocketAddr(RESOLVER_ADDRESS, 53);
        rec.messageSent(new WireMessage(clientId, askerId, client, resolver, transport, queryBytes, 0));
        Outcome o;
        try {
            o = lookup(q.name(), q.type(), 0);
        } catch (Abort a) {
            o = new Outcome.Failed(a.reason, a.detail);
        }
        if (o instanceof Outcome.Failed f && f.reason() == FailureReason.CANCELLED) {
            finish(q, o);
            return;
        }
        Message query = DnsMessages.parse(queryBytes);
        Message response = clientResponse(query, o);
        byte[] full = response.toWire();
        // the resolver keeps within what the client can take over UDP (RFC 1035 4.2.1, RFC 6891 6.2.5)
        int limit = query.getOPT() == null ? 512
                : Math.min(Math.max(512, query.getOPT().getPayloadSize()), ResolverOptions.DEFAULT_UDP_PAYLOAD);
        if (transport == Transport.UDP && full.length > limit) {
            byte[] cut = DnsMessages.truncated(response).toWire();
            rec.messageReceived(new WireMessage(askerId, clientId, resolver, client, Transport.UDP, cut, 0));
            Map<String, Endpoint> eps = rec.endpoints();
            // the client repeats the question: narrated from the client's side
            rec.record(at -> new TraceEvent.TcpFallback(at, askerId,
                    Narrator.forTcpFallback(askerId, eps, ResolutionMode.ITERATIVE)));
            transport = Transport.TCP;
            client = new SocketAddr(CLIENT_ADDRESS, randomPort());
            rec.messageSent(new WireMessage(clientId, askerId, client, resolver, transport, queryBytes, 0));
        }
        rec.messageReceived(new WireMessage(askerId, clientId, resolver, client, transport, full, 0));
        finish(q, o);
    }

    /** Ask one recursive server (RD=1) and show the two messages. */
    void runStub(Question q, SocketAddr server, InetAddress localAddress) {
        askerId = rec.endpoint(localAddress, 0, Role.CLIENT, null, null);
        askerAddress = localAddress;
        String serverId = rec.endpoint(server.address(), server.port(), Role.RESOLVER, null, null);
        Outcome o;
        try {
            Exchange x = exchange(serverId, server, q.name(), q.type(), true);
            if (x instanceof Exchange.NoResponse n) {
                o = new Outcome.Failed(FailureReason.ALL_SERVERS_FAILED, server + ": " + n.detail());
            } else {
                Message m = ((Exchange.Response) x).message();
                int rcode = m.getRcode();
                if (rcode == Rcode.NOERROR || rcode == Rcode.NXDOMAIN) {
                    SOARecord soa = null;
                    for (Record r : m.getSection(Section.AUTHORITY)) {
                        if (r instanceof SOARecord s) {
                            soa = s;
                            break;
                        }
                    }
                    List<Record> answers = m.getSection(Section.ANSWER);
                    o = answers.isEmpty() || rcode == Rcode.NXDOMAIN
                            ? new Outcome.Negative(answers, rcode, q.name(), soa, false)
                            : new Outcome.Positive(List.of(), answers, false);
                } else {
                    o = new Outcome.Failed(FailureReason.ALL_SERVERS_FAILED, "the resolver " + server + " answered "
                            + Rcode.string(rcode));
                }
            }
        } catch (Abort a) {
            o = new Outcome.Failed(a.reason, a.detail);
        }
        finish(q, o);
    }

    private void finish(Question q, Outcome o) {
        if (o instanceof Outcome.Positive p) {
            List<String> texts = texts(p.aliases(), p.records());
            rec.record(at -> new TraceEvent.Answer(at, Rcode.NOERROR, texts, p.fromCache(),
                    Narrator.forAnswer(q, Rcode.NOERROR, texts, p.fromCache())));
        } else if (o instanceof Outcome.Negative n) {
            List<Record> soa = n.soa() == null ? List.of() : List.of(n.soa());
            List<String> texts = texts(n.aliases(), soa);
            rec.record(at -> new TraceEvent.Answer(at, n.rcode(), texts, n.fromCache(),
                    Narrator.forAnswer(q, n.rcode(), texts, n.fromCache())));
        } else {
            Outcome.Failed f = (Outcome.Failed) o;
            rec.record(at -> new TraceEvent.Failure(at, f.reason(), f.detail(), Narrator.forFailure(f.reason(),
                    f.detail())));
        }
    }

    private static List<String> texts(List<Record> a, List<Record> b) {
        List<String> out = new ArrayList<>();
        for (Record r : a) {
            out.add(MessageFacts.recordText(r));
        }
        for (Record r : b) {
            out.add(MessageFacts.recordText(r));
        }
        return out;
    }

    private Message clientResponse(Message query, Outcome o) {
        if (o instanceof Outcome.Positive p) {
            List<Record> answers = new ArrayList<>(p.aliases());
            answers.addAll(p.records());
            return DnsMessages.response(query, Rcode.NOERROR, answers, List.of(), ResolverOptions.DEFAULT_UDP_PAYLOAD);
        }
        if (o instanceof Outcome.Negative n) {
            return DnsMessages.response(query, n.rcode(), n.aliases(), n.soa() == null ? List.of() : List.of(n.soa()),
                    ResolverOptions.DEFAULT_UDP_PAYLOAD);
        }
        // every failure reaches the client as SERVFAIL (RFC 1035 4.1.1)
        return DnsMessages.response(query, Rcode.SERVFAIL, List.of(), List.of(), ResolverOptions.DEFAULT_UDP_PAYLOAD);
    }

    // ------------------------------------------------------------------ lookup of one name

    /**
     * Resolves {@code qname qtype}: from the cache where the mode has one, else by walking the
     * hierarchy, restarting at each alias target.
     */
    Outcome lookup(Name qname, int qtype, int depth) {
        List<Record> aliases = new ArrayList<>();
        List<Name> names = new ArrayList<>();
        names.add(qname);
        Name name = qname;
        boolean fromCache = true;
        Verdict.Referral pending = null;
        String pendingFrom = null;
        while (true) {
            check();
            if (showCache) {
                ResolverCache.Found found = cache.answer(name, qtype);
                recordCacheLookup(name, qtype, found);
                if (found instanceof ResolverCache.Found.Positive p) {
                    return new Outcome.Positive(aliases, p.records(), fromCache);
                }
                if (found instanceof ResolverCache.Found.Negative n) {
                    return new Outcome.Negative(aliases, n.rcode(), name, n.soa(), fromCache);
                }
                if (found instanceof ResolverCache.Found.Alias a) {
                    aliases.add(a.cname());
                    Name target = a.cname().getTarget();
                    Outcome.Failed bad = chainProblem(names, List.of(name, target));
                    if (bad != null) {
                        return bad;
                    }
                    names.add(target);
                    restart(name, target, false);
                    name = target;
                    continue;
                }
            }
            fromCache = false;
            Object step = iterate(name, qtype, depth, pending, pendingFrom);
            pending = null;
            pendingFrom = null;
            if (step instanceof Outcome.Failed f) {
                return f;
            }
            Reply.Usable u = (Reply.Usable) step;
            Verdict v = u.verdict();
            if (v instanceof Verdict.Answer a) {
                Outcome.Failed bad = chainProblem(names, a.chain());
                if (bad != null) {
                    return bad;
                }
                aliases.addAll(a.aliases());
                return new Outcome.Positive(aliases, a.records(), false);
            }
            if (v instanceof Verdict.NxDomain n) {
                aliases.addAll(n.aliases());
                return new Outcome.Negative(aliases, Rcode.NXDOMAIN, n.name(), n.soa(), false);
            }
            if (v instanceof Verdict.NoData n) {
                aliases.addAll(n.aliases());
                return new Outcome.Negative(aliases, Rcode.NOERROR, n.name(), n.soa(), false);
            }
            Verdict.Alias a = (Verdict.Alias) v;
            aliases.addAll(a.aliases());
            Outcome.Failed bad = chainProblem(names, a.chain());
            if (bad != null) {
                return bad;
            }
            for (Name n : a.chain().subList(1, a.chain().size())) {
                names.add(n);
            }
            restart(name, a.target(), a.viaDname());
            if (a.referral() != null && a.target().subdomain(a.referral().zone())) {
                pending = a.referral();
                pendingFrom = u.endpointId();
            }
            name = a.target();
        }
    }

    /** A CNAME loop or a chain longer than allowed, given the names so far and a new piece of chain. */
    private Outcome.Failed chainProblem(List<Name> names, List<Name> chain) {
        List<Name> all = new ArrayList<>(names);
        for (Name n : chain.subList(1, chain.size())) {
            if (all.contains(n)) {
                all.add(n);
                return new Outcome.Failed(FailureReason.CNAME_LOOP, arrowText(all.subList(all.indexOf(n), all.size())));
            }
            all.add(n);
        }
        if (all.size() - 1 > opt.limits().maxCnameChain()) {
            return new Outcome.Failed(FailureReason.CNAME_CHAIN_TOO_LONG, (all.size() - 1) + " aliases from "
                    + names.get(0) + ", at most " + opt.limits().maxCnameChain() + " are followed");
        }
        return null;
    }

    private static String arrowText(List<Name> names) {
        List<String> parts = new ArrayList<>();
        for (Name n : names) {
            parts.add(n.toString(true));
        }
        return String.join(" -> ", parts);
    }

    private void restart(Name alias, Name target, boolean viaDname) {
        rec.record(at -> new TraceEvent.CnameRestart(at, alias, target, viaDname,
                Narrator.forCnameRestart(alias, target, viaDname, mode)));
    }

    private void recordCacheLookup(Name name, int type, ResolverCache.Found found) {
        TraceEvent.CacheOutcome outcome;
        List<String> records = new ArrayList<>();
        if (found instanceof ResolverCache.Found.Positive p) {
            outcome = TraceEvent.CacheOutcome.HIT;
            for (Record r : p.records()) {
                records.add(MessageFacts.recordText(r));
            }
        } else if (found instanceof ResolverCache.Found.Alias a) {
            outcome = TraceEvent.CacheOutcome.HIT;
            records.add(MessageFacts.recordText(a.cname()));
        } else if (found instanceof ResolverCache.Found.Negative n) {
            outcome = TraceEvent.CacheOutcome.NEGATIVE_HIT;
            if (n.soa() != null) {
                records.add(MessageFacts.recordText(n.soa()));
            }
        } else {
            outcome = TraceEvent.CacheOutcome.MISS;
        }
        TraceEvent.CacheOutcome o = outcome;
        rec.record(at -> new TraceEvent.CacheLookup(at, name, type, o, records,
                Narrator.forCacheLookup(name, type, o, records, mode)));
    }

    // ------------------------------------------------------------------ walking the hierarchy

    /**
     * Walks from the closest known zone down to a usable response for {@code name type}: an
     * answer, an alias, or a negative answer; or returns a failure.
     *
     * @return a {@link Reply.Usable} or an {@link Outcome.Failed}
     */
    private Object iterate(Name name, int qtype, int depth, Verdict.Referral pending, String pendingFrom) {
        Zone zone;
        if (pending != null) {
            zone = zoneOf(pending);
            rec.record(at -> new TraceEvent.ReferralFollowed(at, pendingFrom, pending.zone(), pending.servers(),
                    Narrator.forReferralFollowed(pending.zone(), pending.servers(), mode)));
        } else {
            zone = startZone(name);
        }
        int referrals = 0;
        Name child = zone.name();
        int minimiseSteps = 0;
        while (true) {
            Name askName = name;
            int askType = qtype;
            if (opt.qnameMinimisation() && minimiseSteps < opt.limits().maxMinimiseSteps()
                    && name.labels() > child.labels() + 1) {
                // RFC 9156: one label more than what is known; QTYPE A, which every server handles
                askName = new Name(name, name.labels() - child.labels() - 1);
                askType = Type.A;
                minimiseSteps++;
            }
            Reply reply = askZone(zone, askName, askType, depth);
            if (reply instanceof Reply.Failed f) {
                return new Outcome.Failed(f.reason(), f.detail());
            }
            Reply.Usable u = (Reply.Usable) reply;
            store(u, askName, askType);
            Verdict v = u.verdict();
            if (v instanceof Verdict.Referral r) {
                if (++referrals > opt.limits().maxReferrals()) {
                    return new Outcome.Failed(FailureReason.REFERRAL_DEPTH, referrals + " referrals while looking up "
                            + name + ", at most " + opt.limits().maxReferrals());
                }
                rec.record(at -> new TraceEvent.ReferralFollowed(at, u.endpointId(), r.zone(), r.servers(),
                        Narrator.forReferralFollowed(r.zone(), r.servers(), mode)));
                zone = zoneOf(r);
                child = r.zone();
                continue;
            }
            if (!askName.equals(name)) {
                if (v instanceof Verdict.NxDomain n) {
                    // RFC 8020: nothing exists below a name that does not exist
                    return new Reply.Usable(u.endpointId(), u.server(), u.message(),
                            new Verdict.NxDomain(List.of(name), List.of(), n.name(), n.soa()), u.zone());
                }
                // the minimised name exists in this zone: one label more
                child = askName;
                continue;
            }
            return u;
        }
    }

    /**
     * The closest zone whose servers are known: in recursive mode the deepest cached NS set above
     * the name; in iterative mode always the root (a walker without cache, like dig +trace).
     * Primes first when only the hints are known.
     */
    private Zone startZone(Name name) {
        if (opt.priming() && !primed && cache.rootFromHintsOnly() && cache.nsSet(Name.root).isPresent()) {
            primed = true;
            prime();
        }
        Name at = Name.root;
        ResolverCache.Entry ns = null;
        if (mode == ResolutionMode.RECURSIVE) {
            for (Name x = name; ; x = parent(x)) {
                var found = cache.nsSet(x);
                if (found.isPresent()) {
                    at = x;
                    ns = found.get();
                    break;
                }
                if (x.equals(Name.root)) {
                    break;
                }
            }
        } else {
            ns = cache.nsSet(Name.root).orElse(null);
        }
        List<Candidate> servers = new ArrayList<>();
        List<String> serverNames = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        if (ns != null) {
            for (Record r : ns.recordsAt(cache.now())) {
                Name target = ((NSRecord) r).getTarget();
                servers.add(new Candidate(target, cache.addresses(target, opt.ipv6())));
                serverNames.add(target.toString());
                lines.add(MessageFacts.recordText(r));
            }
        }
        if (showCache && ns != null) {
            Name zoneName = at;
            boolean hints = ns.trust() == Trust.HINTS;
            rec.record(t -> new TraceEvent.CacheLookup(t, zoneName, Type.NS, TraceEvent.CacheOutcome.HIT, lines,
                    Narrator.forClosestServers(name, zoneName, serverNames, hints, mode)));
        }
        return new Zone(at, servers);
    }

    /** RFC 8109 priming: ask a hints server for the root NS set; on failure the hints still serve. */
    private void prime() {
        ResolverCache.Entry hints = cache.nsSet(Name.root).orElseThrow();
        List<Candidate> servers = new ArrayList<>();
        for (Record r : hints.records()) {
            Name target = ((NSRecord) r).getTarget();
            servers.add(new Candidate(target, cache.addresses(target, opt.ipv6())));
        }
        Reply reply = askZone(new Zone(Name.root, servers), Name.root, Type.NS, 0);
        if (reply instanceof Reply.Usable u) {
            store(u, Name.root, Type.NS);
        }
    }

    private Zone zoneOf(Verdict.Referral r) {
        List<Candidate> servers = new ArrayList<>();
        for (TraceEvent.NameServer s : r.servers()) {
            List<InetAddress> addrs = new ArrayList<>(s.addresses());
            for (InetAddress a : cache.addresses(s.name(), opt.ipv6())) {
                if (!addrs.contains(a)) {
                    addrs.add(a);
                }
            }
            servers.add(new Candidate(s.name(), addrs));
        }
        return new Zone(r.zone(), servers);
    }

    private static Name parent(Name n) {
        return n.labels() <= 1 ? Name.root : new Name(n, 1);
    }

    /**
     * Asks the zone's servers one after another until one gives a usable response. Servers with
     * known addresses come first, in the order listed (or shuffled with {@code randomServerOrder});
     * a server without an address is looked up in a nested side lookup. Dead, lame, refusing and
     * failing servers are skipped with a reason.
     */
    private Reply askZone(Zone zone, Name askName, int askType, int depth) {
        List<Candidate> withAddress = new ArrayList<>();
        List<Candidate> without = new ArrayList<>();
        for (Candidate c : zone.servers()) {
            (usable(c.addresses()).isEmpty() ? without : withAddress).add(c);
        }
        if (opt.randomServerOrder()) {
            Collections.shuffle(withAddress, random);
            Collections.shuffle(without, random);
        }
        List<Candidate> order = new ArrayList<>(withAddress);
        order.addAll(without);
        boolean tried = false;
        String loopDetail = null;
        List<String> problems = new ArrayList<>();
        for (Candidate c : order) {
            List<InetAddress> addrs = usable(c.addresses());
            if (addrs.isEmpty()) {
                addrs = usable(cache.addresses(c.name(), opt.ipv6()));
            }
            if (addrs.isEmpty()) {
                int onStack = sideStack.indexOf(c.name());
                if (onStack >= 0) {
                    List<Name> cycle = new ArrayList<>(sideStack.subList(onStack, sideStack.size()));
                    cycle.add(c.name());
                    loopDetail = "looking up " + c.name().toString(true) + " leads back to itself: "
                            + arrowText(cycle);
                    continue;
                }
                if (depth >= opt.limits().maxSideDepth()) {
                    problems.add("side lookups nested deeper than " + opt.limits().maxSideDepth());
                    continue;
                }
                Outcome side = sideLookup(c.name(), depth);
                addrs = usable(addressesOf(side));
                if (side instanceof Outcome.Failed f && f.reason() == FailureReason.DELEGATION_LOOP) {
                    loopDetail = f.detail();
                }
                if (addrs.isEmpty()) {
                    problems.add("no address for " + c.name().toString(true));
                    continue;
                }
            }
            for (InetAddress a : addrs) {
                SocketAddr server = new SocketAddr(a, opt.serverPort());
                String id = rec.endpoint(a, server.port(), roleFor(zone.name()), c.name().toString(),
                        zone.name().toString());
                if (unreachable.contains(server.toString())) {
                    skip(id, SkipReason.UNREACHABLE, "it did not answer earlier in this lookup");
                    continue;
                }
                tried = true;
                Exchange x = exchange(id, server, askName, askType, false);
                if (x instanceof Exchange.NoResponse n) {
                    unreachable.add(server.toString());
                    skip(id, SkipReason.UNREACHABLE, n.detail());
                    continue;
                }
                Exchange.Response r = (Exchange.Response) x;
                Verdict v = Verdict.of(r.message(), askName, askType, zone.name(), r.transport() == Transport.TCP);
                if (v instanceof Verdict.Unusable bad) {
                    skip(id, bad.reason(), bad.detail());
                    continue;
                }
                return new Reply.Usable(id, server, r.message(), v, zone);
            }
        }
        String zoneText = zone.name().equals(Name.root) ? "the root zone" : zone.name().toString(true);
        if (!tried && loopDetail != null) {
            return new Reply.Failed(FailureReason.DELEGATION_LOOP, loopDetail);
        }
        if (!tried) {
            return new Reply.Failed(FailureReason.NO_SERVERS, "no usable address for any name server of " + zoneText
                    + (problems.isEmpty() ? "" : " (" + String.join("; ", problems) + ")"));
        }
        return new Reply.Failed(FailureReason.ALL_SERVERS_FAILED, "none of the servers of " + zoneText
                + " gave a usable answer for " + askName.toString(true) + " " + Type.string(askType));
    }

    /** A glueless delegation: look up the server's address first, as a nested step. */
    private Outcome sideLookup(Name server, int depth) {
        rec.record(at -> new TraceEvent.SideResolutionStarted(at, server,
                Narrator.forSideResolutionStarted(server, mode)));
        sideStack.add(server);
        Outcome o;
        try {
            o = lookup(server, Type.A, depth + 1);
            if (opt.ipv6()) {
                Outcome six = lookup(server, Type.AAAA, depth + 1);
                if (six instanceof Outcome.Positive p6) {
                    List<Record> both = new ArrayList<>();
                    if (o instanceof Outcome.Positive p4) {
                        both.addAll(p4.records());
                    }
                    both.addAll(p6.records());
                    o = new Outcome.Positive(List.of(), both, false);
                }
            }
        } finally {
            sideStack.remove(sideStack.size() - 1);
        }
        List<InetAddress> found = addressesOf(o);
        rec.record(at -> new TraceEvent.SideResolutionFinished(at, server, found, !found.isEmpty(),
                Narrator.forSideResolutionFinished(server, found, !found.isEmpty())));
        return o;
    }

    private static List<InetAddress> addressesOf(Outcome o) {
        List<InetAddress> out = new ArrayList<>();
        if (o instanceof Outcome.Positive p) {
            for (Record r : p.records()) {
                if (r instanceof ARecord a) {
                    out.add(a.getAddress());
                } else if (r instanceof AAAARecord a) {
                    out.add(a.getAddress());
                }
            }
        }
        return out;
    }

    /** IPv4 always, IPv6 only when enabled. */
    private List<InetAddress> usable(List<InetAddress> addrs) {
        List<InetAddress> out = new ArrayList<>();
        for (InetAddress a : addrs) {
            if ((a.getAddress().length == 4 || opt.ipv6()) && !out.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }

    private static Role roleFor(Name zone) {
        if (zone.equals(Name.root)) {
            return Role.ROOT;
        }
        return zone.labels() == 2 ? Role.TLD : Role.AUTHORITATIVE;
    }

    private void skip(String id, SkipReason reason, String detail) {
        Map<String, Endpoint> eps = rec.endpoints();
        rec.record(at -> new TraceEvent.ServerSkipped(at, id, reason, detail,
                Narrator.forServerSkipped(id, eps, reason, detail, mode)));
    }

    // ------------------------------------------------------------------ one exchange

    /**
     * Sends the query to one server and waits for the matching response: retries with back-off
     * after timeouts, repeats over TCP after TC=1, and without EDNS after FORMERR/NOTIMP/BADVERS.
     */
    private Exchange exchange(String serverId, SocketAddr server, Name qname, int qtype, boolean rd) {
        Transport transport = opt.tcpOnly() ? Transport.TCP : Transport.UDP;
        boolean edns = opt.edns() && !noEdns.contains(server.toString());
        int timeouts = 0;
        int attempt = 1;
        while (true) {
            check();
            if (queries >= opt.limits().maxQueries()) {
                throw new Abort(FailureReason.QUERY_LIMIT, "more than " + opt.limits().maxQueries()
                        + " queries would be needed");
            }
            long timeoutMicros = opt.timeout().toNanos() / 1000 << Math.min(timeouts, 8);
            int id = nextId();
            byte[] query = DnsMessages.query(id, qname, qtype, rd, edns ? opt.udpPayloadSize() : -1);
            DnsNetwork.Conversation conv;
            try {
                conv = net.open(server, transport, askerAddress, timeoutMicros, cancel);
            } catch (DnsNetwork.CancelledException e) {
                throw cancelled();
            } catch (SocketTimeoutException e) {
                // a TCP connection that does not open counts as a timeout of this attempt
                recordTimeout(serverId, timeoutMicros, attempt);
                if (++timeouts > opt.retries()) {
                    return new Exchange.NoResponse("no TCP connection after " + timeouts + " attempts");
                }
                attempt++;
                recordRetry(serverId, attempt);
                continue;
            } catch (IOException e) {
                return new Exchange.NoResponse(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            try (conv) {
                try {
                    conv.send(query);
                } catch (IOException e) {
                    return new Exchange.NoResponse("cannot send: " + e.getMessage());
                }
                queries++;
                WireMessage sent = new WireMessage(askerId, serverId, conv.local(), server, transport, query, 0);
                rec.messageSent(sent);
                Message response = await(conv, serverId, id, qname, qtype, timeoutMicros);
                if (response == null) {
                    recordTimeout(serverId, timeoutMicros, attempt);
                    if (++timeouts > opt.retries()) {
                        return new Exchange.NoResponse("no response after " + timeouts + " attempt"
                                + (timeouts == 1 ? "" : "s"));
                    }
                    attempt++;
                    recordRetry(serverId, attempt);
                    continue;
                }
                if (response.getHeader().getFlag(Flags.TC) && transport == Transport.UDP) {
                    Map<String, Endpoint> eps = rec.endpoints();
                    rec.record(at -> new TraceEvent.TcpFallback(at, serverId,
                            Narrator.forTcpFallback(serverId, eps, mode)));
                    transport = Transport.TCP;
                    attempt++;
                    continue;
                }
                int rcode = response.getRcode();
                if (edns && (rcode == Rcode.FORMERR || rcode == Rcode.NOTIMP || rcode == Rcode.BADVERS)) {
                    // RFC 6891 section 7: a server that does not understand EDNS is asked again without it
                    noEdns.add(server.toString());
                    edns = false;
                    attempt++;
                    int nextAttempt = attempt;
                    Map<String, Endpoint> eps = rec.endpoints();
                    rec.record(at -> new TraceEvent.Retry(at, serverId, nextAttempt,
                            Narrator.forEdnsFallback(serverId, eps, rcode, nextAttempt, mode)));
                    continue;
                }
                return new Exchange.Response(response, transport);
            } catch (DnsNetwork.CancelledException e) {
                throw cancelled();
            } catch (IOException e) {
                return new Exchange.NoResponse("network error: " + e.getMessage());
            }
        }
    }

    /**
     * Waits for the response to query {@code id}: messages that do not match (source, ID,
     * question) are recorded as ignored and the wait goes on (RFC 5452).
     *
     * @return the response, or null after the timeout
     */
    private Message await(DnsNetwork.Conversation conv, String serverId, int id, Name qname, int qtype,
                          long timeoutMicros) throws IOException {
        long until = clock.nowMicros() + timeoutMicros;
        while (true) {
            long now = clock.nowMicros();
            if (now >= until) {
                return null;
            }
            if (now >= deadline) {
                throw new Abort(FailureReason.TIME_LIMIT, "the lookup took longer than "
                        + opt.limits().maxTotalTime().toMillis() + " ms");
            }
            var got = conv.receive(Math.min(until, deadline) - now, cancel);
            if (got.isEmpty()) {
                continue;
            }
            DnsNetwork.Datagram d = got.get();
            String why = DnsMessages.mismatch(d, conv.remote(), id, qname, qtype);
            String fromId = d.from().equals(conv.remote()) ? serverId
                    : rec.endpoint(d.from().address(), d.from().port(), Role.UNKNOWN, null, null);
            WireMessage wire = new WireMessage(fromId, askerId, d.from(), conv.local(), conv.transport(), d.bytes(), 0);
            if (why != null) {
                rec.messageIgnored(wire, why);
                continue;
            }
            rec.messageReceived(wire);
            return DnsMessages.parse(d.bytes());
        }
    }

    private void recordTimeout(String serverId, long timeoutMicros, int attempt) {
        Map<String, Endpoint> eps = rec.endpoints();
        long millis = timeoutMicros / 1000;
        rec.record(at -> new TraceEvent.Timeout(at, serverId, millis, attempt,
                Narrator.forTimeout(serverId, eps, millis, attempt)));
    }

    private void recordRetry(String serverId, int attempt) {
        Map<String, Endpoint> eps = rec.endpoints();
        rec.record(at -> new TraceEvent.Retry(at, serverId, attempt, Narrator.forRetry(serverId, eps, attempt, mode)));
    }

    // ------------------------------------------------------------------ the cache

    /**
     * Offers a usable response to the cache: only records inside the server's bailiwick, only
     * answer records on the alias chain, only address records from the additional section; a
     * negative answer with its SOA (RFC 2308). Records refused are listed with the reason.
     */
    private void store(Reply.Usable u, Name askName, int askType) {
        Message m = u.message();
        Name bailiwick = u.zone().name();
        String bailiwickText = bailiwick.equals(Name.root) ? "the root zone" : bailiwick.toString(true);
        String source = u.server().toString();
        boolean aa = m.getHeader().getFlag(Flags.AA);
        Verdict v = u.verdict();
        List<Name> chain = v.names();
        List<CacheEntry> stored = new ArrayList<>();
        List<TraceEvent.RejectedRecord> rejected = new ArrayList<>();
        for (int section : new int[] {Section.ANSWER, Section.AUTHORITY, Section.ADDITIONAL}) {
            for (RRset set : m.getSectionRRsets(section)) {
                int type = set.getType();
                Name owner = set.getName();
                if (type == Type.OPT || set.getDClass() != DClass.IN
                        || section == Section.AUTHORITY && type == Type.SOA) {
                    continue; // the SOA is kept with the negative answer it belongs to
                }
                List<Record> records = set.rrs(false);
                String why = null;
                if (!owner.subdomain(bailiwick)) {
                    why = "outside the bailiwick: the server was asked as an authority for " + bailiwickText;
                } else if (section == Section.ANSWER && !onChain(owner, type, chain)) {
                    why = "not part of the answer to " + askName.toString(true);
                } else if (section == Section.AUTHORITY && type != Type.NS) {
                    why = "not a name server record";
                } else if (section == Section.ADDITIONAL && type != Type.A && type != Type.AAAA) {
                    why = "only addresses are taken from the additional section";
                }
                if (why != null) {
                    if (showCache) {
                        for (Record r : records) {
                            rejected.add(new TraceEvent.RejectedRecord(MessageFacts.recordText(r), why));
                        }
                    }
                    continue;
                }
                Trust trust = section == Section.ANSWER ? (aa ? Trust.ANSWER_AUTHORITATIVE : Trust.ANSWER)
                        : section == Section.AUTHORITY ? (aa ? Trust.AUTHORITY_AUTHORITATIVE : Trust.REFERRAL)
                        : Trust.ADDITIONAL;
                String sectionName = section == Section.ANSWER ? "answer"
                        : section == Section.AUTHORITY ? "authority" : "additional";
                var e = cache.put(records, trust, sectionName, source);
                if (!showCache) {
                    continue; // the walker's scratch memory: nothing to show, no texts to build
                }
                if (e.isPresent()) {
                    stored.add(e.get().toTrace(origin, u.endpointId()));
                } else {
                    for (Record r : records) {
                        rejected.add(new TraceEvent.RejectedRecord(MessageFacts.recordText(r),
                                "a copy from a more trustworthy source is cached (RFC 2181 5.4.1)"));
                    }
                }
            }
        }
        Trust negativeTrust = aa ? Trust.ANSWER_AUTHORITATIVE : Trust.ANSWER;
        if (v instanceof Verdict.NxDomain n && n.soa() != null) {
            cache.putNegative(n.name(), askType, Rcode.NXDOMAIN, n.soa(), negativeTrust, source)
                    .ifPresent(e -> stored.add(e.toTrace(origin, u.endpointId())));
        } else if (v instanceof Verdict.NoData n && n.soa() != null) {
            cache.putNegative(n.name(), askType, Rcode.NOERROR, n.soa(), negativeTrust, source)
                    .ifPresent(e -> stored.add(e.toTrace(origin, u.endpointId())));
        }
        if (showCache && (!stored.isEmpty() || !rejected.isEmpty())) {
            rec.record(at -> new TraceEvent.CacheStore(at, stored, rejected,
                    Narrator.forCacheStore(stored, rejected, mode)));
        }
    }

    /** An answer record belongs to the answer if its owner is on the alias chain (or is a DNAME above it). */
    private static boolean onChain(Name owner, int type, List<Name> chain) {
        for (Name n : chain) {
            if (n.equals(owner) || type == Type.DNAME && n.subdomain(owner)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ limits and randomness

    private void check() {
        if (cancel.isCancelled()) {
            throw cancelled();
        }
        if (clock.nowMicros() >= deadline) {
            throw new Abort(FailureReason.TIME_LIMIT, "the lookup took longer than "
                    + opt.limits().maxTotalTime().toMillis() + " ms");
        }
    }

    private static Abort cancelled() {
        return new Abort(FailureReason.CANCELLED, "stopped by the user");
    }

    private int nextId() {
        synchronized (random) {
            return random.nextInt(65536);
        }
    }

    private int randomPort() {
        synchronized (random) {
            return 1024 + random.nextInt(65536 - 1024);
        }
    }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hints as a cache holds them, for a fresh scratch cache. */
    static ResolverCache scratchCache(SessionClock clock, List<RootHint> hints) {
        ResolverCache c = new ResolverCache(clock);
        c.seedHints(hints);
        return c;
    }
}
