package org.resolvefx.core.playback;

import java.net.InetAddress;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;
import org.resolvefx.core.net.Transport;
import org.resolvefx.core.trace.CacheEntry;
import org.resolvefx.core.trace.Endpoint;
import org.resolvefx.core.trace.Narration;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Role;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.WireMessage;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;

/**
 * The states of one trace at every cursor position 0..n, built once per trace.
 *
 * <p>One forward pass over the events records, for each part of the state, a compact timeline: the
 * arrows in order plus the position at which a query becomes LOST, per endpoint the positions where its
 * mark changes, every cache entry with the positions where it was stored and replaced, and the
 * namespace focus per position. {@link #stateAt(int)} assembles the state from those timelines alone,
 * so it depends only on the position: stepping back gives exactly the state that stepping forward
 * gave, and jumping costs O(endpoints * log n + cache entries), not O(position). The arrow list of a
 * state is a read-only view over the shared arrow array, so a state costs no copy of earlier arrows.
 *
 * <p>Nothing at position k depends on events at or after k: the state at k equals the final state of
 * the trace cut after k events (tests check this).
 */
public final class Playback {

    private final Trace trace;
    private final int n;
    private final String askerId;
    private final long[] clock;
    private final long[] clockRunningMax;
    private final Narration intro;

    private final Arrow[] arrows;
    private final Arrow[] lostArrows;
    private final int[] lostAt;
    private final int[] arrowCount;

    private final String[] markIds;
    private final int[][] markChangedAt;
    private final EndpointMark[][] markAfter;

    private final CacheEntry[] cacheEntries;
    private final int[] cacheStoredAt;
    private final int[] cacheReplacedAt;
    private final int[] cacheCount;

    private final List<Name> zonePathAll;
    private final int[] zonePathLength;
    private final Name[] referringZone;
    private final Name[] referredZone;
    private final Name[] askedZone;
    private final Name[] currentName;
    private final List<Name> nameChainAll;
    private final int[] nameChainLength;
    private final List<Name> sideAll;
    private final int[] sideLength;
    private final Name[] activeSide;

    private Playback(Trace trace) {
        this.trace = trace;
        this.n = trace.events().size();
        this.askerId = askerOf(trace);
        this.intro = introduction(trace);
        Pass pass = new Pass(trace, askerId);
        pass.run();
        this.clock = pass.clock;
        this.clockRunningMax = new long[n + 1];
        long max = Long.MIN_VALUE;
        for (int k = 0; k <= n; k++) {
            max = Math.max(max, clock[k]);
            clockRunningMax[k] = max;
        }
        this.arrows = pass.arrows.toArray(new Arrow[0]);
        this.lostArrows = new Arrow[arrows.length];
        this.lostAt = new int[arrows.length];
        for (int i = 0; i < arrows.length; i++) {
            lostAt[i] = pass.lostAt.get(i);
            lostArrows[i] = lostAt[i] == Integer.MAX_VALUE ? null : arrows[i].withOutcome(ArrowOutcome.LOST);
        }
        this.arrowCount = pass.arrowCount;
        this.markIds = pass.markIds.toArray(new String[0]);
        this.markChangedAt = new int[markIds.length][];
        this.markAfter = new EndpointMark[markIds.length][];
        for (int e = 0; e < markIds.length; e++) {
            List<Integer> at = pass.markChangedAt.get(markIds[e]);
            markChangedAt[e] = at.stream().mapToInt(Integer::intValue).toArray();
            markAfter[e] = pass.markAfter.get(markIds[e]).toArray(new EndpointMark[0]);
        }
        this.cacheEntries = pass.cacheEntries.toArray(new CacheEntry[0]);
        this.cacheStoredAt = pass.cacheStoredAt.stream().mapToInt(Integer::intValue).toArray();
        this.cacheReplacedAt = pass.cacheReplacedAt.stream().mapToInt(Integer::intValue).toArray();
        this.cacheCount = pass.cacheCount;
        this.zonePathAll = List.copyOf(pass.zonePath);
        this.zonePathLength = pass.zonePathLength;
        this.referringZone = pass.referringZone;
        this.referredZone = pass.referredZone;
        this.askedZone = pass.askedZone;
        this.currentName = pass.currentName;
        this.nameChainAll = List.copyOf(pass.nameChain);
        this.nameChainLength = pass.nameChainLength;
        this.sideAll = List.copyOf(pass.side);
        this.sideLength = pass.sideLength;
        this.activeSide = pass.activeSide;
    }

