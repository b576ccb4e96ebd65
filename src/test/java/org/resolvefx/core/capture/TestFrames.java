package org.resolvefx.core.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** Builds link, IP, UDP and TCP headers around payloads for crafted test captures. */
final class TestFrames {
    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int RST = 0x04;
    static final int PSH = 0x08;
    static final int ACK = 0x10;

    static final byte[] CLIENT = {127, 0, 0, 1};
    static final byte[] SERVER = {127, 0, 77, 1};
    static final byte[] CLIENT6 = ip6(1);
    static final byte[] SERVER6 = ip6(0x35);

    private TestFrames() {
    }

    static byte[] ip6(int last) {
        byte[] a = new byte[16];
        a[0] = 0x20;
        a[1] = 0x01;
        a[2] = 0x0d;
        a[3] = (byte) 0xb8;
        a[15] = (byte) last;
        return a;
    }

    /** A real query built by dnsjava. */
    static byte[] query(int id, String name, int type) {
        try {
            Message m = Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), type, DClass.IN));
            m.getHeader().setID(id);
            return m.toWire();
        } catch (TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static byte[] query(int id) {
        return query(id, "www.example.", Type.A);
    }

    /** A response with {@code txtCount} TXT records of 200 bytes: large messages for multi-segment tests. */
    static byte[] bigResponse(int id, int txtCount) {
        try {
            Name name = Name.fromString("big.example.");
            Message m = Message.newQuery(Record.newRecord(name, Type.TXT, DClass.IN));
            m.getHeader().setID(id);
            m.getHeader().setFlag(org.xbill.DNS.Flags.QR);
            for (int i = 0; i < txtCount; i++) {
                m.addRecord(new org.xbill.DNS.TXTRecord(name, DClass.IN, 60, (i + "-").repeat(100).substring(0, 200)),
                        org.xbill.DNS.Section.ANSWER);
            }
            return m.toWire();
        } catch (TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static byte[] lengthPrefixed(byte[]... messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] m : messages) {
            out.write(m.length >> 8);
            out.write(m.length & 0xFF);
            out.write(m, 0, m.length);
        }
        return out.toByteArray();
    }

    static byte[] ethernet(int etherType, byte[] payload) {
        return ByteBuffer.allocate(14 + payload.length).put(new byte[12]).putShort((short) etherType).put(payload)
                .array();
    }

    static byte[] ethernetIp(byte[] ipPacket) {
        return ethernet((ipPacket[0] >> 4) == 6 ? 0x86DD : 0x0800, ipPacket);
    }

    static byte[] ipv4(byte[] src, byte[] dst, int protocol, byte[] payload) {
        return ipv4(src, dst, protocol, payload, new byte[0], 0, false, 0);
    }

    /** IPv4 with options (a multiple of 4 bytes) and fragment fields. */
    static byte[] ipv4(byte[] src, byte[] dst, int protocol, byte[] payload, byte[] options, int id, boolean more,
                       int fragmentOffset) {
        int ihl = 20 + options.length;
        ByteBuffer b = ByteBuffer.allocate(ihl + payload.length);
        b.put((byte) (0x40 | ihl / 4)).put((byte) 0).putShort((short) (ihl + payload.length)).putShort((short) id)
                .putShort((short) ((more ? 0x2000 : 0) | fragmentOffset / 8)).put((byte) 64).put((byte) protocol)
                .putShort((short) 0).put(src).put(dst).put(options).put(payload);
        return b.array();
    }

    static byte[] ipv6(byte[] src, byte[] dst, int nextHeader, byte[] payload) {
        return ByteBuffer.allocate(40 + payload.length).putInt(0x60000000).putShort((short) payload.length)
                .put((byte) nextHeader).put((byte) 64).put(src).put(dst).put(payload).array();
    }

    static byte[] udp(int srcPort, int dstPort, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length).putShort((short) srcPort).putShort((short) dstPort)
                .putShort((short) (8 + payload.length)).putShort((short) 0).put(payload).array();
    }

    static byte[] tcp(int srcPort, int dstPort, int seq, int flags, byte[] payload) {
        return ByteBuffer.allocate(20 + payload.length).putShort((short) srcPort).putShort((short) dstPort)
                .putInt(seq).putInt(0).put((byte) 0x50).put((byte) flags).putShort((short) 65535)
                .putShort((short) 0).putShort((short) 0).put(payload).array();
    }

    /** Ethernet, IPv4, UDP. */
    static byte[] udpFrame(byte[] src, int srcPort, byte[] dst, int dstPort, byte[] payload) {
        byte[] u = udp(srcPort, dstPort, payload);
        return ethernetIp(src.length == 4 ? ipv4(src, dst, 17, u) : ipv6(src, dst, 17, u));
    }

    /** Ethernet, IPv4 or IPv6, TCP. */
    static byte[] tcpFrame(byte[] src, int srcPort, byte[] dst, int dstPort, int seq, int flags, byte[] payload) {
        byte[] t = tcp(srcPort, dstPort, seq, flags, payload);
        return ethernetIp(src.length == 4 ? ipv4(src, dst, 6, t) : ipv6(src, dst, 6, t));
    }

    static byte[] slice(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, from, to);
    }
}
