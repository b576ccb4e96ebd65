package org.resolvefx.core.playback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.net.Transport;
import org.resolvefx.core.trace.CacheEntry;
import org.resolvefx.core.trace.Endpoint;
import org.resolvefx.core.trace.Narration;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Role;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.TraceSource;
import org.resolvefx.core.trace.WireMessage;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Hand-built traces for the tests, with real DNS messages made by dnsjava ({@code Message.toWire()}).
 * The hosts are those of the lecture figure "DNS - Recursive and Iterative Queries".
 */
public final class TraceKit {
    public static final Endpoint CLIENT = endpoint("client", "127.0.0.1", 0, Role.CLIENT, null, null);
    public static final Endpoint RESOLVER = endpoint("resolver", "127.0.0.53", 0, Role.RESOLVER, null, null);
    public static final Endpoint ROOT = endpoint("root", "127.0.1.1", 53, Role.ROOT, "a.root-servers.net.", ".");
    public static final Endpoint ROOT_B = endpoint("root-b", "127.0.1.2", 53, Role.ROOT, "b.root-servers.net.", ".");
    public static final Endpoint DE = endpoint("de", "127.0.2.1", 53, Role.TLD, "a.nic.de.", "de.");
    public static final Endpoint TUD = endpoint("tud", "127.0.3.1", 53, Role.AUTHORITATIVE, "ns1.hrz.tu-darmstadt.de.",
            "tu-darmstadt.de.");
    public static final Endpoint TUD2 = endpoint("tud2", "127.0.3.2", 53, Role.AUTHORITATIVE,
            "ns2.hrz.tu-darmstadt.de.", "tu-darmstadt.de.");
    public static final Endpoint INF = endpoint("inf", "127.0.3.3", 53, Role.AUTHORITATIVE,
            "ns.informatik.tu-darmstadt.de.", "informatik.tu-darmstadt.de.");

    public static final String QNAME = "www.p2p.tu-darmstadt.de.";

    private TraceKit() {
    }

    public static Endpoint endpoint(String id, String ip, int port, Role role, String serverName, String zone) {
        return new Endpoint(id, SocketAddr.literal(ip, id), port, role, serverName, zone);
    }

