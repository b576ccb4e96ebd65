package org.resolvefx.core.namespace;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.WireMessage;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;
import org.xbill.DNS.Zone;

/**
 * Collects what is known about the namespace and turns it into immutable {@link NamespaceTree}
 * snapshots. Three ways in, which can be mixed (that is the merge):
 * <ul>
 *   <li>authoritative zone data: {@link #addZone(Zone)} / {@link #addZone(Name, Iterable)} plus
 *       {@link #addServer} for where a world serves each zone;</li>
 *   <li>messages: {@link #learn(WireMessage)} / {@link #learn(Message)} / {@link #learn(Trace)} grow the
 *       tree with what referrals, answers and negative answers reveal;</li>
 *   <li>other trees: {@link #add(NamespaceTree)}.</li>
 * </ul>
 * Mutable and not thread-safe; {@link #snapshot()} is cheap enough (linear) to call after every
 * message of a live trace.
 */
public final class NamespaceBuilder {

    private static final String NXDOMAIN_MARK = "(NXDOMAIN)";
    private static final String NODATA_MARK = "(NODATA)";

    private final Map<Name, NodeData> nodes = new HashMap<>();
    /** Every address seen for a name anywhere (zone data, answers, glue), to fill in NS addresses. */
    private final Map<Name, Set<InetAddress>> addressBook = new HashMap<>();

    public NamespaceBuilder() {
        node(Name.root).apex = true;
    }

    /** Adds a dnsjava zone: every RRset as zone data, the origin as a zone apex, NS below it as cuts. */
    public NamespaceBuilder addZone(Zone zone) {
        Objects.requireNonNull(zone, "zone");
        List<Record> records = new ArrayList<>();
        for (RRset set : zone) {
            records.addAll(set.rrs(false));
        }
        return addZone(zone.getOrigin(), records);
    }

    /**
     * Adds the records of one zone (for callers that hold RRsets or records rather than a {@link Zone}).
     * Records outside the zone are ignored. NS records at the origin name the zone's servers; NS records
     * at other names are delegations (zone cuts), and address records of their servers in this zone are
     * glue.
     */
    public NamespaceBuilder addZone(Name origin, Iterable<Record> records) {
        Objects.requireNonNull(origin, "origin");
        NodeData apex = node(origin);
        apex.apex = true;
        apex.sources.add(KnowledgeSource.ZONE_DATA);
        Map<Name, Set<InetAddress>> inZoneAddresses = new HashMap<>();
        List<NSRecord> nsRecords = new ArrayList<>();
        for (Record r : records) {
            if (!r.getName().subdomain(origin)) {
                continue;
            }
            addRecord(r, KnowledgeSource.ZONE_DATA);
            if (r instanceof NSRecord ns) {
                nsRecords.add(ns);
            } else {
                InetAddress a = addressOf(r);
                if (a != null) {
                    inZoneAddresses.computeIfAbsent(r.getName(), x -> new LinkedHashSet<>()).add(a);
                }
            }
        }
        for (NSRecord ns : nsRecords) {
            Set<InetAddress> addresses = inZoneAddresses.getOrDefault(ns.getTarget(), Set.of());
            boolean delegation = !ns.getName().equals(origin);
            // addresses a zone holds for the servers of a child zone are that delegation's glue; for the
            // root zone's own servers they play the part of root hints
            boolean glue = !addresses.isEmpty() && (delegation || origin.equals(Name.root));
            NodeData cut = node(ns.getName());
            cut.apex = true;
            cut.server(ns.getTarget()).add(addresses, glue);
        }
        return this;
    }

    /**
     * Records that a server of that name, at those addresses, serves {@code zone} (the sandbox's map
     * of zone -> servers). Does not make the addresses glue: only a parent's delegation can.
     */
    public NamespaceBuilder addServer(Name zone, Name serverName, Collection<InetAddress> addresses) {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(serverName, "serverName");
        NodeData apex = node(zone);
        apex.apex = true;
        apex.server(serverName).add(addresses, false);
        for (InetAddress a : addresses) {
            addressBook.computeIfAbsent(serverName, x -> new LinkedHashSet<>()).add(a);
        }
        return this;
    }

