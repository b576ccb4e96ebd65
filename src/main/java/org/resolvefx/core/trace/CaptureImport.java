package org.resolvefx.core.trace;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.resolvefx.core.capture.DnsPacket;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.net.Transport;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * Turns the DNS messages of a capture into traces, one per lookup, inferring what the bytes make
 * evident: which host is client, resolver, root, TLD or authoritative server (and by which name
 * and for which zone), how queries and responses pair up, which upstream queries a client's lookup
 * caused, and the events between messages (referral followed, CNAME restart, TCP fallback,
 * timeout, retry, answer). A capture cannot see a cache, so there are no cache events. The rules
 * are spelled out in src/docs/trace-format.md ("Capture import").
 *
 * <p>Hand-written because no library pairs DNS exchanges into lookups: Wireshark pairs a query with
 * its response but knows nothing of resolution roles or of which lookup caused which query.
 */
public final class CaptureImport {

    /** An unanswered client lookup stops attracting upstream queries this long after the client's last query. */
    static final long UNANSWERED_HORIZON_NANOS = 30_000_000_000L;
    /** How many of a client's most recent walks a query may join. */
    static final int RECENT_WALKS = 16;
    /** How many groups on each side of a time are compared when looking for the nearest. */
    static final int NEAREST_SPAN = 4;

    /** Reason given for a response whose query is not in the capture. */
    static final String UNPAIRED_REASON = "no matching query in the capture (ID, addresses or question differ)";

    private CaptureImport() {
    }

    /**
     * One trace per client lookup (a client's query to a resolver, its response, and the upstream
     * traffic it caused) and per iterative walk (a client's own queries to authorities for one
     * name). Never throws on bad input: messages that do not parse or pair are kept where they fit
     * best in time.
     *
     * @param packets     the capture's DNS messages in capture order
     * @param captureName the capture's name for trace titles ("a-recursive-cold")
     */
    public static List<Trace> toTraces(List<DnsPacket> packets, String captureName) {
        Objects.requireNonNull(packets, "packets");
        Analysis a = new Analysis(packets);
        return a.build(captureName == null ? "capture" : captureName);
    }

    // =================================================================== analysis

    private static final class Msg {
        final int index;
        final DnsPacket packet;
        final MessageFacts facts;
        final boolean response;
        final Question question;
        final long nanos;
        Msg pair;
        Group group;

        Msg(int index, DnsPacket packet) {
            this.index = index;
            this.packet = packet;
            this.facts = MessageFacts.of(packet.unsafeBytes()).orElse(null);
            byte[] b = packet.unsafeBytes();
            this.response = facts != null ? facts.isResponse() : b.length > 2 && (b[2] & 0x80) != 0;
            this.question = facts == null ? null : facts.question().orElse(null);
            Instant t = packet.time();
            this.nanos = t.getEpochSecond() * 1_000_000_000L + t.getNano();
        }

        int id() {
            byte[] b = packet.unsafeBytes();
            return b.length < 2 ? -1 : ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
        }

        boolean isQuery() {
            return !response;
        }

        InetAddress src() {
            return packet.src().address();
        }

        InetAddress dst() {
            return packet.dst().address();
        }

        boolean isPriming() {
            return question != null && question.name().equals(Name.root) && question.type() == Type.NS;
        }
    }

    /** What one IP address did in the whole capture. */
    private static final class Host {
        final InetAddress address;
        boolean sentQueries;
        boolean answered;
        boolean answeredAsResolver;
        boolean answeredAsAuthority;
        boolean answeredRootNs;
        boolean upstream;
        final Map<Name, Name> delegatedZones = new LinkedHashMap<>(); // zone -> the NS name it was listed under
        final Set<Name> soaZones = new LinkedHashSet<>();
        final Set<Name> referredChildren = new LinkedHashSet<>();
        final Set<Name> authoritativeNames = new LinkedHashSet<>();
        Role role = Role.UNKNOWN;
        Name zone;
        Name serverName;

        Host(InetAddress address) {
            this.address = address;
        }
    }

    private enum GroupKind { CLIENT_LOOKUP, WALK, ORPHANS }

