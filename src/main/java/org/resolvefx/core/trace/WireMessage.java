package org.resolvefx.core.trace;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.net.Transport;
import org.xbill.DNS.Message;

/**
 * A DNS message as it crossed the wire. The bytes are the truth; everything readable is derived
 * from them ({@link #parse()}, the dissector).
 *
 * @param fromId    endpoint id of the sender
 * @param toId      endpoint id of the receiver
 * @param from      actual source address and port
 * @param to        actual destination address and port
 * @param transport UDP or TCP
 * @param bytes     the DNS message (no TCP length prefix)
 * @param frame     frame number in the capture it came from, 0 if it was not captured
 */
public record WireMessage(String fromId, String toId, SocketAddr from, SocketAddr to, Transport transport,
                          byte[] bytes, long frame) {

    public WireMessage {
        Objects.requireNonNull(fromId, "fromId");
        Objects.requireNonNull(toId, "toId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(transport, "transport");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Read-only view for code that must not copy (dissection, rendering); do not modify. */
    public byte[] unsafeBytes() {
        return bytes;
    }

    public int length() {
        return bytes.length;
    }

    /** The message parsed by dnsjava, or empty when the bytes are not a well-formed DNS message. */
    public Optional<Message> parse() {
        try {
            return Optional.of(new Message(bytes));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The 16-bit message ID, read straight from the bytes (-1 if shorter than 2 bytes). */
    public int id() {
        return bytes.length < 2 ? -1 : ((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF);
    }

    /** QR bit from the bytes: true for responses. */
    public boolean isResponse() {
        return bytes.length > 2 && (bytes[2] & 0x80) != 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WireMessage m && fromId.equals(m.fromId) && toId.equals(m.toId) && from.equals(m.from)
                && to.equals(m.to) && transport == m.transport && frame == m.frame && Arrays.equals(bytes, m.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fromId, toId, from, to, transport, frame, Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "WireMessage[" + fromId + " " + from + " -> " + toId + " " + to + " " + transport.jsonName() + ", "
                + bytes.length + " bytes]";
    }
}
