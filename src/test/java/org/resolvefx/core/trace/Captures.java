package org.resolvefx.core.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.resolvefx.core.capture.DnsPacket;

/** The shared reference captures, copied into the test resources so clean clones have them. */
final class Captures {
    private Captures() {
    }

    static Path path(String fileName) {
        try {
            var url = Captures.class.getResource("/traces/captures/" + fileName);
            if (url == null) {
                throw new IllegalStateException("test capture missing: " + fileName);
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<DnsPacket> packets(String fileName) {
        try {
            return TestPcapReader.read(path(fileName)).packets();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Trace> traces(String fileName) {
        String name = fileName.replaceAll("\\.pcap(ng)?$", "");
        return CaptureImport.toTraces(packets(fileName), name);
    }

    /** A readable dump for failure messages and exploration. */
    static String dump(Trace t) {
        StringBuilder sb = new StringBuilder();
        sb.append(t.title()).append(" | ").append(t.mode()).append(" | ").append(t.question()).append('\n');
        for (Endpoint e : t.endpoints()) {
            sb.append("  ").append(e).append('\n');
        }
        for (TraceEvent e : t.events()) {
            sb.append("  ").append(e.atMicros()).append(' ').append(TraceEvents.kindName(e));
            if (e instanceof TraceEvent.MessageSent s) {
                sb.append(" #").append(s.message().frame());
            } else if (e instanceof TraceEvent.MessageReceived r) {
                sb.append(" #").append(r.message().frame());
            }
            sb.append(" | ").append(e.narration().en()).append("\n      | ").append(e.narration().de()).append('\n');
        }
        return sb.toString();
    }
}