    private static final class Group {
        final GroupKind kind;
        final InetAddress asker;
        final InetAddress resolver;
        final List<Msg> messages = new ArrayList<>();
        final List<Msg> clientQueries = new ArrayList<>();
        final Set<Name> related = new LinkedHashSet<>();
        Question question;
        boolean closed;
        long lastNanos = Long.MIN_VALUE;

        Group(GroupKind kind, InetAddress asker, InetAddress resolver) {
            this.kind = kind;
            this.asker = asker;
            this.resolver = resolver;
        }

        long start() {
            return messages.isEmpty() ? Long.MAX_VALUE : messages.get(0).nanos;
        }

        /** End of the window: the response to the last client query, or open (MAX) while unanswered. */
        long end() {
            if (kind == GroupKind.CLIENT_LOOKUP) {
                Msg last = clientQueries.get(clientQueries.size() - 1);
                return last.pair == null ? Long.MAX_VALUE : last.pair.nanos;
            }
            return lastNanos;
        }

        void add(Msg m) {
            messages.add(m);
            m.group = this;
            lastNanos = Math.max(lastNanos, m.nanos);
        }

        /** Does a query for {@code qname} serve this group: the name, an alias target or server name, or an ancestor? */
        boolean relates(Name qname) {
            for (Name n : related) {
                if (n.equals(qname) || n.subdomain(qname)) {
                    return true;
                }
            }
            return false;
        }

        void learn(Msg response) {
            if (response.facts == null) {
                return;
            }
            List<Name> chain = response.facts.aliasChain();
            related.addAll(chain);
            response.facts.referral().ifPresent(r -> r.servers().forEach(s -> related.add(s.name())));
        }
    }

    private static final class Analysis {
        final List<Msg> msgs = new ArrayList<>();
        final Map<InetAddress, Host> hosts = new LinkedHashMap<>();
        final long captureEnd;

        Analysis(List<DnsPacket> packets) {
            long end = Long.MIN_VALUE;
            for (int i = 0; i < packets.size(); i++) {
                DnsPacket p = packets.get(i);
                if (p == null) {
                    continue;
                }
                Msg m = new Msg(msgs.size(), p);
                msgs.add(m);
                end = Math.max(end, m.nanos);
            }
            captureEnd = end;
            pair();
            gatherEvidence();
            assignRoles();
        }

        Host host(InetAddress a) {
            return hosts.computeIfAbsent(a, Host::new);
        }

        // ---------------------------------------------------------------- pairing

        private record PairKey(int id, SocketAddr asker, SocketAddr server, Transport transport) {
        }

        /** Each response takes the latest earlier unanswered query with the same ID, swapped endpoints, transport and question. */
        void pair() {
            Map<PairKey, Deque<Msg>> open = new HashMap<>();
            for (Msg m : msgs) {
                if (m.id() < 0) {
                    continue;
                }
                if (m.isQuery()) {
                    open.computeIfAbsent(new PairKey(m.id(), m.packet.src(), m.packet.dst(), m.packet.transport()),
                            k -> new ArrayDeque<>()).addLast(m);
                    continue;
                }
                Deque<Msg> candidates = open.get(new PairKey(m.id(), m.packet.dst(), m.packet.src(),
                        m.packet.transport()));
                if (candidates == null) {
                    continue;
                }
                var it = candidates.descendingIterator();
                while (it.hasNext()) {
                    Msg q = it.next();
                    if (sameQuestion(q.question, m.question)) {
                        q.pair = m;
                        m.pair = q;
                        it.remove();
                        break;
                    }
                }
            }
        }

        private static boolean sameQuestion(Question q, Question r) {
            // a response without a question (some FORMERR answers) pairs on ID and addresses alone
            return r == null || q != null && q.equals(r);
        }

        // ---------------------------------------------------------------- roles

