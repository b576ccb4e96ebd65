package org.resolvefx.core.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.resolvefx.core.net.Transport;
import org.resolvefx.core.trace.CacheEntry;
import org.resolvefx.core.trace.Endpoint;
import org.resolvefx.core.trace.MessageFacts;
import org.resolvefx.core.trace.Role;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.TraceEvent.FailureReason;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;

/**
 * What the engine must do for each teaching scenario of the default world, written down by hand
 * from the zone files (src/main/resources/org/resolvefx/worlds/default/zones) and the algorithm in
 * src/docs/engine.md: which servers are asked in which order, how the lookup ends, and what the
 * resolver's cache holds afterwards. Shared by the in-process tests and the loopback ITs.
 */
final class ScenarioBook {
    private ScenarioBook() {
    }

    /**
     * @param iterative servers asked in iterative mode, in order ("127.0.4.1/tcp" for TCP), priming included
     * @param recursive the resolver's upstream queries in recursive mode
     * @param rcode     the answer's RCODE, or -1 for a failure
     * @param records   the answer's records as zone-file lines (normalised through dnsjava)
     * @param failure   the failure reason when rcode is -1
     * @param cacheKeys what the cache holds after a recursive lookup, beyond the root data from priming
     */
    record Expected(String id, List<String> iterative, List<String> recursive, int rcode, List<String> records,
                    FailureReason failure, Set<String> cacheKeys) {
    }

    static final String ROOT = "127.0.1.1";
    static final List<String> PRIMING = List.of(ROOT);

    /** The root NS set and the 13 root server addresses, as priming leaves them. */
    static Set<String> rootKeys() {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(". NS");
        for (char c = 'a'; c <= 'm'; c++) {
            keys.add(c + ".root-servers.net. A");
        }
        return keys;
    }

    private static final List<String> DE = List.of("de. NS", "a.nic.de. A", "f.nic.de. A");
    private static final List<String> TU = List.of("tu-darmstadt.de. NS", "ns1.hrz.tu-darmstadt.de. A",
            "ns2.hrz.tu-darmstadt.de. A");
    private static final List<String> COM = List.of("com. NS", "a.gtld-servers.net. A", "b.gtld-servers.net. A");
    private static final List<String> NET = List.of("net. NS", "a.gtld-servers.net. A", "b.gtld-servers.net. A");
    private static final List<String> ORG = List.of("org. NS", "a0.org.afilias-nst.org. A", "b0.org.afilias-nst.org. A");
    private static final List<String> EDU = List.of("edu. NS", "a.edu-servers.net. A", "b.edu-servers.net. A");
    private static final List<String> NU = List.of("networkutopia.com. NS", "dns1.networkutopia.com. A");

    private static Set<String> keys(List<?>... parts) {
        Set<String> out = new LinkedHashSet<>();
        for (List<?> p : parts) {
            for (Object o : p) {
                out.add(o.toString());
            }
        }
        return out;
    }

    private static List<String> seq(String... s) {
        List<String> out = new ArrayList<>(PRIMING);
        out.addAll(List.of(s));
        return out;
    }

    private static Expected answer(String id, List<String> iterative, List<String> recursive, List<String> records,
                                   Set<String> cache) {
        return new Expected(id, iterative, recursive, Rcode.NOERROR, records, null, cache);
    }

