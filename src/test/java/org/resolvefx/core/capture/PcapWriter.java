package org.resolvefx.core.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes classic pcap files for tests (either byte order, micro- or nanosecond timestamps). */
final class PcapWriter {
    private final OutputStream out;
    private final ByteOrder order;

    PcapWriter(OutputStream out, int linkType, boolean nanos, ByteOrder order) throws IOException {
        this.out = out;
        this.order = order;
        ByteBuffer h = ByteBuffer.allocate(24).order(order);
        h.putInt(nanos ? 0xA1B23C4D : 0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(262144).putInt(linkType);
        out.write(h.array());
    }

    /** A record whose captured and original lengths are the frame's length. */
    PcapWriter write(long seconds, long fraction, byte[] frame) throws IOException {
        return write(seconds, fraction, frame, frame.length);
    }

    PcapWriter write(long seconds, long fraction, byte[] frame, int originalLength) throws IOException {
        ByteBuffer r = ByteBuffer.allocate(16).order(order);
        r.putInt((int) seconds).putInt((int) fraction).putInt(frame.length).putInt(originalLength);
        out.write(r.array());
        out.write(frame);
        return this;
    }

    /** Frames with consecutive timestamps one millisecond apart, starting at 1700000000 s. */
    static byte[] file(int linkType, byte[]... frames) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PcapWriter w = new PcapWriter(bytes, linkType, false, ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < frames.length; i++) {
                w.write(1_700_000_000L, i * 1000L, frames[i]);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
