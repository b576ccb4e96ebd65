package org.resolvefx.core.capture;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.net.Transport;

/**
 * DNS over TCP: puts each direction of each connection back in sequence order and cuts it into messages by the
 * two-byte length prefix (RFC 1035 section 4.2.2). Written by hand because no Java library reassembles TCP from
 * captured segments without native code.
 *
 * <p>Rules: retransmitted and overlapping bytes are ignored (the first copy wins); segments ahead of a gap wait,
 * at most {@link #OUT_OF_ORDER_LIMIT} bytes per direction, and when the gap is hopeless the stream restarts at the
 * newest segment; a direction is forgotten on FIN or RST, after {@link #IDLE} of capture time without segments,
 * or when more than {@link #MAX_FLOWS} directions or {@link #MAX_BUFFERED} bytes are held (least recently used
 * first). A message is reported with the frame that completed it, which is the frame holding its last byte when
 * segments arrive in order (as Wireshark reports it).
 *
 * <p>Which streams: those with port 53 or 5353 on either side, and others whose first message is a plausible DNS
 * message ({@link DnsShape#plausible}); a stream that fails that test is ignored to its end.
 */
final class TcpReassembler {
    /** A DNS message is at most 65535 bytes, plus its two-byte length. */
    static final int MAX_MESSAGE = 65_535 + 2;
    static final int OUT_OF_ORDER_LIMIT = 2 * MAX_MESSAGE;
    static final int MAX_FLOWS = 4096;
    static final long MAX_BUFFERED = 16L * 1024 * 1024;
    static final Duration IDLE = Duration.ofMinutes(2);
    private static final int SWEEP_EVERY = 1024;

    private static final int FIN = 0x01;
    private static final int SYN = 0x02;
    private static final int RST = 0x04;

    private record FlowKey(IpPair ips, int srcPort, int dstPort) {
        FlowKey reversed() {
            return new FlowKey(ips.reversed(), dstPort, srcPort);
        }
    }

    /** One direction of one connection. */
    private static final class Flow {
        final SocketAddr src;
        final SocketAddr dst;
        /** TRUE: DNS; FALSE: not DNS, ignore; null: not yet known (no DNS port, first message incomplete). */
        Boolean dns;
        int nextSeq;
        /** Number of in-order bytes received so far: the stream position of nextSeq. */
        long nextPos;
        byte[] buf = new byte[256];
        int len;
        /** Segments beyond a gap, by stream position. */
        final TreeMap<Long, byte[]> ahead = new TreeMap<>();
        int aheadBytes;
        Instant lastSeen;

        Flow(SocketAddr src, SocketAddr dst, Boolean dns, int nextSeq) {
            this.src = src;
            this.dst = dst;
            this.dns = dns;
            this.nextSeq = nextSeq;
        }

        long held() {
            return len + aheadBytes;
        }

        void clear() {
            len = 0;
            ahead.clear();
            aheadBytes = 0;
            if (buf.length > 4096) {
                buf = new byte[256];
            }
        }
    }

    private final LinkedHashMap<FlowKey, Flow> flows = new LinkedHashMap<>(64, 0.75f, true);
    private long buffered;
    private Instant latest = Instant.EPOCH;
    private int sinceSweep;

    /** Number of directions currently tracked (for tests of the bounds). */
    int flowCount() {
        return flows.size();
    }

    /** Bytes currently held in all buffers (for tests of the bounds). */
    long bufferedBytes() {
        return buffered;
    }