    /**
     * Adds zone data for several zones and the servers of each, in one call.
     *
     * @param zones   dnsjava zones
     * @param servers zone apex -> (server name -> addresses); may be empty
     */
    public NamespaceBuilder addZones(Collection<Zone> zones, Map<Name, Map<Name, List<InetAddress>>> servers) {
        for (Zone z : zones) {
            addZone(z);
        }
        servers.forEach((zone, byName) -> byName.forEach((server, addresses) -> addServer(zone, server, addresses)));
        return this;
    }

    /**
     * Learns from one message as it crossed the wire. Queries reveal nothing; bytes that are not a DNS
     * message are skipped.
     *
     * @return true when the message was a well-formed response that was read
     */
    public boolean learn(WireMessage message) {
        if (!message.isResponse()) {
            return false;
        }
        try {
            return learn(new Message(message.unsafeBytes()));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Learns from a response: records of the answer section, NS records of the authority section (zone
     * cuts: a referral's if the answer is empty, its addresses in the additional section then being
     * glue), the SOA of a negative answer (a zone apex) and the NXDOMAIN or NODATA itself.
     *
     * @return true when it was a response
     */
    public boolean learn(Message message) {
        if (!message.getHeader().getFlag(Flags.QR)) {
            return false;
        }
        Record question = message.getQuestion();
        int rcode = message.getRcode();
        List<Record> answer = message.getSection(Section.ANSWER);
        List<Record> authority = message.getSection(Section.AUTHORITY);
        List<Record> additional = message.getSection(Section.ADDITIONAL);
        boolean hasSoa = authority.stream().anyMatch(r -> r.getType() == Type.SOA);
        boolean negative = rcode == Rcode.NXDOMAIN || rcode == Rcode.NOERROR && answer.isEmpty() && hasSoa;
        boolean aa = message.getHeader().getFlag(Flags.AA);

        for (Record r : answer) {
            addRecord(r, KnowledgeSource.ANSWER);
            if (r instanceof NSRecord ns) {
                NodeData apex = node(ns.getName());
                apex.apex = true;
                apex.server(ns.getTarget());
            } else if (r instanceof CNAMERecord c) {
                node(c.getTarget());
            } else if (r instanceof DNAMERecord d) {
                node(d.getTarget());
            }
        }
        Map<Name, List<Name>> cutsWithServers = new LinkedHashMap<>();
        Map<Name, Boolean> cutIsReferral = new HashMap<>();
        for (Record r : authority) {
            if (r instanceof NSRecord ns) {
                // an authoritative server's own NS set beside an answer is answer data; NS for any other
                // zone (a referral, or the delegation of a CNAME target) is referral data
                boolean ownZone = aa && !answer.isEmpty() && question != null
                        && question.getName().subdomain(ns.getName());
                boolean referral = !ownZone && (rcode == Rcode.NOERROR || rcode == Rcode.NXDOMAIN) && !hasSoa;
                addRecord(r, referral ? KnowledgeSource.REFERRAL : KnowledgeSource.ANSWER);
                NodeData apex = node(ns.getName());
                apex.apex = true;
                apex.server(ns.getTarget());
                cutsWithServers.computeIfAbsent(ns.getName(), x -> new ArrayList<>()).add(ns.getTarget());
                cutIsReferral.merge(ns.getName(), referral, Boolean::logicalOr);
            } else if (r.getType() == Type.SOA) {
                addRecord(r, negative ? KnowledgeSource.NEGATIVE_ANSWER : KnowledgeSource.ANSWER);
                node(r.getName()).apex = true;
            } else {
                addRecord(r, negative ? KnowledgeSource.NEGATIVE_ANSWER : KnowledgeSource.ANSWER);
            }
        }
        for (Record r : additional) {
            if (r.getType() == Type.OPT || r.getType() == Type.TSIG || r.getType() == Type.SIG) {
                continue; // pseudo-records about the message, not the namespace
            }
            InetAddress a = addressOf(r);
            if (a == null) {
                addRecord(r, KnowledgeSource.ANSWER);
                continue;
            }
            boolean glue = false;
            for (Map.Entry<Name, List<Name>> cut : cutsWithServers.entrySet()) {
                if (cut.getValue().contains(r.getName())) {
                    boolean referral = cutIsReferral.getOrDefault(cut.getKey(), false);
                    node(cut.getKey()).server(r.getName()).add(List.of(a), referral);
                    glue |= referral;
                }
            }
            for (Record ans : answer) {
                if (ans instanceof NSRecord ns && ns.getTarget().equals(r.getName())) {
                    // the root's servers from a priming answer count as hints, like glue
                    node(ns.getName()).server(r.getName()).add(List.of(a), ns.getName().equals(Name.root));
                }
            }
            addRecord(r, glue ? KnowledgeSource.REFERRAL : KnowledgeSource.ANSWER);
        }
        if (question != null && negative) {
            NodeData q = node(question.getName());
            q.sources.add(KnowledgeSource.NEGATIVE_ANSWER);
            if (rcode == Rcode.NXDOMAIN) {
                q.nxdomain = true;
                q.records.add(question.getName() + " " + NXDOMAIN_MARK);
            } else {
                q.records.add(question.getName() + " " + Type.string(question.getType()) + " " + NODATA_MARK);
            }
        }
        return true;
    }

    /**
     * Learns from a whole trace: every message, every followed referral (with its glue), the addresses
     * found by side lookups, and the question itself.
     */
    public NamespaceBuilder learn(Trace trace) {
        node(trace.question().name()).sources.add(KnowledgeSource.QUESTION);
        for (TraceEvent e : trace.events()) {
            learn(e);
        }
        return this;
    }

    /** Learns from one event of a trace (for a live trace growing event by event). */
    public NamespaceBuilder learn(TraceEvent event) {
        if (event instanceof TraceEvent.MessageSent s) {
            learn(s.message());
        } else if (event instanceof TraceEvent.MessageReceived r) {
            if (r.accepted()) {
                learn(r.message()); // an ignored (possibly spoofed) response teaches nothing
            }
        } else if (event instanceof TraceEvent.ReferralFollowed f) {
            NodeData apex = node(f.zone());
            apex.apex = true;
            apex.sources.add(KnowledgeSource.REFERRAL);
            for (TraceEvent.NameServer ns : f.servers()) {
                apex.server(ns.name()).add(ns.addresses(), ns.glue() && !ns.addresses().isEmpty());
                rememberAddresses(ns.name(), ns.addresses());
            }
        } else if (event instanceof TraceEvent.SideResolutionFinished f) {
            if (f.success() && !f.addresses().isEmpty()) {
                NodeData server = node(f.serverName());
                server.sources.add(KnowledgeSource.ANSWER);
                rememberAddresses(f.serverName(), f.addresses());
            }
        } else if (event instanceof TraceEvent.CnameRestart c) {
            node(c.alias());
            node(c.target());
        }
        return this;
    }

    /** Adds everything another tree knows (merge). */
    public NamespaceBuilder add(NamespaceTree tree) {
        Deque<NamespaceNode> stack = new ArrayDeque<>();
        stack.push(tree.root());
        while (!stack.isEmpty()) {
            NamespaceNode n = stack.pop();
            NodeData d = node(n.name());
            d.apex |= n.zoneApex();
            d.sources.addAll(n.sources());
            d.records.addAll(n.records());
            d.nxdomain |= n.nonexistent();
            d.positive |= n.records().stream().anyMatch(r -> !r.endsWith(NXDOMAIN_MARK) && !r.endsWith(NODATA_MARK));
            if (n.zoneApex()) {
                for (ZoneServer s : n.nameServers()) {
                    d.server(s.name()).add(s.addresses(), s.glue());
                    rememberAddresses(s.name(), s.addresses());
                }
            }
            for (NamespaceNode c : n.children()) {
                stack.push(c);
            }
        }
        return this;
    }

    /** Adds the question name of a lookup, so the tree shows it before anything is known about it. */
    public NamespaceBuilder addQuestion(Name name) {
        node(name).sources.add(KnowledgeSource.QUESTION);
        return this;
    }

    /** An immutable tree of everything known so far. */
    public NamespaceTree snapshot() {
        // every name with all its ancestors, grouped under their parents in canonical order
        Map<Name, TreeMap<Name, Boolean>> childrenOf = new HashMap<>();
        for (Name n : new ArrayList<>(nodes.keySet())) {
            Name child = n;
            while (child.labels() > 1) {
                Name parent = new Name(child, 1);
                TreeMap<Name, Boolean> siblings = childrenOf.computeIfAbsent(parent, x -> new TreeMap<>());
                if (siblings.put(child, Boolean.TRUE) != null) {
                    break; // the rest of this chain of ancestors is already in place
                }
                child = parent;
            }
        }
        // zones top-down, nodes bottom-up, both without recursion (names may be up to 127 labels deep)
        Map<Name, Name> zoneOf = new HashMap<>();
        Map<Name, List<ZoneServer>> serversOfZone = new HashMap<>();
        List<Name> preorder = new ArrayList<>();
        Deque<Name> stack = new ArrayDeque<>();
        stack.push(Name.root);
        while (!stack.isEmpty()) {
            Name n = stack.pop();
            preorder.add(n);
            NodeData d = nodes.get(n);
            boolean apex = n.equals(Name.root) || d != null && d.apex;
            zoneOf.put(n, apex ? n : zoneOf.get(new Name(n, 1)));
            if (apex) {
                serversOfZone.put(n, servers(n, d));
            }
            TreeMap<Name, Boolean> kids = childrenOf.get(n);
            if (kids != null) {
                for (Name c : kids.descendingKeySet()) {
                    stack.push(c);
                }
            }
        }
        Map<Name, NamespaceNode> built = new HashMap<>();
        for (int i = preorder.size() - 1; i >= 0; i--) {
            Name n = preorder.get(i);
            NodeData d = nodes.get(n);
            List<NamespaceNode> kids = new ArrayList<>();
            TreeMap<Name, Boolean> childNames = childrenOf.get(n);
            if (childNames != null) {
                for (Name c : childNames.keySet()) {
                    kids.add(built.remove(c));
                }
            }
            Name zone = zoneOf.get(n);
            List<String> records = d == null ? List.of() : new ArrayList<>(d.records);
            boolean nonexistent = d != null && d.nxdomain && !d.positive && kids.isEmpty();
            built.put(n, new NamespaceNode(n, zone.equals(n), zone, serversOfZone.get(zone), records,
                    d == null ? Set.of() : d.sources, nonexistent, kids, 0));
        }
        return new NamespaceTree(built.get(Name.root));
    }

    private List<ZoneServer> servers(Name zone, NodeData d) {
        if (d == null) {
            return List.of();
        }
        List<ZoneServer> out = new ArrayList<>();
        for (Map.Entry<Name, ServerData> e : d.servers.entrySet()) {
            Set<InetAddress> addresses = new LinkedHashSet<>(e.getValue().addresses);
            if (addresses.isEmpty()) {
                addresses.addAll(addressBook.getOrDefault(e.getKey(), Set.of()));
            }
            out.add(new ZoneServer(e.getKey(), new ArrayList<>(addresses), e.getValue().glue));
        }
        return out;
    }

    private void addRecord(Record r, KnowledgeSource source) {
        NodeData d = node(r.getName());
        d.sources.add(source);
        d.positive = true;
        d.records.add(r.toString().replace('\t', ' '));
        InetAddress a = addressOf(r);
        if (a != null) {
            rememberAddresses(r.getName(), List.of(a));
        }
    }

    private void rememberAddresses(Name name, Collection<InetAddress> addresses) {
        if (!addresses.isEmpty()) {
            addressBook.computeIfAbsent(name, x -> new LinkedHashSet<>()).addAll(addresses);
        }
    }

    private static InetAddress addressOf(Record r) {
        if (r instanceof ARecord a) {
            return a.getAddress();
        }
        if (r instanceof AAAARecord a) {
            return a.getAddress();
        }
        return null;
    }

    private NodeData node(Name name) {
        if (!name.isAbsolute()) {
            throw new IllegalArgumentException("namespace names must be absolute: " + name);
        }
        return nodes.computeIfAbsent(name, x -> new NodeData());
    }

    /** What is known about one name while building. */
    private static final class NodeData {
        boolean apex;
        boolean nxdomain;
        /** some record exists at the name (so an NXDOMAIN for it is out of date or wrong) */
        boolean positive;
        final Set<KnowledgeSource> sources = EnumSet.noneOf(KnowledgeSource.class);
        final Set<String> records = new LinkedHashSet<>();
        final Map<Name, ServerData> servers = new LinkedHashMap<>();

        ServerData server(Name name) {
            return servers.computeIfAbsent(name, x -> new ServerData());
        }
    }

    /** One NS target of a zone: its addresses and whether any delegation gave them as glue. */
    private static final class ServerData {
        final Set<InetAddress> addresses = new LinkedHashSet<>();
        boolean glue;

        void add(Collection<InetAddress> more, boolean asGlue) {
            addresses.addAll(more);
            glue |= asGlue && !more.isEmpty();
        }
    }
}
