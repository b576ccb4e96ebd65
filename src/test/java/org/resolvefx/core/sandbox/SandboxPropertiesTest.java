package org.resolvefx.core.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.resolvefx.core.net.Transport;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** Fuzz: whatever bytes or text come in, the server answers sanely and the loaders only say WorldException. */
class SandboxPropertiesTest {
    static final SandboxServer EXAMPLE = TestWorlds.server(TestWorlds.zone("example.", TestWorlds.EXAMPLE));
    static final SandboxServer ROOT;

    static {
        try {
            ROOT = WorldLoader.loadDefault().serverAt(java.net.InetAddress.getByName("127.0.3.1")).orElseThrow();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A response, if any, parses, echoes the ID and is never the SERVFAIL that hides a bug. */
    private static void checkResponse(byte[] query, SandboxServer server, Transport t) throws IOException {
        var out = server.handle(query, t, Queries.CLIENT);
        if (query.length < 12) {
            assertThat(out).isEmpty();
            return;
        }
        if (out.isEmpty()) {
            assertThat(query[2] & 0x80).as("only responses are dropped").isNotZero();
            return;
        }
        Message r = new Message(out.get());
        assertThat(r.getHeader().getID()).isEqualTo(((query[0] & 0xFF) << 8) | (query[1] & 0xFF));
        assertThat(r.getRcode()).isNotEqualTo(Rcode.SERVFAIL);
        assertThat(out.get().length).isLessThanOrEqualTo(t == Transport.UDP ? 1232 : 65535);
    }

    @Property
    void randomBytesNeverBreakTheServer(@ForAll @Size(max = 600) byte[] query, @ForAll boolean tcp) throws IOException {
        checkResponse(query, EXAMPLE, tcp ? Transport.TCP : Transport.UDP);
    }

    @Provide
    Arbitrary<byte[]> mutatedQueries() {
        List<String> names = List.of("www.example.", "a.b.c.example.", "www.short.example.", "x.wild.example.",
                "alias.example.", "host.sub.example.", "nope.test.", "example.", "www.p2p.tu-darmstadt.de.",
                "www.cs.tu-darmstadt.de.");
        Arbitrary<byte[]> base = Combinators.combine(Arbitraries.of(names),
                Arbitraries.of(Type.A, Type.AAAA, Type.NS, Type.MX, Type.ANY, Type.DS, Type.CNAME, Type.SOA, Type.TXT),
                Arbitraries.of(0, 512, 1232, 4096)).as((n, t, e) -> Queries.query(n, t, e).toWire());
        return Combinators.combine(base, Arbitraries.integers().between(0, 20), Arbitraries.integers().between(0, 255),
                Arbitraries.integers().between(0, 3)).as((bytes, pos, value, kind) -> mutate(bytes, pos, value, kind));
    }

    static byte[] mutate(byte[] b, int pos, int value, int kind) {
        int p = b.length == 0 ? 0 : (pos * 7) % b.length;
        switch (kind) {
            case 0:
                byte[] c = b.clone();
                c[p] = (byte) value;
                return c;
            case 1:
                return java.util.Arrays.copyOf(b, p);
            case 2:
                byte[] longer = java.util.Arrays.copyOf(b, b.length + 1 + value % 8);
                longer[b.length] = (byte) value;
                return longer;
            default:
                byte[] d = b.clone();
                d[p] ^= (byte) (1 << (value % 8));
                return d;
        }
    }

    @Property
    void mutatedQueriesNeverBreakTheServer(@ForAll("mutatedQueries") byte[] query, @ForAll boolean tcp)
            throws IOException {
        checkResponse(query, EXAMPLE, tcp ? Transport.TCP : Transport.UDP);
        checkResponse(query, ROOT, tcp ? Transport.TCP : Transport.UDP);
    }

    @Provide
    Arbitrary<String> mutatedZones() {
        String base = TestWorlds.EXAMPLE;
        Arbitrary<String> junk = Arbitraries.of("(", ")", ";", "$ORIGIN", "$TTL", "$GENERATE 1-3 x$ A 127.0.0.$",
                "\"", "\\", "IN", "CNAME", "DNAME", "NS", "@", "*", ".", "..", "\n", " ", "\t", "65536", "-1",
                "SOA", "A", "AAAA", "::1", "127.0.0.1", "8.8.8.8", "\u00e9", "\u0000", "$INCLUDE x", "TYPE65534",
                "\\# 2 abcd", "2147483648");
        return Combinators.combine(Arbitraries.integers().between(0, base.length()),
                Arbitraries.integers().between(0, 40), junk.list().ofMaxSize(4))
                .as((at, cut, inserts) -> {
                    String s = base.substring(0, at) + String.join(" ", inserts)
                            + base.substring(Math.min(base.length(), at + cut));
                    return s;
                });
    }

    @Property
    void mutatedZoneTextGivesAZoneOrAWorldException(@ForAll("mutatedZones") String text) {
        try {
            ZoneSpec z = ZoneSpec.parse(Name.fromConstantString("example."), "fuzz.zone", text);
            // whatever parsed must be answerable
            SandboxServer s = TestWorlds.server(z);
            for (Name n : z.contents().owners()) {
                assertThat(s.handle(Queries.query(n.toString(), Type.A, 0).toWire(), Transport.UDP, Queries.CLIENT))
                        .isPresent();
            }
        } catch (WorldException e) {
            assertThat(e.getMessage()).startsWith("fuzz.zone").isNotBlank();
            assertThat(e.problem()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> mutatedManifests() {
        String base = WorldLoaderTest.manifest("127.0.8.1", "example.", "z.zone");
        Arbitrary<String> junk = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"", "null", "true", "1e999", "-1",
                "\"dead\"", "\"slow\"", "\"8.8.8.8\"", "\"::1\"", "\"../x\"", "\"..\"", "\"\"", "\\u0000", "\n");
        return Combinators.combine(Arbitraries.integers().between(0, base.length()),
                Arbitraries.integers().between(0, 20), junk.list().ofMaxSize(3))
                .as((at, cut, inserts) -> base.substring(0, at) + String.join("", inserts)
                        + base.substring(Math.min(base.length(), at + cut)));
    }

    @Property(tries = 300)
    void mutatedManifestsGiveAWorldOrAWorldException(@ForAll("mutatedManifests") String manifest) {
        WorldLoader.FileSource files = rel -> rel.equals("z.zone") ? WorldLoaderTest.ZONE : null;
        try {
            SandboxWorld w = WorldLoader.parse(manifest, "world.json", files, "");
            assertThat(w.servers()).isNotEmpty();
        } catch (WorldException e) {
            // the fault is named where it is: in the manifest, or in the zone file the manifest points at
            // (e.g. a mutated origin no longer matches the owners in z.zone)
            assertThat(e.getMessage()).matches("(world\\.json|z\\.zone)(:\\d+)?: .+");
        }
    }
}
