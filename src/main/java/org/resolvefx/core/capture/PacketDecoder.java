package org.resolvefx.core.capture;

import java.util.Arrays;
import java.util.Queue;
import org.resolvefx.core.net.Transport;

/**
 * From a captured frame to the DNS messages in it: link layer, IPv4/IPv6 (options, extension headers,
 * fragments), then UDP or TCP. Anything that is not DNS or is malformed at the IP/UDP/TCP level is left out
 * silently; checksums are not verified because captures on the sending host carry unfinished checksums
 * (offloading), and Wireshark does not verify them by default either.
 */
final class PacketDecoder {
    private static final int PROTO_TCP = 6;
    private static final int PROTO_UDP = 17;
    private static final int MAX_EXTENSION_HEADERS = 16;

    private final IpDefragmenter fragments = new IpDefragmenter();
    private final TcpReassembler tcp = new TcpReassembler();

    /**
     * Decodes one frame and adds the DNS messages it completes to {@code out}.
     *
     * @return true when the frame carried DNS bytes (a message, part of one, or a fragment held for reassembly)
     */
    boolean decode(Frame frame, Queue<DnsPacket> out) {
        byte[] d = frame.data();
        LinkLayer.NetworkStart start = LinkLayer.find(frame.linkType(), d);
        if (start == null || start.offset() >= d.length) {
            return false;
        }
        int version = (d[start.offset()] >> 4) & 0xF;
        if (start.version() != 0 && version != start.version()) {
            return false;
        }
        return switch (version) {
            case 4 -> ipv4(frame, d, start.offset(), out);
            case 6 -> ipv6(frame, d, start.offset(), out);
            default -> false;
        };
    }

    TcpReassembler tcp() {
        return tcp;
    }

    IpDefragmenter fragments() {
        return fragments;
    }

    private boolean ipv4(Frame frame, byte[] d, int off, Queue<DnsPacket> out) {
        if (d.length - off < 20) {
            return false;
        }
        int headerLength = (d[off] & 0x0F) * 4;
        int total = Bytes.u16be(d, off + 2);
        if (total == 0) {
            total = d.length - off; // segmentation offload: the stack leaves the length to the NIC
        }
        if (headerLength < 20 || total < headerLength || off + total > d.length) {
            return false; // malformed, or cut short by the snapshot length
        }
        int end = off + total; // anything after is link-layer padding
        int protocol = d[off + 9] & 0xFF;
        byte[] src = Arrays.copyOfRange(d, off + 12, off + 16);
        byte[] dst = Arrays.copyOfRange(d, off + 16, off + 20);
        int fragmentField = Bytes.u16be(d, off + 6);
        boolean more = (fragmentField & 0x2000) != 0;
        int fragmentOffset = (fragmentField & 0x1FFF) * 8;
        if (more || fragmentOffset > 0) {
            if (protocol != PROTO_UDP && protocol != PROTO_TCP) {
                return false;
            }
            IpDefragmenter.Datagram whole = fragments.add(IpPair.of(src, dst), Bytes.u16be(d, off + 4), true,
                    protocol, fragmentOffset, more, d, off + headerLength, end, frame.time());
            if (whole == null) {
                return true;
            }
            return transport(frame, whole.protocol(), src, dst, whole.payload(), 0, whole.payload().length, out);
        }
        return transport(frame, protocol, src, dst, d, off + headerLength, end, out);
    }

