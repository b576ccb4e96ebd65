package org.resolvefx.core.sandbox;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Finding and running dig, Unbound and friends; skip when missing unless -Dinterop.required=true. */
final class ExternalTools {
    private ExternalTools() {
    }

    static Path require(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String d : new String[] {dir, "/usr/sbin", "/sbin"}) {
                Path p = Path.of(d, tool);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        if (Boolean.getBoolean("interop.required")) {
            fail(tool + " is not installed but interop.required=true");
        }
        assumeTrue(false, tool + " is not installed; skipping (set -Dinterop.required=true to fail instead)");
        return null;
    }

    /** Runs a command to its end (bounded), returning stdout and stderr together. */
    static String run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                fail("timed out: " + command);
            }
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            p.destroyForcibly();
        }
    }
}
