package org.resolvefx.ui.capture;

import java.time.Duration;
import java.time.Instant;
import org.resolvefx.core.capture.DnsPacket;
import org.resolvefx.core.wire.MessageInfo;

/**
 * One row of the message list: a DNS message from the open file, with its summary computed on
 * first display (a 400,000-message capture must not summarise every row before showing any).
 */
public final class MessageRow {
    private final DnsPacket packet;
    private final Instant firstTime;
    private String info;

    public MessageRow(DnsPacket packet, Instant firstTime) {
        this.packet = packet;
        this.firstTime = firstTime;
    }

    public DnsPacket packet() {
        return packet;
    }

    public long frame() {
        return packet.frame();
    }

    /** Seconds since the first message, like Wireshark's default time column. */
    public String relativeTime() {
        if (packet.time().equals(Instant.EPOCH)) {
            return "";
        }
        Duration d = Duration.between(firstTime, packet.time());
        return String.format(java.util.Locale.ROOT, "%.6f", d.toNanos() / 1e9);
    }

    public String source() {
        return isUnknown(packet.src()) ? "" : packet.src().toString();
    }

    public String destination() {
        return isUnknown(packet.dst()) ? "" : packet.dst().toString();
    }

    private static boolean isUnknown(org.resolvefx.core.net.SocketAddr a) {
        return a.port() == 0 && a.address().isAnyLocalAddress();
    }

    public String protocol() {
        return packet.transport().name();
    }

    public int length() {
        return packet.length();
    }

    public String info() {
        if (info == null) {
            info = MessageInfo.of(packet.unsafeBytes());
        }
        return info;
    }

    public boolean isResponse() {
        byte[] b = packet.unsafeBytes();
        return b.length > 2 && (b[2] & 0x80) != 0;
    }

    /** Query and response share the ID and the two endpoints (in either direction). */
    public String pairKey() {
        byte[] b = packet.unsafeBytes();
        int id = b.length < 2 ? -1 : ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
        String a = packet.src().toString();
        String c = packet.dst().toString();
        return id + "|" + (a.compareTo(c) <= 0 ? a + "|" + c : c + "|" + a);
    }
}