        void gatherEvidence() {
            for (Msg m : msgs) {
                Host sender = host(m.src());
                host(m.dst());
                if (m.isQuery()) {
                    sender.sentQueries = true;
                    continue;
                }
                sender.answered = true;
                MessageFacts f = m.facts;
                if (f == null) {
                    continue;
                }
                Msg q = m.pair;
                boolean askedRecursion = q != null && q.facts != null && q.facts.recursionDesired();
                if (f.recursionAvailable() && !f.isAuthoritative() && (askedRecursion || q == null)) {
                    sender.answeredAsResolver = true;
                }
                if (f.isAuthoritative() || f.kind() == MessageFacts.Kind.REFERRAL) {
                    sender.answeredAsAuthority = true;
                }
                if (f.isAuthoritative() && m.isPriming() && f.kind() == MessageFacts.Kind.ANSWER) {
                    sender.answeredRootNs = true;
                }
                if (f.isAuthoritative() && f.soa().isPresent()
                        && (f.kind() == MessageFacts.Kind.NXDOMAIN || f.kind() == MessageFacts.Kind.NODATA)) {
                    sender.soaZones.add(f.soa().get().getName());
                }
                f.referral().ifPresent(r -> sender.referredChildren.add(r.zone()));
                if (f.isAuthoritative() && m.question != null && (f.rcode() == Rcode.NOERROR
                        || f.rcode() == Rcode.NXDOMAIN)) {
                    sender.authoritativeNames.add(m.question.name());
                }
                // NS records with addresses name the servers of a zone: priming answers, referrals, NS sets beside answers
                for (MessageFacts.NsInfo ns : f.nameServers()) {
                    for (InetAddress addr : ns.addresses()) {
                        host(addr).delegatedZones.putIfAbsent(ns.zone(), ns.server());
                    }
                }
            }
            // a resolver is a host that answers recursively and also asks others
            for (Msg m : msgs) {
                if (m.isQuery() && host(m.src()).answeredAsResolver) {
                    host(m.src()).upstream = true;
                }
            }
        }

        void assignRoles() {
            for (Host h : hosts.values()) {
                if (h.answeredAsResolver) {
                    h.role = Role.RESOLVER;
                } else if (h.sentQueries && !h.answered) {
                    h.role = Role.CLIENT;
                } else if (h.answeredAsAuthority || !h.delegatedZones.isEmpty() || h.answeredRootNs) {
                    h.zone = chooseZone(h);
                    h.role = h.zone == null ? (h.answeredAsAuthority ? Role.AUTHORITATIVE : Role.UNKNOWN)
                            : h.zone.equals(Name.root) ? Role.ROOT
                            : h.zone.labels() == 2 ? Role.TLD : Role.AUTHORITATIVE;
                } else {
                    h.role = Role.UNKNOWN;
                }
                if (h.role.isAuthority() || h.role == Role.UNKNOWN) {
                    h.serverName = h.zone != null && h.delegatedZones.containsKey(h.zone)
                            ? h.delegatedZones.get(h.zone)
                            : h.delegatedZones.values().stream().findFirst().orElse(null);
                }
            }
        }

        /**
         * The zone an authority serves. Evidence, strongest first: the SOA of its negative answers;
         * answering ". NS" authoritatively (root); being listed with glue for a zone (the deepest
         * such zone that fits its answers). Without any: one label above the zones it referred to,
         * or above the names it answered for (a guess, marked as such in the documentation).
         */
        private static Name chooseZone(Host h) {
            Name best = null;
            for (Name z : h.soaZones) {
                if (consistent(h, z) && (best == null || z.labels() > best.labels())) {
                    best = z;
                }
            }
            if (best != null) {
                return best;
            }
            Set<Name> candidates = new LinkedHashSet<>(h.delegatedZones.keySet());
            if (h.answeredRootNs) {
                candidates.add(Name.root);
            }
            for (Name z : candidates) {
                if (consistent(h, z) && (best == null || z.labels() > best.labels())) {
                    best = z;
                }
            }
            if (best != null) {
                return best;
            }
            if (!candidates.isEmpty()) {
                return candidates.iterator().next();
            }
            Name shallowest = null;
            for (Name c : h.referredChildren) {
                if (shallowest == null || c.labels() < shallowest.labels()) {
                    shallowest = c;
                }
            }
            if (shallowest != null) {
                return parent(shallowest);
            }
            for (Name n : h.authoritativeNames) {
                return n.labels() > 2 ? parent(n) : n;
            }
            return null;
        }

