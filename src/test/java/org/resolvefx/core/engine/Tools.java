package org.resolvefx.core.engine;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** External programs for interoperability tests (skipped when missing unless -Dinterop.required=true), ports, processes. */
final class Tools {
    private Tools() {
    }

    static Path require(String tool) {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + java.io.File.pathSeparator + "/usr/sbin"
                + java.io.File.pathSeparator + "/sbin").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, tool);
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return p;
            }
        }
        if (Boolean.getBoolean("interop.required")) {
            fail(tool + " is not installed but interop.required=true");
        }
        assumeTrue(false, tool + " is not installed; skipping (set -Dinterop.required=true to fail instead)");
        return null;
    }

    /** True if the tool is there (no skipping). */
    static boolean present(String tool) {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** A port free for UDP and TCP on every given address (a small race remains; callers bind soon). */
    static int freePort(InetAddress... addresses) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(addresses[0], 0))) {
                port = probe.getLocalPort();
            }
            if (port < 1024 || !allFree(port, addresses)) {
                continue;
            }
            return port;
        }
        throw new IOException("no port free on all of " + List.of(addresses));
    }

    private static boolean allFree(int port, InetAddress... addresses) {
        for (InetAddress a : addresses) {
            try (DatagramSocket u = new DatagramSocket(null); ServerSocket t = new ServerSocket()) {
                u.bind(new InetSocketAddress(a, port));
                t.bind(new InetSocketAddress(a, port));
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** Starts a daemon in the foreground with its output in {@code log}. */
    static Process start(Path log, String... command) throws IOException {
        return new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    /** Stops a process we started, by its handle: TERM, then KILL; its children too. */
    static void stop(Process p) {
        if (p == null) {
            return;
        }
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
        for (ProcessHandle c : children) {
            if (c.isAlive()) {
                c.destroyForcibly();
            }
        }
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(no " + file + ")";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** Runs a command to its end (bounded), returning stdout and stderr together. */
    static String run(long timeoutSeconds, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                fail("timed out: " + List.of(command));
            }
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            p.destroyForcibly();
        }
    }
}
