package org.resolvefx.core.sandbox;

import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.resolvefx.core.net.IpText;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.net.Transport;
import org.xbill.DNS.Name;

/**
 * Serves a world on real UDP and TCP sockets: every address of every server, all on one port, so
 * that dig, Unbound or BIND can query the sandbox. One selector thread does all socket work (the
 * answers take microseconds); a second thread only sends the late answers of SLOW servers. Queues
 * are bounded; {@link #close()} stops within about a second.
 */
public final class LoopbackSandbox implements Closeable {

    /** Where one server listens. */
    public record Listener(Name serverName, SocketAddr address, List<Name> zones, ServerBehaviour behaviour) {
        public Listener {
            Objects.requireNonNull(serverName, "serverName");
            Objects.requireNonNull(address, "address");
            zones = List.copyOf(zones);
            Objects.requireNonNull(behaviour, "behaviour");
        }
    }

    /**
     * One query seen by a server, for logs and views.
     *
     * @param response the bytes sent back, or null when nothing was sent (DEAD, garbage)
     */
    public record Exchange(Name serverName, SocketAddr local, SocketAddr client, Transport transport, byte[] query,
                           byte[] response) {
    }

    /**
     * Tuning for tests and tools.
     *
     * @param tcpIdleTimeout a TCP connection without traffic for this long is closed
     * @param observer       called on the I/O thread for every query (keep it quick), or null
     */
    public record Options(Duration tcpIdleTimeout, Consumer<Exchange> observer) {
        public Options {
            Objects.requireNonNull(tcpIdleTimeout, "tcpIdleTimeout");
        }

        public static Options defaults() {
            return new Options(Duration.ofSeconds(10), null);
        }
    }

    static final int MAX_TCP_CONNECTIONS = 256;
    static final int MAX_QUEUED_TCP_RESPONSES = 64;
    static final int MAX_DELAYED_RESPONSES = 10_000;
    static final int UDP_BURST = 64;
    private static final int BIND_ATTEMPTS_FOR_ANY_PORT = 20;

    private final SandboxWorld world;
    private final int port;
    private final Options options;
    private final Selector selector;
    private final List<Listener> listeners = new ArrayList<>();
    private final List<java.nio.channels.Channel> channels = new ArrayList<>();
    private final Set<TcpConnection> connections = new HashSet<>();
    private final ConcurrentLinkedQueue<Runnable> ioTasks = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService delayer;
    private final AtomicInteger delayedPending = new AtomicInteger();
    private final AtomicLong queries = new AtomicLong();
    private final AtomicLong responses = new AtomicLong();
    private final Thread ioThread;
    private volatile boolean running = true;