        private static boolean consistent(Host h, Name zone) {
            for (Name child : h.referredChildren) {
                if (!child.subdomain(zone) || child.equals(zone)) {
                    return false;
                }
            }
            for (Name n : h.authoritativeNames) {
                if (!n.subdomain(zone)) {
                    return false;
                }
            }
            return true;
        }

        private static Name parent(Name n) {
            return n.labels() <= 1 ? Name.root : new Name(n, 1);
        }

        // ---------------------------------------------------------------- grouping into lookups

        List<Group> group() {
            List<Group> groups = new ArrayList<>();
            Map<InetAddress, ResolverLookups> lookupsByResolver = new HashMap<>();
            Map<RetryKey, Group> latestLookup = new HashMap<>();
            Set<Msg> orphans = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            // pass 1: client lookups (queries to a resolver from a host that is not itself answering recursively)
            for (Msg m : msgs) {
                if (!m.isQuery() || m.question == null) {
                    continue;
                }
                Host sender = host(m.src());
                Host receiver = host(m.dst());
                boolean toResolver = receiver.role == Role.RESOLVER
                        || receiver.role == Role.UNKNOWN && !receiver.answered && m.facts.recursionDesired();
                if (sender.role == Role.RESOLVER || !toResolver) {
                    continue;
                }
                RetryKey key = new RetryKey(m.src(), m.dst(), m.question);
                Group g = latestLookup.get(key);
                if (g != null) {
                    Msg last = g.clientQueries.get(g.clientQueries.size() - 1);
                    boolean retrying = last.pair == null || last.pair.facts != null && last.pair.facts.isTruncated();
                    if (!retrying || last.pair != null && last.pair.nanos > m.nanos) {
                        g = null;
                    }
                }
                if (g == null) {
                    g = new Group(GroupKind.CLIENT_LOOKUP, m.src(), m.dst());
                    g.question = m.question;
                    g.related.add(m.question.name());
                    groups.add(g);
                    lookupsByResolver.computeIfAbsent(m.dst(), k -> new ResolverLookups()).all.add(g);
                    latestLookup.put(key, g);
                }
                g.clientQueries.add(m);
                g.add(m);
                if (m.pair != null) {
                    g.add(m.pair);
                }
            }
            // pass 2: everything else, in capture order
            Map<InetAddress, List<Group>> walks = new HashMap<>();
            Map<InetAddress, List<Msg>> pendingPrimes = new HashMap<>();
            for (Msg m : msgs) {
                if (m.group != null) {
                    continue;
                }
                if (!m.isQuery()) {
                    if (m.pair != null && m.pair.group != null && m.pair.group != PENDING) {
                        m.pair.group.add(m);
                        m.pair.group.learn(m);
                    } else if (m.pair == null) {
                        orphans.add(m);
                    }
                    // a held-back priming query's response joins the walk together with its query
                    continue;
                }
                if (m.question == null) {
                    orphans.add(m);
                    continue;
                }
                ResolverLookups lookups = lookupsByResolver.get(m.src());
                Group g;
                if (host(m.src()).role == Role.RESOLVER && lookups != null) {
                    g = lookups.attribute(m);
                } else {
                    g = walkFor(m, walks, pendingPrimes, groups);
                }
                if (g != null) {
                    g.add(m);
                    if (m.pair != null && m.pair.index < m.index) {
                        g.add(m.pair);
                    }
                }
            }
            // priming queries never followed by a walk form their own
            for (Map.Entry<InetAddress, List<Msg>> e : pendingPrimes.entrySet()) {
                if (!e.getValue().isEmpty()) {
                    Group g = new Group(GroupKind.WALK, e.getKey(), null);
                    g.question = e.getValue().get(0).question;
                    for (Msg p : e.getValue()) {
                        g.add(p);
                        if (p.pair != null) {
                            g.add(p.pair);
                        }
                    }
                    groups.add(g);
                }
            }
            // responses whose query went to a group after them (rare: reordered captures)
            for (Msg m : msgs) {
                if (m.group == null && m.pair != null && m.pair.group != null) {
                    m.pair.group.add(m);
                } else if (m.group == null && !orphans.contains(m)) {
                    orphans.add(m);
                }
            }
            placeOrphans(orphans, groups);
            groups.removeIf(g -> g.messages.isEmpty());
            for (Group g : groups) {
                g.messages.sort((x, y) -> Integer.compare(x.index, y.index));
            }
            groups.sort((x, y) -> Integer.compare(x.messages.get(0).index, y.messages.get(0).index));
            return groups;
        }

