package org.resolvefx.ui.namespace;

import static org.resolvefx.core.playback.TraceKit.CLIENT;
import static org.resolvefx.core.playback.TraceKit.RESOLVER;
import static org.resolvefx.core.playback.TraceKit.ROOT;
import static org.resolvefx.core.playback.TraceKit.answer;
import static org.resolvefx.core.playback.TraceKit.endpoint;
import static org.resolvefx.core.playback.TraceKit.ip;
import static org.resolvefx.core.playback.TraceKit.name;
import static org.resolvefx.core.playback.TraceKit.query;
import static org.resolvefx.core.playback.TraceKit.received;
import static org.resolvefx.core.playback.TraceKit.referral;
import static org.resolvefx.core.playback.TraceKit.say;
import static org.resolvefx.core.playback.TraceKit.sent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.resolvefx.core.trace.Endpoint;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Role;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.TraceSource;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * The default world's glueless scenario as a hand-made recursive trace (dnsjava-made messages):
 * org refers www.pbs.org to ns1.pbsdns.net without an address, so the resolver first looks up
 * ns1.pbsdns.net through root -> net -> pbsdns.net, then asks it for www.pbs.org.
 */
final class GluelessTrace {
    static final String QNAME = "www.pbs.org.";
    static final String SERVER = "ns1.pbsdns.net.";
    static final Endpoint ORG = endpoint("org", "127.0.2.21", 53, Role.TLD, "a0.org.afilias-nst.org.", "org.");
    static final Endpoint NET = endpoint("net", "127.0.2.11", 53, Role.TLD, "a.gtld-servers.net.", "net.");
    static final Endpoint PBS = endpoint("pbs", "127.0.7.1", 53, Role.AUTHORITATIVE, SERVER, null);

    private GluelessTrace() {
    }

    static Trace trace() {
        List<TraceEvent> e = new ArrayList<>();
        long t = 0;
        byte[] q1 = query(QNAME, Type.A, 0x1001, true);
        e.add(sent(t += 100, CLIENT, RESOLVER, q1));
        byte[] q2 = query(QNAME, Type.A, 0x1002, false);
        e.add(sent(t += 100, RESOLVER, ROOT, q2));
        e.add(received(t += 100, ROOT, RESOLVER, referral(q2, "org.", "a0.org.afilias-nst.org.", "127.0.2.21")));
        e.add(new TraceEvent.ReferralFollowed(t += 10, ROOT.id(), name("org."), List.of(new TraceEvent.NameServer(
                name("a0.org.afilias-nst.org."), List.of(ip("127.0.2.21")), true)), say("follow org")));
        byte[] q3 = query(QNAME, Type.A, 0x1003, false);
        e.add(sent(t += 100, RESOLVER, ORG, q3));
        e.add(received(t += 100, ORG, RESOLVER, referral(q3, "pbs.org.", SERVER, null)));
        e.add(new TraceEvent.ReferralFollowed(t += 10, ORG.id(), name("pbs.org."), List.of(new TraceEvent.NameServer(
                name(SERVER), List.of(), false)), say("follow pbs.org, no glue")));
        e.add(new TraceEvent.SideResolutionStarted(t += 10, name(SERVER), say("look up the server first")));
        byte[] s1 = query(SERVER, Type.A, 0x2001, false);
        e.add(sent(t += 100, RESOLVER, ROOT, s1));
        e.add(received(t += 100, ROOT, RESOLVER, referral(s1, "net.", "a.gtld-servers.net.", "127.0.2.11")));
        e.add(new TraceEvent.ReferralFollowed(t += 10, ROOT.id(), name("net."), List.of(new TraceEvent.NameServer(
                name("a.gtld-servers.net."), List.of(ip("127.0.2.11")), true)), say("follow net")));
        byte[] s2 = query(SERVER, Type.A, 0x2002, false);
        e.add(sent(t += 100, RESOLVER, NET, s2));
        e.add(received(t += 100, NET, RESOLVER, referral(s2, "pbsdns.net.", SERVER, "127.0.7.1")));
        e.add(new TraceEvent.ReferralFollowed(t += 10, NET.id(), name("pbsdns.net."), List.of(new TraceEvent.NameServer(
                name(SERVER), List.of(ip("127.0.7.1")), true)), say("follow pbsdns.net")));
        byte[] s3 = query(SERVER, Type.A, 0x2003, false);
        e.add(sent(t += 100, RESOLVER, PBS, s3));
        e.add(received(t += 100, PBS, RESOLVER, answer(s3, true, false, SERVER + " 86400 IN A 127.0.7.1")));
        e.add(new TraceEvent.SideResolutionFinished(t += 10, name(SERVER), List.of(ip("127.0.7.1")), true,
                say("server found")));
        byte[] q4 = query(QNAME, Type.A, 0x1004, false);
        e.add(sent(t += 100, RESOLVER, PBS, q4));
        e.add(received(t += 100, PBS, RESOLVER, answer(q4, true, false, QNAME + " 3600 IN A 127.0.7.80")));
        e.add(received(t += 100, RESOLVER, CLIENT, answer(q1, false, true, QNAME + " 3600 IN A 127.0.7.80")));
        e.add(new TraceEvent.Answer(t += 10, Rcode.NOERROR, List.of(QNAME + " 3600 IN A 127.0.7.80"), false,
                say("answer")));
        return new Trace("glueless", Question.of(QNAME, Type.A), ResolutionMode.RECURSIVE, TraceSource.LESSON,
                Instant.EPOCH, "default", List.of(CLIENT, RESOLVER, ROOT, ORG, NET, PBS), List.of(), e);
    }

    /** Position right after the first event of the given kind. */
    static int after(Trace t, Class<? extends TraceEvent> kind) {
        for (int i = 0; i < t.events().size(); i++) {
            if (kind.isInstance(t.events().get(i))) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no " + kind.getSimpleName());
    }
}