    public static Name name(String s) {
        try {
            return Name.fromString(s, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A record from its presentation form: "www.example. 300 IN A 1.2.3.4". */
    public static Record rr(String text) {
        String[] p = text.trim().split("\\s+", 5);
        try {
            return Record.fromString(name(p[0]), Type.value(p[3]), DClass.IN, Long.parseLong(p[1]), p[4], Name.root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] query(String qname, int type, int id, boolean rd) {
        Message m = new Message(id);
        if (rd) {
            m.getHeader().setFlag(Flags.RD);
        } else {
            m.getHeader().unsetFlag(Flags.RD);
        }
        m.addRecord(Record.newRecord(name(qname), type, DClass.IN), Section.QUESTION);
        return m.toWire();
    }

    /** A response to {@code query}: QR, RD copied, RA when {@code ra}, AA when {@code aa}. */
    public static Message response(byte[] query, int rcode, boolean aa, boolean ra) {
        try {
            Message q = new Message(query);
            Message r = new Message(q.getHeader().getID());
            r.getHeader().setFlag(Flags.QR);
            if (q.getHeader().getFlag(Flags.RD)) {
                r.getHeader().setFlag(Flags.RD);
            }
            if (aa) {
                r.getHeader().setFlag(Flags.AA);
            }
            if (ra) {
                r.getHeader().setFlag(Flags.RA);
            }
            r.getHeader().setRcode(rcode);
            r.addRecord(q.getQuestion(), Section.QUESTION);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A referral: NS records for {@code zone} in authority, glue "name ip" pairs in additional. */
    public static byte[] referral(byte[] query, String zone, String... nsAndGlue) {
        Message r = response(query, Rcode.NOERROR, false, false);
        for (int i = 0; i < nsAndGlue.length; i += 2) {
            r.addRecord(rr(zone + " 172800 IN NS " + nsAndGlue[i]), Section.AUTHORITY);
            if (i + 1 < nsAndGlue.length && nsAndGlue[i + 1] != null) {
                r.addRecord(rr(nsAndGlue[i] + " 172800 IN A " + nsAndGlue[i + 1]), Section.ADDITIONAL);
            }
        }
        return r.toWire();
    }

    /** An answer with the given records (presentation form) in the answer section. */
    public static byte[] answer(byte[] query, boolean aa, boolean ra, String... records) {
        Message r = response(query, Rcode.NOERROR, aa, ra);
        for (String rec : records) {
            r.addRecord(rr(rec), Section.ANSWER);
        }
        return r.toWire();
    }

    public static byte[] nxdomain(byte[] query, boolean ra, String soaZone) {
        Message r = response(query, Rcode.NXDOMAIN, !ra, ra);
        r.addRecord(rr(soaZone + " 300 IN SOA ns1." + soaZone + " hostmaster." + soaZone + " 1 7200 3600 1209600 300"),
                Section.AUTHORITY);
        return r.toWire();
    }

    public static byte[] error(byte[] query, int rcode) {
        return response(query, rcode, false, false).toWire();
    }

    public static byte[] truncated(byte[] query, String... records) {
        Message r = response(query, Rcode.NOERROR, true, false);
        r.getHeader().setFlag(Flags.TC);
        for (String rec : records) {
            r.addRecord(rr(rec), Section.ANSWER);
        }
        return r.toWire();
    }

    public static WireMessage msg(Endpoint from, Endpoint to, byte[] bytes) {
        return msg(from, to, bytes, Transport.UDP);
    }

    public static WireMessage msg(Endpoint from, Endpoint to, byte[] bytes, Transport transport) {
        boolean response = bytes.length > 2 && (bytes[2] & 0x80) != 0;
        int clientPort = 40000 + Math.abs(from.id().hashCode() % 1000);
        SocketAddr f = new SocketAddr(from.address(), response ? 53 : (from.port() == 0 ? clientPort : from.port()));
        SocketAddr t = new SocketAddr(to.address(), response ? 40000 : (to.port() == 0 ? 53 : to.port()));
        return new WireMessage(from.id(), to.id(), f, t, transport, bytes, 0);
    }

    public static Narration say(String en) {
        return new Narration(en, "DE: " + en);
    }

    public static TraceEvent.MessageSent sent(long micros, Endpoint from, Endpoint to, byte[] bytes) {
        return new TraceEvent.MessageSent(micros, msg(from, to, bytes), say("send " + from.id() + "->" + to.id()));
    }

    public static TraceEvent.MessageReceived received(long micros, Endpoint from, Endpoint to, byte[] bytes) {
        return new TraceEvent.MessageReceived(micros, msg(from, to, bytes), true, null,
                say("receive " + from.id() + "->" + to.id()));
    }

    public static CacheEntry entry(String owner, int type, long ttl, long storedAt, String rdata, String source) {
        return new CacheEntry(name(owner), type, ttl, storedAt, false, Rcode.NOERROR, List.of(rdata), source, "answer");
    }

    public static Trace trace(ResolutionMode mode, List<Endpoint> endpoints, List<CacheEntry> initialCache,
                              List<TraceEvent> events) {
        return new Trace("test " + mode, Question.of(QNAME, Type.A), mode, TraceSource.LESSON, Instant.EPOCH, null,
                endpoints, initialCache, events);
    }

    public static InetAddress ip(String s) {
        return SocketAddr.literal(s, "test");
    }

    /**
     * The lecture figure as a recursive trace: 8 numbered messages (client -> local resolver recursive,
     * resolver -> root, de and tu-darmstadt.de servers iterative) with the resolver's own events between.
     */
    public static Trace lectureRecursive() {
        byte[] q1 = query(QNAME, Type.A, 0x3116, true);
        byte[] q2 = query(QNAME, Type.A, 0x0101, false);
        byte[] r3 = referral(q2, "de.", "a.nic.de.", "127.0.2.1");
        byte[] q4 = query(QNAME, Type.A, 0x0102, false);
        byte[] r5 = referral(q4, "tu-darmstadt.de.", "ns1.hrz.tu-darmstadt.de.", "127.0.3.1");
        byte[] q6 = query(QNAME, Type.A, 0x0103, false);
        byte[] r7 = answer(q6, true, false, QNAME + " 3600 IN A 130.83.47.181");
        byte[] r8 = answer(q1, false, true, QNAME + " 3600 IN A 130.83.47.181");
        List<TraceEvent> events = List.of(
                sent(0, CLIENT, RESOLVER, q1),                                                          // 0
                new TraceEvent.CacheLookup(100, name(QNAME), Type.A, TraceEvent.CacheOutcome.MISS, List.of(),
                        say("cache miss")),                                                            // 1
                sent(200, RESOLVER, ROOT, q2),                                                          // 2
                received(1_200, ROOT, RESOLVER, r3),                                                    // 3
                new TraceEvent.CacheStore(1_300, List.of(entry("de.", Type.NS, 172800, 1_300, "a.nic.de.", "root")),
                        List.of(), say("store de NS")),                                                // 4
                new TraceEvent.ReferralFollowed(1_400, "root", name("de."), List.of(new TraceEvent.NameServer(
                        name("a.nic.de."), List.of(ip("127.0.2.1")), true)), say("follow de")),        // 5
                sent(1_500, RESOLVER, DE, q4),                                                          // 6
                received(2_500, DE, RESOLVER, r5),                                                      // 7
                new TraceEvent.ReferralFollowed(2_600, "de", name("tu-darmstadt.de."), List.of(
                        new TraceEvent.NameServer(name("ns1.hrz.tu-darmstadt.de."), List.of(ip("127.0.3.1")), true)),
                        say("follow tu-darmstadt")),                                                   // 8
                sent(2_700, RESOLVER, TUD, q6),                                                         // 9
                received(3_700, TUD, RESOLVER, r7),                                                     // 10
                new TraceEvent.CacheStore(3_800, List.of(entry(QNAME, Type.A, 3600, 3_800, "130.83.47.181", "tud")),
                        List.of(), say("store answer")),                                               // 11
                received(3_900, RESOLVER, CLIENT, r8),                                                  // 12
                new TraceEvent.Answer(4_000, Rcode.NOERROR, List.of(QNAME + " 3600 IN A 130.83.47.181"), false,
                        say("done")));                                                                 // 13
        return trace(ResolutionMode.RECURSIVE, List.of(CLIENT, RESOLVER, ROOT, DE, TUD), List.of(), events);
    }

    /** The same lookup walked by the client itself with RD=0 (dig +trace, dnstracer). */
    public static Trace lectureIterative() {
        byte[] q1 = query(QNAME, Type.A, 0x0201, false);
        byte[] r2 = referral(q1, "de.", "a.nic.de.", "127.0.2.1");
        byte[] q3 = query(QNAME, Type.A, 0x0202, false);
        byte[] r4 = referral(q3, "tu-darmstadt.de.", "ns1.hrz.tu-darmstadt.de.", "127.0.3.1");
        byte[] q5 = query(QNAME, Type.A, 0x0203, false);
        byte[] r6 = answer(q5, true, false, QNAME + " 3600 IN CNAME charon.dekanat.informatik.tu-darmstadt.de.");
        List<TraceEvent> events = List.of(
                sent(0, CLIENT, ROOT, q1),
                received(1_000, ROOT, CLIENT, r2),
                sent(1_100, CLIENT, DE, q3),
                received(2_100, DE, CLIENT, r4),
                sent(2_200, CLIENT, TUD, q5),
                received(3_200, TUD, CLIENT, r6),
                new TraceEvent.CnameRestart(3_300, name(QNAME), name("charon.dekanat.informatik.tu-darmstadt.de."),
                        false, say("alias")));
        return trace(ResolutionMode.ITERATIVE, List.of(CLIENT, ROOT, DE, TUD), List.of(), events);
    }
}
