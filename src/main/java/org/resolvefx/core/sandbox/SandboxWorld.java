package org.resolvefx.core.sandbox;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.resolvefx.core.net.SocketAddr;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * A sandbox world: authoritative servers with their addresses and behaviour, and the zones they
 * serve. Immutable; load one with {@link WorldLoader}. Changes ({@link #withZoneText},
 * {@link #withBehaviour}) return a new world.
 *
 * @param id          short key ("default")
 * @param title       caption for the user
 * @param description a paragraph about the world ("" if none)
 * @param servers     every server, in manifest order
 * @param zones       every zone, in manifest order
 * @param scenarios   teaching scenarios (names to resolve), possibly empty
 */
public record SandboxWorld(String id, String title, String description, List<ServerSpec> servers,
                           List<ZoneSpec> zones, List<Scenario> scenarios) {

    public SandboxWorld {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        description = description == null ? "" : description;
        servers = List.copyOf(servers);
        zones = List.copyOf(zones);
        scenarios = List.copyOf(scenarios);
    }

    /** The server listening on the address (any port), for an in-process network. */
    public Optional<SandboxServer> serverAt(SocketAddr addr) {
        return serverAt(addr.address());
    }

    /** The server listening on the address. */
    public Optional<SandboxServer> serverAt(InetAddress address) {
        for (ServerSpec s : servers) {
            if (s.listensOn(address)) {
                return Optional.of(new SandboxServer(s, zones));
            }
        }
        return Optional.empty();
    }

    /**
     * Delivers a query to whatever server listens on {@code server}'s address, as an in-process
     * network would: empty when nobody listens there, the server is DEAD, or it drops the message.
     * SLOW servers answer here at once; the network adds {@link ServerBehaviour#delayMillis()}.
     */
    public Optional<byte[]> handle(SocketAddr server, byte[] query, org.resolvefx.core.net.Transport transport,
                                   SocketAddr client) {
        return serverAt(server).flatMap(s -> s.handle(query, transport, client));
    }

    /** The server with the given host name. */
    public Optional<ServerSpec> server(Name name) {
        for (ServerSpec s : servers) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** A ready-to-answer server for each spec, in manifest order. */
    public List<SandboxServer> sandboxServers() {
        List<SandboxServer> out = new ArrayList<>();
        for (ServerSpec s : servers) {
            out.add(new SandboxServer(s, zones));
        }
        return out;
    }

    /**
     * The root NS names and their addresses from the root zone, as a resolver's hints file; empty if
     * the world has no root zone (a single-server world).
     */
    public List<RootHint> rootHints() {
        Optional<ZoneSpec> root = zone(Name.root);
        if (root.isEmpty()) {
            return List.of();
        }
        List<RootHint> out = new ArrayList<>();
        ZoneContents c = root.get().contents();
        for (Name ns : c.nsNames()) {
            List<InetAddress> addrs = new ArrayList<>();
            for (Record r : c.addressRecords(ns)) {
                addrs.add(r instanceof ARecord a ? a.getAddress() : ((AAAARecord) r).getAddress());
            }
            out.add(new RootHint(ns, addrs));
        }
        return out;
    }

    public Optional<ZoneSpec> zone(Name origin) {
        for (ZoneSpec z : zones) {
            if (z.origin().equals(origin)) {
                return Optional.of(z);
            }
        }
        return Optional.empty();
    }

    /** The most specific zone of the world containing the name (whoever serves it), if any. */
    public Optional<ZoneSpec> zoneContaining(Name name) {
        ZoneSpec best = null;
        for (ZoneSpec z : zones) {
            if (name.subdomain(z.origin()) && (best == null || z.origin().labels() > best.origin().labels())) {
                best = z;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The servers that serve the zone (whatever its NS records say). */
    public List<ServerSpec> serversFor(Name zoneOrigin) {
        List<ServerSpec> out = new ArrayList<>();
        for (ServerSpec s : servers) {
            if (s.serves(zoneOrigin)) {
                out.add(s);
            }
        }
        return out;
    }

    public Optional<Scenario> scenario(String scenarioId) {
        return scenarios.stream().filter(s -> s.id().equals(scenarioId)).findFirst();
    }

    /**
     * The world with one zone's master text replaced (what-if editing).
     *
     * @throws WorldException if the zone does not exist or the text is not a valid zone (with line)
     */
    public SandboxWorld withZoneText(Name origin, String masterFileText) throws WorldException {
        ZoneSpec old = zone(origin).orElseThrow(() -> new WorldException(null, 0, "world " + id
                + " has no zone " + origin));
        ZoneSpec updated = old.withText(masterFileText);
        List<ZoneSpec> newZones = new ArrayList<>();
        for (ZoneSpec z : zones) {
            newZones.add(z == old ? updated : z);
        }
        return new SandboxWorld(id, title, description, servers, newZones, scenarios);
    }

    /** The world with one server's behaviour switched (e.g. to DEAD for a lesson). */
    public SandboxWorld withBehaviour(Name serverName, ServerBehaviour behaviour) {
        boolean found = false;
        List<ServerSpec> newServers = new ArrayList<>();
        for (ServerSpec s : servers) {
            if (s.name().equals(serverName)) {
                found = true;
                newServers.add(s.withBehaviour(behaviour));
            } else {
                newServers.add(s);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("world " + id + " has no server " + serverName);
        }
        return new SandboxWorld(id, title, description, newServers, zones, scenarios);
    }
}