    static final Map<String, Expected> DEFAULT_WORLD = Map.ofEntries(
            Map.entry("lecture", answer("lecture", seq(ROOT, "127.0.2.1", "127.0.3.1", "127.0.3.3"),
                    seq(ROOT, "127.0.2.1", "127.0.3.1", "127.0.3.3"),
                    List.of("www.p2p.tu-darmstadt.de. 49817 IN CNAME charon.dekanat.informatik.tu-darmstadt.de.",
                            "charon.dekanat.informatik.tu-darmstadt.de. 1592 IN A 127.0.31.10"),
                    keys(DE, TU, List.of("www.p2p.tu-darmstadt.de. CNAME", "informatik.tu-darmstadt.de. NS",
                            "ns.informatik.tu-darmstadt.de. A", "charon.dekanat.informatik.tu-darmstadt.de. A")))),
            Map.entry("where-is-the-info", answer("where-is-the-info", seq(ROOT, "127.0.2.1", "127.0.3.1"),
                    seq(ROOT, "127.0.2.1", "127.0.3.1"),
                    List.of("tu-darmstadt.de. 86400 IN NS ns1.hrz.tu-darmstadt.de.",
                            "tu-darmstadt.de. 86400 IN NS ns2.hrz.tu-darmstadt.de.",
                            "tu-darmstadt.de. 86400 IN NS ns3.hrz.tu-darmstadt.de."),
                    keys(DE, TU, List.of("ns2.hrz.tu-darmstadt.de. AAAA", "ns3.hrz.tu-darmstadt.de. A",
                            "ns3.hrz.tu-darmstadt.de. AAAA")))),
            Map.entry("inserting-records", answer("inserting-records", seq(ROOT, "127.0.2.11", "127.0.4.1"),
                    seq(ROOT, "127.0.2.11", "127.0.4.1"),
                    List.of("www.networkutopia.com. 3600 IN A 127.0.4.80"),
                    keys(COM, NU, List.of("www.networkutopia.com. A")))),
            Map.entry("glueless", answer("glueless",
                    seq(ROOT, "127.0.2.21", ROOT, "127.0.2.11", "127.0.7.1", "127.0.7.1"),
                    seq(ROOT, "127.0.2.21", ROOT, "127.0.2.11", "127.0.7.1", "127.0.7.1"),
                    List.of("www.pbs.org. 3600 IN A 127.0.7.80"),
                    keys(ORG, NET, List.of("pbs.org. NS", "pbsdns.net. NS", "ns1.pbsdns.net. A", "www.pbs.org. A")))),
            Map.entry("glueless-google-de", answer("glueless-google-de",
                    seq(ROOT, "127.0.2.1", ROOT, "127.0.2.11", "127.0.5.1", "127.0.5.1"),
                    seq(ROOT, "127.0.2.1", ROOT, "127.0.2.11", "127.0.5.1", "127.0.5.1"),
                    List.of("www.google.de. 300 IN A 127.0.5.81"),
                    keys(DE, COM, List.of("google.de. NS", "google.com. NS", "ns1.google.com. A", "www.google.de. A")))),
            Map.entry("lame", answer("lame", seq(ROOT, "127.0.2.31", "127.0.6.3", "127.0.6.4"),
                    seq(ROOT, "127.0.2.31", "127.0.6.3", "127.0.6.4"),
                    List.of("www.umass.edu. 3600 IN A 127.0.6.82"),
                    keys(EDU, List.of("umass.edu. NS", "ns1.umass.edu. A", "ns2.umass.edu. A", "www.umass.edu. A")))),
            Map.entry("dead", answer("dead", seq(ROOT, "127.0.2.31", "127.0.6.5", "127.0.6.5", "127.0.6.6"),
                    seq(ROOT, "127.0.2.31", "127.0.6.5", "127.0.6.5", "127.0.6.6"),
                    List.of("www.poly.edu. 3600 IN A 127.0.6.83"),
                    keys(EDU, List.of("poly.edu. NS", "ns1.poly.edu. A", "ns2.poly.edu. A", "www.poly.edu. A")))),
            Map.entry("slow", answer("slow", seq(ROOT, "127.0.2.31", "127.0.6.2"),
                    seq(ROOT, "127.0.2.31", "127.0.6.2"),
                    List.of("www.caltech.edu. 3600 IN A 127.0.6.81"),
                    keys(EDU, List.of("caltech.edu. NS", "ns1.caltech.edu. A", "www.caltech.edu. A")))),
            Map.entry("truncated", answer("truncated", seq(ROOT, "127.0.2.11", "127.0.4.1"),
                    seq(ROOT, "127.0.2.11", "127.0.4.1"), manyRecords(),
                    keys(COM, NU, List.of("many.networkutopia.com. A")))),
            Map.entry("cname-chain", answer("cname-chain", seq(ROOT, "127.0.2.11", "127.0.4.1"),
                    seq(ROOT, "127.0.2.11", "127.0.4.1"),
                    List.of("chain.networkutopia.com. 3600 IN CNAME web.networkutopia.com.",
                            "web.networkutopia.com. 3600 IN CNAME www.networkutopia.com.",
                            "www.networkutopia.com. 3600 IN A 127.0.4.80"),
                    keys(COM, NU, List.of("chain.networkutopia.com. CNAME", "web.networkutopia.com. CNAME",
                            "www.networkutopia.com. A")))),
            Map.entry("dname", answer("dname", seq(ROOT, "127.0.2.1", "127.0.3.1", "127.0.3.3"),
                    seq(ROOT, "127.0.2.1", "127.0.3.1", "127.0.3.3"),
                    List.of("cs.tu-darmstadt.de. 86400 IN DNAME informatik.tu-darmstadt.de.",
                            "www.cs.tu-darmstadt.de. 86400 IN CNAME www.informatik.tu-darmstadt.de.",
                            "www.informatik.tu-darmstadt.de. 3600 IN A 127.0.31.80"),
                    keys(DE, TU, List.of("cs.tu-darmstadt.de. DNAME", "www.cs.tu-darmstadt.de. CNAME",
                            "informatik.tu-darmstadt.de. NS", "ns.informatik.tu-darmstadt.de. A",
                            "www.informatik.tu-darmstadt.de. A")))),
            Map.entry("cname-loop", new Expected("cname-loop", seq(ROOT, "127.0.2.11", "127.0.4.1"),
                    seq(ROOT, "127.0.2.11", "127.0.4.1"), -1, List.of(), FailureReason.CNAME_LOOP,
                    keys(COM, NU, List.of("loop1.networkutopia.com. CNAME", "loop2.networkutopia.com. CNAME")))),
            // iterative: every side lookup starts at the root; recursive: the cached chicken.org NS set
            // shows the loop without asking anyone
            Map.entry("delegation-loop", new Expected("delegation-loop",
                    seq(ROOT, "127.0.2.21", ROOT, "127.0.2.11", ROOT, "127.0.2.21"),
                    seq(ROOT, "127.0.2.21", ROOT, "127.0.2.11"), -1, List.of(), FailureReason.DELEGATION_LOOP,
                    keys(ORG, COM, List.of("chicken.org. NS", "egg.com. NS")))),
            Map.entry("nxdomain", new Expected("nxdomain", seq(ROOT, "127.0.2.1", "127.0.3.1"),
                    seq(ROOT, "127.0.2.1", "127.0.3.1"), Rcode.NXDOMAIN,
                    List.of("tu-darmstadt.de. 300 IN SOA ns1.hrz.tu-darmstadt.de. hostmaster.hrz.tu-darmstadt.de. "
                            + "2024061701 7200 3600 1209600 300"), null,
                    keys(DE, TU, List.of("nosuchhost.tu-darmstadt.de. A (NXDOMAIN)")))),
            Map.entry("nodata", answer("nodata", seq(ROOT, "127.0.2.11", "127.0.4.1"),
                    seq(ROOT, "127.0.2.11", "127.0.4.1"),
                    List.of("networkutopia.com. 600 IN SOA dns1.networkutopia.com. hostmaster.networkutopia.com. "
                            + "2024061701 7200 3600 1209600 600"),
                    keys(COM, NU, List.of("www.networkutopia.com. AAAA (NODATA)")))),
            Map.entry("empty-non-terminal", answer("empty-non-terminal", seq(ROOT, "127.0.2.1", "127.0.3.1"),
                    seq(ROOT, "127.0.2.1", "127.0.3.1"),
                    List.of("tu-darmstadt.de. 300 IN SOA ns1.hrz.tu-darmstadt.de. hostmaster.hrz.tu-darmstadt.de. "
                            + "2024061701 7200 3600 1209600 300"),
                    keys(DE, TU, List.of("p2p.tu-darmstadt.de. A (NODATA)")))),
            Map.entry("mx", answer("mx", seq(ROOT, "127.0.2.11", "127.0.4.1"), seq(ROOT, "127.0.2.11", "127.0.4.1"),
                    List.of("networkutopia.com. 3600 IN MX 10 mail.networkutopia.com."),
                    keys(COM, NU, List.of("networkutopia.com. MX", "mail.networkutopia.com. A")))),
            Map.entry("aaaa", answer("aaaa", seq(ROOT, "127.0.2.1", "127.0.3.1"), seq(ROOT, "127.0.2.1", "127.0.3.1"),
                    List.of("www.tu-darmstadt.de. 86400 IN AAAA 2001:db8:83f:80::80"),
                    keys(DE, TU, List.of("www.tu-darmstadt.de. AAAA")))),
            Map.entry("txt", answer("txt", seq(ROOT, "127.0.2.11", "127.0.4.1"), seq(ROOT, "127.0.2.11", "127.0.4.1"),
                    List.of("networkutopia.com. 3600 IN TXT \"Network Utopia - a startup from the DNS lecture\""),
                    keys(COM, NU, List.of("networkutopia.com. TXT")))),
            Map.entry("srv", answer("srv", seq(ROOT, "127.0.2.11", "127.0.4.1"), seq(ROOT, "127.0.2.11", "127.0.4.1"),
                    List.of("_xmpp-client._tcp.networkutopia.com. 3600 IN SRV 5 0 5222 chat.networkutopia.com."),
                    keys(COM, NU, List.of("_xmpp-client._tcp.networkutopia.com. SRV", "chat.networkutopia.com. A")))));

