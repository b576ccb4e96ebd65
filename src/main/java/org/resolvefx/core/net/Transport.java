package org.resolvefx.core.net;

/** How a DNS message travelled: a UDP datagram or a TCP stream with the two-byte length prefix. */
public enum Transport {
    UDP("udp"),
    TCP("tcp");

    private final String jsonName;

    Transport(String jsonName) {
        this.jsonName = jsonName;
    }

    /** Lower-case name as used in JSON output ("udp", "tcp"). */
    public String jsonName() {
        return jsonName;
    }

    public static Transport fromJsonName(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
