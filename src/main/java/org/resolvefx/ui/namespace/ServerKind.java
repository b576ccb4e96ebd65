package org.resolvefx.ui.namespace;

import org.resolvefx.core.namespace.ZoneServer;
import org.resolvefx.ui.i18n.I18n;
import org.xbill.DNS.Name;

/** How a resolver gets the address of one name server of a zone, as the zone caption says it. */
enum ServerKind {
    /** A root server: the resolver's root hints give its address. */
    HINTS("namespace.server.hints", "ns-caption-glue"),
    /** The parent's delegation gives the address (glue). */
    GLUE("namespace.server.glue", "ns-caption-glue"),
    /** Named inside the zone but not given by the delegation: only the zone's own NS set lists it. */
    CHILD_ONLY("namespace.server.childOnly", "ns-caption-childonly"),
    /** Named outside the zone and without glue: a resolver must look the server's name up first. */
    GLUELESS("namespace.server.glueless", "ns-caption-glueless");

    private final String key;
    private final String styleClass;

    ServerKind(String key, String styleClass) {
        this.key = key;
        this.styleClass = styleClass;
    }

    static ServerKind of(Name zone, ZoneServer s) {
        if (s.glue()) {
            return zone.equals(Name.root) ? HINTS : GLUE;
        }
        // a server named inside its own zone always needs glue to be reachable through the delegation,
        // so without glue it can only have come from the zone's own NS set
        return s.name().subdomain(zone) && !zone.equals(Name.root) ? CHILD_ONLY : GLUELESS;
    }

    String caption(Name server) {
        return I18n.get(key, NodeGlyph.text(server));
    }

    String styleClass() {
        return styleClass;
    }
}
