package org.resolvefx.core.trace;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.net.Transport;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Traces for tests: one with every event kind, and DNS messages built with dnsjava. */
final class TestTraces {
    private TestTraces() {
    }

    static InetAddress ip(String literal) {
        return SocketAddr.literal(literal, "test");
    }

    static Name name(String n) {
        return Name.fromConstantString(n.endsWith(".") ? n : n + ".");
    }

    static Message query(int id, String qname, int type, boolean rd) {
        Message m = Message.newQuery(Record.newRecord(name(qname), type, DClass.IN));
        m.getHeader().setID(id);
        if (!rd) {
            m.getHeader().unsetFlag(Flags.RD);
        }
        return m;
    }

    /** A response to {@code q} with the given flags and rcode (sections are added by the caller). */
    static Message response(Message q, int rcode, int... flags) {
        Message r = new Message(q.getHeader().getID());
        r.getHeader().setFlag(Flags.QR);
        if (q.getHeader().getFlag(Flags.RD)) {
            r.getHeader().setFlag(Flags.RD);
        }
        for (int f : flags) {
            r.getHeader().setFlag(f);
        }
        r.getHeader().setRcode(rcode);
        r.addRecord(q.getQuestion(), Section.QUESTION);
        return r;
    }

    static WireMessage wire(String fromId, String toId, String from, String to, Transport t, Message m, long frame) {
        return new WireMessage(fromId, toId, SocketAddr.parse(from, 53), SocketAddr.parse(to, 53), t, m.toWire(), frame);
    }

