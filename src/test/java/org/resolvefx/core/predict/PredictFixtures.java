package org.resolvefx.core.predict;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.resolvefx.core.capture.CaptureFiles;
import org.resolvefx.core.engine.ResolverOptions;
import org.resolvefx.core.engine.ResolverSession;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.sandbox.WorldException;
import org.resolvefx.core.sandbox.WorldLoader;
import org.resolvefx.core.trace.Trace;

/** Traces for the predict tests: the shared captures (copied here) and sandbox runs of the default world. */
final class PredictFixtures {
    private PredictFixtures() {
    }

    static Path resource(String name) {
        try {
            return Path.of(PredictFixtures.class.getResource("/org/resolvefx/core/predict/captures/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }

    /** The lookups found in a shared capture ("a-recursive-cold"). */
    static List<Trace> capture(String name) {
        try {
            return org.resolvefx.core.trace.CaptureImport.toTraces(
                    CaptureFiles.readAll(resource(name + ".pcap")).packets(), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The DNS bytes of every frame as tshark decoded them: frame number -> message (no TCP length prefix). */
    static Map<Long, byte[]> tsharkBytes(String name) {
        Map<Long, byte[]> out = new HashMap<>();
        try {
            for (String line : Files.readAllLines(resource(name + ".pcap.tshark.tsv"), StandardCharsets.UTF_8)) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                out.put(Long.parseLong(f[0]), hex(f[7]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    static SandboxWorld defaultWorld() {
        try {
            return WorldLoader.loadDefault();
        } catch (WorldException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A deterministic in-process sandbox resolver, as in the lecture: no priming. */
    static ResolverSession sandbox(SandboxWorld world) {
        return ResolverSession.sandbox(world, ResolverOptions.defaults().withSeed(1L).withPriming(false));
    }
}
