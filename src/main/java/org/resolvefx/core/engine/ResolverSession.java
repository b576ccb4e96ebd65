package org.resolvefx.core.engine;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.sandbox.RootHint;
import org.resolvefx.core.sandbox.SandboxAddresses;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.trace.CacheEntry;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceRecorder;
import org.resolvefx.core.trace.TraceSource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Type;

/**
 * A resolver with a memory: it keeps its cache between lookups, so the second "Resolve" of a name
 * shows the answer coming back from the cache. Every lookup gives a {@link Trace} whose
 * {@code initialCache} is the cache at its start; events stream to a listener while it runs.
 *
 * <pre>{@code
 * ResolverSession s = ResolverSession.sandbox(WorldLoader.loadDefault(), ResolverOptions.defaults());
 * Trace t = s.resolve(Question.of("www.p2p.tu-darmstadt.de", Type.A), ResolutionMode.RECURSIVE,
 *         batch -> show(batch), cancelToken);
 * s.advance(Duration.ofHours(1));   // later: TTLs have run down
 * }</pre>
 *
 * <p>Kinds of session: {@link #sandbox} (the in-process network of a sandbox world, virtual
 * clock), {@link #live} (real sockets from root hints, real time; loopback-only when every hint
 * is on loopback) and {@link #stub} (real sockets to one recursive server). One lookup runs at a
 * time; {@link #resolve} is synchronized, everything else may be called from any thread.
 */
public final class ResolverSession implements AutoCloseable {

    private final DnsNetwork network;
    private final SessionClock clock;
    private final List<RootHint> hints;
    private final SocketAddr stubServer;
    private final ResolverOptions options;
    private final TraceSource source;
    private final String worldId;
    private final ResolverCache cache;
    private final Random random;
    private volatile int lastQueries;

    private ResolverSession(DnsNetwork network, List<RootHint> hints, SocketAddr stubServer, ResolverOptions options,
                            TraceSource source, String worldId, Random random) {
        this.network = Objects.requireNonNull(network, "network");
        this.clock = network.clock();
        this.hints = List.copyOf(hints);
        this.stubServer = stubServer;
        this.options = Objects.requireNonNull(options, "options");
        this.source = Objects.requireNonNull(source, "source");
        this.worldId = worldId;
        this.random = random;
        this.cache = new ResolverCache(clock);
        cache.seedHints(this.hints);
    }

    private static Random randomFor(ResolverOptions options) {
        return options.seed() == null ? new SecureRandom() : new Random(options.seed());
    }

    /** A session on the in-process network of a sandbox world: default latency and no loss, a virtual clock starting now. */
    public static ResolverSession sandbox(SandboxWorld world, ResolverOptions options) {
        return sandbox(world, options, NetworkConditions.defaults(), SessionClock.virtual(Instant.now()));
    }

    /** A session on the in-process network with the given conditions and virtual clock. */
    public static ResolverSession sandbox(SandboxWorld world, ResolverOptions options, NetworkConditions conditions,
                                          SessionClock.Virtual clock) {
        return onNetwork(new SimulatedNetwork(world, conditions, clock), options);
    }

    /**
     * A session on a prepared in-process network (e.g. one with extra hosts); root hints from the
     * network's world.
     */
    public static ResolverSession onNetwork(SimulatedNetwork network, ResolverOptions options) {
        List<RootHint> hints = network.world().rootHints();
        if (hints.isEmpty()) {
            throw new IllegalArgumentException("world " + network.world().id() + " has no root zone to start from");
        }
        return new ResolverSession(network, hints, null, options, TraceSource.SANDBOX, network.world().id(),
                randomFor(options));
    }

    /**
     * Real sockets, starting from the given root hints (the bundled {@link RootHints#bundled()} for
     * the Internet, or a file naming servers on 127.x). When every hint is a loopback address the
     * session refuses to send anywhere else, so a hierarchy on loopback never leaks a query.
     */
    public static ResolverSession live(List<RootHint> rootHints, ResolverOptions options) {
        if (rootHints.isEmpty()) {
            throw new IllegalArgumentException("no root hints to start from");
        }
        // real sockets always get unpredictable IDs and ports, whatever seed the options carry
        Random random = new SecureRandom();
        LiveNetwork.AddressPolicy policy = RootHints.allLoopback(rootHints)
                ? LiveNetwork.AddressPolicy.LOOPBACK_ONLY : LiveNetwork.AddressPolicy.ANY;
        return new ResolverSession(new LiveNetwork(policy, random, SessionClock.system()), rootHints, null, options,
                TraceSource.LIVE, null, random);
    }

    /** Real sockets to one recursive server (stub mode): the query and the response. */
    public static ResolverSession stub(SocketAddr server, ResolverOptions options) {
        Random random = new SecureRandom();
        LiveNetwork.AddressPolicy policy = SandboxAddresses.isLoopback(server.address())
                ? LiveNetwork.AddressPolicy.LOOPBACK_ONLY : LiveNetwork.AddressPolicy.ANY;
        return new ResolverSession(new LiveNetwork(policy, random, SessionClock.system()), List.of(), server, options,
                TraceSource.LIVE, null, random);
    }

    /**
     * Stub mode on a prepared in-process network: the client sends its query (RD=1) straight to
     * {@code server}, one of the world's servers, like {@code dig @server name} against the sandbox.
     * Lessons use it to show a single query and response; the asked server appears with role
     * {@code RESOLVER}, as in every stub trace.
     */
    public static ResolverSession stubOnNetwork(SimulatedNetwork network, SocketAddr server, ResolverOptions options) {
        Objects.requireNonNull(server, "server");
        return new ResolverSession(network, List.of(), server, options, TraceSource.SANDBOX, network.world().id(),
                randomFor(options));
    }

