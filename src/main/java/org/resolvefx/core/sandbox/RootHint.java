package org.resolvefx.core.sandbox;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.Name;

/** A root server name and its addresses, as a resolver's root hints file lists them. */
public record RootHint(Name name, List<InetAddress> addresses) {
    public RootHint {
        Objects.requireNonNull(name, "name");
        addresses = List.copyOf(addresses);
    }
}
