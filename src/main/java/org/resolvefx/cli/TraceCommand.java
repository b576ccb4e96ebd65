package org.resolvefx.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.resolvefx.core.engine.CancelToken;
import org.resolvefx.core.engine.NetworkConditions;
import org.resolvefx.core.engine.ResolverOptions;
import org.resolvefx.core.engine.ResolverSession;
import org.resolvefx.core.engine.RootHints;
import org.resolvefx.core.engine.SessionClock;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.sandbox.RootHint;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.sandbox.WorldException;
import org.resolvefx.core.sandbox.WorldLoader;
import org.resolvefx.core.trace.PcapngExport;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.TraceFiles;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code trace}: resolves a name and prints every step as it happens, live over real sockets or
 * against the in-process sandbox, then saves the trace if asked.
 */
@Command(name = "trace", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Resolve a name step by step and show every message, referral, alias, cache step and timeout.",
            "Where it resolves: --sandbox (the built-in servers, no network), --root-hints FILE (real sockets "
                + "from your own root servers, e.g. a sandbox on 127.x with --port), --server ADDR (ask one "
                + "recursive server), or nothing: the real root servers of the Internet (bundled IANA hints)."},
        footer = {"", "Exit codes: 0 an answer (NOERROR, NODATA or NXDOMAIN), 1 the lookup failed (or the trace "
                + "could not be saved), 2 bad arguments.",
            "Examples:",
            "  trace www.p2p.tu-darmstadt.de --sandbox",
            "  trace www.pbs.org A --sandbox --mode recursive --lang de",
            "  trace many.networkutopia.com --sandbox --no-edns --out .",
            "  trace www.p2p.tu-darmstadt.de --root-hints sandbox.hints --port 5300 --pcap trace.pcapng",
            "  trace www.example.org AAAA --server 127.0.0.53"})