    /** Endpoints of a small recursive lookup, including an IPv6 server on a non-standard port. */
    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("e1", ip("127.0.0.1"), 0, Role.CLIENT, null, null),
                new Endpoint("e2", ip("127.0.0.53"), 0, Role.RESOLVER, null, null),
                new Endpoint("e3", ip("127.0.1.1"), 53, Role.ROOT, "a.root-servers.net.", "."),
                new Endpoint("e4", ip("127.0.2.1"), 53, Role.TLD, "a.nic.de.", "de."),
                new Endpoint("e5", ip("::1"), 5353, Role.AUTHORITATIVE, "ns1.hrz.tu-darmstadt.de.", "tu-darmstadt.de."),
                new Endpoint("e6", ip("127.0.9.9"), 53, Role.UNKNOWN, null, null));
    }

    /** A trace that has every event kind at least once, with non-trivial field values. */
    static Trace everyKind() {
        List<Endpoint> eps = endpoints();
        Map<String, Endpoint> byId = Narrator.endpointsById(eps);
        ResolutionMode mode = ResolutionMode.RECURSIVE;
        List<TraceEvent> ev = new ArrayList<>();
        Message cq = query(0x6ecf, "www.p2p.tu-darmstadt.de", Type.A, true);
        WireMessage clientQuery = wire("e1", "e2", "127.0.0.1:52438", "127.0.0.53:53", Transport.UDP, cq, 1);
        ev.add(new TraceEvent.MessageSent(0, clientQuery, Narrator.forMessage(clientQuery, byId, mode)));
        ev.add(new TraceEvent.CacheLookup(10, name("www.p2p.tu-darmstadt.de"), Type.A, TraceEvent.CacheOutcome.MISS,
                List.of(), Narrator.forCacheLookup(name("www.p2p.tu-darmstadt.de"), Type.A,
                TraceEvent.CacheOutcome.MISS, List.of(), mode)));
        Message rq = query(0x32fd, "www.p2p.tu-darmstadt.de", Type.A, false);
        WireMessage rootQuery = wire("e2", "e3", "127.0.0.53:57108", "127.0.1.1:53", Transport.UDP, rq, 4);
        ev.add(new TraceEvent.MessageSent(20, rootQuery, Narrator.forMessage(rootQuery, byId, mode)));
        ev.add(new TraceEvent.Timeout(2_000_020, "e3", 2000, 1, Narrator.forTimeout("e3", byId, 2000, 1)));
        ev.add(new TraceEvent.Retry(2_000_021, "e3", 2, Narrator.forRetry("e3", byId, 2, mode)));
        ev.add(new TraceEvent.MessageSent(2_000_022, rootQuery, Narrator.forMessage(rootQuery, byId, mode)));
        Message referral = response(rq, Rcode.NOERROR);
        referral.addRecord(new NSRecord(name("de"), DClass.IN, 172800, name("a.nic.de")), Section.AUTHORITY);
        referral.addRecord(new ARecord(name("a.nic.de"), DClass.IN, 172800, ip("127.0.2.1")), Section.ADDITIONAL);
        WireMessage referralMsg = wire("e3", "e2", "127.0.1.1:53", "127.0.0.53:57108", Transport.UDP, referral, 5);
        ev.add(new TraceEvent.MessageReceived(2_000_100, referralMsg, true, null,
                Narrator.forMessage(referralMsg, byId, mode)));
        List<CacheEntry> stored = List.of(new CacheEntry(name("de"), Type.NS, 172800, 2_000_110, false, Rcode.NOERROR,
                List.of("a.nic.de."), "e3", "authority"));
        List<TraceEvent.RejectedRecord> rejected = List.of(new TraceEvent.RejectedRecord(
                "evil.example. 3600 IN A 6.6.6.6", "outside the bailiwick of the root server"));
        ev.add(new TraceEvent.CacheStore(2_000_110, stored, rejected, Narrator.forCacheStore(stored, rejected, mode)));
        List<TraceEvent.NameServer> servers = List.of(
                new TraceEvent.NameServer(name("a.nic.de"), List.of(ip("127.0.2.1"), ip("::2")), true));
        ev.add(new TraceEvent.ReferralFollowed(2_000_120, "e3", name("de"), servers,
                Narrator.forReferralFollowed(name("de"), servers, mode)));
        ev.add(new TraceEvent.ServerSkipped(2_000_130, "e6", TraceEvent.SkipReason.LAME, "answered without AA",
                Narrator.forServerSkipped("e6", byId, TraceEvent.SkipReason.LAME, "answered without AA", mode)));
        ev.add(new TraceEvent.SideResolutionStarted(2_000_140, name("ns1.hrz.tu-darmstadt.de"),
                Narrator.forSideResolutionStarted(name("ns1.hrz.tu-darmstadt.de"), mode)));
        ev.add(new TraceEvent.SideResolutionFinished(2_000_150, name("ns1.hrz.tu-darmstadt.de"), List.of(ip("::1")),
                true, Narrator.forSideResolutionFinished(name("ns1.hrz.tu-darmstadt.de"), List.of(ip("::1")), true)));
        ev.add(new TraceEvent.TcpFallback(2_000_160, "e5", Narrator.forTcpFallback("e5", byId, mode)));
        Message tq = query(0x1111, "www.p2p.tu-darmstadt.de", Type.A, false);
        WireMessage tcpQuery = wire("e2", "e5", "[::53]:40000", "[::1]:5353", Transport.TCP, tq, 0);
        ev.add(new TraceEvent.MessageSent(2_000_170, tcpQuery, Narrator.forMessage(tcpQuery, byId, mode)));
        Message spoof = response(tq, Rcode.NOERROR, Flags.AA);
        spoof.getHeader().setID(0x2222);
        WireMessage spoofMsg = wire("e6", "e2", "127.0.9.9:53", "127.0.0.53:57108", Transport.UDP, spoof, 0);
        ev.add(new TraceEvent.MessageReceived(2_000_175, spoofMsg, false, "wrong message ID",
                Narrator.forIgnoredResponse(spoofMsg, byId, "wrong message ID")));
        ev.add(new TraceEvent.CnameRestart(2_000_180, name("www.p2p.tu-darmstadt.de"),
                name("charon.dekanat.informatik.tu-darmstadt.de"), false,
                Narrator.forCnameRestart(name("www.p2p.tu-darmstadt.de"),
                        name("charon.dekanat.informatik.tu-darmstadt.de"), false, mode)));
        List<String> records = List.of("www.p2p.tu-darmstadt.de. 3600 IN CNAME charon.dekanat.informatik.tu-darmstadt.de.",
                "charon.dekanat.informatik.tu-darmstadt.de. 3600 IN A 127.0.31.10");
        Question q = Question.of("www.p2p.tu-darmstadt.de", Type.A);
        ev.add(new TraceEvent.Answer(2_000_190, Rcode.NOERROR, records, false,
                Narrator.forAnswer(q, Rcode.NOERROR, records, false)));
        ev.add(new TraceEvent.Failure(2_000_200, TraceEvent.FailureReason.CNAME_LOOP, "a -> b -> a",
                Narrator.forFailure(TraceEvent.FailureReason.CNAME_LOOP, "a -> b -> a")));
        List<CacheEntry> initial = List.of(
                new CacheEntry(Name.root, Type.NS, 518400, -5_000_000, false, Rcode.NOERROR,
                        List.of("a.root-servers.net.", "b.root-servers.net."), "hints", "hints"),
                new CacheEntry(name("gone.tu-darmstadt.de"), Type.A, 300, -1_000_000, true, Rcode.NXDOMAIN,
                        List.of("tu-darmstadt.de. 300 IN SOA ns1.hrz.tu-darmstadt.de. hostmaster.hrz.tu-darmstadt.de. 1 7200 3600 1209600 300"),
                        "e5", "authority"));
        return new Trace("www.p2p.tu-darmstadt.de A, recursive, sandbox (every kind)", q, mode, TraceSource.SANDBOX,
                Instant.parse("2026-11-23T21:23:43.124918123Z"), "default", eps, initial, ev);
    }
}
