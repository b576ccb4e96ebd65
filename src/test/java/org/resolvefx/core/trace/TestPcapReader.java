package org.resolvefx.core.trace;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.resolvefx.core.capture.DnsPacket;
import org.resolvefx.core.net.SocketAddr;
import org.resolvefx.core.net.Transport;

/**
 * A minimal pcap/pcapng reader for tests only (the real capture reader lives in core.capture and is
 * written in parallel). Enough for the shared captures and for what {@link PcapngExport} writes:
 * Ethernet, raw IP and Linux cooked link types; IPv4 and IPv6; UDP and TCP with in-order stream
 * reassembly and the two-byte DNS length framing. It also checks every IPv4, UDP and TCP checksum
 * and counts the bad ones, so export tests can assert on them.
 */
final class TestPcapReader {

    record Result(List<DnsPacket> packets, int frames, int checksumErrors, List<String> notes,
                  int linkType, long tsResolutionPerSecond, List<String> shbOptions, List<String> comments) {
    }

    private final List<DnsPacket> packets = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> shbOptions = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();
    private final Map<String, TcpStream> streams = new HashMap<>();
    private int frame;
    private int checksumErrors;
    private int linkType = -1;
    private long ticksPerSecond = 1_000_000;

    private static final class TcpStream {
        long nextSeq = -1;
        final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
    }

    static Result read(Path file) throws IOException {
        return read(Files.readAllBytes(file));
    }

    static Result read(byte[] data) {
        TestPcapReader r = new TestPcapReader();
        ByteBuffer b = ByteBuffer.wrap(data);
        int magic = b.order(ByteOrder.BIG_ENDIAN).getInt(0);
        if (magic == 0x0A0D0D0A) {
            r.readPcapng(b);
        } else {
            r.readPcap(b);
        }
        return new Result(r.packets, r.frame, r.checksumErrors, r.notes, r.linkType, r.ticksPerSecond, r.shbOptions,
                r.comments);
    }

    private void readPcap(ByteBuffer b) {
        int magic = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        boolean nanos;
        if (magic == 0xA1B2C3D4 || magic == 0xA1B23C4D) {
            b.order(ByteOrder.LITTLE_ENDIAN);
        } else {
            b.order(ByteOrder.BIG_ENDIAN);
            magic = b.getInt(0);
        }
        nanos = magic == 0xA1B23C4D;
        ticksPerSecond = nanos ? 1_000_000_000L : 1_000_000L;
        linkType = b.getInt(20);
        int pos = 24;
        while (pos + 16 <= b.limit()) {
            long sec = b.getInt(pos) & 0xFFFFFFFFL;
            long frac = b.getInt(pos + 4) & 0xFFFFFFFFL;
            int incl = b.getInt(pos + 8);
            byte[] data = Arrays.copyOfRange(b.array(), pos + 16, pos + 16 + incl);
            pos += 16 + incl;
            frame++;
            Instant t = Instant.ofEpochSecond(sec, nanos ? frac : frac * 1000);
            link(data, t);
        }
    }

