package org.resolvefx.core.namespace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.resolvefx.core.trace.Endpoint;
import org.resolvefx.core.trace.Role;
import org.resolvefx.core.trace.Trace;
import org.xbill.DNS.Name;

/**
 * Places the hosts of a trace as in the lecture slide "DNS - Recursive and Iterative Queries": the
 * asking host at the bottom left, the local resolver on the left in the middle, and the root, TLD and
 * authoritative servers on the right, stacked top to bottom in the order the lookup walks down the
 * tree. In iterative mode (no resolver) the asking host takes the resolver's place in the middle.
 * Servers of the same zone stand together (a {@link ZoneBand}); servers asked only for a side lookup
 * (a glueless delegation's server name) get a column of their own further right.
 *
 * <p>Units are abstract: boxes are {@value #BOX_WIDTH} x {@value #BOX_HEIGHT}; the view scales with
 * {@link FlowDiagram#fit}.
 */
public final class FlowLayout {
    public static final double BOX_WIDTH = 5;
    public static final double BOX_HEIGHT = 1.4;
    /** Centre x of the left column (clients and resolvers). */
    public static final double HOSTS_X = BOX_WIDTH / 2;
    /** Centre x of the server column: wide enough apart for numbered arrows. */
    public static final double SERVERS_X = HOSTS_X + 11;
    public static final double SIDE_SERVERS_X = SERVERS_X + 7;
    /** Vertical distance between two servers of one zone, and between two zones. */
    public static final double PITCH_IN_ZONE = 1.9;
    public static final double PITCH_BETWEEN_ZONES = 2.6;
    /** How far below the rest the asking host stands in recursive mode. */
    public static final double CLIENT_DROP = 3.2;

    private FlowLayout() {
    }

    public static FlowDiagram of(Trace trace) {
        Objects.requireNonNull(trace, "trace");
        TraceGeometry g = new TraceGeometry(trace);
        List<Endpoint> clients = new ArrayList<>();
        List<Endpoint> resolvers = new ArrayList<>();
        List<Endpoint> servers = new ArrayList<>();
        List<Endpoint> side = new ArrayList<>();
        for (Endpoint e : g.endpoints) {
            Role r = g.role.get(e.id());
            if (r == Role.CLIENT) {
                clients.add(e);
            } else if (r == Role.RESOLVER) {
                resolvers.add(e);
            } else if (g.isSideServer(e.id())) {
                side.add(e);
            } else {
                servers.add(e);
            }
        }
        Comparator<Endpoint> byContact = Comparator.comparingInt((Endpoint e) -> g.firstContact(e.id()))
                .thenComparingInt(e -> g.order.get(e.id()));
        clients.sort(byContact);
        resolvers.sort(byContact);

        List<FlowBox> boxes = new ArrayList<>();
        List<ZoneBand> bands = new ArrayList<>();
        double[] serverSpan = stack(g, servers, FlowColumn.SERVERS, SERVERS_X, boxes, bands);
        stack(g, side, FlowColumn.SIDE_SERVERS, SIDE_SERVERS_X, boxes, bands);

        double middle = servers.isEmpty() ? 0 : (serverSpan[0] + serverSpan[1]) / 2;
        List<FlowBox> hosts = new ArrayList<>();
        double bottom = servers.isEmpty() ? 0 : serverSpan[1];
        if (!resolvers.isEmpty()) {
            double y = middle - (resolvers.size() - 1) * PITCH_BETWEEN_ZONES / 2;
            for (Endpoint e : resolvers) {
                hosts.add(box(g, e, FlowColumn.HOSTS, HOSTS_X, y));
                bottom = Math.max(bottom, y);
                y += PITCH_BETWEEN_ZONES;
            }
            y = bottom + CLIENT_DROP;
            for (Endpoint e : clients) {
                hosts.add(box(g, e, FlowColumn.HOSTS, HOSTS_X, y));
                y += PITCH_BETWEEN_ZONES;
            }
        } else {
            double y = middle - (clients.size() - 1) * PITCH_BETWEEN_ZONES / 2;
            for (Endpoint e : clients) {
                hosts.add(box(g, e, FlowColumn.HOSTS, HOSTS_X, y));
                y += PITCH_BETWEEN_ZONES;
            }
        }
        hosts.addAll(boxes);
        return new FlowDiagram(trace.mode(), hosts, bands);
    }

    /**
     * Stacks servers top to bottom: by role (root, TLD, authoritative, unknown), then zone depth, then
     * when their zone was first contacted, then when they were. Returns the centre y of the first and
     * last box.
     */
    private static double[] stack(TraceGeometry g, List<Endpoint> servers, FlowColumn column, double x,
                                  List<FlowBox> boxes, List<ZoneBand> bands) {
        Map<Name, Integer> zoneContact = new HashMap<>();
        for (Endpoint e : servers) {
            Name z = g.zone.get(e.id());
            if (z != null) {
                zoneContact.merge(z, g.firstContact(e.id()), Math::min);
            }
        }
        Comparator<Endpoint> order = Comparator
                .comparingInt((Endpoint e) -> TraceGeometry.roleRank(g.role.get(e.id())))
                .thenComparingInt(e -> g.zone.containsKey(e.id()) ? g.zone.get(e.id()).labels() : Integer.MAX_VALUE)
                .thenComparingInt(e -> g.zone.containsKey(e.id()) ? zoneContact.get(g.zone.get(e.id()))
                        : g.firstContact(e.id()))
                .thenComparing(e -> g.zone.getOrDefault(e.id(), Name.root))
                .thenComparingInt(e -> g.firstContact(e.id()))
                .thenComparingInt(e -> g.order.get(e.id()));
        List<Endpoint> sorted = new ArrayList<>(servers);
        sorted.sort(order);
        double y = 0;
        Name bandZone = null;
        double bandTop = 0;
        double last = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Endpoint e = sorted.get(i);
            Name z = g.zone.get(e.id());
            boolean sameZone = z != null && z.equals(bandZone);
            if (i > 0) {
                y += sameZone ? PITCH_IN_ZONE : PITCH_BETWEEN_ZONES;
            }
            if (!sameZone) {
                if (bandZone != null) {
                    bands.add(new ZoneBand(bandZone, column, bandTop, last + BOX_HEIGHT / 2));
                }
                bandZone = z;
                bandTop = y - BOX_HEIGHT / 2;
            }
            boxes.add(box(g, e, column, x, y));
            last = y;
        }
        if (bandZone != null) {
            bands.add(new ZoneBand(bandZone, column, bandTop, last + BOX_HEIGHT / 2));
        }
        return new double[] {0, last};
    }

    private static FlowBox box(TraceGeometry g, Endpoint e, FlowColumn column, double x, double y) {
        return new FlowBox(e.id(), g.role.get(e.id()), column, e.displayName(), g.zone.get(e.id()), x, y, BOX_WIDTH,
                BOX_HEIGHT);
    }
}
