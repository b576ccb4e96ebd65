package org.resolvefx.core.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import org.resolvefx.core.net.IpText;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.net.Transport;
import org.resolvefx.core.sandbox.SandboxServer;
import org.resolvefx.core.sandbox.SandboxWorld;

/**
 * The in-process network: the same wire bytes as on real sockets, handed to the {@link SandboxWorld}'s
 * servers, with a configurable latency and a seeded loss rate. Time is virtual: waiting for a
 * response moves the session clock to the moment the response arrives, and a timeout moves it by the
 * timeout, so a lesson with a dead server takes no real time and gives the same trace every run.
 * DEAD servers never answer (the asker times out); SLOW servers answer after their delay.
 *
 * <p>Extra hosts ({@link #withHost}) stand beside the world's servers, e.g. a hostile server that
 * sends spoofed responses in a test.
 */
public final class SimulatedNetwork implements DnsNetwork {

    /** A host on the in-process network other than a world server. */
    @FunctionalInterface
    public interface Host {
        /**
         * What the host sends back for a query that reached it.
         *
         * @param server the address and port the query was sent to (the host's own)
         * @param client the asker's address and port
         */
        List<Reply> handle(byte[] query, Transport transport, SocketAddr server, SocketAddr client);
    }

    /**
     * One message a host sends back.
     *
     * @param from        the source address and port the asker sees (a spoofer may lie)
     * @param bytes       DNS wire bytes
     * @param delayMicros extra delay before it leaves the host
     */
    public record Reply(SocketAddr from, byte[] bytes, long delayMicros) {
        public Reply {
            Objects.requireNonNull(from, "from");
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    private final SandboxWorld world;
    private final NetworkConditions conditions;
    private final SessionClock.Virtual clock;
    private final Map<String, Host> hosts;
    private final Random loss;
    private final Random ports;
    private long sequence;

    public SimulatedNetwork(SandboxWorld world, NetworkConditions conditions, SessionClock.Virtual clock) {
        this(world, conditions, clock, Map.of());
    }

    private SimulatedNetwork(SandboxWorld world, NetworkConditions conditions, SessionClock.Virtual clock,
                             Map<String, Host> hosts) {
        this.world = Objects.requireNonNull(world, "world");
        this.conditions = Objects.requireNonNull(conditions, "conditions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hosts = new LinkedHashMap<>(hosts);
        this.loss = new Random(conditions.seed());
        this.ports = new Random(conditions.seed() ^ 0x5DEECE66DL);
    }

    /** This network plus a host at {@code address} (any port); it takes precedence over a world server there. */
    public SimulatedNetwork withHost(InetAddress address, Host host) {
        Map<String, Host> more = new LinkedHashMap<>(hosts);
        more.put(IpText.format(address), Objects.requireNonNull(host, "host"));
        return new SimulatedNetwork(world, conditions, clock, more);
    }

    public SandboxWorld world() {
        return world;
    }

    public NetworkConditions conditions() {
        return conditions;
    }

    @Override
    public SessionClock.Virtual clock() {
        return clock;
    }

    @Override
    public Conversation open(SocketAddr server, Transport transport, InetAddress preferredLocal,
                             long connectTimeoutMicros, CancelToken cancel) throws IOException {
        if (cancel.isCancelled()) {
            throw new CancelledException();
        }
        InetAddress local = preferredLocal.getAddress().length == server.address().getAddress().length
                ? preferredLocal : server.address();
        int port;
        synchronized (this) {
            port = 1024 + ports.nextInt(65536 - 1024);
        }
        return new SimConversation(new SocketAddr(local, port), server, transport);
    }

    private synchronized boolean lost(Transport transport) {
        return transport == Transport.UDP && conditions.lossRate() > 0 && loss.nextDouble() < conditions.lossRate();
    }

    private synchronized long nextSequence() {
        return sequence++;
    }

    /** A message on its way to the asker. */
    private record Arrival(long atMicros, long sequence, Datagram datagram) {
    }

    private final class SimConversation implements Conversation {
        private final SocketAddr local;
        private final SocketAddr remote;
        private final Transport transport;
        private final PriorityQueue<Arrival> inbox = new PriorityQueue<>(
                Comparator.comparingLong(Arrival::atMicros).thenComparingLong(Arrival::sequence));
        private boolean closed;

        SimConversation(SocketAddr local, SocketAddr remote, Transport transport) {
            this.local = local;
            this.remote = remote;
            this.transport = transport;
        }

        @Override
        public SocketAddr local() {
            return local;
        }

        @Override
        public SocketAddr remote() {
            return remote;
        }

        @Override
        public Transport transport() {
            return transport;
        }

        @Override
        public void send(byte[] message) {
            long oneWay = conditions.latency().toNanos() / 1000;
            // a TCP exchange first opens the connection: one more round trip before the query arrives
            long sentAt = clock.nowMicros() + (transport == Transport.TCP ? 2 * oneWay : 0);
            if (lost(transport)) {
                return;
            }
            Host host = hosts.get(IpText.format(remote.address()));
            List<Reply> replies = new ArrayList<>();
            if (host != null) {
                replies.addAll(host.handle(message.clone(), transport, remote, local));
            } else {
                Optional<SandboxServer> server = world.serverAt(remote);
                if (server.isPresent()) {
                    long delayMicros = server.get().behaviour().delayMillis() * 1000L;
                    server.get().handle(message, transport, local)
                            .ifPresent(bytes -> replies.add(new Reply(remote, bytes, delayMicros)));
                }
                // nobody at the address: the datagram goes nowhere and the asker times out
            }
            for (Reply r : replies) {
                if (lost(transport)) {
                    continue;
                }
                long at = sentAt + 2 * oneWay + Math.max(0, r.delayMicros());
                inbox.add(new Arrival(at, nextSequence(), new Datagram(r.from(), r.bytes())));
            }
        }

        @Override
        public Optional<Datagram> receive(long timeoutMicros, CancelToken cancel) {
            if (cancel.isCancelled()) {
                throw new CancelledException();
            }
            if (closed) {
                return Optional.empty();
            }
            long deadline = clock.nowMicros() + Math.max(0, timeoutMicros);
            Arrival next = inbox.peek();
            if (next != null && next.atMicros() <= deadline) {
                inbox.poll();
                clock.advanceTo(next.atMicros());
                return Optional.of(next.datagram());
            }
            clock.advanceTo(deadline);
            return Optional.empty();
        }

        @Override
        public void close() {
            closed = true;
            inbox.clear();
        }
    }
}