    private void readPcapng(ByteBuffer b) {
        int pos = 0;
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        while (pos + 12 <= b.limit()) {
            int type = b.order(order).getInt(pos);
            if (type == 0x0A0D0D0A) {
                int bom = b.order(ByteOrder.LITTLE_ENDIAN).getInt(pos + 8);
                order = bom == 0x1A2B3C4D ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
                b.order(order);
                int len = b.getInt(pos + 4);
                readOptions(b, pos + 24, pos + len - 4, shbOptions);
                pos += len;
                continue;
            }
            b.order(order);
            int len = b.getInt(pos + 4);
            if (len < 12 || pos + len > b.limit()) {
                notes.add("bad block length at " + pos);
                return;
            }
            if (b.getInt(pos + len - 4) != len) {
                notes.add("trailing block length mismatch at " + pos);
            }
            if (type == 1) { // IDB
                linkType = b.getShort(pos + 8) & 0xFFFF;
                List<String> opts = new ArrayList<>();
                int p = pos + 16;
                while (p + 4 <= pos + len - 4) {
                    int code = b.getShort(p) & 0xFFFF;
                    int olen = b.getShort(p + 2) & 0xFFFF;
                    if (code == 0) {
                        break;
                    }
                    if (code == 9) {
                        int v = b.get(p + 4) & 0xFF;
                        ticksPerSecond = (v & 0x80) == 0 ? (long) Math.pow(10, v) : 1L << (v & 0x7F);
                    }
                    opts.add(code + "=" + new String(b.array(), p + 4, olen, java.nio.charset.StandardCharsets.UTF_8));
                    p += 4 + ((olen + 3) & ~3);
                }
            } else if (type == 6) { // EPB
                long hi = b.getInt(pos + 12) & 0xFFFFFFFFL;
                long lo = b.getInt(pos + 16) & 0xFFFFFFFFL;
                int capLen = b.getInt(pos + 20);
                byte[] data = Arrays.copyOfRange(b.array(), pos + 28, pos + 28 + capLen);
                int optStart = pos + 28 + ((capLen + 3) & ~3);
                List<String> opts = new ArrayList<>();
                readOptions(b, optStart, pos + len - 4, opts);
                for (String o : opts) {
                    if (o.startsWith("1=")) {
                        comments.add(o.substring(2));
                    }
                }
                long ticks = (hi << 32) | lo;
                frame++;
                Instant t = Instant.ofEpochSecond(ticks / ticksPerSecond,
                        (ticks % ticksPerSecond) * (1_000_000_000L / ticksPerSecond));
                link(data, t);
            }
            pos += len;
        }
    }

    private static void readOptions(ByteBuffer b, int start, int end, List<String> out) {
        int p = start;
        while (p + 4 <= end) {
            int code = b.getShort(p) & 0xFFFF;
            int olen = b.getShort(p + 2) & 0xFFFF;
            if (code == 0) {
                break;
            }
            out.add(code + "=" + new String(b.array(), p + 4, olen, java.nio.charset.StandardCharsets.UTF_8));
            p += 4 + ((olen + 3) & ~3);
        }
    }

    private void link(byte[] d, Instant t) {
        switch (linkType) {
            case 1 -> {
                int etherType = u16(d, 12);
                ip(Arrays.copyOfRange(d, 14, d.length), etherType, t);
            }
            case 101, 228, 229 -> ip(d, (d[0] >> 4) == 6 ? 0x86DD : 0x0800, t);
            case 113 -> ip(Arrays.copyOfRange(d, 16, d.length), u16(d, 14), t);
            default -> notes.add("frame " + frame + ": link type " + linkType + " not supported");
        }
    }

    private void ip(byte[] d, int etherType, Instant t) {
        try {
            if (etherType == 0x0800) {
                int ihl = (d[0] & 0x0F) * 4;
                int total = u16(d, 2);
                if (checksum(d, 0, ihl, 0) != 0) {
                    checksumErrors++;
                    notes.add("frame " + frame + ": bad IPv4 header checksum");
                }
                int proto = d[9] & 0xFF;
                InetAddress src = InetAddress.getByAddress(Arrays.copyOfRange(d, 12, 16));
                InetAddress dst = InetAddress.getByAddress(Arrays.copyOfRange(d, 16, 20));
                byte[] payload = Arrays.copyOfRange(d, ihl, total);
                long pseudo = sum(d, 12, 8) + proto + payload.length;
                transport(proto, src, dst, payload, pseudo, t);
            } else if (etherType == 0x86DD) {
                int plen = u16(d, 4);
                int next = d[6] & 0xFF;
                InetAddress src = InetAddress.getByAddress(Arrays.copyOfRange(d, 8, 24));
                InetAddress dst = InetAddress.getByAddress(Arrays.copyOfRange(d, 24, 40));
                byte[] payload = Arrays.copyOfRange(d, 40, 40 + plen);
                long pseudo = sum(d, 8, 32) + next + payload.length;
                transport(next, src, dst, payload, pseudo, t);
            } else {
                notes.add("frame " + frame + ": ether type " + Integer.toHexString(etherType));
            }
        } catch (IOException | RuntimeException e) {
            notes.add("frame " + frame + ": " + e);
        }
    }