    /**
     * Takes one TCP segment; messages it completes are added to {@code out}.
     *
     * @return true when the segment carried bytes of a (possibly) DNS stream that were not seen before
     */
    boolean segment(Frame frame, byte[] srcIp, int srcPort, byte[] dstIp, int dstPort, int seq, int flags,
                    byte[] d, int from, int to, Queue<DnsPacket> out) {
        if (frame.time().isAfter(latest)) {
            latest = frame.time();
        }
        if (++sinceSweep >= SWEEP_EVERY) {
            sinceSweep = 0;
            sweepIdle();
        }
        FlowKey key = new FlowKey(IpPair.of(srcIp, dstIp), srcPort, dstPort);
        if ((flags & RST) != 0) {
            forget(key);
            forget(key.reversed());
            return false;
        }
        Flow flow = flows.get(key);
        int len = to - from;
        int dataSeq = seq;
        if ((flags & SYN) != 0) {
            forget(key);
            flow = newFlow(key, srcIp, srcPort, dstIp, dstPort, seq + 1);
            dataSeq = seq + 1; // data on a SYN (TCP Fast Open) starts after the SYN's sequence number
        } else if (flow == null) {
            if (len == 0) {
                return false; // ACK or FIN of a stream without data so far
            }
            // the capture started in the middle of the connection: take this segment as the start
            flow = newFlow(key, srcIp, srcPort, dstIp, dstPort, seq);
        }
        flow.lastSeen = frame.time();
        boolean used = false;
        if (len > 0 && flow.dns != Boolean.FALSE) {
            long before = flow.held();
            used = accept(flow, frame, dataSeq, d, from, len, out);
            buffered += flow.held() - before;
            enforceTotal(key);
        }
        if ((flags & FIN) != 0) {
            forget(key); // a message cut short by FIN is incomplete and never reported
        }
        return used;
    }

    private Flow newFlow(FlowKey key, byte[] srcIp, int srcPort, byte[] dstIp, int dstPort, int nextSeq) {
        if (flows.size() >= MAX_FLOWS) {
            forgetEldest();
        }
        Boolean dns = isDnsPort(srcPort) || isDnsPort(dstPort) ? Boolean.TRUE : null;
        Flow flow = new Flow(address(srcIp, srcPort), address(dstIp, dstPort), dns, nextSeq);
        flows.put(key, flow);
        return flow;
    }

    static boolean isDnsPort(int port) {
        return port == 53 || port == 5353;
    }

    private boolean accept(Flow flow, Frame frame, int seq, byte[] d, int from, int len, Queue<DnsPacket> out) {
        int gap = seq - flow.nextSeq; // 32-bit difference: correct across sequence number wrap-around
        if (gap < 0) {
            int old = -gap;
            if (old >= len) {
                return false; // retransmission of bytes already taken
            }
            from += old;
            len -= old;
            gap = 0;
        }
        if (gap > 0) {
            if ((long) gap + len <= OUT_OF_ORDER_LIMIT && flow.aheadBytes + len <= OUT_OF_ORDER_LIMIT) {
                byte[] copy = new byte[len];
                System.arraycopy(d, from, copy, 0, len);
                long pos = flow.nextPos + gap;
                byte[] earlier = flow.ahead.get(pos);
                if (earlier == null || earlier.length < copy.length) {
                    flow.aheadBytes += copy.length - (earlier == null ? 0 : earlier.length);
                    flow.ahead.put(pos, copy);
                }
                return true;
            }
            // The missing bytes will not come (lost by the capture) or the gap is absurd: message boundaries
            // are lost, so restart the stream at this segment, as Wireshark does after a lost segment.
            flow.clear();
            flow.nextSeq = seq;
            flow.nextPos += gap;
        }
        append(flow, d, from, len);
        // segments waiting beyond the gap may now follow on
        while (!flow.ahead.isEmpty() && flow.ahead.firstKey() <= flow.nextPos) {
            Map.Entry<Long, byte[]> e = flow.ahead.pollFirstEntry();
            byte[] piece = e.getValue();
            flow.aheadBytes -= piece.length;
            long skip = flow.nextPos - e.getKey();
            if (skip < piece.length) {
                append(flow, piece, (int) skip, piece.length - (int) skip);
            }
        }
        cut(flow, frame, out);
        return flow.dns != Boolean.FALSE; // bytes of a stream found not to be DNS do not count as DNS
    }

