package org.resolvefx.core.capture;

/**
 * Source and destination IP address as a value usable as a map key (byte arrays compare by identity).
 * IPv4 addresses sit in the low words; the version flag keeps them apart from IPv6 addresses.
 */
record IpPair(boolean v6, long srcHigh, long srcLow, long dstHigh, long dstLow) {

    static IpPair of(byte[] src, byte[] dst) {
        if (src.length == 4) {
            return new IpPair(false, 0, Bytes.u32be(src, 0), 0, Bytes.u32be(dst, 0));
        }
        return new IpPair(true, word(src, 0), word(src, 8), word(dst, 0), word(dst, 8));
    }

    private static long word(byte[] a, int off) {
        return (Bytes.u32be(a, off) << 32) | Bytes.u32be(a, off + 4);
    }

    IpPair reversed() {
        return new IpPair(v6, dstHigh, dstLow, srcHigh, srcLow);
    }
}
