package org.resolvefx.ui.namespace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.resolvefx.core.capture.CaptureFiles;
import org.resolvefx.core.namespace.NamespaceTree;
import org.resolvefx.core.namespace.WorldNamespace;
import org.resolvefx.core.sandbox.WorldException;
import org.resolvefx.core.sandbox.WorldLoader;
import org.resolvefx.core.trace.CaptureImport;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Trace;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/** Real traces from the reference captures (copied into this package's test resources) and the default world. */
final class Fixtures {
    private static NamespaceTree defaultTree;

    private Fixtures() {
    }

    static synchronized NamespaceTree defaultWorldTree() {
        if (defaultTree == null) {
            try {
                defaultTree = WorldNamespace.of(WorldLoader.loadDefault());
            } catch (WorldException e) {
                throw new IllegalStateException(e);
            }
        }
        return defaultTree;
    }

    static List<Trace> capture(String name) {
        try {
            Path p = Path.of(Fixtures.class.getResource(name + ".pcap").toURI());
            return CaptureImport.toTraces(CaptureFiles.readAll(p).packets(), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** a-recursive-cold: the client's recursive lookup of www.p2p.tu-darmstadt.de, 14 messages. */
    static Trace recursiveCold() {
        return capture("a-recursive-cold").stream().filter(t -> t.mode() == ResolutionMode.RECURSIVE)
                .filter(t -> t.messages().size() == 14).findFirst().orElseThrow();
    }

    static Name name(String s) {
        try {
            return Name.fromString(s, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