public final class TraceCommand implements Callable<Integer> {
    static final int EXIT_ANSWER = 0;
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The domain name to resolve.")
    String name;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TYPE",
            description = "Record type: A, AAAA, NS, MX, TXT, SRV, SOA, CNAME, ... or TYPEnnn (default: A).")
    String type = "A";

    @Option(names = "--mode", paramLabel = "iterative|recursive|stub",
            description = "iterative: walk from the root yourself (RD=0), like dig +trace; recursive: a stub asks "
                    + "the local resolver ResolveFX plays (127.0.0.53), which walks and caches; stub: ask --server. "
                    + "Default: stub with --server, else iterative.")
    String mode;

    @Option(names = "--sandbox", description = "Resolve against the built-in sandbox servers on the in-process "
            + "network (no sockets, virtual clock: a dead server costs no real time).")
    boolean sandbox;

    @Option(names = "--world", paramLabel = "DIR", description = "A sandbox world folder (implies --sandbox).")
    Path world;

    @Option(names = "--root-hints", paramLabel = "FILE",
            description = "Start from these root servers (named.root format) over real sockets.")
    Path rootHints;

    @Option(names = "--server", paramLabel = "ADDR[:PORT]",
            description = "A recursive server to ask (stub mode), e.g. 127.0.0.53 or [::1]:5353.")
    String server;

    @Option(names = "--port", paramLabel = "N", description = "Ask every server on this port instead of 53 "
            + "(a whole hierarchy on a non-standard port, e.g. the sandbox served on 5300).")
    Integer port;

    @Option(names = "--tcp", description = "Send every query over TCP.")
    boolean tcp;

    @Option(names = "--no-edns", description = "Send no EDNS(0) OPT record (512-byte UDP limit).")
    boolean noEdns;

    @Option(names = "--bufsize", paramLabel = "BYTES", description = "EDNS(0) UDP payload size to announce "
            + "(512..65535, default ${DEFAULT-VALUE}).")
    int bufsize = ResolverOptions.DEFAULT_UDP_PAYLOAD;

    @Option(names = {"--qname-minimisation", "--qname-minimization"},
            description = "Tell each server only one label more than it needs (RFC 9156).")
    boolean qnameMinimisation;

    @Option(names = "--ipv6", description = "Also use the IPv6 addresses of name servers.")
    boolean ipv6;

    @Option(names = "--random-order", description = "Try the servers of an NS set in random order (default: as listed).")
    boolean randomOrder;

    @Option(names = "--timeout", paramLabel = "MS", description = "Wait this long for the first attempt; each retry "
            + "waits twice as long (default: 1000).")
    Long timeoutMillis;

    @Option(names = "--retries", paramLabel = "N", description = "Ask a silent server again this often before the "
            + "next one (default: 1).")
    Integer retries;

    @Option(names = "--latency", paramLabel = "MS", description = "Sandbox only: one-way delay of every message "
            + "(default: 1).")
    Long latencyMillis;

    @Option(names = "--loss", paramLabel = "PERCENT", description = "Sandbox only: share of UDP datagrams lost (0-100).")
    Double lossPercent;

    @Option(names = "--seed", paramLabel = "N", description = "Sandbox only: repeatable IDs, ports and losses.")
    Long seed;

    @Option(names = "--out", paramLabel = "FILE|DIR", description = "Save the trace (.trace.json). A folder (e.g. '.') "
            + "gets NAME-TYPE-MODE.trace.json. Without --out nothing is saved.")
    Path out;

    @Option(names = "--pcap", paramLabel = "FILE|DIR", description = "Also save the messages as pcapng (a folder gets "
            + "NAME-TYPE-MODE.pcapng).")
    Path pcap;

    @Option(names = "--lang", paramLabel = "en|de", description = "Language of the explanations (default: ${DEFAULT-VALUE}).")
    String lang = "en";

    @Option(names = "--brief", description = "Leave out the explanation under each step.")
    boolean brief;

    /** Runs {@code trace} on its own: {@code java ... org.resolvefx.cli.TraceCommand NAME --sandbox}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new TraceCommand()).execute(args));
    }

    /** What to run against, decided from the options. */
    private record Setup(ResolverSession session, ResolutionMode mode, String where) {
    }

    private static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Question question;
        Setup setup;
        Locale locale;
        try {
            question = question();
            locale = locale();
            setup = setup();
        } catch (UsageException e) {
            stderr.println("trace: " + e.getMessage());
            stderr.println("Try 'trace --help' for the options.");
            stderr.flush();
            return EXIT_USAGE;
        }
        try (ResolverSession session = setup.session()) {
            stdout.println("trace " + question + "  (" + setup.mode().name().toLowerCase(Locale.ROOT) + ", "
                    + setup.where() + ")");
            stdout.println();
            stdout.flush();
            CancelToken cancel = new CancelToken();
            CountDownLatch done = new CountDownLatch(1);
            // Ctrl-C: cancel the lookup and give it a moment to print its end
            Thread hook = new Thread(() -> {
                cancel.cancel();
                try {
                    done.await(2, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "trace-cancel");
            boolean hooked = addHook(hook);
            try {
                Trace trace = session.resolve(question, setup.mode(), new TracePrinter(stdout, locale, !brief), cancel);
                TracePrinter.summary(stdout, trace);
                boolean saved = save(trace, question, setup.mode(), stdout, stderr);
                boolean answered = trace.outcome().filter(e -> e instanceof TraceEvent.Answer).isPresent();
                return answered && saved ? EXIT_ANSWER : EXIT_FAILURE;
            } finally {
                // after the summary and the files: a Ctrl-C hook waits for this before the JVM exits
                done.countDown();
                if (hooked) {
                    removeHook(hook);
                }
            }
        } catch (IllegalArgumentException e) {
            stderr.println("trace: " + e.getMessage());
            stderr.flush();
            return EXIT_USAGE;
        }
    }

    private static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException shuttingDown) {
            return false;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook runs anyway
        }
    }

    private Question question() throws UsageException {
        if (name == null || name.isBlank()) {
            throw new UsageException("give a NAME to resolve");
        }
        Name n;
        try {
            n = Name.fromString(name.trim(), Name.root);
        } catch (TextParseException e) {
            throw new UsageException("'" + name + "' is not a valid domain name: " + e.getMessage());
        }
        int t = Type.value(type.trim().toUpperCase(Locale.ROOT), true);
        if (t < 0) {
            throw new UsageException("'" + type + "' is not a record type (try A, AAAA, NS, MX, TXT, SRV, SOA, "
                    + "CNAME or TYPEnnn)");
        }
        if (t == Type.OPT || t == Type.AXFR || t == Type.IXFR || t == Type.TSIG || t == Type.TKEY
                || t == Type.MAILA || t == Type.MAILB) {
            throw new UsageException(Type.string(t) + " is not a type a resolver looks up");
        }
        return new Question(n, t, org.xbill.DNS.DClass.IN);
    }

    private Locale locale() throws UsageException {
        String l = lang.trim().toLowerCase(Locale.ROOT);
        if (l.equals("en")) {
            return Locale.ENGLISH;
        }
        if (l.equals("de")) {
            return Locale.GERMAN;
        }
        throw new UsageException("--lang must be en or de, not '" + lang + "'");
    }

    private ResolutionMode modeOr(ResolutionMode fallback) throws UsageException {
        if (mode == null) {
            return fallback;
        }
        return switch (mode.trim().toLowerCase(Locale.ROOT)) {
            case "iterative" -> ResolutionMode.ITERATIVE;
            case "recursive" -> ResolutionMode.RECURSIVE;
            case "stub" -> ResolutionMode.STUB;
            default -> throw new UsageException("--mode must be iterative, recursive or stub, not '" + mode + "'");
        };
    }

    private ResolverOptions options() throws UsageException {
        ResolverOptions o = ResolverOptions.defaults();
        if (timeoutMillis != null) {
            if (timeoutMillis < 1 || timeoutMillis > 300_000) {
                throw new UsageException("--timeout must be 1..300000 ms, not " + timeoutMillis);
            }
            o = o.withTimeout(Duration.ofMillis(timeoutMillis));
        }
        if (retries != null) {
            if (retries < 0 || retries > 10) {
                throw new UsageException("--retries must be 0..10, not " + retries);
            }
            o = o.withRetries(retries);
        }
        if (bufsize < 512 || bufsize > 65535) {
            throw new UsageException("--bufsize must be 512..65535, not " + bufsize);
        }
        return o.withEdns(!noEdns).withUdpPayloadSize(bufsize).withTcpOnly(tcp).withQnameMinimisation(qnameMinimisation)
                .withIpv6(ipv6).withRandomServerOrder(randomOrder);
    }

    private Setup setup() throws UsageException {
        boolean inSandbox = sandbox || world != null;
        int sources = (inSandbox ? 1 : 0) + (rootHints != null ? 1 : 0) + (server != null ? 1 : 0);
        if (sources > 1) {
            throw new UsageException("choose one of --sandbox/--world, --root-hints and --server");
        }
        if (port != null && (port < 1 || port > 65535)) {
            throw new UsageException("--port must be 1..65535, not " + port);
        }
        if (!inSandbox && (latencyMillis != null || lossPercent != null || seed != null)) {
            throw new UsageException("--latency, --loss and --seed apply to --sandbox only (live queries always use "
                    + "random IDs and ports)");
        }
        ResolverOptions o = options();
        if (inSandbox) {
            if (port != null) {
                throw new UsageException("--port applies to real sockets (--root-hints, --server); the in-process "
                        + "sandbox has no ports");
            }
            ResolutionMode m = modeOr(ResolutionMode.ITERATIVE);
            if (m == ResolutionMode.STUB) {
                throw new UsageException("--mode stub asks a recursive server given with --server; the sandbox has "
                        + "only authoritative servers (use iterative or recursive)");
            }
            SandboxWorld w = loadWorld();
            NetworkConditions c = NetworkConditions.defaults();
            if (latencyMillis != null) {
                if (latencyMillis < 0 || latencyMillis > 10_000) {
                    throw new UsageException("--latency must be 0..10000 ms, not " + latencyMillis);
                }
                c = c.withLatency(Duration.ofMillis(latencyMillis));
            }
            if (lossPercent != null) {
                if (!(lossPercent >= 0 && lossPercent <= 100)) {
                    throw new UsageException("--loss must be 0..100 percent, not " + lossPercent);
                }
                c = c.withLoss(lossPercent / 100.0, seed == null ? System.nanoTime() : seed);
            }
            if (seed != null) {
                o = o.withSeed(seed);
                c = c.withLoss(c.lossRate(), seed);
            }
            ResolverSession s = ResolverSession.sandbox(w, o, c, SessionClock.virtual(Instant.now()));
            return new Setup(s, m, "sandbox world '" + w.id() + "', in-process network");
        }
        if (server != null) {
            ResolutionMode m = modeOr(ResolutionMode.STUB);
            if (m != ResolutionMode.STUB) {
                throw new UsageException("--server names a recursive server for --mode stub; to walk from the root "
                        + "give --root-hints FILE (or --sandbox)");
            }
            SocketAddr addr;
            try {
                addr = SocketAddr.parse(server, 0);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--server needs an IP address like 127.0.0.53 or [::1]:5353 (names are not "
                        + "looked up): " + e.getMessage());
            }
            if (addr.port() == 0) {
                addr = new SocketAddr(addr.address(), port == null ? 53 : port);
            } else if (port != null && port != addr.port()) {
                throw new UsageException("--server " + server + " and --port " + port + " name different ports");
            }
            return new Setup(ResolverSession.stub(addr, o), m, "asking " + addr + " over real sockets");
        }
        ResolutionMode m = modeOr(ResolutionMode.ITERATIVE);
        if (m == ResolutionMode.STUB) {
            throw new UsageException("--mode stub needs --server ADDR (the recursive server to ask)");
        }
        List<RootHint> hints;
        String where;
        if (rootHints != null) {
            try {
                hints = RootHints.read(rootHints);
            } catch (RootHints.HintsException e) {
                throw new UsageException("--root-hints: " + e.getMessage());
            }
            where = "root hints " + rootHints + ", real sockets";
        } else {
            hints = RootHints.bundled();
            where = "the Internet's root servers (bundled IANA hints), real sockets";
        }
        if (port != null) {
            o = o.withPort(port);
            where += ", port " + port;
        }
        return new Setup(ResolverSession.live(hints, o), m, where);
    }

    private SandboxWorld loadWorld() throws UsageException {
        try {
            if (world == null) {
                return WorldLoader.loadDefault();
            }
            if (!Files.isDirectory(world)) {
                throw new UsageException("--world " + world + ": not a folder (a world is a folder with world.json)");
            }
            return WorldLoader.load(world);
        } catch (WorldException e) {
            throw new UsageException("--world: " + e.getMessage());
        }
    }

    /** NAME-TYPE-MODE, safe as a file name ("www.p2p.tu-darmstadt.de-A-iterative"). */
    static String baseName(Question q, ResolutionMode m) {
        String n = q.name().toString(true);
        if (n.isEmpty() || n.equals(".")) {
            n = "root";
        }
        n = n.replaceAll("[^A-Za-z0-9._-]", "_");
        if (n.startsWith(".")) {
            n = "_" + n.substring(1);
        }
        return n + "-" + Type.string(q.type()) + "-" + m.name().toLowerCase(Locale.ROOT);
    }

    private boolean save(Trace trace, Question q, ResolutionMode m, PrintWriter stdout, PrintWriter stderr) {
        boolean ok = true;
        if (out != null) {
            Path file = Files.isDirectory(out) ? out.resolve(baseName(q, m) + TraceFiles.EXTENSION) : out;
            try {
                TraceFiles.write(trace, file);
                stdout.println("Trace saved to " + file);
            } catch (IOException | RuntimeException e) {
                stderr.println("trace: cannot save the trace to " + file + ": " + e.getMessage());
                ok = false;
            }
        }
        if (pcap != null) {
            Path file = Files.isDirectory(pcap) ? pcap.resolve(baseName(q, m) + ".pcapng") : pcap;
            try {
                PcapngExport.write(trace, file);
                stdout.println("pcapng saved to " + file + (trace.messages().stream().anyMatch(w -> w.to().port() != 53
                        && w.from().port() != 53) ? " (Wireshark: decode the server port as DNS with -d udp.port==N,dns)"
                        : ""));
            } catch (IOException | RuntimeException e) {
                stderr.println("trace: cannot save the pcapng to " + file + ": " + e.getMessage());
                ok = false;
            }
        }
        stdout.flush();
        stderr.flush();
        return ok;
    }
}
