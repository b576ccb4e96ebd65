package org.resolvefx.core.engine;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import org.resolvefx.core.net.IpText;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.net.Transport;
import org.resolvefx.core.sandbox.SandboxAddresses;

/**
 * Real UDP and TCP sockets, for any server on any port. Each query gets a fresh socket on a random
 * source port chosen with the session's random source ({@link java.security.SecureRandom} unless a
 * seed was given), so an off-path attacker has to guess port and ID (RFC 5452). UDP sockets are left
 * unconnected on purpose: a connected socket would silently drop datagrams from other sources, and
 * the trace is meant to show such (possibly spoofed) responses being ignored.
 *
 * <p>Waiting uses a {@link Selector} that the cancel token wakes, so cancelling stops a lookup at
 * once even while it waits out a long timeout.
 *
 * <p>Not dnsjava's {@code SimpleResolver}: it connects its UDP channel (datagrams from elsewhere never
 * arrive), drops mismatching responses without a word, and cannot be woken by a cancel token.
 */
public final class LiveNetwork implements DnsNetwork {

    /** Where the network may send. */
    public enum AddressPolicy {
        /** Only 127.0.0.0/8 and ::1: a hierarchy on loopback can never send a query off the machine. */
        LOOPBACK_ONLY,
        /** Anywhere (the real Internet with the bundled root hints). */
        ANY
    }

    private static final int BIND_ATTEMPTS = 16;
    private static final int MAX_TCP_MESSAGE = 65535;

    private final AddressPolicy policy;
    private final Random random;
    private final SessionClock clock;

    public LiveNetwork(AddressPolicy policy, Random random, SessionClock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public AddressPolicy policy() {
        return policy;
    }

    @Override
    public SessionClock clock() {
        return clock;
    }

    @Override
    public Conversation open(SocketAddr server, Transport transport, InetAddress preferredLocal,
                             long connectTimeoutMicros, CancelToken cancel) throws IOException {
        InetAddress to = server.address();
        if (to.isAnyLocalAddress() || to.isMulticastAddress() || server.port() == 0) {
            throw new DestinationRefusedException(server + " is not an address a query can be sent to");
        }
        if (policy == AddressPolicy.LOOPBACK_ONLY && !SandboxAddresses.isLoopback(to)) {
            throw new DestinationRefusedException(IpText.format(to) + " is not a loopback address; this session "
                    + "only talks to 127.0.0.0/8 and ::1");
        }
        if (cancel.isCancelled()) {
            throw new CancelledException();
        }
        InetAddress local = localAddressFor(to, preferredLocal);
        return transport == Transport.UDP ? openUdp(server, local) : openTcp(server, local, connectTimeoutMicros, cancel);
    }

    /**
     * The asker's preferred address when it can reach the server from there (loopback to loopback of
     * the same family), else the address the kernel would choose: connecting a UDP socket picks the
     * route without sending anything.
     */
    static InetAddress localAddressFor(InetAddress server, InetAddress preferred) {
        boolean sameFamily = (server instanceof Inet4Address) == (preferred instanceof Inet4Address);
        if (sameFamily && SandboxAddresses.isLoopback(server) && SandboxAddresses.isLoopback(preferred)) {
            return preferred;
        }
        if (server instanceof Inet6Address && SandboxAddresses.isLoopback(server)) {
            return server;
        }
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(server, 53);
            InetAddress chosen = probe.getLocalAddress();
            if (chosen != null && !chosen.isAnyLocalAddress()) {
                return chosen;
            }
        } catch (IOException | RuntimeException e) {
            // no route: the real send reports it
        }
        return server instanceof Inet6Address ? InetAddress.getLoopbackAddress() : anyLocal4();
    }