    private boolean ipv6(Frame frame, byte[] d, int off, Queue<DnsPacket> out) {
        if (d.length - off < 40) {
            return false;
        }
        int payloadLength = Bytes.u16be(d, off + 4);
        int end;
        if (payloadLength == 0) {
            end = d.length; // jumbogram or segmentation offload: take what was captured
        } else if (off + 40 + payloadLength > d.length) {
            return false; // cut short by the snapshot length
        } else {
            end = off + 40 + payloadLength;
        }
        byte[] src = Arrays.copyOfRange(d, off + 8, off + 24);
        byte[] dst = Arrays.copyOfRange(d, off + 24, off + 40);
        int next = d[off + 6] & 0xFF;
        int p = off + 40;
        for (int i = 0; i < MAX_EXTENSION_HEADERS; i++) {
            switch (next) {
                case PROTO_UDP, PROTO_TCP -> {
                    return transport(frame, next, src, dst, d, p, end, out);
                }
                case 0, 43, 60 -> { // hop-by-hop options, routing, destination options
                    if (p + 8 > end) {
                        return false;
                    }
                    next = d[p] & 0xFF;
                    p += ((d[p + 1] & 0xFF) + 1) * 8;
                }
                case 51 -> { // authentication header: length in 4-byte units, minus 2
                    if (p + 8 > end) {
                        return false;
                    }
                    next = d[p] & 0xFF;
                    p += ((d[p + 1] & 0xFF) + 2) * 4;
                }
                case 44 -> { // fragment
                    if (p + 8 > end) {
                        return false;
                    }
                    int protocol = d[p] & 0xFF;
                    int field = Bytes.u16be(d, p + 2);
                    long id = Bytes.u32be(d, p + 4);
                    if (protocol != PROTO_UDP && protocol != PROTO_TCP) {
                        // every fragment names the first header of the fragmentable part (RFC 8200 4.5);
                        // extension headers inside the fragmentable part are not followed
                        return false;
                    }
                    IpDefragmenter.Datagram whole = fragments.add(IpPair.of(src, dst), id, false, protocol,
                            field & 0xFFF8, (field & 1) != 0, d, p + 8, end, frame.time());
                    if (whole == null) {
                        return true;
                    }
                    return transport(frame, whole.protocol(), src, dst, whole.payload(), 0, whole.payload().length,
                            out);
                }
                default -> {
                    return false; // no next header, ESP, ICMPv6, ...
                }
            }
            if (p > end) {
                return false;
            }
        }
        return false;
    }

    private boolean transport(Frame frame, int protocol, byte[] src, byte[] dst, byte[] d, int p, int end,
                              Queue<DnsPacket> out) {
        if (protocol == PROTO_UDP) {
            return udp(frame, src, dst, d, p, end, out);
        }
        if (protocol == PROTO_TCP) {
            if (end - p < 20) {
                return false;
            }
            int headerLength = ((d[p + 12] >> 4) & 0xF) * 4;
            if (headerLength < 20 || p + headerLength > end) {
                return false;
            }
            return tcp.segment(frame, src, Bytes.u16be(d, p), dst, Bytes.u16be(d, p + 2), (int) Bytes.u32be(d, p + 4),
                    d[p + 13] & 0xFF, d, p + headerLength, end, out);
        }
        return false;
    }

    private boolean udp(Frame frame, byte[] src, byte[] dst, byte[] d, int p, int end, Queue<DnsPacket> out) {
        if (end - p < 8) {
            return false;
        }
        int srcPort = Bytes.u16be(d, p);
        int dstPort = Bytes.u16be(d, p + 2);
        int length = Bytes.u16be(d, p + 4);
        if (length == 0) {
            length = end - p; // IPv6 jumbogram
        }
        if (length < 8 || p + length > end) {
            return false; // malformed, or cut short by the snapshot length
        }
        int from = p + 8;
        int size = length - 8;
        if (TcpReassembler.isDnsPort(srcPort) || TcpReassembler.isDnsPort(dstPort)) {
            if (size == 0) {
                return false;
            }
        } else if (!DnsShape.plausible(d, from, size)) {
            return false;
        }
        out.add(new DnsPacket(frame.number(), frame.time(), TcpReassembler.address(src, srcPort),
                TcpReassembler.address(dst, dstPort), Transport.UDP, Arrays.copyOfRange(d, from, from + size)));
        return true;
    }
}