        private record RetryKey(InetAddress asker, InetAddress resolver, Question question) {
        }

        /**
         * One resolver's client lookups in order of their start, with the ones open at the current
         * point of the capture kept apart, so that attributing a query looks at a handful of
         * lookups rather than all of them.
         */
        private static final class ResolverLookups {
            final List<Group> all = new ArrayList<>();
            final List<Group> active = new ArrayList<>();
            int next;

            /**
             * Which client lookup caused an upstream query: among the lookups open at its time
             * (between the client's query and the resolver's answer; an unanswered one for at most
             * {@link #UNANSWERED_HORIZON_NANOS}), one whose names it serves (the name, an ancestor of
             * it, an alias target or a server name learned so far), the most recently started first;
             * else the most recently started open lookup; else the lookup nearest in time.
             */
            Group attribute(Msg q) {
                while (next < all.size() && all.get(next).start() <= q.nanos) {
                    active.add(all.get(next++));
                }
                active.removeIf(g -> g.end() < q.nanos || g.end() == Long.MAX_VALUE
                        && q.nanos - g.clientQueries.get(g.clientQueries.size() - 1).nanos > UNANSWERED_HORIZON_NANOS);
                Group best = null;
                Group bestOpen = null;
                for (Group g : active) {
                    if (g.start() <= q.nanos && q.nanos <= g.end()) {
                        if (bestOpen == null || g.start() >= bestOpen.start()) {
                            bestOpen = g;
                        }
                        if (g.relates(q.question.name()) && (best == null || g.start() >= best.start())) {
                            best = g;
                        }
                    }
                }
                if (best != null) {
                    return best;
                }
                if (bestOpen != null) {
                    return bestOpen;
                }
                return nearest(q.nanos, all);
            }
        }

        /**
         * The group whose time window is nearest to {@code t}. Groups are in order of their start;
         * only the few around the place {@code t} would go are compared (windows rarely overlap
         * much), which keeps large captures linear.
         */
        private static Group nearest(long t, List<Group> byStart) {
            if (byStart.isEmpty()) {
                return null;
            }
            int lo = 0;
            int hi = byStart.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (byStart.get(mid).start() <= t) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            Group best = null;
            long bestDistance = Long.MAX_VALUE;
            for (int k = Math.max(0, lo - NEAREST_SPAN); k < Math.min(byStart.size(), lo + NEAREST_SPAN); k++) {
                Group g = byStart.get(k);
                long start = g.start();
                // an unanswered lookup's window ends, for this purpose, at its last message
                long end = Math.max(start, g.end() == Long.MAX_VALUE ? g.lastNanos : g.end());
                long d = t < start ? start - t : t > end ? t - end : 0;
                if (d < bestDistance) {
                    bestDistance = d;
                    best = g;
                }
            }
            return best;
        }

        /**
         * Iterative walks: a client's queries for one name (plus the alias targets and server names
         * its responses named) form one walk; a ". NS" priming query belongs to the walk that follows
         * it and closes the walk before it.
         */
        private Group walkFor(Msg m, Map<InetAddress, List<Group>> walks, Map<InetAddress, List<Msg>> pendingPrimes,
                              List<Group> groups) {
            List<Group> mine = walks.computeIfAbsent(m.src(), k -> new ArrayList<>());
            if (m.isPriming()) {
                for (Group g : mine) {
                    g.closed = true;
                }
                pendingPrimes.computeIfAbsent(m.src(), k -> new ArrayList<>()).add(m);
                m.group = PENDING;
                return null;
            }
            for (int i = mine.size() - 1; i >= Math.max(0, mine.size() - RECENT_WALKS); i--) {
                Group g = mine.get(i);
                if (!g.closed && g.relates(m.question.name())) {
                    return g;
                }
            }
            Group g = new Group(GroupKind.WALK, m.src(), null);
            g.question = m.question;
            g.related.add(m.question.name());
            List<Msg> primes = pendingPrimes.remove(m.src());
            if (primes != null) {
                for (Msg p : primes) {
                    p.group = null;
                    g.add(p);
                    if (p.pair != null) {
                        g.add(p.pair);
                    }
                }
            }
            mine.add(g);
            groups.add(g);
            return g;
        }