    /** Builds the timelines of a trace (one pass over its events). */
    public static Playback of(Trace trace) {
        return new Playback(Objects.requireNonNull(trace, "trace"));
    }

    public Trace trace() {
        return trace;
    }

    /** Number of events; positions run from 0 to this. */
    public int length() {
        return n;
    }

    /** Trace-clock time at a position: of the last event that happened, 0 at position 0. */
    public long clockAt(int position) {
        checkPosition(position);
        return clock[position];
    }

    /**
     * The last position whose clock is not after {@code micros}: where a view playing in real time (or
     * at any speed on the trace clock) should be.
     */
    public int positionAt(long micros) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (clockRunningMax[mid] <= micros) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The position right after the arrow numbered {@code number} was drawn. */
    public int positionOfArrow(int number) {
        if (number < 1 || number > arrows.length) {
            throw new IndexOutOfBoundsException("arrow " + number + " does not exist; the trace has " + arrows.length
                    + " messages");
        }
        return arrows[number - 1].eventIndex() + 1;
    }

    /** Number of messages (arrows) of the whole trace. */
    public int arrowCount() {
        return arrows.length;
    }

    public PlaybackState first() {
        return stateAt(0);
    }

    public PlaybackState last() {
        return stateAt(n);
    }

    /** One step forward (the same state at the end). */
    public PlaybackState next(PlaybackState state) {
        return stateAt(Math.min(n, state.position() + 1));
    }

    /** One step back (the same state at the start). */
    public PlaybackState previous(PlaybackState state) {
        return stateAt(Math.max(0, state.position() - 1));
    }

    /** The state after {@code events[0..position)}; a pure function of the position. */
    public PlaybackState stateAt(int position) {
        checkPosition(position);
        int k = position;
        TraceEvent event = k == 0 ? null : trace.events().get(k - 1);
        Narration narration = event == null ? intro : event.narration();

        List<Arrow> arrowView = new ArrowView(arrowCount[k], k);

        Map<String, EndpointMark> marks = new LinkedHashMap<>();
        for (int e = 0; e < markIds.length; e++) {
            marks.put(markIds[e], markAt(e, k));
        }

        List<CacheEntry> resident = new ArrayList<>();
        List<CacheEntry> addedNow = new ArrayList<>();
        for (int i = 0; i < cacheCount[k]; i++) {
            if (cacheReplacedAt[i] >= k) {
                resident.add(cacheEntries[i]);
                // the initial cache (stored at -1) is not "stored by the current event" at position 0
                if (k > 0 && cacheStoredAt[i] == k - 1) {
                    addedNow.add(cacheEntries[i]);
                }
            }
        }
        CacheView cache = CacheView.of(clock[k], k == 0 ? 0 : clock[k - 1], resident, addedNow, k > 0);

        NamespaceFocus focus = new NamespaceFocus(zonePathAll.subList(0, zonePathLength[k]),
                Optional.ofNullable(referringZone[k]), Optional.ofNullable(referredZone[k]),
                Optional.ofNullable(askedZone[k]), currentName[k], nameChainAll.subList(0, nameChainLength[k]),
                sideAll.subList(0, sideLength[k]), Optional.ofNullable(activeSide[k]));

        Optional<TraceEvent> outcome = k == n ? trace.outcome() : Optional.empty();
        return new PlaybackState(k, n, clock[k], Optional.ofNullable(event), narration, arrowView,
                Collections.unmodifiableMap(marks), activeEndpoints(event), cache, focus, outcome);
    }

    private EndpointMark markAt(int e, int k) {
        int[] at = markChangedAt[e];
        int i = Arrays.binarySearch(at, k);
        if (i < 0) {
            i = -i - 2;
        }
        return i < 0 ? EndpointMark.untouched(markIds[e]) : markAfter[e][i];
    }