    private void transport(int proto, InetAddress src, InetAddress dst, byte[] p, long pseudo, Instant t) {
        if (proto == 17) {
            int sport = u16(p, 0);
            int dport = u16(p, 2);
            int len = u16(p, 4);
            if (u16(p, 6) != 0 && checksum(p, 0, p.length, pseudo) != 0) {
                checksumErrors++;
                notes.add("frame " + frame + ": bad UDP checksum");
            }
            byte[] dns = Arrays.copyOfRange(p, 8, len);
            packets.add(new DnsPacket(frame, t, new SocketAddr(src, sport), new SocketAddr(dst, dport), Transport.UDP,
                    dns));
        } else if (proto == 6) {
            int sport = u16(p, 0);
            int dport = u16(p, 2);
            long seq = u32(p, 4);
            int off = ((p[12] & 0xF0) >> 4) * 4;
            int flags = p[13] & 0x3F;
            if (checksum(p, 0, p.length, pseudo) != 0) {
                checksumErrors++;
                notes.add("frame " + frame + ": bad TCP checksum");
            }
            String key = src + ":" + sport + ">" + dst + ":" + dport;
            TcpStream s = streams.computeIfAbsent(key, k -> new TcpStream());
            if ((flags & 0x02) != 0) { // SYN
                s.nextSeq = (seq + 1) & 0xFFFFFFFFL;
                s.buffer.reset();
                return;
            }
            byte[] data = Arrays.copyOfRange(p, off, p.length);
            if (data.length == 0) {
                return;
            }
            if (s.nextSeq >= 0 && seq != s.nextSeq) {
                notes.add("frame " + frame + ": TCP sequence " + seq + " where " + s.nextSeq + " was expected");
                if (((seq - s.nextSeq) & 0xFFFFFFFFL) > 0x7FFFFFFFL) {
                    return; // retransmission of old data
                }
            }
            s.nextSeq = (seq + data.length) & 0xFFFFFFFFL;
            s.buffer.write(data, 0, data.length);
            byte[] buf = s.buffer.toByteArray();
            int pos = 0;
            while (buf.length - pos >= 2) {
                int len = u16(buf, pos);
                if (buf.length - pos - 2 < len) {
                    break;
                }
                packets.add(new DnsPacket(frame, t, new SocketAddr(src, sport), new SocketAddr(dst, dport),
                        Transport.TCP, Arrays.copyOfRange(buf, pos + 2, pos + 2 + len)));
                pos += 2 + len;
            }
            s.buffer.reset();
            s.buffer.write(buf, pos, buf.length - pos);
        }
    }

    private static int u16(byte[] d, int o) {
        return ((d[o] & 0xFF) << 8) | (d[o + 1] & 0xFF);
    }

    private static long u32(byte[] d, int o) {
        return ((long) u16(d, o) << 16) | u16(d, o + 2);
    }

    private static long sum(byte[] d, int off, int len) {
        long s = 0;
        for (int i = 0; i + 1 < len; i += 2) {
            s += u16(d, off + i);
        }
        if ((len & 1) != 0) {
            s += (d[off + len - 1] & 0xFF) << 8;
        }
        return s;
    }

    /** One's complement sum over the bytes plus a pseudo-header sum; 0 when the stored checksum is right. */
    private static int checksum(byte[] d, int off, int len, long pseudo) {
        long s = sum(d, off, len) + pseudo;
        while ((s >> 16) != 0) {
            s = (s & 0xFFFF) + (s >> 16);
        }
        return (int) (~s & 0xFFFF);
    }
}
