package org.resolvefx.core.trace;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.net.Transport;

/**
 * Writes a trace's messages as a pcapng capture that Wireshark and tshark open and decode: each
 * message wrapped in real IPv4 or IPv6 and UDP or TCP headers with correct checksums; TCP with a
 * three-way handshake, the two-byte DNS length framing, consistent sequence and acknowledgement
 * numbers, and a FIN exchange after the connection's last message; Ethernet framing with zero MAC
 * addresses (like Linux loopback captures) or raw IP. Timestamps are startedAt + atMicros in
 * nanoseconds. Each message's first packet carries its English narration as a packet comment.
 *
 * <p>Written by hand because no maintained Java library writes pcapng with synthesised TCP streams
 * (pcap4j is unmaintained and needs libpcap for writing).
 */
public final class PcapngExport {

    /** The link layer of the written file. */
    public enum LinkType {
        /** Ethernet II with zero MAC addresses (LINKTYPE_ETHERNET = 1). */
        ETHERNET(1),
        /** Bare IPv4/IPv6 packets (LINKTYPE_RAW = 101). */
        RAW_IP(101);

        final int code;

        LinkType(int code) {
            this.code = code;
        }
    }

    /**
     * @param linkType          Ethernet or raw IP
     * @param narrationComments put each message's English narration into its first packet as a comment
     * @param serverPortsAs53   write the server side of every exchange on port 53. Sandbox servers listen
     *                          on ports like 5300, which Wireshark does not decode as DNS without a
     *                          "Decode As" rule; with this option the file opens as DNS everywhere, at
     *                          the price of not showing the real port
     */
    public record Options(LinkType linkType, boolean narrationComments, boolean serverPortsAs53) {
        public static final Options DEFAULT = new Options(LinkType.ETHERNET, true, false);

        public Options {
            Objects.requireNonNull(linkType, "linkType");
        }

        public Options(LinkType linkType, boolean narrationComments) {
            this(linkType, narrationComments, false);
        }
    }

    /** Largest TCP payload per segment, as on an Ethernet link (MSS 1460). */
    static final int MSS = 1460;
    private static final int TCP_FIN = 0x01;
    private static final int TCP_SYN = 0x02;
    private static final int TCP_PSH = 0x08;
    private static final int TCP_ACK = 0x10;

    private PcapngExport() {
    }

    /** Writes the trace atomically with {@link Options#DEFAULT}. */
    public static void write(Trace trace, Path file) throws IOException {
        write(List.of(trace), file, Options.DEFAULT);
    }

    public static void write(Trace trace, Path file, Options options) throws IOException {
        write(List.of(trace), file, options);
    }

    /** Several traces in one file, one after the other (each with its own TCP connections). */
    public static void write(List<Trace> traces, Path file, Options options) throws IOException {
        AtomicFiles.write(file, toBytes(traces, options));
    }

    public static byte[] toBytes(Trace trace, Options options) {
        return toBytes(List.of(trace), options);
    }

    public static byte[] toBytes(List<Trace> traces, Options options) {
        Writer w = new Writer(options);
        List<String> titles = new ArrayList<>();
        for (Trace t : traces) {
            titles.add(t.title());
        }
        w.sectionHeader(String.join("; ", titles));
        w.interfaceDescription();
        for (Trace t : traces) {
            new TraceWriter(w, t, options).writeAll();
        }
        return w.out.toByteArray();
    }

    // =================================================================== one trace

    private static final class TraceWriter {
        private final Writer w;
        private final Trace trace;
        private final Options options;
        private final Map<String, TcpConnection> connections = new HashMap<>();
        private final Map<String, Integer> lastUseOfConnection = new HashMap<>();
        private int ipId = 1;

        TraceWriter(Writer w, Trace trace, Options options) {
            this.w = w;
            this.trace = trace;
            this.options = options;
        }

        void writeAll() {
            List<TraceEvent> events = trace.events();
            List<Integer> messageIndexes = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                WireMessage m = messageOf(events.get(i));
                if (m != null) {
                    m = portsFor(m);
                    messageIndexes.add(i);
                    if (m.transport() == Transport.TCP) {
                        lastUseOfConnection.put(connectionKey(m.from(), m.to()), i);
                    }
                }
            }
            for (int i : messageIndexes) {
                TraceEvent e = events.get(i);
                WireMessage m = portsFor(messageOf(e));
                long nanos = epochNanos(trace.startedAt()) + e.atMicros() * 1000L;
                String comment = options.narrationComments() ? e.narration().en() : null;
                if (m.transport() == Transport.UDP) {
                    udp(m, nanos, comment);
                } else {
                    tcp(m, nanos, comment, lastUseOfConnection.get(connectionKey(m.from(), m.to())) == i);
                }
            }
        }

