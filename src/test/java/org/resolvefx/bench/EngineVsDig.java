package org.resolvefx.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resolvefx.core.engine.ResolverOptions;
import org.resolvefx.core.engine.ResolverSession;
import org.resolvefx.core.sandbox.LoopbackSandbox;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.sandbox.WorldLoader;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.xbill.DNS.Type;

/**
 * Cold resolution in one run: the engine (warm JVM, fresh session per lookup, so the cache is
 * empty) against {@code dig +trace}, both walking the default world served by a LoopbackSandbox in
 * this process. Not a test and not JMH (dig is a separate process per lookup): run it through
 * {@code src/test/scripts/engine-vs-dig.sh}, which puts it in a private network namespace with a
 * private /etc/hosts so that dig, which looks up every NS name with getaddrinfo, can never reach
 * a real resolver.
 *
 * <p>Arguments: {@code PORT [RUNS]}.
 */
public final class EngineVsDig {
    private EngineVsDig() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        SandboxWorld world = WorldLoader.loadDefault();
        try (LoopbackSandbox sandbox = LoopbackSandbox.start(world, port)) {
            ResolverOptions o = ResolverOptions.defaults().withPort(sandbox.port());
            Question lecture = Question.of("www.p2p.tu-darmstadt.de", Type.A);
            Question charon = Question.of("charon.dekanat.informatik.tu-darmstadt.de", Type.A);
            System.out.printf(Locale.ROOT, "default world on 127.0.x.y:%d, %d runs each, load %s%n%n", sandbox.port(),
                    runs, loadAverage());
            // warm up the engine's code paths (JIT), then measure
            for (int i = 0; i < 300; i++) {
                ResolverSession.live(world.rootHints(), o).resolve(lecture, ResolutionMode.ITERATIVE);
                ResolverSession.live(world.rootHints(), o).resolve(lecture, ResolutionMode.RECURSIVE);
            }
            report("engine iterative www.p2p.tu-darmstadt.de (5 exchanges, follows the CNAME)",
                    engine(world, o, lecture, ResolutionMode.ITERATIVE, runs));
            report("engine recursive www.p2p.tu-darmstadt.de (5 exchanges + stub pair)",
                    engine(world, o, lecture, ResolutionMode.RECURSIVE, runs));
            report("engine iterative charon.dekanat.informatik... (5 exchanges)",
                    engine(world, o, charon, ResolutionMode.ITERATIVE, runs));
            for (String name : List.of("www.p2p.tu-darmstadt.de", "charon.dekanat.informatik.tu-darmstadt.de")) {
                List<Double> wall = new ArrayList<>();
                List<Double> inner = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    long start = System.nanoTime();
                    String out = run("dig", "@127.0.1.1", "-p", Integer.toString(sandbox.port()), "+trace",
                            "+tries=1", "+time=2", name);
                    wall.add((System.nanoTime() - start) / 1e3);
                    inner.add(sumOfReportedMillis(out) * 1e3);
                    if (i == 0) {
                        System.out.println("dig +trace " + name + ": " + exchanges(out) + " exchanges");
                    }
                }
                report("dig +trace " + name + ", wall time incl. process start", wall);
                report("dig +trace " + name + ", sum of dig's own per-query times", inner);
            }
            List<Double> single = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                run("dig", "@127.0.1.1", "-p", Integer.toString(sandbox.port()), "+norec", "+tries=1", ".", "NS");
                single.add((System.nanoTime() - start) / 1e3);
            }
            report("dig, one query (process start + 1 exchange), for reference", single);
        }
    }

    static List<Double> engine(SandboxWorld world, ResolverOptions o, Question q, ResolutionMode mode, int runs) {
        List<Double> micros = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            ResolverSession s = ResolverSession.live(world.rootHints(), o);
            long start = System.nanoTime();
            Trace t = s.resolve(q, mode);
            micros.add((System.nanoTime() - start) / 1e3);
            if (!(t.outcome().orElseThrow() instanceof TraceEvent.Answer)) {
                throw new IllegalStateException("no answer: " + t.outcome());
            }
        }
        return micros;
    }

    static void report(String what, List<Double> micros) {
        double[] v = micros.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double mean = Arrays.stream(v).average().orElse(0);
        System.out.printf(Locale.ROOT, "%-72s median %8.0f us  mean %8.0f us  min %8.0f us%n", what, v[v.length / 2],
                mean, v[0]);
    }

    private static final Pattern RECEIVED = Pattern.compile(";; Received \\d+ bytes from .* in (\\d+) ms");

    static double sumOfReportedMillis(String digOutput) {
        double sum = 0;
        Matcher m = RECEIVED.matcher(digOutput);
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    static int exchanges(String digOutput) {
        int n = 0;
        Matcher m = RECEIVED.matcher(digOutput);
        while (m.find()) {
            n++;
        }
        return n;
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + List.of(command));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    static String loadAverage() {
        try {
            return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg")),
                    StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