    private static void append(Flow flow, byte[] d, int from, int len) {
        if (flow.len + len > flow.buf.length) {
            byte[] bigger = new byte[Math.max(flow.len + len, flow.buf.length * 2)];
            System.arraycopy(flow.buf, 0, bigger, 0, flow.len);
            flow.buf = bigger;
        }
        System.arraycopy(d, from, flow.buf, flow.len, len);
        flow.len += len;
        flow.nextSeq += len;
        flow.nextPos += len;
    }

    /** Cuts complete length-prefixed messages off the front of the buffer. */
    private static void cut(Flow flow, Frame frame, Queue<DnsPacket> out) {
        byte[] b = flow.buf;
        int p = 0;
        while (flow.len - p >= 2) {
            int length = Bytes.u16be(b, p);
            if (flow.dns == null && !firstMessageMayBeDns(b, p, flow.len - p, length)) {
                reject(flow);
                return;
            }
            if (flow.len - p < 2 + length) {
                break;
            }
            if (flow.dns == null) {
                if (!DnsShape.plausible(b, p + 2, length)) {
                    reject(flow);
                    return;
                }
                flow.dns = Boolean.TRUE;
            }
            if (length > 0) {
                byte[] message = new byte[length];
                System.arraycopy(b, p + 2, message, 0, length);
                out.add(new DnsPacket(frame.number(), frame.time(), flow.src, flow.dst, Transport.TCP, message));
            }
            p += 2 + length;
        }
        if (p > 0) {
            System.arraycopy(b, p, b, 0, flow.len - p);
            flow.len -= p;
        }
        // give back a big buffer once the big message is out, so idle connections cost little
        if (flow.buf.length > 1024 && flow.len < flow.buf.length / 2) {
            byte[] smaller = new byte[Math.max(256, flow.len)];
            System.arraycopy(flow.buf, 0, smaller, 0, flow.len);
            flow.buf = smaller;
        }
    }

    /** Early test on a stream without DNS port, so that e.g. HTTP is not buffered up to its fake "length". */
    private static boolean firstMessageMayBeDns(byte[] b, int p, int available, int length) {
        if (length < DnsShape.HEADER) {
            return false;
        }
        if (available < 2 + DnsShape.HEADER) {
            return true;
        }
        long qd = Bytes.u16be(b, p + 6);
        long rr = (long) Bytes.u16be(b, p + 8) + Bytes.u16be(b, p + 10) + Bytes.u16be(b, p + 12);
        return qd * 5 + rr * 11 <= length - DnsShape.HEADER;
    }

    private static void reject(Flow flow) {
        flow.dns = Boolean.FALSE;
        flow.clear();
    }

    private void forget(FlowKey key) {
        Flow f = flows.remove(key);
        if (f != null) {
            buffered -= f.held();
        }
    }

    private void forgetEldest() {
        Iterator<Map.Entry<FlowKey, Flow>> it = flows.entrySet().iterator();
        if (it.hasNext()) {
            buffered -= it.next().getValue().held();
            it.remove();
        }
    }

    private void enforceTotal(FlowKey current) {
        Iterator<Map.Entry<FlowKey, Flow>> it = flows.entrySet().iterator();
        while (buffered > MAX_BUFFERED && it.hasNext()) {
            Map.Entry<FlowKey, Flow> e = it.next();
            if (!e.getKey().equals(current)) {
                buffered -= e.getValue().held();
                it.remove();
            }
        }
    }

    private void sweepIdle() {
        Instant limit = latest.minus(IDLE);
        Iterator<Map.Entry<FlowKey, Flow>> it = flows.entrySet().iterator();
        while (it.hasNext()) {
            Flow f = it.next().getValue();
            if (f.lastSeen.isBefore(limit)) {
                buffered -= f.held();
                it.remove();
            }
        }
    }

    /** An address without any lookup; IPv4-mapped IPv6 addresses stay IPv6 as Wireshark shows them. */
    static SocketAddr address(byte[] ip, int port) {
        try {
            InetAddress a = ip.length == 16 ? Inet6Address.getByAddress(null, ip, -1) : InetAddress.getByAddress(ip);
            return new SocketAddr(a, port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("IP address of " + ip.length + " bytes", e); // lengths are 4 or 16 here
        }
    }
}