    private Set<String> activeEndpoints(TraceEvent event) {
        Set<String> ids = new LinkedHashSet<>();
        if (event instanceof TraceEvent.MessageSent s) {
            ids.add(s.message().fromId());
            ids.add(s.message().toId());
        } else if (event instanceof TraceEvent.MessageReceived r) {
            ids.add(r.message().fromId());
            ids.add(r.message().toId());
        } else if (event instanceof TraceEvent.ReferralFollowed f) {
            addIfKnown(ids, askerId);
            if (f.fromId() != null) {
                ids.add(f.fromId());
            }
        } else if (event instanceof TraceEvent.Timeout t) {
            addIfKnown(ids, askerId);
            ids.add(t.endpointId());
        } else if (event instanceof TraceEvent.Retry r) {
            addIfKnown(ids, askerId);
            ids.add(r.endpointId());
        } else if (event instanceof TraceEvent.ServerSkipped s) {
            addIfKnown(ids, askerId);
            ids.add(s.endpointId());
        } else if (event instanceof TraceEvent.TcpFallback t) {
            addIfKnown(ids, askerId);
            ids.add(t.endpointId());
        } else if (event != null) {
            // cache, alias, side resolution, answer, failure: the asker's own work
            addIfKnown(ids, askerId);
        }
        return Collections.unmodifiableSet(ids);
    }

    private static void addIfKnown(Set<String> ids, String id) {
        if (id != null) {
            ids.add(id);
        }
    }

    private void checkPosition(int position) {
        if (position < 0 || position > n) {
            throw new IndexOutOfBoundsException("position " + position + " is outside 0.." + n + " of trace '"
                    + trace.title() + "'");
        }
    }

    /**
     * The endpoint whose cache and work the trace shows: the resolver, or in iterative mode (no resolver)
     * the client walking the tree itself.
     */
    static String askerOf(Trace trace) {
        for (Endpoint e : trace.endpoints()) {
            if (e.role() == Role.RESOLVER) {
                return e.id();
            }
        }
        for (Endpoint e : trace.endpoints()) {
            if (e.role() == Role.CLIENT) {
                return e.id();
            }
        }
        return null;
    }

    private static Narration introduction(Trace trace) {
        String q = MessageFacts.display(trace.question().name()) + " "
                + org.xbill.DNS.Type.string(trace.question().type());
        ResolutionMode mode = trace.mode();
        String en = switch (mode) {
            case RECURSIVE -> "recursive";
            case ITERATIVE -> "iterative";
            case STUB -> "stub resolver";
        };
        String de = switch (mode) {
            case RECURSIVE -> "rekursiv";
            case ITERATIVE -> "iterativ";
            case STUB -> "Stub-Resolver";
        };
        return new Narration("Ready to resolve " + q + " (" + en + "). Step forward to see the first message.",
                "Bereit, " + q + " aufzulösen (" + de + "). Ein Schritt weiter zeigt die erste Nachricht.");
    }

    /** Read-only view of the first {@code size} arrows as they are at {@code position}. */
    private final class ArrowView extends AbstractList<Arrow> implements RandomAccess {
        private final int size;
        private final int position;

        ArrowView(int size, int position) {
            this.size = size;
            this.position = position;
        }

        @Override
        public Arrow get(int index) {
            Objects.checkIndex(index, size);
            return lostAt[index] < position ? lostArrows[index] : arrows[index];
        }

        @Override
        public int size() {
            return size;
        }
    }

    /** The one forward pass that fills the timelines. Mutable; used once by the constructor. */
    private static final class Pass {
        private final Trace trace;
        private final String askerId;
        private final int n;
        private final Map<String, Role> roles = new HashMap<>();
        private final Map<String, Name> explicitZone = new HashMap<>();
        private final Map<String, Name> learnedZone = new HashMap<>();

        final long[] clock;
        final List<Arrow> arrows = new ArrayList<>();
        final List<Integer> lostAt = new ArrayList<>();
        final int[] arrowCount;
        private final Map<MatchKey, List<Integer>> openByKey = new HashMap<>();
        private final Map<String, List<Integer>> openByServer = new HashMap<>();
        private final Map<String, Integer> pendingAttempt = new HashMap<>();

        final List<String> markIds = new ArrayList<>();
        final Map<String, List<Integer>> markChangedAt = new HashMap<>();
        final Map<String, List<EndpointMark>> markAfter = new HashMap<>();
        private final Map<String, EndpointMark> marks = new HashMap<>();

        final List<CacheEntry> cacheEntries = new ArrayList<>();
        final List<Integer> cacheStoredAt = new ArrayList<>();
        final List<Integer> cacheReplacedAt = new ArrayList<>();
        final int[] cacheCount;
        private final Map<CacheKey, Integer> residentByKey = new HashMap<>();

