package org.resolvefx.core.net;

import java.net.InetAddress;

/**
 * Text form of IP addresses as Wireshark and dig print them: dotted quads, and IPv6 in the
 * RFC 5952 canonical form ("2001:db8::1", "::1"). Written by hand because
 * {@link InetAddress#getHostAddress()} never compresses zeros and dnsjava offers no formatter.
 */
public final class IpText {
    private IpText() {
    }

    public static String format(InetAddress address) {
        return format(address.getAddress());
    }

    /** Formats 4 or 16 raw address bytes; anything else comes back as hex. */
    public static String format(byte[] a) {
        if (a.length == 4) {
            return (a[0] & 0xFF) + "." + (a[1] & 0xFF) + "." + (a[2] & 0xFF) + "." + (a[3] & 0xFF);
        }
        if (a.length != 16) {
            return HexFormatHolder.HEX.formatHex(a);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((a[2 * i] & 0xFF) << 8) | (a[2 * i + 1] & 0xFF);
        }
        // longest run of two or more zero groups, the first one on ties (RFC 5952 section 4.2)
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] == 0) {
                int j = i;
                while (j < 8 && groups[j] == 0) {
                    j++;
                }
                if (j - i > bestLen) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    private static final class HexFormatHolder {
        static final java.util.HexFormat HEX = java.util.HexFormat.of();
    }
}