    /** Resolves without a listener or cancellation. */
    public Trace resolve(Question question, ResolutionMode mode) {
        return resolve(question, mode, null, CancelToken.none());
    }

    /**
     * Runs one lookup and returns its trace. Never throws for anything the network or the servers
     * do: every lookup ends with an {@code Answer} or a {@code Failure} event.
     *
     * @param listener gets every batch of events as it is recorded, on this thread (may be null)
     * @param cancel   stops the lookup within milliseconds; it then ends with {@code Failure(CANCELLED)}
     * @throws IllegalArgumentException for a question the engine does not resolve (class other than
     *                                  IN, meta types such as AXFR or OPT) or a mode this session
     *                                  cannot run (see {@link #modes()})
     */
    public synchronized Trace resolve(Question question, ResolutionMode mode, TraceRecorder.Listener listener,
                                      CancelToken cancel) {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(mode, "mode");
        CancelToken token = cancel == null ? CancelToken.none() : cancel;
        requireResolvable(question);
        if (!modes().contains(mode)) {
            throw new IllegalArgumentException(describeModes(mode));
        }
        long origin = clock.nowMicros();
        TraceRecorder rec = new TraceRecorder(title(question, mode), question, mode, source, worldId,
                SessionClock.traceClockFrom(clock, origin));
        TraceRecorder.Subscription sub = listener == null ? null : rec.addListener(listener);
        try {
            Resolution r;
            switch (mode) {
                case RECURSIVE -> {
                    rec.setInitialCache(cache.snapshot(origin));
                    r = new Resolution(rec, mode, options, network, cache, true, token, random, origin);
                    r.runRecursive(question);
                }
                case ITERATIVE -> {
                    r = new Resolution(rec, mode, options, network, Resolution.scratchCache(clock, hints), false,
                            token, random, origin);
                    r.runIterative(question, clientAddress());
                }
                default -> {
                    r = new Resolution(rec, mode, options, network, new ResolverCache(clock), false, token, random,
                            origin);
                    r.runStub(question, stubServer, localFor(stubServer));
                }
            }
            lastQueries = r.queriesSent();
            return rec.snapshot();
        } finally {
            if (sub != null) {
                sub.close();
            }
        }
    }

    private static void requireResolvable(Question q) {
        if (q.dclass() != DClass.IN) {
            throw new IllegalArgumentException("only class IN is resolved, not " + DClass.string(q.dclass()));
        }
        int t = q.type();
        if (t == Type.OPT || t == Type.AXFR || t == Type.IXFR || t == Type.TSIG || t == Type.TKEY || t == Type.MAILA
                || t == Type.MAILB || t < 1 || t > 65535) {
            throw new IllegalArgumentException(Type.string(t) + " is not a type a resolver looks up");
        }
    }

    private String describeModes(ResolutionMode mode) {
        return stubServer != null
                ? "a stub session only asks its server (mode stub), not " + mode.name().toLowerCase(Locale.ROOT)
                : "mode stub needs a recursive server to ask; this session walks from the root hints "
                + "(iterative or recursive)";
    }

    /** The modes this session can run: iterative and recursive from hints, stub with a server. */
    public Set<ResolutionMode> modes() {
        return stubServer != null ? EnumSet.of(ResolutionMode.STUB)
                : EnumSet.of(ResolutionMode.ITERATIVE, ResolutionMode.RECURSIVE);
    }

    /**
     * Where the iterative client sends from: 127.0.0.1 on the in-process network and for hierarchies
     * on loopback; for the Internet the address the kernel would use towards the first root server.
     */
    private InetAddress clientAddress() {
        if (network instanceof LiveNetwork live && live.policy() == LiveNetwork.AddressPolicy.ANY && !hints.isEmpty()
                && !hints.get(0).addresses().isEmpty()) {
            return LiveNetwork.localAddressFor(hints.get(0).addresses().get(0), Resolution.CLIENT_ADDRESS);
        }
        return Resolution.CLIENT_ADDRESS;
    }

    private static InetAddress localFor(SocketAddr server) {
        return LiveNetwork.localAddressFor(server.address(), Resolution.CLIENT_ADDRESS);
    }

    private String title(Question q, ResolutionMode mode) {
        String name = q.name().toString(true);
        return (name.isEmpty() ? "." : name) + " " + Type.string(q.type()) + ", " + mode.name().toLowerCase(Locale.ROOT)
                + ", " + (source == TraceSource.SANDBOX ? "sandbox" : "live");
    }

    /** The cache as it is now (storedAtMicros relative to now, so negative), hints included. */
    public List<CacheEntry> cacheEntries() {
        return cache.snapshot(clock.nowMicros());
    }

    /** Moves the session clock forward: cached entries age (for "the same lookup after the TTL expired"). */
    public void advance(Duration d) {
        clock.advance(d);
    }

    /** Forgets everything cached except the root hints. */
    public void clearCache() {
        cache.clear();
    }

    public SessionClock clock() {
        return clock;
    }

    public ResolverOptions options() {
        return options;
    }

    public TraceSource source() {
        return source;
    }

    public Optional<String> worldId() {
        return Optional.ofNullable(worldId);
    }

    public List<RootHint> rootHints() {
        return hints;
    }

    public Optional<SocketAddr> stubServer() {
        return Optional.ofNullable(stubServer);
    }

    /** Queries sent by the last lookup (retries and side lookups included). */
    public int lastQueryCount() {
        return lastQueries;
    }

    /** True for sessions on the in-process network (virtual time). */
    public boolean isSimulated() {
        return network instanceof SimulatedNetwork;
    }

    @Override
    public void close() {
        network.close();
    }
}
