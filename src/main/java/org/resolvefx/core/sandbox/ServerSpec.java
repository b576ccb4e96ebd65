package org.resolvefx.core.sandbox;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import org.resolvefx.core.net.IpText;
import org.xbill.DNS.Name;

/**
 * One authoritative server of a world.
 *
 * @param name      the host name it is known by ("a.root-servers.net.")
 * @param addresses where it listens (loopback only), at least one
 * @param zones     origins of the zones it serves; empty for a server that serves nothing (lame)
 * @param behaviour normal, dead or slow
 */
public record ServerSpec(Name name, List<InetAddress> addresses, List<Name> zones, ServerBehaviour behaviour) {
    public ServerSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(behaviour, "behaviour");
        addresses = List.copyOf(addresses);
        zones = List.copyOf(zones);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("server " + name + " needs at least one address");
        }
    }

    public boolean serves(Name origin) {
        return zones.contains(origin);
    }

    public boolean listensOn(InetAddress address) {
        return addresses.contains(address);
    }

    public ServerSpec withBehaviour(ServerBehaviour newBehaviour) {
        return new ServerSpec(name, addresses, zones, newBehaviour);
    }

    /** "127.0.1.1, ::1" */
    public String addressText() {
        StringBuilder sb = new StringBuilder();
        for (InetAddress a : addresses) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(IpText.format(a));
        }
        return sb.toString();
    }
}
