package org.resolvefx.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.resolvefx.core.net.IpText;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.trace.CacheEntry;
import org.resolvefx.core.trace.Endpoint;
import org.resolvefx.core.trace.MessageFacts;
import org.resolvefx.core.trace.Role;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.TraceRecorder;
import org.resolvefx.core.trace.WireMessage;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Prints a lookup step by step while it runs: a number, the time on the trace clock, what kind of
 * step it is, who talks to whom (names and addresses), the flags, what came back (a referral to
 * which zone with which glue, an alias, the answer, NXDOMAIN, TC, a timeout) and the narration
 * sentence below. Side lookups are indented.
 */
final class TracePrinter implements TraceRecorder.Listener {
    private static final int LABEL_WIDTH = 9;
    private static final int MAX_LISTED = 4;

    private final PrintWriter out;
    private final Locale lang;
    private final boolean narration;
    private final Map<String, Long> sentAt = new HashMap<>();
    private Map<String, Endpoint> endpoints = Map.of();
    private int step;
    private int depth;

    TracePrinter(PrintWriter out, Locale lang, boolean narration) {
        this.out = out;
        this.lang = lang;
        this.narration = narration;
    }

    @Override
    public void onEvents(TraceRecorder.Batch batch) {
        Map<String, Endpoint> eps = new HashMap<>();
        for (Endpoint e : batch.endpoints()) {
            eps.put(e.id(), e);
        }
        endpoints = eps;
        for (TraceEvent e : batch.events()) {
            print(e);
        }
        out.flush();
    }

    private void print(TraceEvent e) {
        if (e instanceof TraceEvent.SideResolutionFinished) {
            depth = Math.max(0, depth - 1);
        }
        step++;
        String indent = "    ".repeat(depth);
        String head = String.format(Locale.ROOT, "%3d %10s  %s", step, millis(e.atMicros()), indent);
        String pad = " ".repeat(head.length());
        List<String> lines = describe(e);
        out.println(head + lines.get(0));
        for (String l : lines.subList(1, lines.size())) {
            out.println(pad + " ".repeat(LABEL_WIDTH + 1) + l);
        }
        if (narration) {
            out.println(pad + " ".repeat(LABEL_WIDTH + 1) + e.narration().text(lang));
        }
        if (e instanceof TraceEvent.SideResolutionStarted) {
            depth++;
        }
    }

    private static String label(String s) {
        return String.format(Locale.ROOT, "%-" + LABEL_WIDTH + "s ", s);
    }

    private List<String> describe(TraceEvent e) {
        List<String> lines = new ArrayList<>();
        if (e instanceof TraceEvent.MessageSent s) {
            WireMessage m = s.message();
            sentAt.put(key(m.from(), m.to(), m.id()), s.atMicros());
            lines.add(label("QUERY") + route(m));
            lines.add(queryLine(m));
        } else if (e instanceof TraceEvent.MessageReceived r) {
            WireMessage m = r.message();
            Long asked = sentAt.get(key(m.to(), m.from(), m.id()));
            String rtt = asked == null || !r.accepted() ? "" : "  after " + millis(r.atMicros() - asked);
            Optional<MessageFacts> facts = MessageFacts.of(m);
            String kind = !r.accepted() ? "IGNORED" : facts.map(f -> f.kind().name()).orElse("GARBAGE");
            lines.add(label(kind) + route(m) + rtt);
            facts.ifPresent(f -> lines.add(flagsLine(f, m)));
            if (!r.accepted()) {
                lines.add("not accepted: " + r.ignoredReason());
            } else {
                facts.ifPresent(f -> lines.addAll(outcomeLines(f)));
            }
        } else if (e instanceof TraceEvent.CacheLookup c) {
            String what = switch (c.outcome()) {
                case HIT -> "hit";
                case NEGATIVE_HIT -> "negative hit";
                case MISS -> "miss";
            };
            lines.add(label("CACHE") + name(c.name()) + " " + Type.string(c.type()) + ": " + what);
            lines.addAll(listed(c.records()));
        } else if (e instanceof TraceEvent.CacheStore c) {
            lines.add(label("CACHE+") + "stored " + c.stored().size() + ", refused " + c.rejected().size());
            List<String> stored = new ArrayList<>();
            for (CacheEntry ce : c.stored()) {
                stored.add(ce.key() + " ttl " + ce.ttlSeconds() + " (" + ce.section() + ")");
            }
            lines.addAll(listed(stored));
            for (TraceEvent.RejectedRecord rr : c.rejected()) {
                lines.add("refused " + rr.record() + ": " + rr.reason());
            }
        } else if (e instanceof TraceEvent.ReferralFollowed f) {
            lines.add(label("FOLLOW") + "to " + name(f.zone()) + ": " + servers(f.servers()));
        } else if (e instanceof TraceEvent.CnameRestart c) {
            lines.add(label("RESTART") + name(c.alias()) + " -> " + name(c.target()) + (c.viaDname() ? "  (DNAME)" : ""));
        } else if (e instanceof TraceEvent.SideResolutionStarted s) {
            lines.add(label("SIDE") + "first find the address of " + name(s.serverName()) + " (no glue)");
        } else if (e instanceof TraceEvent.SideResolutionFinished f) {
            List<String> addrs = new ArrayList<>();
            for (InetAddress a : f.addresses()) {
                addrs.add(IpText.format(a));
            }
            lines.add(label("SIDE END") + name(f.serverName()) + " = "
                    + (f.success() && !addrs.isEmpty() ? String.join(", ", addrs) : "no address"));
        } else if (e instanceof TraceEvent.Timeout t) {
            lines.add(label("TIMEOUT") + who(t.endpointId()) + ": no response within " + t.waitedMillis()
                    + " ms (attempt " + t.attempt() + ")");
        } else if (e instanceof TraceEvent.Retry r) {
            lines.add(label("RETRY") + who(r.endpointId()) + ", attempt " + r.attempt());
        } else if (e instanceof TraceEvent.ServerSkipped s) {
            lines.add(label("SKIP") + who(s.endpointId()) + ": " + s.reason().name().toLowerCase(Locale.ROOT)
                    + (s.detail().isBlank() ? "" : " - " + s.detail()));
        } else if (e instanceof TraceEvent.TcpFallback t) {
            lines.add(label("TCP") + "truncated over UDP: ask " + who(t.endpointId()) + " again over TCP");
        } else if (e instanceof TraceEvent.Answer a) {
            lines.add(label("DONE") + Rcode.string(a.rcode()) + (a.fromCache() ? " (from the cache)" : "")
                    + (a.records().isEmpty() ? "" : ": " + a.records().size() + " record"
                    + (a.records().size() == 1 ? "" : "s")));
        } else if (e instanceof TraceEvent.Failure f) {
            lines.add(label("FAILED") + reasonText(f.reason()) + (f.detail().isBlank() ? "" : ": " + f.detail()));
        }
        return lines;
    }

