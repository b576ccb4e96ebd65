package org.resolvefx.core.namespace;

import java.util.Objects;
import org.resolvefx.core.trace.Role;

/**
 * One endpoint's vertical line in the sequence diagram.
 *
 * @param endpointId  the endpoint
 * @param role        its role (UNKNOWN hosts get one from their behaviour where possible)
 * @param displayName "a.root-servers.net (127.0.1.1)" or the address
 * @param x           the line's x (layout units)
 */
public record Lifeline(String endpointId, Role role, String displayName, double x) {
    public Lifeline {
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(displayName, "displayName");
    }
}
