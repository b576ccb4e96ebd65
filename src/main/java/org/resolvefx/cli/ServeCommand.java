package org.resolvefx.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.resolvefx.core.net.IpText;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.sandbox.LoopbackSandbox;
import org.resolvefx.core.sandbox.SandboxAddresses;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.sandbox.Scenario;
import org.resolvefx.core.sandbox.WorldException;
import org.resolvefx.core.sandbox.WorldLoader;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: runs the sandbox's authoritative servers on loopback sockets until Ctrl-C, either
 * a whole world (every server on its own 127.x address) or one server for some zone files.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve a sandbox world (or zone files) on loopback UDP and TCP, for dig, Unbound or BIND.",
            "Runs until Ctrl-C."},
        footer = {"", "Exit codes: 0 stopped normally, 1 bad world or zone file, 2 bad arguments "
                + "(e.g. a non-loopback --bind), 3 cannot listen (port in use or needs root).",
            "Examples:", "  serve --port 5300", "  serve --world my-world/ --port 5300",
            "  serve example.com.zone --bind 127.0.0.2 --port 5300"})
public final class ServeCommand implements Callable<Integer> {
    static final int EXIT_BAD_WORLD = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_CANNOT_LISTEN = 3;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ZONE-FILE", arity = "0..*",
            description = "Master files for a single server (ORIGIN=FILE to name the origin). Without them the world is served.")
    List<String> zoneFiles = new ArrayList<>();

    @Option(names = "--world", paramLabel = "default|DIR",
            description = "The world to serve: 'default' or a folder with world.json (default: ${DEFAULT-VALUE}).")
    String world = "default";

    @Option(names = "--bind", paramLabel = "127.0.0.x",
            description = "Address for the single server of zone-file mode (loopback only; default: ${DEFAULT-VALUE}).")
    String bind = "127.0.0.1";

    @Option(names = "--port", paramLabel = "N",
            description = "Port for every server (default: ${DEFAULT-VALUE}; 53 needs root; 0 picks a free one).")
    int port = 5300;

    @Option(names = "--log", description = "Print one line per query.")
    boolean log;

    @Option(names = "--run-seconds", hidden = true, description = "Stop after N seconds (for tests); 0 = until Ctrl-C.")
    long runSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("serve: --port must be 0..65535, not " + port);
            return EXIT_USAGE;
        }
        boolean bindGiven = spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption("--bind");
        boolean worldGiven = spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption("--world");
        SandboxWorld w;
        try {
            if (!zoneFiles.isEmpty()) {
                if (worldGiven) {
                    err.println("serve: give either zone files or --world, not both");
                    return EXIT_USAGE;
                }
                InetAddress address;
                try {
                    address = SocketAddr.literal(bind, "--bind");
                } catch (IllegalArgumentException e) {
                    err.println("serve: --bind needs an IP address like 127.0.0.2, not '" + bind + "'");
                    return EXIT_USAGE;
                }
                if (!SandboxAddresses.isLoopback(address)) {
                    err.println("serve: refusing to listen on " + IpText.format(address)
                            + ": the sandbox listens only on loopback addresses (127.0.0.0/8 or ::1)");
                    return EXIT_USAGE;
                }
                w = WorldLoader.fromZoneFiles(zoneFiles, address);
            } else {
                if (bindGiven) {
                    err.println("serve: --bind applies to zone files only; a world's servers have their own addresses");
                    return EXIT_USAGE;
                }
                if ("default".equals(world) && !Files.isDirectory(Path.of(world))) {
                    w = WorldLoader.loadDefault();
                } else {
                    w = WorldLoader.load(Path.of(world));
                }
            }
        } catch (WorldException e) {
            err.println("serve: " + e.getMessage());
            return EXIT_BAD_WORLD;
        }

        LoopbackSandbox.Options options = new LoopbackSandbox.Options(java.time.Duration.ofSeconds(10),
                log ? exchange -> out.println(logLine(exchange)) : null);
        LoopbackSandbox sandbox;
        try {
            sandbox = LoopbackSandbox.start(w, port, options);
        } catch (java.io.IOException e) {
            err.println("serve: " + e.getMessage());
            return EXIT_CANNOT_LISTEN;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            printBanner(out, w, sandbox);
            out.flush();
            if (runSeconds > 0) {
                stopped.await(runSeconds, TimeUnit.SECONDS);
            } else {
                stopped.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sandbox.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs (or ran) anyway
            }
        }
        out.println("Sandbox stopped.");
        out.flush();
        return 0;
    }

    private static void printBanner(PrintWriter out, SandboxWorld w, LoopbackSandbox sandbox) {
        int p = sandbox.port();
        out.println("ResolveFX sandbox: world '" + w.id() + "' (" + w.title() + ") on port " + p
                + ", UDP and TCP");
        out.println();
        out.print(sandbox.describe());
        out.println();
        out.println("Try (always with @address: the sandbox never answers through the system resolver):");
        LoopbackSandbox.Listener first = sandbox.listeners().get(0);
        String at = "@" + first.address().host() + " -p " + p;
        if (w.rootHints().isEmpty()) {
            String zone = first.zones().isEmpty() ? "." : first.zones().get(0).toString();
            out.println("  dig " + at + " " + zone + " SOA +norec");
            out.println("  dig " + at + " " + zone + " NS +norec");
        } else {
            out.println("  dig " + at + " www.p2p.tu-darmstadt.de +norec      (root: referral to de)");
            out.println("  dig @127.0.2.1 -p " + p + " www.p2p.tu-darmstadt.de +norec      (de: referral to tu-darmstadt.de)");
            out.println("  dig @127.0.3.1 -p " + p + " www.p2p.tu-darmstadt.de +norec      (CNAME + referral to informatik)");
            out.println("  dig @127.0.3.3 -p " + p + " charon.dekanat.informatik.tu-darmstadt.de +norec");
            out.println("  dig @127.0.4.1 -p " + p + " many.networkutopia.com +norec +noedns   (TC=1, dig retries over TCP)");
            int shown = 0;
            for (Scenario s : w.scenarios()) {
                if (shown++ == 0) {
                    out.println("Scenarios (resolve these through a resolver whose root hints point here):");
                }
                out.println("  " + s.id() + ": " + s.qname() + " " + Type.string(s.qtype()) + " - " + s.title());
            }
        }
        out.println("Press Ctrl-C to stop.");
    }

    static String logLine(LoopbackSandbox.Exchange e) {
        String question = "?";
        String outcome = "no response";
        try {
            Message q = new Message(e.query());
            if (q.getQuestion() != null) {
                question = q.getQuestion().getName() + " " + Type.string(q.getQuestion().getType());
            }
        } catch (java.io.IOException | RuntimeException ex) {
            question = "(unparseable, " + e.query().length + " bytes)";
        }
        if (e.response() != null) {
            try {
                Message r = new Message(e.response());
                outcome = Rcode.string(r.getRcode()) + " an=" + r.getSection(1).size() + " ns="
                        + r.getSection(2).size() + (r.getHeader().getFlag(org.xbill.DNS.Flags.TC) ? " TC" : "");
            } catch (java.io.IOException | RuntimeException ex) {
                outcome = e.response().length + " bytes";
            }
        }
        return e.client() + " -> " + e.serverName() + " (" + e.local() + "/" + e.transport().jsonName() + "): "
                + question + " -> " + outcome;
    }

    /** Runs {@code serve} on its own: {@code java ... org.resolvefx.cli.ServeCommand --port 5300}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ServeCommand()).execute(args));
    }
}