        final List<Name> zonePath = new ArrayList<>();
        final int[] zonePathLength;
        final Name[] referringZone;
        final Name[] referredZone;
        final Name[] askedZone;
        final Name[] currentName;
        final List<Name> nameChain = new ArrayList<>();
        final int[] nameChainLength;
        final List<Name> side = new ArrayList<>();
        final int[] sideLength;
        final Name[] activeSide;
        private final List<Name> sideStack = new ArrayList<>();

        Pass(Trace trace, String askerId) {
            this.trace = trace;
            this.askerId = askerId;
            this.n = trace.events().size();
            clock = new long[n + 1];
            arrowCount = new int[n + 1];
            cacheCount = new int[n + 1];
            zonePathLength = new int[n + 1];
            referringZone = new Name[n + 1];
            referredZone = new Name[n + 1];
            askedZone = new Name[n + 1];
            currentName = new Name[n + 1];
            nameChainLength = new int[n + 1];
            sideLength = new int[n + 1];
            activeSide = new Name[n + 1];
        }

        void run() {
            for (Endpoint e : trace.endpoints()) {
                roles.put(e.id(), e.role());
                addMarkId(e.id());
                Name zone = parseName(e.zone());
                if (zone == null && e.role() == Role.ROOT) {
                    zone = Name.root;
                }
                if (zone != null) {
                    explicitZone.put(e.id(), zone);
                }
            }
            for (CacheEntry c : trace.initialCache()) {
                addCacheEntry(c, -1);
            }
            Name name = trace.question().name();
            nameChain.add(name);
            Name asked = null;
            snapshot(0, name, asked, null, null);
            for (int i = 0; i < n; i++) {
                TraceEvent event = trace.events().get(i);
                Name referring = null;
                Name referred = null;
                WireMessage message = null;
                boolean sent = false;
                boolean accepted = true;
                if (event instanceof TraceEvent.MessageSent s) {
                    message = s.message();
                    sent = true;
                } else if (event instanceof TraceEvent.MessageReceived r) {
                    message = r.message();
                    accepted = r.accepted();
                }
                if (message != null) {
                    MessageFocus focus = message(i, message, sent, accepted);
                    if (focus.query()) {
                        asked = focus.askedZone();
                    }
                    referring = focus.referringZone();
                    referred = focus.referredZone();
                } else if (event instanceof TraceEvent.CacheLookup c) {
                    if (askerId != null && c.outcome() != TraceEvent.CacheOutcome.MISS) {
                        changeMark(askerId, i, markOf(askerId).withCacheHit());
                    }
                } else if (event instanceof TraceEvent.CacheStore c) {
                    for (CacheEntry entry : c.stored()) {
                        addCacheEntry(entry, i);
                    }
                } else if (event instanceof TraceEvent.ReferralFollowed f) {
                    referred = f.zone();
                    referring = referringZoneFor(f.fromId(), f.zone());
                    addMarkIdIfPresent(f.fromId());
                    for (TraceEvent.NameServer ns : f.servers()) {
                        learnServer(ns.name(), ns.addresses(), f.zone());
                    }
                    touch(f.zone());
                } else if (event instanceof TraceEvent.CnameRestart c) {
                    name = c.target();
                    nameChain.add(name);
                } else if (event instanceof TraceEvent.SideResolutionStarted s) {
                    side.add(s.serverName());
                    sideStack.add(s.serverName());
                } else if (event instanceof TraceEvent.SideResolutionFinished f) {
                    int at = sideStack.lastIndexOf(f.serverName());
                    if (at >= 0) {
                        sideStack.remove(at);
                    }
                } else if (event instanceof TraceEvent.Timeout t) {
                    addMarkId(t.endpointId());
                    changeMark(t.endpointId(), i, markOf(t.endpointId()).withTimeout());
                    List<Integer> open = openByServer.getOrDefault(t.endpointId(), List.of());
                    if (!open.isEmpty()) {
                        lostAt.set(open.remove(open.size() - 1), i);
                    }
                } else if (event instanceof TraceEvent.Retry r) {
                    addMarkId(r.endpointId());
                    changeMark(r.endpointId(), i, markOf(r.endpointId()).withRetry());
                    pendingAttempt.put(r.endpointId(), r.attempt());
                } else if (event instanceof TraceEvent.ServerSkipped s) {
                    addMarkId(s.endpointId());
                    changeMark(s.endpointId(), i,
                            markOf(s.endpointId()).withSkip(new EndpointMark.Skip(s.reason(), s.detail())));
                }
                // TcpFallback, Answer and Failure change nothing but the event shown (tcpUsed is set by the TCP query)
                clock[i + 1] = event.atMicros();
                snapshot(i + 1, name, asked, referring, referred);
            }
        }

