package org.resolvefx.core.namespace;

import java.util.Objects;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.resolvefx.core.sandbox.ServerSpec;
import org.resolvefx.core.sandbox.ZoneSpec;

/**
 * The namespace tree of a sandbox world, as the namespace view draws it for sandbox traces: every
 * zone's names, the zone cuts its NS records below the apex make, and each zone's name servers with
 * their addresses.
 *
 * <p>Glue is what the parent zone gives: a server of a delegation is glue when the parent holds its
 * address (root servers count as glue, because the root hints give them); otherwise it is glueless
 * and a resolver must look its name up first ({@code pbs.org} on {@code ns1.pbsdns.net}). The servers
 * that actually serve each zone ({@link SandboxWorld#serversFor}) add their addresses without making
 * them glue, so a glueless server still shows where it listens.
 */
public final class WorldNamespace {

    private WorldNamespace() {
    }

    /** The tree of all zones of the world. */
    public static NamespaceTree of(SandboxWorld world) {
        return builder(world).snapshot();
    }

    /**
     * A builder already holding the world, for callers that add more (what a trace taught, the question
     * of a lookup) before taking a snapshot.
     */
    public static NamespaceBuilder builder(SandboxWorld world) {
        Objects.requireNonNull(world, "world");
        NamespaceBuilder b = new NamespaceBuilder();
        for (ZoneSpec z : world.zones()) {
            b.addZone(z.origin(), z.records());
        }
        for (ZoneSpec z : world.zones()) {
            for (ServerSpec s : world.serversFor(z.origin())) {
                b.addServer(z.origin(), s.name(), s.addresses());
            }
        }
        return b;
    }
}