        /** Leftovers (unparseable, unpaired) go to the lookup nearest in time; with no lookup at all, to one of their own. */
        private void placeOrphans(Set<Msg> unordered, List<Group> groups) {
            List<Msg> orphans = new ArrayList<>(unordered);
            orphans.sort((x, y) -> Integer.compare(x.index, y.index));
            List<Group> real = new ArrayList<>(groups);
            real.removeIf(g -> g.messages.isEmpty());
            real.sort((x, y) -> Long.compare(x.start(), y.start()));
            Group own = null;
            for (Msg m : orphans) {
                if (m.group != null && m.group != PENDING) {
                    continue;
                }
                Group g = nearest(m.nanos, real);
                if (g == null) {
                    if (own == null) {
                        own = new Group(GroupKind.ORPHANS, m.src(), null);
                        groups.add(own);
                    }
                    g = own;
                }
                g.add(m);
                if (g.question == null && m.question != null) {
                    g.question = m.question;
                }
            }
        }

        // ---------------------------------------------------------------- building traces

        List<Trace> build(String captureName) {
            List<Group> groups = group();
            List<Trace> traces = new ArrayList<>();
            int n = 0;
            for (Group g : groups) {
                n++;
                traces.add(buildTrace(g, captureName, n, groups.size()));
            }
            return traces;
        }

        private record EndpointKey(InetAddress address, int port) {
        }

        private EndpointKey keyFor(InetAddress addr, int port, boolean serverSide) {
            Host h = host(addr);
            if (h.role == Role.CLIENT || h.role == Role.RESOLVER || !serverSide) {
                return new EndpointKey(addr, 0);
            }
            return new EndpointKey(addr, port);
        }