        private void snapshot(int k, Name name, Name asked, Name referring, Name referred) {
            arrowCount[k] = arrows.size();
            cacheCount[k] = cacheEntries.size();
            zonePathLength[k] = zonePath.size();
            referringZone[k] = referring;
            referredZone[k] = referred;
            askedZone[k] = asked;
            currentName[k] = name;
            nameChainLength[k] = nameChain.size();
            sideLength[k] = side.size();
            activeSide[k] = sideStack.isEmpty() ? null : sideStack.get(sideStack.size() - 1);
        }

        /** Adds the arrow of a message event and reports what it changes in the namespace focus. */
        private MessageFocus message(int i, WireMessage m, boolean sent, boolean accepted) {
            addMarkId(m.fromId());
            addMarkId(m.toId());
            MessageFacts f = MessageFacts.of(m, sent);
            int number = arrows.size() + 1;
            if (!f.response) {
                ArrowStyle style = f.rd && !roleOf(m.toId()).isAuthority() ? ArrowStyle.RECURSIVE : ArrowStyle.ITERATIVE;
                Integer attempt = pendingAttempt.remove(m.toId());
                arrows.add(new Arrow(number, i, m.fromId(), m.toId(), ArrowKind.QUERY, style, m.transport(),
                        f.wellFormed ? ArrowOutcome.DELIVERED : ArrowOutcome.MALFORMED, -1, f.label(),
                        attempt == null ? 1 : attempt, 0, m));
                lostAt.add(Integer.MAX_VALUE);
                int index = number - 1;
                openByKey.computeIfAbsent(new MatchKey(m.fromId(), m.toId(), f.id, m.transport()), x -> new ArrayList<>())
                        .add(index);
                openByServer.computeIfAbsent(m.toId(), x -> new ArrayList<>()).add(index);
                changeMark(m.toId(), i, markOf(m.toId()).withQuery(m.transport() == Transport.TCP));
                Name zone = zoneOf(m.toId());
                if (zone != null) {
                    touch(zone);
                }
                return new MessageFocus(true, zone, null, null);
            }
            List<Integer> candidates = openByKey.get(new MatchKey(m.toId(), m.fromId(), f.id, m.transport()));
            Integer match = null;
            if (candidates != null && !candidates.isEmpty()) {
                // the latest query not given up on; a late answer to a timed-out query matches it too
                for (int c = candidates.size() - 1; c >= 0 && match == null; c--) {
                    if (lostAt.get(candidates.get(c)) == Integer.MAX_VALUE) {
                        match = candidates.get(c);
                    }
                }
                if (match == null) {
                    match = candidates.get(candidates.size() - 1);
                }
                if (accepted) {
                    candidates.remove(match);
                    List<Integer> open = openByServer.get(m.fromId());
                    if (open != null) {
                        open.remove(match);
                    }
                }
            }
            ArrowStyle style;
            if (match != null) {
                style = arrows.get(match).style();
            } else {
                Role from = roleOf(m.fromId());
                style = f.rd && !from.isAuthority() && (f.ra || from == Role.RESOLVER)
                        ? ArrowStyle.RECURSIVE : ArrowStyle.ITERATIVE;
            }
            ArrowOutcome outcome;
            if (!accepted) {
                outcome = ArrowOutcome.IGNORED;
            } else if (!f.wellFormed) {
                outcome = ArrowOutcome.MALFORMED;
            } else if (f.tc) {
                outcome = ArrowOutcome.TRUNCATED;
            } else if (f.isErrorRcode()) {
                outcome = ArrowOutcome.ERROR;
            } else {
                outcome = ArrowOutcome.DELIVERED;
            }
            arrows.add(new Arrow(number, i, m.fromId(), m.toId(), ArrowKind.RESPONSE, style, m.transport(), outcome,
                    f.wellFormed ? f.rcode : -1, f.label(), 1, match == null ? 0 : match + 1, m));
            lostAt.add(Integer.MAX_VALUE);
            changeMark(m.fromId(), i, markOf(m.fromId()).withResponse());
            Optional<Name> referral = accepted ? f.referralZone() : Optional.empty();
            if (referral.isEmpty()) {
                return new MessageFocus(false, null, null, null);
            }
            Name zone = referral.get();
            Name referring = referringZoneFor(m.fromId(), zone);
            for (Name server : f.nameServersOf(zone)) {
                learnServer(server, glueFor(f, server), zone);
            }
            return new MessageFocus(false, null, referring, zone);
        }