        /** The message as written: with the server's port replaced by 53 when the options ask for it. */
        private WireMessage portsFor(WireMessage m) {
            if (!options.serverPortsAs53()) {
                return m;
            }
            // the server is the receiver of a query and the sender of a response
            if (m.isResponse()) {
                return new WireMessage(m.fromId(), m.toId(), new SocketAddr(m.from().address(), 53), m.to(),
                        m.transport(), m.unsafeBytes(), m.frame());
            }
            return new WireMessage(m.fromId(), m.toId(), m.from(), new SocketAddr(m.to().address(), 53),
                    m.transport(), m.unsafeBytes(), m.frame());
        }

        private static WireMessage messageOf(TraceEvent e) {
            if (e instanceof TraceEvent.MessageSent s) {
                return s.message();
            }
            if (e instanceof TraceEvent.MessageReceived r) {
                return r.message();
            }
            return null;
        }

        private void udp(WireMessage m, long nanos, String comment) {
            Addresses a = Addresses.of(m.from(), m.to());
            byte[] payload = m.unsafeBytes();
            int max = (a.v6 ? 65535 - 8 : 65535 - 20 - 8);
            if (payload.length > max) {
                // cannot happen on a real wire; keep what fits rather than fail the whole export
                payload = java.util.Arrays.copyOf(payload, max);
                comment = (comment == null ? "" : comment + " ") + "[message cut to " + max + " bytes to fit UDP]";
            }
            ByteBuffer udp = ByteBuffer.allocate(8 + payload.length).order(ByteOrder.BIG_ENDIAN);
            udp.putShort((short) m.from().port());
            udp.putShort((short) m.to().port());
            udp.putShort((short) (8 + payload.length));
            udp.putShort((short) 0);
            udp.put(payload);
            byte[] seg = udp.array();
            int sum = Checksums.transport(a.src, a.dst, 17, seg);
            if (sum == 0) {
                sum = 0xFFFF; // RFC 768: zero means "no checksum"
            }
            seg[6] = (byte) (sum >> 8);
            seg[7] = (byte) sum;
            w.packet(ip(a, 17, seg), nanos, comment);
        }

        private void tcp(WireMessage m, long nanos, String comment, boolean lastOnConnection) {
            String key = connectionKey(m.from(), m.to());
            TcpConnection c = connections.get(key);
            if (c == null) {
                c = new TcpConnection(m.from(), m.to());
                connections.put(key, c);
                // three-way handshake, opened by the side that sends first (the asker)
                segment(c, true, TCP_SYN, new byte[0], nanos, null, true);
                c.clientSeq++;
                segment(c, false, TCP_SYN | TCP_ACK, new byte[0], nanos, null, true);
                c.serverSeq++;
                segment(c, true, TCP_ACK, new byte[0], nanos, null, false);
            }
            boolean fromClient = m.from().equals(c.client);
            byte[] msg = m.unsafeBytes();
            int len = Math.min(msg.length, 0xFFFF);
            byte[] framed = new byte[2 + len];
            framed[0] = (byte) (len >> 8);
            framed[1] = (byte) len;
            System.arraycopy(msg, 0, framed, 2, len);
            for (int off = 0; off < framed.length; off += MSS) {
                byte[] chunk = java.util.Arrays.copyOfRange(framed, off, Math.min(framed.length, off + MSS));
                segment(c, fromClient, TCP_PSH | TCP_ACK, chunk, nanos, off == 0 ? comment : null, false);
                if (fromClient) {
                    c.clientSeq += chunk.length;
                } else {
                    c.serverSeq += chunk.length;
                }
            }
            if (lastOnConnection) {
                // the asker closes, as dig and resolvers do after their last answer
                segment(c, true, TCP_FIN | TCP_ACK, new byte[0], nanos, null, false);
                c.clientSeq++;
                segment(c, false, TCP_FIN | TCP_ACK, new byte[0], nanos, null, false);
                c.serverSeq++;
                segment(c, true, TCP_ACK, new byte[0], nanos, null, false);
            }
        }

