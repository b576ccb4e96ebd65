package org.resolvefx.core.sandbox;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Name;

/** Small worlds built in code, for tests. */
final class TestWorlds {
    private TestWorlds() {
    }

    static ZoneSpec zone(String origin, String text) {
        try {
            return ZoneSpec.parse(Queries.name(origin), origin + "zone", text);
        } catch (WorldException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** One normal server at 127.0.9.1 serving all the zones given. */
    static SandboxServer server(ZoneSpec... zones) {
        List<Name> origins = new ArrayList<>();
        for (ZoneSpec z : zones) {
            origins.add(z.origin());
        }
        try {
            ServerSpec spec = new ServerSpec(Queries.name("ns.test."), List.of(InetAddress.getByName("127.0.9.1")),
                    origins, ServerBehaviour.NORMAL);
            return new SandboxServer(spec, List.of(zones));
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static String many(String owner, int count, String prefix) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            sb.append(owner).append(" IN A ").append(prefix).append(i).append('\n');
        }
        return sb.toString();
    }

    /** example. with a bit of everything; SOA TTL 3600, MINIMUM 300. */
    static final String EXAMPLE = """
            $ORIGIN example.
            $TTL 3600
            @       IN SOA ns1 hostmaster 1 7200 3600 1209600 300
            @       IN NS  ns1
            @       IN NS  ns.elsewhere.test.
            @       IN MX  10 mail
            @       IN MX  20 mx.elsewhere.test.
            ns1     IN A   127.0.9.1
            ns1     IN AAAA ::1
            mail    IN A   192.0.2.25
            www     IN A   192.0.2.80
            a.b.c   IN A   192.0.2.3
            ext     IN CNAME www.elsewhere.test.
            nowhere IN CNAME missing
            sub     IN NS  ns.sub
            sub     IN NS  ns.other.test.
            ns.sub  IN A   127.0.9.2
            sub     IN DS  12345 13 2 0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF
            alias   IN CNAME deep.sub
            short   IN DNAME target.example.
            www.target IN A 192.0.2.88
            far     IN DNAME elsewhere.test.
            *.wild  IN A   192.0.2.99
            *.wild  IN TXT "wildcard"
            exists.wild IN A 192.0.2.98
            _sip._udp IN SRV 10 5 5060 mail
            """;
}