    private static InetAddress anyLocal4() {
        try {
            return InetAddress.getByAddress(new byte[4]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void bindRandomPort(NetworkChannel channel, InetAddress local) throws IOException {
        for (int i = 0; i < BIND_ATTEMPTS; i++) {
            int port;
            synchronized (random) {
                port = 1024 + random.nextInt(65536 - 1024);
            }
            try {
                channel.bind(new InetSocketAddress(local, port));
                return;
            } catch (BindException taken) {
                // port in use: draw another
            }
        }
        channel.bind(new InetSocketAddress(local, 0));
    }

    private Conversation openUdp(SocketAddr server, InetAddress local) throws IOException {
        DatagramChannel channel = DatagramChannel.open(local instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        Selector selector = null;
        try {
            bindRandomPort(channel, local);
            channel.configureBlocking(false);
            selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
            SocketAddr bound = SocketAddr.of((InetSocketAddress) channel.getLocalAddress());
            return new UdpConversation(channel, selector, bound, server);
        } catch (IOException | RuntimeException e) {
            channel.close();
            if (selector != null) {
                selector.close();
            }
            throw e;
        }
    }

    private Conversation openTcp(SocketAddr server, InetAddress local, long connectTimeoutMicros, CancelToken cancel)
            throws IOException {
        SocketChannel channel = SocketChannel.open();
        Selector selector = null;
        CancelToken.Registration wake = null;
        try {
            channel.configureBlocking(false);
            bindRandomPort(channel, local);
            selector = Selector.open();
            Selector s = selector;
            wake = cancel.onCancel(s::wakeup);
            if (!channel.connect(server.toInetSocketAddress())) {
                channel.register(selector, SelectionKey.OP_CONNECT);
                long deadline = System.nanoTime() + connectTimeoutMicros * 1000L;
                while (!channel.finishConnect()) {
                    if (cancel.isCancelled()) {
                        throw new CancelledException();
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new SocketTimeoutException("TCP connection to " + server + " not open after "
                                + connectTimeoutMicros / 1000 + " ms");
                    }
                    selector.select(Math.max(1, Math.min(100, left / 1_000_000L)));
                    selector.selectedKeys().clear();
                }
                channel.keyFor(selector).interestOps(SelectionKey.OP_READ);
            } else {
                channel.register(selector, SelectionKey.OP_READ);
            }
            SocketAddr bound = SocketAddr.of((InetSocketAddress) channel.getLocalAddress());
            wake.close();
            return new TcpConversation(channel, selector, bound, server);
        } catch (IOException | RuntimeException e) {
            if (wake != null) {
                wake.close();
            }
            channel.close();
            if (selector != null) {
                selector.close();
            }
            throw e;
        }
    }

    /** Shared waiting: select in slices, woken at once by the cancel token. */
    private abstract static class SelectorConversation implements Conversation {
        final Selector selector;
        final SocketAddr local;
        final SocketAddr remote;
        private final java.nio.channels.Channel socket;

        SelectorConversation(java.nio.channels.Channel socket, Selector selector, SocketAddr local, SocketAddr remote) {
            this.socket = socket;
            this.selector = selector;
            this.local = local;
            this.remote = remote;
        }

        @Override
        public void close() {
            try {
                selector.close();
            } catch (IOException e) {
                // closing: nothing left to do
            }
            try {
                socket.close();
            } catch (IOException e) {
                // closing: nothing left to do
            }
        }

        @Override
        public SocketAddr local() {
            return local;
        }

        @Override
        public SocketAddr remote() {
            return remote;
        }

        /** One message if something complete is there, else null. */
        abstract Optional<Datagram> readReady() throws IOException;

        @Override
        public Optional<Datagram> receive(long timeoutMicros, CancelToken cancel) throws IOException {
            long deadline = System.nanoTime() + Math.max(0, timeoutMicros) * 1000L;
            CancelToken.Registration wake = cancel.onCancel(selector::wakeup);
            try {
                while (true) {
                    if (cancel.isCancelled()) {
                        throw new CancelledException();
                    }
                    Optional<Datagram> ready = readReady();
                    if (ready.isPresent()) {
                        return ready;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return Optional.empty();
                    }
                    // slices of at most 100 ms: a safety net should a wake-up ever be missed
                    selector.select(Math.max(1, Math.min(100, (left + 999_999) / 1_000_000L)));
                    selector.selectedKeys().clear();
                }
            } finally {
                wake.close();
            }
        }
    }

    private static final class UdpConversation extends SelectorConversation {
        private final DatagramChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(65535);

        UdpConversation(DatagramChannel channel, Selector selector, SocketAddr local, SocketAddr remote) {
            super(channel, selector, local, remote);
            this.channel = channel;
        }

        @Override
        public Transport transport() {
            return Transport.UDP;
        }

        @Override
        public void send(byte[] message) throws IOException {
            int sent = channel.send(ByteBuffer.wrap(message), remote.toInetSocketAddress());
            if (sent != message.length) {
                throw new IOException("the socket took only " + sent + " of " + message.length + " bytes");
            }
        }

        @Override
        Optional<Datagram> readReady() throws IOException {
            buffer.clear();
            SocketAddress from = channel.receive(buffer);
            if (from == null) {
                return Optional.empty();
            }
            buffer.flip();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return Optional.of(new Datagram(SocketAddr.of((InetSocketAddress) from), bytes));
        }
    }

    /** TCP: each message with its two-byte length (RFC 1035 4.2.2); reads may arrive in pieces. */
    private static final class TcpConversation extends SelectorConversation {
        private final SocketChannel channel;
        private final ByteBuffer inbox = ByteBuffer.allocate(2 + MAX_TCP_MESSAGE);
        private boolean eof;

        TcpConversation(SocketChannel channel, Selector selector, SocketAddr local, SocketAddr remote) {
            super(channel, selector, local, remote);
            this.channel = channel;
        }

        @Override
        public Transport transport() {
            return Transport.TCP;
        }

        @Override
        public void send(byte[] message) throws IOException {
            if (message.length > MAX_TCP_MESSAGE) {
                throw new IOException("message too long for TCP: " + message.length + " bytes");
            }
            ByteBuffer out = ByteBuffer.allocate(2 + message.length);
            out.putShort((short) message.length).put(message).flip();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (out.hasRemaining()) {
                if (channel.write(out) == 0) {
                    if (System.nanoTime() > deadline) {
                        throw new IOException("could not send the query to " + remote + " over TCP");
                    }
                    Thread.onSpinWait();
                }
            }
        }

        @Override
        Optional<Datagram> readReady() throws IOException {
            Optional<Datagram> complete = takeMessage();
            if (complete.isPresent() || eof) {
                if (complete.isEmpty()) {
                    throw new IOException(remote + " closed the TCP connection without a complete response");
                }
                return complete;
            }
            int n = channel.read(inbox);
            if (n < 0) {
                eof = true;
            }
            complete = takeMessage();
            if (complete.isEmpty() && eof) {
                throw new IOException(remote + " closed the TCP connection without a complete response");
            }
            return complete;
        }

        private Optional<Datagram> takeMessage() {
            if (inbox.position() < 2) {
                return Optional.empty();
            }
            int length = ((inbox.get(0) & 0xFF) << 8) | (inbox.get(1) & 0xFF);
            if (inbox.position() < 2 + length) {
                return Optional.empty();
            }
            byte[] bytes = new byte[length];
            inbox.flip();
            inbox.position(2);
            inbox.get(bytes);
            inbox.compact();
            return Optional.of(new Datagram(remote, bytes));
        }
    }
}
