package org.resolvefx.core.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.sandbox.SandboxServer;
import org.resolvefx.core.sandbox.SandboxWorld;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Odd and hostile hosts for the in-process network, and helpers to build DNS messages by hand. */
final class Hosts {
    private Hosts() {
    }

    static InetAddress ip(String literal) {
        return SocketAddr.literal(literal, "test");
    }

    static Name name(String n) {
        try {
            return Name.fromString(n, Name.root);
        } catch (IOException e) {
            throw new IllegalArgumentException(n, e);
        }
    }

    static Message parse(byte[] b) {
        try {
            return new Message(b);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A response to {@code query} with the given code and no records (the question echoed). */
    static Message emptyResponse(Message query, int rcode) {
        Message r = new Message(query.getHeader().getID());
        r.getHeader().setFlag(Flags.QR);
        r.getHeader().setRcode(rcode);
        if (query.getQuestion() != null) {
            r.addRecord(query.getQuestion(), Section.QUESTION);
        }
        return r;
    }

    /** What the world's server at {@code address} would answer (ignoring DEAD/SLOW). */
    static byte[] genuine(SandboxWorld world, InetAddress address, byte[] query) {
        SandboxServer s = world.serverAt(address).orElseThrow();
        return s.answerIgnoringBehaviour(query, org.resolvefx.core.net.Transport.UDP).orElseThrow();
    }

    /** Answers FORMERR to every query with an OPT record, like servers from before EDNS; else the genuine answer. */
    static SimulatedNetwork.Host noEdns(SandboxWorld world, InetAddress address) {
        return (query, transport, server, client) -> {
            Message q = parse(query);
            byte[] answer = q.getOPT() != null ? emptyResponse(q, Rcode.FORMERR).toWire()
                    : genuine(world, address, query);
            return List.of(new SimulatedNetwork.Reply(server, answer, 0));
        };
    }

    /** The world's server at {@code address}, silent while {@code dead} is set. */
    static SimulatedNetwork.Host switchable(SandboxWorld world, InetAddress address,
                                            java.util.concurrent.atomic.AtomicBoolean dead) {
        return (query, transport, server, client) -> dead.get() ? List.of()
                : List.of(new SimulatedNetwork.Reply(server, genuine(world, address, query), 0));
    }

    /** Always answers with the given RCODE. */
    static SimulatedNetwork.Host rcode(int rcode) {
        return (query, transport, server, client) -> List.of(new SimulatedNetwork.Reply(server,
                emptyResponse(parse(query), rcode).toWire(), 0));
    }

    /** Answers with a referral to {@code zone} (served by {@code ns} without glue): upwards or sideways it is lame. */
    static SimulatedNetwork.Host referral(String zone, String ns) {
        return (query, transport, server, client) -> {
            Message r = emptyResponse(parse(query), Rcode.NOERROR);
            r.addRecord(new org.xbill.DNS.NSRecord(name(zone), DClass.IN, 3600, name(ns)), Section.AUTHORITY);
            return List.of(new SimulatedNetwork.Reply(server, r.toWire(), 0));
        };
    }

    /**
     * Sends spoofed responses before the genuine one: a wrong ID, the right response from another
     * address and from another port, a wrong question, and bytes that are no DNS message.
     */
    static SimulatedNetwork.Host spoofer(SandboxWorld world, InetAddress address, boolean thenGenuine) {
        return (query, transport, server, client) -> {
            Message q = parse(query);
            byte[] good = genuine(world, address, query);
            List<SimulatedNetwork.Reply> out = new ArrayList<>();
            Message wrongId = parse(good);
            wrongId.getHeader().setID((q.getHeader().getID() + 1) & 0xFFFF);
            out.add(new SimulatedNetwork.Reply(server, wrongId.toWire(), 0));
            out.add(new SimulatedNetwork.Reply(new SocketAddr(ip("127.0.99.99"), server.port()), good, 0));
            out.add(new SimulatedNetwork.Reply(new SocketAddr(server.address(), server.port() + 1), good, 0));
            Message otherQuestion = emptyResponse(q, Rcode.NOERROR);
            otherQuestion.removeAllRecords(Section.QUESTION);
            otherQuestion.addRecord(Record.newRecord(name("evil.example."), Type.A, DClass.IN), Section.QUESTION);
            out.add(new SimulatedNetwork.Reply(server, otherQuestion.toWire(), 0));
            out.add(new SimulatedNetwork.Reply(server, new byte[] {1, 2, 3}, 0));
            if (thenGenuine) {
                out.add(new SimulatedNetwork.Reply(server, good, 100));
            }
            return out;
        };
    }
}
