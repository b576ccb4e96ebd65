package org.resolvefx.core.namespace;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resolvefx.core.trace.Endpoint;
import org.resolvefx.core.trace.Role;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.WireMessage;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * What the flow and sequence layouts need to know about a trace's hosts: every endpoint (also ids
 * that only events mention), the role each plays (guessed from behaviour when UNKNOWN), when each was
 * first contacted, and the zone each server serves where the trace says so.
 */
final class TraceGeometry {
    final List<Endpoint> endpoints = new ArrayList<>();
    final Map<String, Role> role = new HashMap<>();
    final Map<String, Integer> firstContact = new HashMap<>();
    final Map<String, Name> zone = new HashMap<>();
    final List<Name> mainNames = new ArrayList<>();
    /** Endpoint id -> index in the (extended) endpoint list, for stable tie-breaking. */
    final Map<String, Integer> order = new HashMap<>();
    private final java.util.Set<String> askedInSideLookup = new java.util.HashSet<>();
    private final java.util.Set<String> askedInMainLookup = new java.util.HashSet<>();

    TraceGeometry(Trace trace) {
        Map<String, Endpoint> byId = new LinkedHashMap<>();
        for (Endpoint e : trace.endpoints()) {
            byId.put(e.id(), e);
        }
        Map<String, boolean[]> behaviour = new HashMap<>(); // {received a query, sent a query}
        List<TraceEvent> events = trace.events();
        int sideDepth = 0;
        for (int i = 0; i < events.size(); i++) {
            TraceEvent ev = events.get(i);
            if (ev instanceof TraceEvent.SideResolutionStarted) {
                sideDepth++;
            } else if (ev instanceof TraceEvent.SideResolutionFinished) {
                sideDepth = Math.max(0, sideDepth - 1);
            }
            WireMessage m = message(ev);
            if (m == null) {
                continue;
            }
            for (String id : List.of(m.fromId(), m.toId())) {
                firstContact.putIfAbsent(id, i);
                if (!byId.containsKey(id)) {
                    InetAddress a = id.equals(m.fromId()) ? m.from().address() : m.to().address();
                    byId.put(id, new Endpoint(id, a, 0, Role.UNKNOWN, null, null));
                }
            }
            if (!m.isResponse()) {
                (sideDepth > 0 ? askedInSideLookup : askedInMainLookup).add(m.toId());
                behaviour.computeIfAbsent(m.toId(), x -> new boolean[2])[0] = true;
                behaviour.computeIfAbsent(m.fromId(), x -> new boolean[2])[1] = true;
            }
        }
        for (Endpoint e : byId.values()) {
            order.put(e.id(), endpoints.size());
            endpoints.add(e);
            Role r = e.role();
            if (r == Role.UNKNOWN) {
                boolean[] b = behaviour.getOrDefault(e.id(), new boolean[2]);
                // asked and asking: a resolver; only asked: a server; only asking: a client
                r = b[0] && b[1] ? Role.RESOLVER : b[0] ? Role.UNKNOWN : b[1] ? Role.CLIENT : Role.UNKNOWN;
            }
            role.put(e.id(), r);
            Name z = parse(e.zone());
            if (z == null && e.role() == Role.ROOT) {
                z = Name.root;
            }
            if (z != null) {
                zone.put(e.id(), z);
            }
        }
        mainNames.add(trace.question().name());
        for (TraceEvent ev : events) {
            if (ev instanceof TraceEvent.CnameRestart c) {
                mainNames.add(c.target());
            } else if (ev instanceof TraceEvent.ReferralFollowed f) {
                // a server named (or found at a glue address) in a followed referral serves that zone
                for (TraceEvent.NameServer ns : f.servers()) {
                    for (Endpoint e : endpoints) {
                        if (zone.containsKey(e.id())) {
                            continue;
                        }
                        Name n = parse(e.serverName());
                        if (ns.name().equals(n) || ns.addresses().contains(e.address())) {
                            zone.put(e.id(), f.zone());
                        }
                    }
                }
            }
        }
    }

    /** Servers answer queries: the authority roles, and UNKNOWN hosts that were only ever asked. */
    boolean isServer(String id) {
        Role r = role.get(id);
        return r.isAuthority() || r == Role.UNKNOWN;
    }

    /**
     * A server asked only while a side lookup (of a glueless name server) was under way, and whose zone,
     * if known, lies above none of the main lookup's names (question and alias targets): the root and
     * TLD servers a side lookup passes through stay in the main column.
     */
    boolean isSideServer(String id) {
        if (!isServer(id) || !askedInSideLookup.contains(id) || askedInMainLookup.contains(id)) {
            return false;
        }
        Name z = zone.get(id);
        if (z == null) {
            return true;
        }
        for (Name n : mainNames) {
            if (n.subdomain(z)) {
                return false;
            }
        }
        return true;
    }

    int firstContact(String id) {
        return firstContact.getOrDefault(id, Integer.MAX_VALUE);
    }

    static int roleRank(Role r) {
        return switch (r) {
            case CLIENT -> 0;
            case RESOLVER -> 1;
            case ROOT -> 2;
            case TLD -> 3;
            case AUTHORITATIVE -> 4;
            case UNKNOWN -> 5;
        };
    }

    static WireMessage message(TraceEvent e) {
        if (e instanceof TraceEvent.MessageSent s) {
            return s.message();
        }
        if (e instanceof TraceEvent.MessageReceived r) {
            return r.message();
        }
        return null;
    }

    private static Name parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Name.fromString(text, Name.root);
        } catch (TextParseException e) {
            return null;
        }
    }
}