        private void segment(TcpConnection c, boolean fromClient, int flags, byte[] data, long nanos, String comment,
                             boolean withMss) {
            SocketAddr from = fromClient ? c.client : c.server;
            SocketAddr to = fromClient ? c.server : c.client;
            Addresses a = Addresses.of(from, to);
            int headerLen = withMss ? 24 : 20;
            ByteBuffer b = ByteBuffer.allocate(headerLen + data.length).order(ByteOrder.BIG_ENDIAN);
            b.putShort((short) from.port());
            b.putShort((short) to.port());
            b.putInt((int) (fromClient ? c.clientSeq : c.serverSeq));
            boolean ack = (flags & TCP_ACK) != 0;
            b.putInt(ack ? (int) (fromClient ? c.serverSeq : c.clientSeq) : 0);
            b.put((byte) ((headerLen / 4) << 4));
            b.put((byte) flags);
            b.putShort((short) 0xFFFF); // window
            b.putShort((short) 0); // checksum, filled in below
            b.putShort((short) 0); // urgent pointer
            if (withMss) {
                b.put((byte) 2).put((byte) 4).putShort((short) MSS);
            }
            b.put(data);
            byte[] seg = b.array();
            int sum = Checksums.transport(a.src, a.dst, 6, seg);
            seg[16] = (byte) (sum >> 8);
            seg[17] = (byte) sum;
            w.packet(ip(a, 6, seg), nanos, comment);
        }

        private byte[] ip(Addresses a, int protocol, byte[] payload) {
            byte[] packet;
            if (!a.v6) {
                ByteBuffer b = ByteBuffer.allocate(20 + payload.length).order(ByteOrder.BIG_ENDIAN);
                b.put((byte) 0x45).put((byte) 0);
                b.putShort((short) (20 + payload.length));
                b.putShort((short) ipId++);
                b.putShort((short) 0x4000); // don't fragment
                b.put((byte) 64).put((byte) protocol);
                b.putShort((short) 0);
                b.put(a.src).put(a.dst);
                b.put(payload);
                packet = b.array();
                int sum = Checksums.ones(packet, 0, 20, 0);
                packet[10] = (byte) (sum >> 8);
                packet[11] = (byte) sum;
            } else {
                ByteBuffer b = ByteBuffer.allocate(40 + payload.length).order(ByteOrder.BIG_ENDIAN);
                b.putInt(0x60000000);
                b.putShort((short) payload.length);
                b.put((byte) protocol).put((byte) 64);
                b.put(a.src).put(a.dst);
                b.put(payload);
                packet = b.array();
            }
            if (options.linkType() == LinkType.RAW_IP) {
                return packet;
            }
            byte[] frame = new byte[14 + packet.length];
            int etherType = a.v6 ? 0x86DD : 0x0800;
            frame[12] = (byte) (etherType >> 8);
            frame[13] = (byte) etherType;
            System.arraycopy(packet, 0, frame, 14, packet.length);
            return frame;
        }

