package org.resolvefx.core.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes pcapng blocks for tests, including the rare ones (simple and obsolete packet blocks). */
final class PcapngWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

    /** A section header block; following blocks use its byte order. */
    PcapngWriter section(ByteOrder byteOrder) {
        this.order = byteOrder;
        ByteBuffer body = ByteBuffer.allocate(16).order(order);
        body.putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1L);
        return block(0x0A0D0D0A, body.array());
    }

    /** An interface description block; tsresol and tsoffset are written when not null. */
    PcapngWriter interfaceBlock(int linkType, int snapLength, Integer tsresol, Long tsoffset) {
        ByteBuffer body = ByteBuffer.allocate(8 + 8 + 12 + 4).order(order);
        body.putShort((short) linkType).putShort((short) 0).putInt(snapLength);
        if (tsresol != null) {
            body.putShort((short) 9).putShort((short) 1).put(tsresol.byteValue()).put(new byte[3]);
        }
        if (tsoffset != null) {
            body.putShort((short) 14).putShort((short) 8).putLong(tsoffset);
        }
        body.putShort((short) 0).putShort((short) 0);
        return block(1, java.util.Arrays.copyOf(body.array(), body.position()));
    }

    PcapngWriter enhanced(int interfaceId, long ticks, byte[] data) {
        ByteBuffer body = ByteBuffer.allocate(20 + pad(data.length)).order(order);
        body.putInt(interfaceId).putInt((int) (ticks >>> 32)).putInt((int) ticks).putInt(data.length)
                .putInt(data.length).put(data);
        return block(6, body.array());
    }

    PcapngWriter simple(byte[] data, int originalLength) {
        ByteBuffer body = ByteBuffer.allocate(4 + pad(data.length)).order(order);
        body.putInt(originalLength).put(data);
        return block(3, body.array());
    }

    PcapngWriter obsolete(int interfaceId, long ticks, byte[] data) {
        ByteBuffer body = ByteBuffer.allocate(20 + pad(data.length)).order(order);
        body.putShort((short) interfaceId).putShort((short) 0).putInt((int) (ticks >>> 32)).putInt((int) ticks)
                .putInt(data.length).putInt(data.length).put(data);
        return block(2, body.array());
    }

    /** Any block, body padded to 4 bytes. */
    PcapngWriter block(int type, byte[] body) {
        int length = 12 + pad(body.length);
        ByteBuffer b = ByteBuffer.allocate(length).order(order);
        b.putInt(type).putInt(length).put(body);
        b.position(length - 4);
        b.putInt(length);
        out.write(b.array(), 0, length);
        return this;
    }

    PcapngWriter raw(byte[] bytes) {
        out.write(bytes, 0, bytes.length);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private static int pad(int n) {
        return (n + 3) & ~3;
    }
}
