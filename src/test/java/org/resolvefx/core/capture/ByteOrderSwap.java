package org.resolvefx.core.capture;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Re-encodes little-endian pcap and pcapng files in big-endian byte order. A test helper because no installed
 * tool writes big-endian captures (editcap and text2pcap write the host's order).
 */
final class ByteOrderSwap {
    private ByteOrderSwap() {
    }

    static byte[] pcapToBigEndian(byte[] file) {
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out = ByteBuffer.allocate(file.length).order(ByteOrder.BIG_ENDIAN);
        out.putInt(in.getInt()).putShort(in.getShort()).putShort(in.getShort());
        for (int i = 0; i < 4; i++) {
            out.putInt(in.getInt());
        }
        while (in.remaining() >= 16) {
            out.putInt(in.getInt()).putInt(in.getInt());
            int captured = in.getInt();
            out.putInt(captured).putInt(in.getInt());
            byte[] data = new byte[captured];
            in.get(data);
            out.put(data);
        }
        return out.array();
    }

    static byte[] pcapngToBigEndian(byte[] file) {
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out = ByteBuffer.allocate(file.length).order(ByteOrder.BIG_ENDIAN);
        while (in.remaining() >= 12) {
            int start = in.position();
            int type = in.getInt();
            int length = in.getInt();
            int end = start + length - 4;
            out.putInt(type).putInt(length);
            switch (type) {
                case 0x0A0D0D0A -> {
                    out.putInt(in.getInt()).putShort(in.getShort()).putShort(in.getShort()).putLong(in.getLong());
                    options(in, out, end, type);
                }
                case 1 -> {
                    out.putShort(in.getShort()).putShort(in.getShort()).putInt(in.getInt());
                    options(in, out, end, type);
                }
                case 6 -> {
                    for (int i = 0; i < 4; i++) {
                        out.putInt(in.getInt());
                    }
                    int captured = in.getInt(in.position() - 4);
                    out.putInt(in.getInt());
                    copy(in, out, (captured + 3) & ~3);
                    options(in, out, end, type);
                }
                case 3 -> {
                    out.putInt(in.getInt());
                    copy(in, out, end - in.position());
                }
                case 5 -> {
                    out.putInt(in.getInt()).putInt(in.getInt()).putInt(in.getInt());
                    options(in, out, end, type);
                }
                default -> copy(in, out, end - in.position());
            }
            out.putInt(in.getInt());
        }
        return out.array();
    }

    private static void options(ByteBuffer in, ByteBuffer out, int end, int blockType) {
        while (in.position() + 4 <= end) {
            int code = in.getShort() & 0xFFFF;
            int len = in.getShort() & 0xFFFF;
            out.putShort((short) code).putShort((short) len);
            int padded = (len + 3) & ~3;
            boolean u64 = (blockType == 1 && (code == 14 || code == 8)) || (blockType == 6 && code == 4)
                    || (blockType == 5 && code >= 4 && code <= 8);
            boolean u32 = blockType == 6 && code == 2;
            if (u64 && len == 8) {
                out.putLong(in.getLong());
            } else if (u32 && len == 4) {
                out.putInt(in.getInt());
            } else if (blockType == 5 && (code == 2 || code == 3) && len == 8) {
                out.putInt(in.getInt()).putInt(in.getInt());
            } else {
                copy(in, out, padded);
                continue;
            }
            copy(in, out, padded - len);
        }
        copy(in, out, end - in.position());
    }

    private static void copy(ByteBuffer in, ByteBuffer out, int n) {
        byte[] b = new byte[n];
        in.get(b);
        out.put(b);
    }
}
