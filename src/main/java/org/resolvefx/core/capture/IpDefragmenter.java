package org.resolvefx.core.capture;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts fragmented IPv4 and IPv6 datagrams back together (large EDNS answers over UDP get fragmented on real
 * links). Bounded: at most {@link #MAX_DATAGRAMS} incomplete datagrams and {@link #MAX_BYTES} bytes are held;
 * the oldest are dropped first, and any held longer than {@link #TIMEOUT} of capture time.
 */
final class IpDefragmenter {
    static final int MAX_DATAGRAMS = 256;
    static final int MAX_BYTES = 4 * 1024 * 1024;
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_DATAGRAM = 65_535;

    /** A reassembled upper-layer payload (UDP or TCP header and data). */
    record Datagram(int protocol, byte[] payload) {
    }

    private record Key(IpPair ips, long id, int protocolOrMinusOne) {
    }

    private record Piece(int offset, byte[] data) {
    }

    private static final class Pending {
        final List<Piece> pieces = new ArrayList<>();
        final Instant first;
        int protocol = -1;
        int total = -1;
        int bytes;

        Pending(Instant first) {
            this.first = first;
        }
    }

    private final LinkedHashMap<Key, Pending> pending = new LinkedHashMap<>();
    private int heldBytes;

    /**
     * Adds a fragment. Returns the whole datagram when this fragment completes it, else null.
     *
     * @param protocol upper-layer protocol (IPv4 header; IPv6 fragment header's next header)
     * @param id       identification (16 bits for IPv4, 32 for IPv6)
     * @param offset   fragment offset in bytes
     * @param more     the more-fragments flag
     */
    Datagram add(IpPair ips, long id, boolean v4, int protocol, int offset, boolean more, byte[] d, int from, int to,
                 Instant time) {
        expire(time);
        int len = to - from;
        // IPv4 keys include the protocol (RFC 791); for IPv6 it is only known from the first fragment
        Key key = new Key(ips, id, v4 ? protocol : -1);
        Pending p = pending.get(key);
        if (offset + len > MAX_DATAGRAM || (more && len % 8 != 0)) {
            if (p != null) {
                drop(key, p);
            }
            return null; // impossible fragment: the datagram cannot be rebuilt
        }
        if (p == null) {
            if (pending.size() >= MAX_DATAGRAMS) {
                dropEldest();
            }
            p = new Pending(time);
            pending.put(key, p);
        }
        byte[] copy = new byte[len];
        System.arraycopy(d, from, copy, 0, len);
        p.pieces.add(new Piece(offset, copy));
        p.bytes += len;
        heldBytes += len;
        if (offset == 0 || p.protocol < 0) {
            p.protocol = protocol;
        }
        if (!more) {
            p.total = offset + len;
        }
        while (heldBytes > MAX_BYTES && !pending.isEmpty()) {
            dropEldest();
        }
        if (!pending.containsKey(key) || p.total < 0) {
            return null;
        }
        List<Piece> sorted = new ArrayList<>(p.pieces);
        sorted.sort(Comparator.comparingInt(Piece::offset));
        int covered = 0;
        for (Piece piece : sorted) {
            if (piece.offset() > covered) {
                return null; // still a hole
            }
            covered = Math.max(covered, piece.offset() + piece.data().length);
        }
        if (covered < p.total) {
            return null;
        }
        byte[] whole = new byte[p.total];
        // copy the latest first so that where fragments overlap, the first one to arrive wins
        for (int i = p.pieces.size() - 1; i >= 0; i--) {
            Piece piece = p.pieces.get(i);
            int n = Math.min(piece.data().length, p.total - piece.offset());
            if (n > 0) {
                System.arraycopy(piece.data(), 0, whole, piece.offset(), n);
            }
        }
        drop(key, p);
        return new Datagram(p.protocol, whole);
    }

    /** Number of incomplete datagrams held (for tests of the bounds). */
    int pendingCount() {
        return pending.size();
    }

    private void expire(Instant now) {
        Instant limit = now.minus(TIMEOUT);
        Iterator<Map.Entry<Key, Pending>> it = pending.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, Pending> e = it.next();
            if (!e.getValue().first.isBefore(limit)) {
                break; // insertion order: the rest is younger (captures are nearly time-ordered)
            }
            heldBytes -= e.getValue().bytes;
            it.remove();
        }
    }

    private void dropEldest() {
        Iterator<Map.Entry<Key, Pending>> it = pending.entrySet().iterator();
        Map.Entry<Key, Pending> e = it.next();
        heldBytes -= e.getValue().bytes;
        it.remove();
    }

    private void drop(Key key, Pending p) {
        heldBytes -= p.bytes;
        pending.remove(key);
    }
}
