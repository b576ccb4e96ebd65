package org.resolvefx.core.sandbox;

import java.net.InetAddress;

/**
 * Which addresses the sandbox may use. Servers listen only on loopback (127.0.0.0/8, ::1) so that
 * nobody is ever made to contact a real host; address records in zones may in addition use the
 * documentation prefixes (RFC 5737, RFC 3849), which route nowhere.
 */
public final class SandboxAddresses {
    private SandboxAddresses() {
    }

    /** 127.0.0.0/8 or ::1: where a sandbox server may listen. */
    public static boolean isLoopback(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length == 4) {
            return (b[0] & 0xFF) == 127;
        }
        for (int i = 0; i < 15; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[15] == 1;
    }

    /** Loopback or a documentation prefix (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32). */
    public static boolean isAllowedInRecords(InetAddress a) {
        if (isLoopback(a)) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int x = b[0] & 0xFF;
            int y = b[1] & 0xFF;
            int z = b[2] & 0xFF;
            return (x == 192 && y == 0 && z == 2) || (x == 198 && y == 51 && z == 100)
                    || (x == 203 && y == 0 && z == 113);
        }
        return (b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x01 && (b[2] & 0xFF) == 0x0d && (b[3] & 0xFF) == 0xb8;
    }
}