        private static List<InetAddress> glueFor(MessageFacts f, Name server) {
            List<InetAddress> out = new ArrayList<>();
            for (Record r : f.additional) {
                if (r.getName().equals(server)) {
                    if (r instanceof ARecord a) {
                        out.add(a.getAddress());
                    } else if (r instanceof AAAARecord a) {
                        out.add(a.getAddress());
                    }
                }
            }
            return out;
        }

        /** Endpoints named like a delegated server, or at one of its glue addresses, serve that zone. */
        private void learnServer(Name serverName, List<InetAddress> addresses, Name zone) {
            for (Endpoint e : trace.endpoints()) {
                if (explicitZone.containsKey(e.id())) {
                    continue;
                }
                Name epName = parseName(e.serverName());
                boolean byName = epName != null && epName.equals(serverName);
                boolean byAddress = addresses.contains(e.address()) && (e.port() == 0 || e.port() == 53);
                if (byName || byAddress) {
                    learnedZone.put(e.id(), zone);
                }
            }
        }

        private Name referringZoneFor(String fromId, Name referred) {
            Name z = fromId == null ? null : zoneOf(fromId);
            if (z != null) {
                return z;
            }
            Name best = null;
            for (Name p : zonePath) {
                if (referred.subdomain(p) && !referred.equals(p) && (best == null || p.labels() > best.labels())) {
                    best = p;
                }
            }
            if (best != null) {
                return best;
            }
            return referred.labels() > 1 ? new Name(referred, 1) : null;
        }

        private Name zoneOf(String id) {
            Name z = explicitZone.get(id);
            return z != null ? z : learnedZone.get(id);
        }

        private Role roleOf(String id) {
            return roles.getOrDefault(id, Role.UNKNOWN);
        }

        private void touch(Name zone) {
            if (!zonePath.contains(zone)) {
                zonePath.add(zone);
            }
        }

        private void addMarkIdIfPresent(String id) {
            if (id != null) {
                addMarkId(id);
            }
        }

        private void addMarkId(String id) {
            if (!markChangedAt.containsKey(id)) {
                markIds.add(id);
                markChangedAt.put(id, new ArrayList<>());
                markAfter.put(id, new ArrayList<>());
            }
        }

        private EndpointMark markOf(String id) {
            EndpointMark m = marks.get(id);
            return m != null ? m : EndpointMark.untouched(id);
        }

        /** The mark of {@code id} after event {@code i}, i.e. from position i + 1 on. */
        private void changeMark(String id, int i, EndpointMark mark) {
            addMarkId(id);
            marks.put(id, mark);
            List<Integer> at = markChangedAt.get(id);
            List<EndpointMark> after = markAfter.get(id);
            if (!at.isEmpty() && at.get(at.size() - 1) == i + 1) {
                after.set(after.size() - 1, mark);
            } else {
                at.add(i + 1);
                after.add(mark);
            }
        }

        private void addCacheEntry(CacheEntry entry, int storedAt) {
            int index = cacheEntries.size();
            cacheEntries.add(entry);
            cacheStoredAt.add(storedAt);
            cacheReplacedAt.add(Integer.MAX_VALUE);
            Integer previous = residentByKey.put(new CacheKey(entry.name(), entry.type()), index);
            if (previous != null) {
                // a new store of the same name and type replaces the old RRset (or negative entry)
                cacheReplacedAt.set(previous, storedAt);
            }
        }

        private static Name parseName(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return Name.fromString(text, Name.root);
            } catch (TextParseException e) {
                return null;
            }
        }
    }

    /** What one message changes in the namespace focus (null: nothing known). */
    private record MessageFocus(boolean query, Name askedZone, Name referringZone, Name referredZone) {
    }

    private record MatchKey(String askerId, String serverId, int messageId, Transport transport) {
    }

    private record CacheKey(Name name, int type) {
    }
}
