package org.resolvefx.core.capture;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.net.Transport;

/**
 * One DNS message found in a capture or file, with where it travelled.
 *
 * @param frame     1-based number of the frame (packet) that completed this message; for TCP the
 *                  frame holding the message's last byte, as Wireshark reports it
 * @param time      capture timestamp of that frame (nanosecond precision where the file has it);
 *                  {@link Instant#EPOCH} for files without timestamps (raw or hex messages)
 * @param src       sender address and port; 0.0.0.0:0 where the file does not say
 * @param dst       receiver address and port; 0.0.0.0:0 where the file does not say
 * @param transport UDP or TCP
 * @param message   the DNS message bytes, starting at the header (after any TCP length prefix)
 */
public record DnsPacket(long frame, Instant time, SocketAddr src, SocketAddr dst, Transport transport, byte[] message) {

    public DnsPacket {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(dst, "dst");
        Objects.requireNonNull(transport, "transport");
        message = message.clone();
    }

    /** The bytes, copied: the record stays immutable. */
    @Override
    public byte[] message() {
        return message.clone();
    }

    /** Length of the DNS message without copying it. */
    public int length() {
        return message.length;
    }

    /** Read-only access for hot paths (dissection, summaries) that must not copy; do not modify. */
    public byte[] unsafeBytes() {
        return message;
    }

    /** Seconds since the epoch as a decimal string with nine fraction digits, like tshark's frame.time_epoch. */
    public String epochSecondsText() {
        return time.getEpochSecond() + "." + String.format(java.util.Locale.ROOT, "%09d", time.getNano());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DnsPacket p && frame == p.frame && time.equals(p.time) && src.equals(p.src)
                && dst.equals(p.dst) && transport == p.transport && Arrays.equals(message, p.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(frame, time, src, dst, transport, Arrays.hashCode(message));
    }

    @Override
    public String toString() {
        return "DnsPacket[frame=" + frame + ", " + src + " -> " + dst + " " + transport.jsonName() + ", "
                + message.length + " bytes]";
    }
}
