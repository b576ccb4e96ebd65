package org.resolvefx.core.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.net.Transport;
import org.xbill.DNS.Name;

/**
 * One authoritative server of a world, answering DNS wire messages. Immutable and thread-safe;
 * {@link #handle} never blocks and never throws.
 */
public final class SandboxServer {
    private final ServerSpec spec;
    private final List<ZoneSpec> zones;
    private final AuthoritativeResponder responder;

    /** A server for the given spec and the zones it serves (only those whose origin the spec lists are used). */
    public SandboxServer(ServerSpec spec, List<ZoneSpec> worldZones) {
        this.spec = Objects.requireNonNull(spec, "spec");
        List<ZoneSpec> served = new ArrayList<>();
        List<ZoneContents> contents = new ArrayList<>();
        for (ZoneSpec z : worldZones) {
            if (spec.serves(z.origin())) {
                served.add(z);
                contents.add(z.contents());
            }
        }
        this.zones = List.copyOf(served);
        this.responder = new AuthoritativeResponder(contents);
    }

    public ServerSpec spec() {
        return spec;
    }

    public Name name() {
        return spec.name();
    }

    public ServerBehaviour behaviour() {
        return spec.behaviour();
    }

    /** The zones this server is authoritative for. */
    public List<ZoneSpec> zones() {
        return zones;
    }

    /**
     * Answers one DNS message.
     *
     * @param query     the message bytes (without TCP length prefix)
     * @param transport UDP (size limits and TC apply) or TCP
     * @param client    who asked (not used for answering: no views, no rate limits; kept for logging)
     * @return the response bytes; empty when no response is sent: a DEAD server, fewer than 12
     *         bytes, or a message that is itself a response. SLOW servers answer here at once; the
     *         caller adds {@link ServerBehaviour#delayMillis()}.
     */
    public Optional<byte[]> handle(byte[] query, Transport transport, SocketAddr client) {
        Objects.requireNonNull(transport, "transport");
        if (spec.behaviour() instanceof ServerBehaviour.Dead) {
            return Optional.empty();
        }
        return responder.respond(query, transport);
    }

    /** What the server would answer if it were not dead (for views that show "what it would have said"). */
    public Optional<byte[]> answerIgnoringBehaviour(byte[] query, Transport transport) {
        return responder.respond(query, transport);
    }

    @Override
    public String toString() {
        return "SandboxServer[" + spec.name() + " " + spec.addressText() + " " + spec.zones() + " "
                + spec.behaviour().label() + "]";
    }
}
