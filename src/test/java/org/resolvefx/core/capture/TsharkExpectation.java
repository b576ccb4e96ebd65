package org.resolvefx.core.capture;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One DNS message as tshark reported it, read from the {@code .tshark.tsv} file recorded next to each test capture
 * by src/test/scripts/tshark-expect.py. Compared as text so a failure shows both sides readably.
 */
record TsharkExpectation(long frame, String epoch, String src, int srcPort, String dst, int dstPort, String transport,
                         String hex) {

    static List<TsharkExpectation> of(Path capture) throws IOException {
        Path tsv = capture.resolveSibling(capture.getFileName() + ".tshark.tsv");
        List<TsharkExpectation> out = new ArrayList<>();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            out.add(new TsharkExpectation(Long.parseLong(f[0]), f[1], f[2], Integer.parseInt(f[3]), f[4],
                    Integer.parseInt(f[5]), f[6], f[7]));
        }
        return out;
    }

    /** The same view of a packet read by the capture reader. */
    static TsharkExpectation of(DnsPacket p) {
        return new TsharkExpectation(p.frame(), p.epochSecondsText(), p.src().host(), p.src().port(), p.dst().host(),
                p.dst().port(), p.transport().jsonName(), HexFormat.of().formatHex(p.unsafeBytes()));
    }

    /** A test resource as a file path (resources are plain files under target/test-classes). */
    static Path resource(String name) {
        URL url = TsharkExpectation.class.getResource("/captures/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource captures/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public String toString() {
        return frame + " " + epoch + " " + src + ":" + srcPort + " -> " + dst + ":" + dstPort + " " + transport + " "
                + (hex.length() > 40 ? hex.substring(0, 40) + "...(" + hex.length() / 2 + " bytes)" : hex);
    }
}
