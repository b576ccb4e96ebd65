package org.resolvefx.core.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resolvefx.core.sandbox.RootHint;
import org.resolvefx.core.sandbox.MasterFileReader;
import org.resolvefx.core.sandbox.SandboxAddresses;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Master;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Root hints: the names and addresses of the root servers a resolver starts from. The bundled file
 * is IANA's {@code named.root} as Debian's dns-root-data ships it; users may give their own file in
 * the same master-file format (e.g. pointing at a hierarchy on 127.x). Read with dnsjava's
 * {@link Master}; every problem names the file and line.
 */
public final class RootHints {

    /** Class-path location of the bundled IANA root hints. */
    public static final String BUNDLED_RESOURCE = "/org/resolvefx/core/engine/named.root";
    static final int MAX_BYTES = 1 << 20;
    static final int MAX_RECORDS = 10_000;

    private RootHints() {
    }

    /** A hints file that cannot be used, with file and line in the message ("hints.txt:3: ..."). */
    public static final class HintsException extends IOException {
        private final String source;
        private final int line;

        public HintsException(String source, int line, String problem) {
            super(source + (line > 0 ? ":" + line : "") + ": " + problem);
            this.source = source;
            this.line = line;
        }

        public String source() {
            return source;
        }

        /** 1-based line, 0 when the problem is the whole file. */
        public int line() {
            return line;
        }
    }

    /** IANA's root hints as shipped inside ResolveFX (13 servers, IPv4 and IPv6). */
    public static List<RootHint> bundled() {
        try (InputStream in = RootHints.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled root hints " + BUNDLED_RESOURCE + " are missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII), "named.root");
        } catch (IOException e) {
            throw new IllegalStateException("the bundled root hints cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads a hints file. */
    public static List<RootHint> read(Path file) throws HintsException {
        String name = file.toString();
        try {
            if (!Files.isRegularFile(file)) {
                throw new HintsException(name, 0, Files.exists(file) ? "not a regular file" : "no such file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new HintsException(name, 0, "too large for a root hints file (" + Files.size(file)
                        + " bytes, at most " + MAX_BYTES + ")");
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8), name);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new HintsException(name, 0, "not a text file (invalid UTF-8)");
        } catch (HintsException e) {
            throw e;
        } catch (IOException e) {
            throw new HintsException(name, 0, "cannot read: " + e.getMessage());
        }
    }

    /**
     * Parses hints text: NS records of the root, and A/AAAA records of the servers they name; TTLs
     * and the class are optional, as in named.root.
     *
     * @param sourceName the file name for messages
     */
    public static List<RootHint> parse(String text, String sourceName) throws HintsException {
        if (text.length() > MAX_BYTES) {
            throw new HintsException(sourceName, 0, "too large for a root hints file");
        }
        Map<Name, Integer> nsLines = new LinkedHashMap<>();
        Map<Name, List<InetAddress>> addresses = new LinkedHashMap<>();
        Map<Name, Integer> addressLines = new LinkedHashMap<>();
        int[] count = {0};
        try {
            MasterFileReader.read(text, Name.root, 3600000, (r, line) -> {
                if (++count[0] > MAX_RECORDS) {
                    throw new HintsException(sourceName, line, "more than " + MAX_RECORDS + " records");
                }
                if (r.getDClass() != DClass.IN) {
                    throw new HintsException(sourceName, line, "class " + DClass.string(r.getDClass())
                            + ": root hints are for class IN");
                }
                if (r instanceof NSRecord ns) {
                    if (!r.getName().equals(Name.root)) {
                        throw new HintsException(sourceName, line, "NS record for " + r.getName()
                                + ": a hints file lists only the root's name servers (owner '.')");
                    }
                    nsLines.putIfAbsent(ns.getTarget(), line);
                } else if (r instanceof ARecord || r instanceof AAAARecord) {
                    InetAddress a = r instanceof ARecord ar ? ar.getAddress() : ((AAAARecord) r).getAddress();
                    addresses.computeIfAbsent(r.getName(), k -> new ArrayList<>()).add(a);
                    addressLines.putIfAbsent(r.getName(), line);
                } else {
                    throw new HintsException(sourceName, line, Type.string(r.getType()) + " record for " + r.getName()
                            + ": a hints file holds only NS records of the root and A/AAAA records of those servers");
                }
            });
        } catch (MasterFileReader.Fault e) {
            throw new HintsException(sourceName, e.line(), e.getMessage());
        }
        for (Map.Entry<Name, Integer> a : addressLines.entrySet()) {
            if (!nsLines.containsKey(a.getKey())) {
                throw new HintsException(sourceName, a.getValue(), "address of " + a.getKey()
                        + ", which no NS record of the root names");
            }
        }
        if (nsLines.isEmpty()) {
            throw new HintsException(sourceName, 0, "no NS records for the root ('.'); a hints file names the root servers");
        }
        List<RootHint> out = new ArrayList<>();
        for (Map.Entry<Name, Integer> ns : nsLines.entrySet()) {
            List<InetAddress> addrs = addresses.getOrDefault(ns.getKey(), List.of());
            if (addrs.isEmpty()) {
                throw new HintsException(sourceName, ns.getValue(), "root server " + ns.getKey()
                        + " has no A or AAAA record in the file");
            }
            out.add(new RootHint(ns.getKey(), addrs));
        }
        return List.copyOf(out);
    }

    /** True when every address of every hint is loopback: such a hierarchy never needs to leave the machine. */
    public static boolean allLoopback(List<RootHint> hints) {
        for (RootHint h : hints) {
            for (InetAddress a : h.addresses()) {
                if (!SandboxAddresses.isLoopback(a)) {
                    return false;
                }
            }
        }
        return !hints.isEmpty();
    }

    /** Hints text for the given servers (what {@link #parse} reads back), e.g. for a sandbox on loopback. */
    public static String format(List<RootHint> hints) {
        StringBuilder sb = new StringBuilder("; root hints written by ResolveFX\n");
        for (RootHint h : hints) {
            sb.append(".                        3600000      NS    ").append(h.name()).append('\n');
        }
        for (RootHint h : hints) {
            for (InetAddress a : h.addresses()) {
                sb.append(h.name()).append(" 3600000 ").append(a.getAddress().length == 4 ? "A" : "AAAA").append(' ')
                        .append(org.resolvefx.core.net.IpText.format(a)).append('\n');
            }
        }
        return sb.toString();
    }
}
