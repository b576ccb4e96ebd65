package org.resolvefx.core.net;

/** How a DNS message travelled: a UDP datagram or a TCP stream with the two-byte length prefix. */
public enum Transport {
    UDP,
    TCP;

    /** Lower-case name as used in JSON output ("udp", "tcp"). */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Transport fromJsonName(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
