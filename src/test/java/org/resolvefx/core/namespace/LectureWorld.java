package org.resolvefx.core.namespace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Zone;

/** The lecture's zones (test resources lecture/*.zone) as dnsjava zones. */
final class LectureWorld {
    static final String[] ORIGINS = {".", "de.", "com.", "edu.", "tu-darmstadt.de.", "informatik.tu-darmstadt.de.",
        "networkutopia.com."};

    private LectureWorld() {
    }

    static List<Zone> zones() {
        List<Zone> out = new ArrayList<>();
        for (String origin : ORIGINS) {
            out.add(zone(origin));
        }
        return out;
    }

    static Zone zone(String origin) {
        String file = "lecture/" + (origin.equals(".") ? "root" : origin.substring(0, origin.length() - 1)) + ".zone";
        try (InputStream in = LectureWorld.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test zone " + file);
            }
            return new Zone(name(origin), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Name name(String s) {
        try {
            return Name.fromString(s, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
