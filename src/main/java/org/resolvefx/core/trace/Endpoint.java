package org.resolvefx.core.trace;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import org.resolvefx.core.net.IpText;

/**
 * A host taking part in a trace. Servers are identified by address and service port (several
 * sandbox servers may share an address on different ports); clients and resolvers by address
 * alone ({@code port == 0}), because they send from random source ports.
 *
 * @param id         stable key used by events ("e1", "e2", ...), unique within a trace
 * @param address    IP address
 * @param port       service port for servers, 0 for "any port"
 * @param role       what the host does in this lookup
 * @param serverName a name the host is known by ("a.root-servers.net."), or null
 * @param zone       the zone it answered for ("de."), or null where not known
 */
public record Endpoint(String id, InetAddress address, int port, Role role, String serverName, String zone) {
    public Endpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(role, "role");
    }

    public Optional<String> name() {
        return Optional.ofNullable(serverName);
    }

    public Optional<String> zoneName() {
        return Optional.ofNullable(zone);
    }

    /** "a.root-servers.net (127.0.1.1)" or just the address. */
    public String displayName() {
        String addr = IpText.format(address) + (port != 0 && port != 53 ? ":" + port : "");
        return serverName == null ? addr : stripDot(serverName) + " (" + addr + ")";
    }

    private static String stripDot(String n) {
        return n.length() > 1 && n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    public Endpoint withRole(Role newRole) {
        return new Endpoint(id, address, port, newRole, serverName, zone);
    }
}