    private LoopbackSandbox(SandboxWorld world, int port, Options options) throws IOException {
        this.world = world;
        this.options = options;
        this.selector = Selector.open();
        int chosen = port;
        try {
            for (SandboxServer server : world.sandboxServers()) {
                for (InetAddress address : server.spec().addresses()) {
                    chosen = bind(server, address, chosen);
                }
            }
        } catch (IOException | RuntimeException e) {
            closeChannels();
            selector.close();
            throw e;
        }
        this.port = chosen;
        this.delayer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "sandbox-delay"));
        this.ioThread = daemon(this::loop, "sandbox-io");
        ioThread.start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Binds UDP and TCP for every server address of the world on {@code port} and starts answering.
     *
     * @param port a port for all servers; 0 picks one port that is free on every address
     * @throws IOException naming the address and port that could not be bound
     */
    public static LoopbackSandbox start(SandboxWorld world, int port) throws IOException {
        return start(world, port, Options.defaults());
    }

    public static LoopbackSandbox start(SandboxWorld world, int port, Options options) throws IOException {
        Objects.requireNonNull(world, "world");
        Objects.requireNonNull(options, "options");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        for (ServerSpec s : world.servers()) {
            for (InetAddress a : s.addresses()) {
                if (!SandboxAddresses.isLoopback(a)) {
                    throw new IOException("refusing to listen on " + IpText.format(a) + " for " + s.name()
                            + ": the sandbox listens only on 127.0.0.0/8 and ::1");
                }
            }
        }
        if (port != 0) {
            return new LoopbackSandbox(world, port, options);
        }
        IOException last = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS_FOR_ANY_PORT; attempt++) {
            try {
                return new LoopbackSandbox(world, 0, options);
            } catch (IOException e) {
                last = e; // the port free on the first address was taken on another one: try again
            }
        }
        throw last;
    }

    private int bind(SandboxServer server, InetAddress address, int wantedPort) throws IOException {
        boolean v6 = address.getAddress().length == 16;
        DatagramChannel udp = DatagramChannel.open(v6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        channels.add(udp);
        int p = wantedPort;
        try {
            udp.bind(new InetSocketAddress(address, p));
        } catch (IOException e) {
            throw bindFailure(address, p, "udp", e);
        }
        p = ((InetSocketAddress) udp.getLocalAddress()).getPort();
        udp.configureBlocking(false);
        SocketAddr local = new SocketAddr(address, p);
        udp.register(selector, SelectionKey.OP_READ, new UdpEndpoint(server, udp, local));

        ServerSocketChannel tcp = ServerSocketChannel.open();
        channels.add(tcp);
        tcp.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        try {
            tcp.bind(new InetSocketAddress(address, p), 64);
        } catch (IOException e) {
            throw bindFailure(address, p, "tcp", e);
        }
        tcp.configureBlocking(false);
        tcp.register(selector, SelectionKey.OP_ACCEPT, new TcpAcceptor(server, tcp, local));
        listeners.add(new Listener(server.name(), local, server.spec().zones(), server.behaviour()));
        return p;
    }

    private static IOException bindFailure(InetAddress address, int port, String proto, IOException e) {
        String where = new SocketAddr(address, port) + "/" + proto;
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String hint = "";
        if (port > 0 && port < 1024) {
            hint = " (ports below 1024 need root; try --port 5300)";
        } else if (e instanceof BindException && why.toLowerCase(java.util.Locale.ROOT).contains("in use")) {
            hint = " (another program, or another sandbox, listens there; choose another --port)";
        } else if (e instanceof BindException) {
            hint = " (is the address configured? Linux routes all of 127.0.0.0/8 to lo; ::1 needs IPv6)";
        }
        BindException be = new BindException("cannot listen on " + where + ": " + why + hint);
        be.initCause(e);
        return be;
    }

    /** The port all servers listen on. */
    public int port() {
        return port;
    }

    public SandboxWorld world() {
        return world;
    }

    /** What listens where, in world order (one entry per server address). */
    public List<Listener> listeners() {
        return List.copyOf(listeners);
    }

    /** Queries received so far (UDP datagrams and TCP messages), including those dropped. */
    public long queriesReceived() {
        return queries.get();
    }

    /** Responses sent so far. */
    public long responsesSent() {
        return responses.get();
    }

    /** A table of what listens where, for the console. */
    public String describe() {
        return describe(listeners);
    }

    static String describe(List<Listener> listeners) {
        int wName = "SERVER".length();
        int wAddr = "ADDRESS".length();
        int wZones = "ZONES".length();
        List<String[]> rows = new ArrayList<>();
        for (Listener l : listeners) {
            String zones = l.zones().isEmpty() ? "(none: answers REFUSED)" : String.join(", ",
                    l.zones().stream().map(Name::toString).toList());
            String[] row = {l.serverName().toString(), l.address().host(), Integer.toString(l.address().port()),
                    zones, l.behaviour().label()};
            wName = Math.max(wName, row[0].length());
            wAddr = Math.max(wAddr, row[1].length());
            wZones = Math.max(wZones, row[3].length());
            rows.add(row);
        }
        String fmt = "%-" + wName + "s  %-" + wAddr + "s  %5s  %-" + wZones + "s  %s%n";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(java.util.Locale.ROOT, fmt, "SERVER", "ADDRESS", "PORT", "ZONES", "BEHAVIOUR"));
        for (String[] r : rows) {
            sb.append(String.format(java.util.Locale.ROOT, fmt, (Object[]) r));
        }
        return sb.toString();
    }

    // ---- the I/O loop ----

    private void loop() {
        ByteBuffer udpBuffer = ByteBuffer.allocate(65_535);
        long lastSweep = System.nanoTime();
        while (running) {
            try {
                selector.select(250);
                Runnable task;
                while ((task = ioTasks.poll()) != null) {
                    task.run();
                }
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    if (!key.isValid()) {
                        continue;
                    }
                    Object a = key.attachment();
                    try {
                        if (a instanceof UdpEndpoint u && key.isReadable()) {
                            u.receive(udpBuffer);
                        } else if (a instanceof TcpAcceptor t && key.isAcceptable()) {
                            t.accept();
                        } else if (a instanceof TcpConnection c) {
                            if (key.isReadable()) {
                                c.read();
                            }
                            if (key.isValid() && key.isWritable()) {
                                c.flush();
                            }
                        }
                    } catch (IOException e) {
                        if (a instanceof TcpConnection c) {
                            c.close(); // the client went away; other connections carry on
                        }
                    }
                }
                long now = System.nanoTime();
                if (now - lastSweep > 200_000_000L) {
                    lastSweep = now;
                    sweepIdle(now);
                }
            } catch (IOException | RuntimeException e) {
                if (!running) {
                    break;
                }
                // keep serving: one bad event must not stop the whole sandbox
            }
        }
    }

    private void sweepIdle(long now) {
        long idle = options.tcpIdleTimeout().toNanos();
        for (TcpConnection c : new ArrayList<>(connections)) {
            if (now - c.lastActive > idle && c.waitingLate == 0) {
                c.close();
            }
        }
    }

    private Optional<byte[]> answer(SandboxServer server, SocketAddr local, SocketAddr client, Transport t,
                                    byte[] query) {
        queries.incrementAndGet();
        Optional<byte[]> response = server.handle(query, t, client);
        Consumer<Exchange> observer = options.observer();
        if (observer != null) {
            try {
                observer.accept(new Exchange(server.name(), local, client, t, query, response.orElse(null)));
            } catch (RuntimeException e) {
                // an observer's bug must not stop the server
            }
        }
        return response;
    }

    /** Runs {@code send} now, or later for a SLOW server; false if too many late answers are waiting. */
    private void deliver(SandboxServer server, Runnable send) {
        long delay = server.behaviour().delayMillis();
        if (delay <= 0) {
            send.run();
            return;
        }
        if (delayedPending.incrementAndGet() > MAX_DELAYED_RESPONSES) {
            delayedPending.decrementAndGet();
            return; // overloaded: drop, as a real server would
        }
        try {
            delayer.schedule(() -> {
                delayedPending.decrementAndGet();
                if (running) {
                    send.run();
                }
            }, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            delayedPending.decrementAndGet(); // closing
        }
    }

    private final class UdpEndpoint {
        final SandboxServer server;
        final DatagramChannel channel;
        final SocketAddr local;

        UdpEndpoint(SandboxServer server, DatagramChannel channel, SocketAddr local) {
            this.server = server;
            this.channel = channel;
            this.local = local;
        }

        void receive(ByteBuffer buffer) throws IOException {
            for (int i = 0; i < UDP_BURST; i++) {
                buffer.clear();
                SocketAddress from = channel.receive(buffer);
                if (from == null) {
                    return;
                }
                buffer.flip();
                byte[] query = new byte[buffer.remaining()];
                buffer.get(query);
                InetSocketAddress peer = (InetSocketAddress) from;
                Optional<byte[]> response = answer(server, local, SocketAddr.of(peer), Transport.UDP, query);
                response.ifPresent(bytes -> deliver(server, () -> {
                    try {
                        channel.send(ByteBuffer.wrap(bytes), peer);
                        responses.incrementAndGet();
                    } catch (IOException e) {
                        // the client's port is gone (ICMP unreachable): nothing to do for UDP
                    }
                }));
            }
        }
    }

    private final class TcpAcceptor {
        final SandboxServer server;
        final ServerSocketChannel channel;
        final SocketAddr local;

        TcpAcceptor(SandboxServer server, ServerSocketChannel channel, SocketAddr local) {
            this.server = server;
            this.channel = channel;
            this.local = local;
        }

        void accept() throws IOException {
            SocketChannel c;
            while ((c = channel.accept()) != null) {
                if (connections.size() >= MAX_TCP_CONNECTIONS) {
                    c.close(); // bounded: a flood of connections cannot exhaust the sandbox
                    continue;
                }
                c.configureBlocking(false);
                c.setOption(StandardSocketOptions.TCP_NODELAY, true);
                TcpConnection conn = new TcpConnection(server, c, local,
                        SocketAddr.of((InetSocketAddress) c.getRemoteAddress()));
                conn.key = c.register(selector, SelectionKey.OP_READ, conn);
                connections.add(conn);
            }
        }
    }

    /** One TCP client: messages with a two-byte length prefix (RFC 1035 4.2.2), several per connection. */
    private final class TcpConnection {
        final SandboxServer server;
        final SocketChannel channel;
        final SocketAddr local;
        final SocketAddr client;
        final ByteBuffer in = ByteBuffer.allocate(2 + 65_535);
        final Deque<ByteBuffer> out = new ArrayDeque<>();
        SelectionKey key;
        long lastActive = System.nanoTime();
        int waitingLate;
        boolean closed;

        TcpConnection(SandboxServer server, SocketChannel channel, SocketAddr local, SocketAddr client) {
            this.server = server;
            this.channel = channel;
            this.local = local;
            this.client = client;
        }

        void read() throws IOException {
            int n = channel.read(in);
            if (n < 0) {
                close();
                return;
            }
            lastActive = System.nanoTime();
            in.flip();
            while (in.remaining() >= 2) {
                int len = in.getShort(in.position()) & 0xFFFF;
                if (in.remaining() < 2 + len) {
                    break;
                }
                in.getShort();
                byte[] query = new byte[len];
                in.get(query);
                Optional<byte[]> response = answer(server, local, client, Transport.TCP, query);
                if (response.isPresent()) {
                    byte[] bytes = response.get();
                    if (server.behaviour().delayMillis() > 0) {
                        waitingLate++;
                        deliver(server, () -> {
                            ioTasks.add(() -> {
                                waitingLate--;
                                enqueue(bytes);
                            });
                            selector.wakeup();
                        });
                    } else {
                        enqueue(bytes);
                    }
                }
            }
            in.compact();
        }

        void enqueue(byte[] message) {
            if (closed) {
                return;
            }
            if (out.size() >= MAX_QUEUED_TCP_RESPONSES) {
                close(); // the client sends but does not read: bounded, so give up on it
                return;
            }
            ByteBuffer b = ByteBuffer.allocate(2 + message.length);
            b.putShort((short) message.length).put(message).flip();
            out.add(b);
            try {
                flush();
            } catch (IOException e) {
                close();
            }
        }

        void flush() throws IOException {
            while (!out.isEmpty()) {
                ByteBuffer b = out.peek();
                channel.write(b);
                if (b.hasRemaining()) {
                    break;
                }
                out.poll();
                responses.incrementAndGet();
                lastActive = System.nanoTime();
            }
            if (key.isValid()) {
                key.interestOps(out.isEmpty() ? SelectionKey.OP_READ : SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            }
        }

        void close() {
            if (closed) {
                return;
            }
            closed = true;
            connections.remove(this);
            try {
                channel.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /** Closes every socket; waits at most about a second for the I/O thread. Idempotent. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        delayer.shutdownNow();
        selector.wakeup();
        try {
            ioThread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (TcpConnection c : new ArrayList<>(connections)) {
            c.close();
        }
        closeChannels();
        try {
            selector.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }

    private void closeChannels() {
        for (java.nio.channels.Channel c : channels) {
            try {
                c.close();
            } catch (IOException e) {
                // keep closing the others
            }
        }
        channels.clear();
    }

}
