package org.resolvefx.core.capture;

import java.util.Map;

/**
 * Finds the IP packet inside a link-layer frame for the link types that carry DNS in practice
 * (LINKTYPE_ values from https://www.tcpdump.org/linktypes.html).
 */
final class LinkLayer {
    static final int NULL = 0;
    static final int ETHERNET = 1;
    /** DLT_RAW as written by most systems' libpcap before LINKTYPE_RAW existed. */
    static final int RAW_12 = 12;
    /** DLT_RAW on OpenBSD/BSD/OS. */
    static final int RAW_14 = 14;
    static final int RAW = 101;
    static final int LOOP = 108;
    static final int LINUX_SLL = 113;
    static final int IPV4 = 228;
    static final int IPV6 = 229;
    static final int LINUX_SLL2 = 276;

    private static final Map<Integer, String> NAMES = Map.of(
            NULL, "NULL (BSD loopback)", ETHERNET, "ETHERNET", RAW_12, "RAW (12)", RAW_14, "RAW (14)",
            RAW, "RAW", LOOP, "LOOP (OpenBSD loopback)", LINUX_SLL, "LINUX_SLL (Linux cooked v1)",
            IPV4, "IPV4", IPV6, "IPV6", LINUX_SLL2, "LINUX_SLL2 (Linux cooked v2)");

    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86DD;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int ETHERTYPE_QINQ = 0x88A8;
    /** Pre-standard QinQ tag still emitted by some switches. */
    private static final int ETHERTYPE_QINQ_OLD = 0x9100;

    /** Where the IP header starts and which version the link layer announced (0: read it from the packet). */
    record NetworkStart(int offset, int version) {
    }

    private LinkLayer() {
    }

    static boolean isSupported(int linkType) {
        return NAMES.containsKey(linkType);
    }

    /** "113 (LINUX_SLL (Linux cooked v1))" or "147" for error messages. */
    static String describe(int linkType) {
        String name = NAMES.get(linkType);
        return name == null ? Integer.toString(linkType) : linkType + " (" + name + ")";
    }

    static String supportedList() {
        return "0 NULL, 1 ETHERNET, 12/14/101 RAW, 108 LOOP, 113 LINUX_SLL, 228 IPV4, 229 IPV6, 276 LINUX_SLL2";
    }

    /** The IP packet inside the frame, or null when the frame carries something else or is too short. */
    static NetworkStart find(int linkType, byte[] f) {
        return switch (linkType) {
            case ETHERNET -> f.length < 14 ? null : byEtherType(f, 14, Bytes.u16be(f, 12));
            case LINUX_SLL -> f.length < 16 ? null : byEtherType(f, 16, Bytes.u16be(f, 14));
            case LINUX_SLL2 -> f.length < 20 ? null : byEtherType(f, 20, Bytes.u16be(f, 0));
            case RAW, RAW_12, RAW_14 -> new NetworkStart(0, 0);
            case IPV4 -> new NetworkStart(0, 4);
            case IPV6 -> new NetworkStart(0, 6);
            case NULL, LOOP -> f.length < 4 ? null : byFamily(f);
            default -> null;
        };
    }

    private static NetworkStart byEtherType(byte[] f, int offset, int type) {
        int p = offset;
        // 802.1Q / 802.1ad tags, possibly stacked: each is 2 bytes of tag control and the next EtherType
        while ((type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ || type == ETHERTYPE_QINQ_OLD) && p + 4 <= f.length) {
            type = Bytes.u16be(f, p + 2);
            p += 4;
        }
        if (type <= 1500 && p + 8 <= f.length && (f[p] & 0xFF) == 0xAA && (f[p + 1] & 0xFF) == 0xAA
                && (f[p + 2] & 0xFF) == 0x03 && f[p + 3] == 0 && f[p + 4] == 0 && f[p + 5] == 0) {
            // 802.3 length field followed by LLC/SNAP with an EtherType (RFC 1042 encapsulation)
            type = Bytes.u16be(f, p + 6);
            p += 8;
        }
        if (type == ETHERTYPE_IPV4) {
            return new NetworkStart(p, 4);
        }
        if (type == ETHERTYPE_IPV6) {
            return new NetworkStart(p, 6);
        }
        return null;
    }

    /**
     * The 4-byte address family of BSD loopback: written in the capturing host's byte order for NULL and
     * usually in network order for LOOP, but files from both kinds of host exist, so both orders are accepted.
     * AF_INET is 2 everywhere; AF_INET6 is 24 (NetBSD/OpenBSD), 28 (FreeBSD) or 30 (macOS).
     */
    private static NetworkStart byFamily(byte[] f) {
        long family = (f[0] == 0 && f[1] == 0) ? Bytes.u32be(f, 0) : Bytes.u32(f, 0, false);
        if (family == 2) {
            return new NetworkStart(4, 4);
        }
        if (family == 24 || family == 28 || family == 30) {
            return new NetworkStart(4, 6);
        }
        return null;
    }
}
