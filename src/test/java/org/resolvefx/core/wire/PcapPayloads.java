package org.resolvefx.core.wire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only: the DNS messages in a classic libpcap file with Ethernet framing (what tcpdump and
 * tshark write on Linux loopback), IPv4 or IPv6, UDP or TCP on port 53. TCP payloads are joined per
 * direction and cut at the two-byte length prefixes; a message is listed when its last byte
 * arrives, which is the order tshark reports them in. Deliberately minimal (no IP fragments, no
 * retransmissions, no out-of-order segments): it only has to read the project's own golden files,
 * independently of the real capture reader.
 */
public final class PcapPayloads {
    private PcapPayloads() {
    }

    public static List<byte[]> dnsMessages(Path pcap) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(pcap));
        int magic = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
            b.order(ByteOrder.BIG_ENDIAN);
            magic = b.getInt(0);
            if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
                throw new IOException(pcap + ": not a classic pcap file");
            }
        }
        if (b.getInt(20) != 1) {
            throw new IOException(pcap + ": link type " + b.getInt(20) + " is not Ethernet");
        }
        List<byte[]> out = new ArrayList<>();
        Map<String, java.io.ByteArrayOutputStream> streams = new HashMap<>();
        int pos = 24;
        while (pos + 16 <= b.limit()) {
            int caplen = b.getInt(pos + 8);
            int frame = pos + 16;
            pos = frame + caplen;
            int etherType = u16(b, frame + 12);
            int ip = frame + 14;
            int proto;
            int l4;
            String src;
            String dst;
            int ipEnd;
            if (etherType == 0x0800) {
                int ihl = (b.get(ip) & 0x0F) * 4;
                proto = b.get(ip + 9) & 0xFF;
                l4 = ip + ihl;
                ipEnd = ip + u16(b, ip + 2);
                src = Integer.toHexString(b.getInt(ip + 12));
                dst = Integer.toHexString(b.getInt(ip + 16));
            } else if (etherType == 0x86DD) {
                proto = b.get(ip + 6) & 0xFF;
                l4 = ip + 40;
                ipEnd = l4 + u16(b, ip + 4);
                src = Long.toHexString(b.getLong(ip + 8)) + Long.toHexString(b.getLong(ip + 16));
                dst = Long.toHexString(b.getLong(ip + 24)) + Long.toHexString(b.getLong(ip + 32));
            } else {
                continue;
            }
            int sport = u16(b, l4);
            int dport = u16(b, l4 + 2);
            if (sport != 53 && dport != 53) {
                continue;
            }
            if (proto == 17) {
                int len = u16(b, l4 + 4) - 8;
                out.add(slice(b, l4 + 8, len));
            } else if (proto == 6) {
                int dataOff = ((b.get(l4 + 12) & 0xF0) >> 4) * 4;
                int payload = l4 + dataOff;
                int len = ipEnd - payload;
                if (len <= 0) {
                    continue;
                }
                String key = src + ":" + sport + ">" + dst + ":" + dport;
                java.io.ByteArrayOutputStream s = streams.computeIfAbsent(key, k -> new java.io.ByteArrayOutputStream());
                s.write(slice(b, payload, len), 0, len);
                byte[] all = s.toByteArray();
                int at = 0;
                while (at + 2 <= all.length) {
                    int msgLen = ((all[at] & 0xFF) << 8) | (all[at + 1] & 0xFF);
                    if (at + 2 + msgLen > all.length) {
                        break;
                    }
                    byte[] msg = new byte[msgLen];
                    System.arraycopy(all, at + 2, msg, 0, msgLen);
                    out.add(msg);
                    at += 2 + msgLen;
                }
                s.reset();
                s.write(all, at, all.length - at);
            }
        }
        return out;
    }

    private static int u16(ByteBuffer b, int at) {
        return ((b.get(at) & 0xFF) << 8) | (b.get(at + 1) & 0xFF);
    }

    private static byte[] slice(ByteBuffer b, int at, int len) {
        byte[] r = new byte[len];
        for (int i = 0; i < len; i++) {
            r[i] = b.get(at + i);
        }
        return r;
    }
}