        private Trace buildTrace(Group g, String captureName, int number, int total) {
            ResolutionMode mode = switch (g.kind) {
                case CLIENT_LOOKUP -> host(g.resolver).upstream ? ResolutionMode.RECURSIVE : ResolutionMode.STUB;
                case WALK -> ResolutionMode.ITERATIVE;
                case ORPHANS -> ResolutionMode.STUB;
            };
            // endpoints in order of first appearance
            Map<EndpointKey, Endpoint> endpoints = new LinkedHashMap<>();
            Map<Msg, String[]> ids = new HashMap<>();
            for (Msg m : g.messages) {
                boolean query = m.isQuery();
                EndpointKey from = keyFor(m.src(), m.packet.src().port(), !query);
                EndpointKey to = keyFor(m.dst(), m.packet.dst().port(), query);
                ids.put(m, new String[] {endpointId(endpoints, from), endpointId(endpoints, to)});
            }
            Map<String, Endpoint> byId = new LinkedHashMap<>();
            for (Endpoint e : endpoints.values()) {
                byId.put(e.id(), e);
            }
            Question question = g.question != null ? g.question : new Question(Name.root, Type.NS, org.xbill.DNS.DClass.IN);

            Msg answerAfter = answerMessage(g);
            long t0 = g.messages.get(0).nanos;
            Instant startedAt = g.messages.get(0).packet.time();
            EventList events = new EventList(t0);
            Map<InetAddress, Msg> lastReferral = new HashMap<>();
            Map<InetAddress, Msg> lastAlias = new HashMap<>();
            List<Msg> truncated = new ArrayList<>();
            List<Msg> unanswered = new ArrayList<>();
            Map<String, Integer> unansweredSends = new HashMap<>();
            Map<Msg, Integer> attempts = new java.util.IdentityHashMap<>();

            for (Msg m : g.messages) {
                String[] pair = ids.get(m);
                WireMessage wire = new WireMessage(pair[0], pair[1], m.packet.src(), m.packet.dst(),
                        m.packet.transport(), m.packet.unsafeBytes(), m.packet.frame());
                if (m.isQuery()) {
                    InetAddress asker = m.src();
                    // the same question to the same server again after unanswered sends: count the sends
                    String sendKey = asker.getHostAddress() + "|" + m.packet.dst() + "|" + m.question;
                    int attempt = 1 + unansweredSends.getOrDefault(sendKey, 0);
                    attempts.put(m, attempt);
                    if (m.pair == null) {
                        unansweredSends.merge(sendKey, 1, Integer::sum);
                    }
                    // earlier queries of this asker that never got a response have timed out by now
                    for (var it = unanswered.iterator(); it.hasNext(); ) {
                        Msg u = it.next();
                        if (u.src().equals(asker)) {
                            it.remove();
                            events.add(m.nanos, timeout(u, ids.get(u)[1], m.nanos, attempts.get(u), byId));
                        }
                    }
                    if (m.question != null) {
                        if (m.packet.transport() == Transport.TCP) {
                            for (var it = truncated.iterator(); it.hasNext(); ) {
                                Msg tc = it.next();
                                if (tc.dst().equals(asker) && tc.src().equals(m.dst())
                                        && m.question.equals(tc.question)) {
                                    it.remove();
                                    events.add(m.nanos, new TraceEvent.TcpFallback(0, pair[1],
                                            Narrator.forTcpFallback(pair[1], byId, mode)));
                                    break;
                                }
                            }
                        }
                        if (attempt > 1) {
                            events.add(m.nanos, new TraceEvent.Retry(0, pair[1], attempt,
                                    Narrator.forRetry(pair[1], byId, attempt, mode)));
                        }
                        Msg alias = lastAlias.get(asker);
                        if (alias != null) {
                            List<Name> chain = alias.facts.aliasChain();
                            int pos = chain.indexOf(m.question.name());
                            if (pos > 0) {
                                lastAlias.remove(asker);
                                Name from = chain.get(pos - 1);
                                boolean dname = alias.facts.aliasViaDname();
                                events.add(m.nanos, new TraceEvent.CnameRestart(0, from, m.question.name(), dname,
                                        Narrator.forCnameRestart(from, m.question.name(), dname, mode)));
                            }
                        }
                        Msg referral = lastReferral.get(asker);
                        if (referral != null && follows(referral, m)) {
                            lastReferral.remove(asker);
                            MessageFacts.Referral r = referral.facts.referral().orElseThrow();
                            events.add(m.nanos, new TraceEvent.ReferralFollowed(0, ids.get(referral)[0], r.zone(),
                                    r.servers(), Narrator.forReferralFollowed(r.zone(), r.servers(), mode)));
                        }
                    }
                    events.add(m.nanos, new TraceEvent.MessageSent(0, wire, Narrator.forMessage(wire, byId, mode)));
                    if (m.pair == null) {
                        unanswered.add(m);
                    }
                    continue;
                }
                // a response
                if (m.pair == null) {
                    events.add(m.nanos, new TraceEvent.MessageReceived(0, wire, false, UNPAIRED_REASON,
                            Narrator.forIgnoredResponse(wire, byId, UNPAIRED_REASON)));
                    continue;
                }
                events.add(m.nanos, new TraceEvent.MessageReceived(0, wire, true, null,
                        Narrator.forMessage(wire, byId, mode)));
                MessageFacts f = m.facts;
                if (f != null) {
                    InetAddress asker = m.dst();
                    if (f.referral().isPresent()) {
                        lastReferral.put(asker, m);
                    }
                    if (f.aliasChain().size() > 1) {
                        lastAlias.put(asker, m);
                    }
                    if (f.isTruncated() && m.packet.transport() == Transport.UDP) {
                        truncated.add(m);
                    }
                }
                if (m == answerAfter) {
                    int rcode = f == null ? Rcode.SERVFAIL : f.rcode();
                    List<String> records = f == null ? List.of() : f.answerTexts();
                    events.add(m.nanos, new TraceEvent.Answer(0, rcode, records, false,
                            Narrator.forAnswer(question, rcode, records, false)));
                }
            }
            // queries still without a response when the capture ended
            for (Msg u : unanswered) {
                events.add(Math.max(captureEnd, u.nanos), timeout(u, ids.get(u)[1], Math.max(captureEnd, u.nanos),
                        attempts.get(u), byId));
            }
            String title = titleFor(question, mode, captureName, number, total);
            return new Trace(title, question, mode, TraceSource.CAPTURE, startedAt, null,
                    new ArrayList<>(endpoints.values()), List.of(), events.events);
        }

