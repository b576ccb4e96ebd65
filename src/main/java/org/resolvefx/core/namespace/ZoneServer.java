package org.resolvefx.core.namespace;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.Name;

/**
 * A name server of a zone.
 *
 * @param name      the server's name (the NS record's target)
 * @param addresses its addresses, as far as known
 * @param glue      true when the parent's delegation gives the addresses (glue records, or root hints for
 *                  the root zone's servers); false when a resolver must look the name up first (glueless)
 */
public record ZoneServer(Name name, List<InetAddress> addresses, boolean glue) {
    public ZoneServer {
        Objects.requireNonNull(name, "name");
        addresses = List.copyOf(addresses);
    }

    /** The delegation gives no address: a resolver needs a side lookup for this server. */
    public boolean glueless() {
        return !glue;
    }
}