    static String reasonText(TraceEvent.FailureReason r) {
        String n = r.name().toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : n.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    private String route(WireMessage m) {
        return party(m.fromId(), m.from()) + " -> " + party(m.toId(), m.to()) + "  " + m.transport().jsonName()
                + String.format(Locale.ROOT, "  id 0x%04x", Math.max(0, m.id()));
    }

    /** "client 127.0.0.1:53412", "resolver 127.0.0.53:53", "a.root-servers.net 127.0.1.1:53". */
    private String party(String id, SocketAddr actual) {
        Endpoint e = endpoints.get(id);
        if (e == null) {
            return actual.toString();
        }
        String what = switch (e.role()) {
            case CLIENT -> "client";
            case RESOLVER -> e.serverName() != null ? name(e.serverName()) : "resolver";
            case UNKNOWN -> e.serverName() != null ? name(e.serverName()) : "unknown host";
            default -> e.serverName() != null ? name(e.serverName()) : e.role().name().toLowerCase(Locale.ROOT);
        };
        return what + " " + actual;
    }

    private String who(String id) {
        Endpoint e = endpoints.get(id);
        return e == null ? id : e.displayName();
    }

    private static String queryLine(WireMessage m) {
        Optional<MessageFacts> facts = MessageFacts.of(m);
        if (facts.isEmpty()) {
            return "(" + m.length() + " bytes, not a valid DNS message)";
        }
        Message msg = facts.get().message();
        Record q = msg.getQuestion();
        String question = q == null ? "(no question)" : name(q.getName()) + " " + Type.string(q.getType()) + "?";
        OPTRecord opt = msg.getOPT();
        return question + "  RD=" + (msg.getHeader().getFlag(Flags.RD) ? 1 : 0)
                + (opt == null ? "  no EDNS" : "  EDNS " + opt.getPayloadSize()) + "  (" + m.length() + " bytes)";
    }

    private static String flagsLine(MessageFacts f, WireMessage m) {
        Message msg = f.message();
        List<String> flags = new ArrayList<>();
        for (int flag : new int[] {Flags.QR, Flags.AA, Flags.TC, Flags.RD, Flags.RA}) {
            if (msg.getHeader().getFlag(flag)) {
                flags.add(Flags.string(flag).toUpperCase(Locale.ROOT));
            }
        }
        return Rcode.string(f.rcode()) + "  flags " + String.join(" ", flags) + "  answer "
                + msg.getSection(Section.ANSWER).size() + ", authority " + msg.getSection(Section.AUTHORITY).size()
                + ", additional " + msg.getSection(Section.ADDITIONAL).size() + "  (" + m.length() + " bytes)";
    }

    private static List<String> outcomeLines(MessageFacts f) {
        List<String> lines = new ArrayList<>();
        Name last = f.finalName();
        if (f.aliasChain().size() > 1) {
            List<String> chain = new ArrayList<>();
            for (Name n : f.aliasChain()) {
                chain.add(name(n));
            }
            lines.add((f.aliasViaDname() ? "DNAME/CNAME " : "CNAME ") + String.join(" -> ", chain));
        }
        switch (f.kind()) {
            case REFERRAL -> {
                MessageFacts.Referral r = f.referral().orElseThrow();
                lines.add("referral to " + name(r.zone()) + ": " + servers(r.servers()));
            }
            case ALIAS, ANSWER -> {
                if (!f.finalRecords().isEmpty()) {
                    List<String> recs = new ArrayList<>();
                    for (Record r : f.finalRecords()) {
                        recs.add(Type.string(r.getType()) + " " + r.rdataToString() + "  (TTL " + r.getTTL() + ")");
                    }
                    lines.addAll(listed(recs));
                } else if (f.kind() == MessageFacts.Kind.ANSWER) {
                    lines.addAll(listed(f.answerTexts()));
                }
                f.referral().ifPresent(r -> lines.add("referral to " + name(r.zone()) + " for " + name(last) + ": "
                        + servers(r.servers())));
            }
            case NXDOMAIN -> lines.add("NXDOMAIN: " + name(last) + " does not exist" + soaText(f));
            case NODATA -> lines.add("NODATA: " + name(last) + " has no " + f.question().map(q -> Type.string(q.type()))
                    .orElse("such") + " records" + soaText(f));
            case TRUNCATED -> lines.add("TC=1: truncated, " + f.answers().size() + " records fit; ask again over TCP");
            default -> {
                // REFUSED, SERVFAIL, FORMERR, other codes: the flags line shows the code
            }
        }
        return lines;
    }

    private static String soaText(MessageFacts f) {
        return f.soa().map(s -> " (SOA of " + name(s.getName()) + ", cache it " + f.negativeTtlSeconds() + " s)")
                .orElse(" (no SOA)");
    }

    private static String servers(List<TraceEvent.NameServer> servers) {
        List<String> out = new ArrayList<>();
        for (TraceEvent.NameServer s : servers) {
            List<String> addrs = new ArrayList<>();
            for (InetAddress a : s.addresses()) {
                addrs.add(IpText.format(a));
            }
            out.add(name(s.name()) + (addrs.isEmpty() ? " (no glue)" : " (" + String.join(", ", addrs) + ")"));
        }
        return String.join(", ", out);
    }

    private static List<String> listed(List<String> items) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size() && i < MAX_LISTED; i++) {
            out.add(items.get(i));
        }
        if (items.size() > MAX_LISTED) {
            out.add("... and " + (items.size() - MAX_LISTED) + " more");
        }
        return out;
    }

    private static String key(SocketAddr from, SocketAddr to, int id) {
        return from + ">" + to + "#" + id;
    }

    static String millis(long micros) {
        return String.format(Locale.ROOT, "%.3f ms", micros / 1000.0);
    }

    static String name(Name n) {
        return n.toString();
    }

    static String name(String n) {
        return n;
    }

    /** The last lines: the answer's records, or the failure, and how many steps it took. */
    static void summary(PrintWriter out, Trace t) {
        int queries = 0;
        for (TraceEvent e : t.events()) {
            // upstream queries only: the stub's own question to the local resolver is not counted
            if (e instanceof TraceEvent.MessageSent s && !(t.mode() == org.resolvefx.core.trace.ResolutionMode.RECURSIVE
                    && endpointRole(t, s.message().fromId()) == Role.CLIENT)) {
                queries++;
            }
        }
        out.println();
        Optional<TraceEvent> outcome = t.outcome();
        String stats = queries + " quer" + (queries == 1 ? "y" : "ies") + ", " + millis(t.durationMicros());
        if (outcome.isPresent() && outcome.get() instanceof TraceEvent.Answer a) {
            out.println("Answer: " + Rcode.string(a.rcode()) + (a.fromCache() ? " from the cache" : "") + " (" + stats
                    + ")");
            for (String r : a.records()) {
                out.println("    " + r);
            }
            if (a.records().isEmpty()) {
                out.println("    (no records)");
            }
        } else if (outcome.isPresent() && outcome.get() instanceof TraceEvent.Failure f) {
            out.println("Failed: " + reasonText(f.reason()) + (f.detail().isBlank() ? "" : " - " + f.detail()) + " ("
                    + stats + ")");
        } else {
            out.println("No result (" + stats + ")");
        }
        out.flush();
    }

    private static Role endpointRole(Trace t, String id) {
        return t.endpoint(id).map(Endpoint::role).orElse(Role.UNKNOWN);
    }
}
