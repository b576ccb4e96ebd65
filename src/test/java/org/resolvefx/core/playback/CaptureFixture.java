package org.resolvefx.core.playback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.net.Transport;
import org.resolvefx.core.trace.Endpoint;
import org.resolvefx.core.trace.Narration;
import org.resolvefx.core.trace.Question;
import org.resolvefx.core.trace.ResolutionMode;
import org.resolvefx.core.trace.Role;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.core.trace.TraceEvent;
import org.resolvefx.core.trace.TraceSource;
import org.resolvefx.core.trace.WireMessage;

/**
 * Reads the reference captures (classic little-endian pcap, Ethernet, IPv4, UDP or TCP to port 53)
 * into DNS messages, and turns them into a trace. Test-only: the real capture reader lives in
 * core.capture; this one knows just enough for the four reference files.
 */
public final class CaptureFixture {

    /** One DNS message of a capture. */
    public record Captured(long micros, SocketAddr src, SocketAddr dst, Transport transport, byte[] dns, long frame) {
    }

    private CaptureFixture() {
    }

    public static List<Captured> read(String resourceName) {
        byte[] all;
        try (InputStream in = CaptureFixture.class.getResourceAsStream("/org/resolvefx/core/playback/captures/"
                + resourceName)) {
            if (in == null) {
                throw new IllegalArgumentException("no such capture: " + resourceName);
            }
            all = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != 0xa1b2c3d4) {
            throw new IllegalArgumentException(resourceName + " is not a little-endian microsecond pcap");
        }
        List<Captured> out = new ArrayList<>();
        int pos = 24;
        long frame = 0;
        long firstMicros = -1;
        while (pos + 16 <= all.length) {
            long sec = b.getInt(pos) & 0xFFFFFFFFL;
            long usec = b.getInt(pos + 4) & 0xFFFFFFFFL;
            int caplen = b.getInt(pos + 8);
            int p = pos + 16;
            pos = p + caplen;
            frame++;
            long t = sec * 1_000_000L + usec;
            if (firstMicros < 0) {
                firstMicros = t;
            }
            int ip = p + 14; // Ethernet header
            int ihl = (all[ip] & 0x0F) * 4;
            int proto = all[ip + 9] & 0xFF;
            int totalLength = ((all[ip + 2] & 0xFF) << 8) | (all[ip + 3] & 0xFF);
            InetAddress src = addr(Arrays.copyOfRange(all, ip + 12, ip + 16));
            InetAddress dst = addr(Arrays.copyOfRange(all, ip + 16, ip + 20));
            int l4 = ip + ihl;
            int sport = ((all[l4] & 0xFF) << 8) | (all[l4 + 1] & 0xFF);
            int dport = ((all[l4 + 2] & 0xFF) << 8) | (all[l4 + 3] & 0xFF);
            int end = ip + totalLength;
            if (proto == 17) {
                out.add(new Captured(t - firstMicros, new SocketAddr(src, sport), new SocketAddr(dst, dport),
                        Transport.UDP, Arrays.copyOfRange(all, l4 + 8, end), frame));
            } else if (proto == 6) {
                int dataOffset = ((all[l4 + 12] & 0xF0) >> 4) * 4;
                int payload = l4 + dataOffset;
                // each DNS message of these captures sits in one segment behind its two-byte length
                while (payload + 2 <= end) {
                    int len = ((all[payload] & 0xFF) << 8) | (all[payload + 1] & 0xFF);
                    if (payload + 2 + len > end) {
                        break;
                    }
                    out.add(new Captured(t - firstMicros, new SocketAddr(src, sport), new SocketAddr(dst, dport),
                            Transport.TCP, Arrays.copyOfRange(all, payload + 2, payload + 2 + len), frame));
                    payload += 2 + len;
                }
            }
        }
        return out;
    }

    /**
     * A trace of a capture: endpoints by address (ids "e" + address), queries as MessageSent, responses
     * as MessageReceived.
     *
     * @param roles address -> role; addresses not listed become UNKNOWN
     * @param names address -> {server name, zone} (either may be null); may be empty
     */
    public static Trace trace(String resourceName, Question question, ResolutionMode mode, Map<String, Role> roles,
                              Map<String, String[]> names) {
        List<Captured> messages = read(resourceName);
        List<Endpoint> endpoints = new ArrayList<>();
        List<TraceEvent> events = new ArrayList<>();
        for (Captured c : messages) {
            String fromId = endpoint(endpoints, c.src(), c, roles, names);
            String toId = endpoint(endpoints, c.dst(), c, roles, names);
            WireMessage m = new WireMessage(fromId, toId, c.src(), c.dst(), c.transport(), c.dns(), c.frame());
            Narration say = new Narration("frame " + c.frame(), "Rahmen " + c.frame());
            if (m.isResponse()) {
                events.add(new TraceEvent.MessageReceived(c.micros(), m, true, null, say));
            } else {
                events.add(new TraceEvent.MessageSent(c.micros(), m, say));
            }
        }
        return new Trace(resourceName, question, mode, TraceSource.CAPTURE, Instant.EPOCH, null, endpoints, List.of(),
                events);
    }

    private static String endpoint(List<Endpoint> endpoints, SocketAddr a, Captured c, Map<String, Role> roles,
                                   Map<String, String[]> names) {
        String host = a.host();
        String id = "e" + host;
        for (Endpoint e : endpoints) {
            if (e.id().equals(id)) {
                return id;
            }
        }
        Role role = roles.getOrDefault(host, Role.UNKNOWN);
        String[] n = names.getOrDefault(host, new String[2]);
        endpoints.add(new Endpoint(id, a.address(), role.isAuthority() ? 53 : 0, role, n[0], n[1]));
        return id;
    }

    private static InetAddress addr(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