        private static TraceEvent.Timeout timeout(Msg u, String serverId, long atNanos, int attempt,
                                                  Map<String, Endpoint> byId) {
            long waited = Math.max(0, (atNanos - u.nanos) / 1_000_000L);
            return new TraceEvent.Timeout(0, serverId, waited, attempt,
                    Narrator.forTimeout(serverId, byId, waited, attempt));
        }

        /** Does this query go to a server the referral named (by glue address or by the name we know it under)? */
        private boolean follows(Msg referral, Msg q) {
            MessageFacts.Referral r = referral.facts.referral().orElseThrow();
            Name knownAs = host(q.dst()).serverName;
            for (TraceEvent.NameServer ns : r.servers()) {
                if (ns.addresses().contains(q.dst()) || ns.name().equals(knownAs)) {
                    return true;
                }
            }
            return false;
        }

        /** The response after which the lookup is answered: the client's final response, or a walk's last AA answer. */
        private Msg answerMessage(Group g) {
            if (g.kind == GroupKind.CLIENT_LOOKUP) {
                Msg last = g.clientQueries.get(g.clientQueries.size() - 1);
                return last.pair;
            }
            if (g.kind == GroupKind.WALK) {
                Msg best = null;
                for (Msg m : g.messages) {
                    if (m.response && m.pair != null && m.facts != null && m.facts.isAuthoritative()
                            && !m.facts.isTruncated() && !m.isPriming()
                            && (m.facts.kind() == MessageFacts.Kind.ANSWER || m.facts.kind() == MessageFacts.Kind.ALIAS
                            || m.facts.kind() == MessageFacts.Kind.NXDOMAIN
                            || m.facts.kind() == MessageFacts.Kind.NODATA)) {
                        best = m;
                    }
                }
                return best;
            }
            return null;
        }

        private String endpointId(Map<EndpointKey, Endpoint> endpoints, EndpointKey key) {
            Endpoint e = endpoints.get(key);
            if (e == null) {
                Host h = host(key.address());
                String id = "e" + (endpoints.size() + 1);
                e = new Endpoint(id, key.address(), key.port(), h.role,
                        h.serverName == null ? null : h.serverName.toString(),
                        h.zone == null ? null : h.zone.toString());
                endpoints.put(key, e);
            }
            return e.id();
        }

        private static String titleFor(Question q, ResolutionMode mode, String captureName, int number, int total) {
            String name = q.name().equals(Name.root) ? "." : q.name().toString(true);
            return name + " " + Type.string(q.type()) + ", " + mode.name().toLowerCase(Locale.ROOT) + ", capture "
                    + captureName + (total > 1 ? " (lookup " + number + " of " + total + ")" : "");
        }
    }

    /** Marks priming queries held back until the walk they start is known. */
    private static final Group PENDING = new Group(GroupKind.ORPHANS, null, null);

    /** Events on the trace clock: microseconds since the trace's first message, never going backwards. */
    private static final class EventList {
        final long t0;
        final List<TraceEvent> events = new ArrayList<>();
        long last;

        EventList(long t0) {
            this.t0 = t0;
        }

        void add(long nanos, TraceEvent e) {
            long at = Math.max(last, Math.max(0, (nanos - t0) / 1000));
            last = at;
            events.add(TraceEvents.withAtMicros(e, at));
        }
    }
}
