package org.resolvefx.core.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * An IP address and port, printed the way students see it in tools ("127.0.0.1:53", "[::1]:53").
 * Unlike {@link InetSocketAddress} it never triggers a reverse lookup and prints without a slash.
 */
public record SocketAddr(InetAddress address, int port) implements Comparable<SocketAddr> {

    public SocketAddr {
        Objects.requireNonNull(address, "address");
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Parses "127.0.0.1:53", "[::1]:53", "::1" or "127.0.0.1" (then {@code defaultPort}); literals only, no lookups. */
    public static SocketAddr parse(String text, int defaultPort) {
        String s = text.trim();
        String host = s;
        int port = defaultPort;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("missing ']' in address: " + text);
            }
            host = s.substring(1, close);
            if (close + 1 < s.length()) {
                if (s.charAt(close + 1) != ':') {
                    throw new IllegalArgumentException("expected ':' after ']' in address: " + text);
                }
                port = parsePort(s.substring(close + 2), text);
            }
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            host = s.substring(0, s.indexOf(':'));
            port = parsePort(s.substring(s.indexOf(':') + 1), text);
        }
        return new SocketAddr(literal(host, text), port);
    }

    /** An IPv4 or IPv6 literal as an InetAddress, without ever asking a resolver. */
    public static InetAddress literal(String host, String context) {
        byte[] bytes = org.xbill.DNS.Address.toByteArray(host, org.xbill.DNS.Address.IPv4);
        if (bytes == null) {
            bytes = org.xbill.DNS.Address.toByteArray(host, org.xbill.DNS.Address.IPv6);
        }
        if (bytes == null) {
            throw new IllegalArgumentException("not an IP address: '" + host + "' in " + context);
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + context, e);
        }
    }

    private static int parsePort(String p, String context) {
        try {
            int v = Integer.parseInt(p);
            if (v < 0 || v > 0xFFFF) {
                throw new IllegalArgumentException("port out of range in " + context);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port '" + p + "' in " + context, e);
        }
    }

    public static SocketAddr of(InetSocketAddress a) {
        return new SocketAddr(a.getAddress(), a.getPort());
    }

    public InetSocketAddress toInetSocketAddress() {
        return new InetSocketAddress(address, port);
    }

    /** The address alone, without port: "127.0.0.1" or "::1". */
    public String host() {
        return IpText.format(address);
    }

    public boolean isIpv6() {
        return address.getAddress().length == 16;
    }

    @Override
    public String toString() {
        return isIpv6() ? "[" + host() + "]:" + port : host() + ":" + port;
    }

    @Override
    public int compareTo(SocketAddr o) {
        byte[] a = address.getAddress();
        byte[] b = o.address.getAddress();
        if (a.length != b.length) {
            return Integer.compare(a.length, b.length);
        }
        int c = java.util.Arrays.compareUnsigned(a, b);
        return c != 0 ? c : Integer.compare(port, o.port);
    }
}
