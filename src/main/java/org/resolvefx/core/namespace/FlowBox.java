package org.resolvefx.core.namespace;

import java.util.Objects;
import java.util.Optional;
import org.resolvefx.core.trace.Role;
import org.xbill.DNS.Name;

/**
 * One host of the message-flow figure.
 *
 * @param endpointId  the trace endpoint
 * @param role        its role (UNKNOWN hosts get one from their behaviour where possible)
 * @param column      where it stands
 * @param displayName "a.root-servers.net (127.0.1.1)" or the address
 * @param zone        the zone it serves, when known, else null
 * @param x           centre x (layout units)
 * @param y           centre y
 * @param width       box width
 * @param height      box height
 */
public record FlowBox(String endpointId, Role role, FlowColumn column, String displayName, Name zone, double x,
                      double y, double width, double height) {

    public FlowBox {
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(displayName, "displayName");
    }

    public Optional<Name> zoneName() {
        return Optional.ofNullable(zone);
    }

    public Bounds bounds() {
        return new Bounds(x - width / 2, y - height / 2, x + width / 2, y + height / 2);
    }
}