    private static List<String> manyRecords() {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            out.add("many.networkutopia.com. 3600 IN A 127.0.41." + i);
        }
        return out;
    }

    /** Zone-file lines as the engine writes them (dnsjava's presentation format, single spaces). */
    static List<String> normalised(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            try (Master m = new Master(new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8)),
                    Name.root)) {
                Record r = m.nextRecord();
                out.add(MessageFacts.recordText(r));
            } catch (IOException e) {
                throw new IllegalArgumentException(line, e);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ reading traces

    /** The servers the asker queried, in order ("127.0.4.1/tcp" for TCP); the stub's own query is left out. */
    static List<String> serversAsked(Trace t) {
        List<String> out = new ArrayList<>();
        for (TraceEvent e : t.events()) {
            if (e instanceof TraceEvent.MessageSent s) {
                Endpoint to = t.endpoint(s.message().toId()).orElseThrow();
                if (to.role() == Role.RESOLVER && t.mode() == org.resolvefx.core.trace.ResolutionMode.RECURSIVE) {
                    continue;
                }
                out.add(s.message().to().host() + (s.message().transport() == Transport.TCP ? "/tcp" : ""));
            }
        }
        return out;
    }

    static <T extends TraceEvent> List<T> events(Trace t, Class<T> kind) {
        List<T> out = new ArrayList<>();
        for (TraceEvent e : t.events()) {
            if (kind.isInstance(e)) {
                out.add(kind.cast(e));
            }
        }
        return out;
    }

    static TraceEvent last(Trace t) {
        return t.events().get(t.events().size() - 1);
    }

    static Set<String> cacheKeys(List<CacheEntry> entries) {
        Set<String> out = new LinkedHashSet<>();
        for (CacheEntry e : entries) {
            out.add(e.key());
        }
        return out;
    }
}