        private static String connectionKey(SocketAddr a, SocketAddr b) {
            return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
        }
    }

    /** Sequence numbers of one TCP connection; the initial ones are derived from the ports so files are reproducible. */
    private static final class TcpConnection {
        final SocketAddr client;
        final SocketAddr server;
        long clientSeq;
        long serverSeq;

        TcpConnection(SocketAddr client, SocketAddr server) {
            this.client = client;
            this.server = server;
            this.clientSeq = (0x1000_0000L + client.port() * 7919L) & 0xFFFF_FFFFL;
            this.serverSeq = (0x2000_0000L + server.port() * 104729L + client.port()) & 0xFFFF_FFFFL;
        }
    }

    /** Source and destination as raw bytes of the same family (IPv4 is mapped into IPv6 if the two differ). */
    private record Addresses(byte[] src, byte[] dst, boolean v6) {
        static Addresses of(SocketAddr from, SocketAddr to) {
            byte[] s = from.address().getAddress();
            byte[] d = to.address().getAddress();
            if (s.length != d.length) {
                s = mapped(s);
                d = mapped(d);
            }
            return new Addresses(s, d, s.length == 16);
        }

        private static byte[] mapped(byte[] a) {
            if (a.length == 16) {
                return a;
            }
            byte[] m = new byte[16];
            m[10] = (byte) 0xFF;
            m[11] = (byte) 0xFF;
            System.arraycopy(a, 0, m, 12, 4);
            return m;
        }
    }

    /** Internet checksums (RFC 1071), with the IPv4/IPv6 pseudo-header for UDP and TCP. */
    static final class Checksums {
        private Checksums() {
        }

        static int transport(byte[] src, byte[] dst, int protocol, byte[] segment) {
            long pseudo = sum(src, 0, src.length) + sum(dst, 0, dst.length) + protocol
                    + (segment.length & 0xFFFF) + (segment.length >>> 16);
            return ones(segment, 0, segment.length, pseudo);
        }

        static int ones(byte[] d, int off, int len, long initial) {
            long s = initial + sum(d, off, len);
            while ((s >> 16) != 0) {
                s = (s & 0xFFFF) + (s >> 16);
            }
            return (int) (~s & 0xFFFF);
        }

        private static long sum(byte[] d, int off, int len) {
            long s = 0;
            int i = 0;
            for (; i + 1 < len; i += 2) {
                s += ((d[off + i] & 0xFF) << 8) | (d[off + i + 1] & 0xFF);
            }
            if (i < len) {
                s += (d[off + i] & 0xFF) << 8;
            }
            return s;
        }
    }

    // =================================================================== pcapng blocks

    /** pcapng blocks in little-endian order (the byte-order magic tells readers). */
    private static final class Writer {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final Options options;

        Writer(Options options) {
            this.options = options;
        }

        void sectionHeader(String comment) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            ByteBuffer fixed = le(16);
            fixed.putInt(0x1A2B3C4D); // byte-order magic
            fixed.putShort((short) 1).putShort((short) 0); // version 1.0
            fixed.putLong(-1L); // section length not given
            body.writeBytes(fixed.array());
            option(body, 1, comment); // opt_comment: the trace titles
            option(body, 4, "ResolveFX"); // shb_userappl
            endOfOptions(body);
            block(0x0A0D0D0A, body.toByteArray());
        }

        void interfaceDescription() {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            ByteBuffer fixed = le(8);
            fixed.putShort((short) options.linkType().code);
            fixed.putShort((short) 0);
            fixed.putInt(0); // snap length: no limit
            body.writeBytes(fixed.array());
            option(body, 2, "resolvefx"); // if_name
            option(body, 9, new byte[] {9}); // if_tsresol: 10^-9 s, nanoseconds
            endOfOptions(body);
            block(1, body.toByteArray());
        }

        void packet(byte[] data, long epochNanos, String comment) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            ByteBuffer fixed = le(20);
            fixed.putInt(0); // interface 0
            fixed.putInt((int) (epochNanos >>> 32));
            fixed.putInt((int) epochNanos);
            fixed.putInt(data.length);
            fixed.putInt(data.length);
            body.writeBytes(fixed.array());
            body.writeBytes(data);
            pad(body, data.length);
            if (comment != null && !comment.isEmpty()) {
                option(body, 1, comment);
                endOfOptions(body);
            }
            block(6, body.toByteArray());
        }

        private void block(int type, byte[] body) {
            int total = 12 + body.length;
            ByteBuffer head = le(8);
            head.putInt(type).putInt(total);
            out.writeBytes(head.array());
            out.writeBytes(body);
            out.writeBytes(le(4).putInt(total).array());
        }

        private static void option(ByteArrayOutputStream body, int code, String text) {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            if (b.length > 0xFFF0) {
                b = java.util.Arrays.copyOf(b, 0xFFF0); // option lengths are 16 bits
            }
            option(body, code, b);
        }

        private static void option(ByteArrayOutputStream body, int code, byte[] value) {
            ByteBuffer h = le(4);
            h.putShort((short) code).putShort((short) value.length);
            body.writeBytes(h.array());
            body.writeBytes(value);
            pad(body, value.length);
        }

        private static void endOfOptions(ByteArrayOutputStream body) {
            body.writeBytes(new byte[4]);
        }

        private static void pad(ByteArrayOutputStream body, int length) {
            int pad = (4 - (length & 3)) & 3;
            body.writeBytes(new byte[pad]);
        }

        private static ByteBuffer le(int n) {
            return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    private static long epochNanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
