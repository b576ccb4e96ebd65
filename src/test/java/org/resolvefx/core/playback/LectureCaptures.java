package org.resolvefx.core.playback;

import java.util.Map;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Role;
import org.resolvefx.core.trace.Trace;
import org.xbill.DNS.Type;

/**
 * Traces of the reference captures with the roles of the lecture hosts. Only the root servers' zone
 * is given (their role says it); every other zone must be learned from the messages.
 */
public final class LectureCaptures {
    public static final Map<String, Role> ROLES = Map.of(
            "127.0.0.1", Role.CLIENT,
            "127.0.0.53", Role.RESOLVER,
            "127.0.1.1", Role.ROOT,
            "127.0.1.2", Role.ROOT,
            "127.0.2.1", Role.TLD,
            "127.0.3.1", Role.AUTHORITATIVE,
            "127.0.3.2", Role.AUTHORITATIVE,
            "127.0.3.3", Role.AUTHORITATIVE,
            "127.0.4.1", Role.AUTHORITATIVE);

    private LectureCaptures() {
    }

    public static Trace recursiveCold() {
        return CaptureFixture.trace("a-recursive-cold.pcap", Question.of("www.p2p.tu-darmstadt.de", Type.A),
                ResolutionMode.RECURSIVE, ROLES, Map.of());
    }

    public static Trace digTrace() {
        return CaptureFixture.trace("b-trace.pcap", Question.of("www.p2p.tu-darmstadt.de", Type.A),
                ResolutionMode.ITERATIVE, ROLES, Map.of());
    }

    public static Trace tcFallback() {
        return CaptureFixture.trace("c-tc-tcp-fallback.pcap", Question.of("many.networkutopia.com", Type.A),
                ResolutionMode.STUB, ROLES, Map.of());
    }

    public static Trace nxdomain() {
        return CaptureFixture.trace("d-nxdomain.pcap", Question.of("nosuchhost.tu-darmstadt.de", Type.A),
                ResolutionMode.RECURSIVE, ROLES, Map.of());
    }
}
