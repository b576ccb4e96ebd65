package org.resolvefx.core.namespace;

import java.util.Objects;

/**
 * The servers of one zone stand together in the server column; a view can bracket them and write the
 * zone beside them.
 *
 * @param zone   the zone
 * @param column the column the servers stand in
 * @param top    top edge of the first box
 * @param bottom bottom edge of the last box
 */
public record ZoneBand(org.xbill.DNS.Name zone, FlowColumn column, double top, double bottom) {
    public ZoneBand {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(column, "column");
    }
}
