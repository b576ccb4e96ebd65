package org.resolvefx.core.wire;

import java.io.ByteArrayOutputStream;

/** Test-only builder of DNS message bytes, so each malformed case states its bytes plainly. */
final class Wire {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static Wire header(int id, int flags, int qd, int an, int ns, int ar) {
        return new Wire().u16(id).u16(flags).u16(qd).u16(an).u16(ns).u16(ar);
    }

    Wire u8(int v) {
        out.write(v);
        return this;
    }

    Wire u16(int v) {
        return u8(v >> 8 & 0xFF).u8(v & 0xFF);
    }

    Wire u32(long v) {
        return u16((int) (v >> 16 & 0xFFFF)).u16((int) (v & 0xFFFF));
    }

    Wire bytes(int... b) {
        for (int v : b) {
            u8(v);
        }
        return this;
    }

    /** Uncompressed name from dotted text; "." is the root. */
    Wire name(String dotted) {
        if (!dotted.equals(".")) {
            for (String label : dotted.split("\\.")) {
                u8(label.length());
                for (char c : label.toCharArray()) {
                    u8(c);
                }
            }
        }
        return u8(0);
    }

    Wire pointer(int target) {
        return u16(0xC000 | target);
    }

    Wire question(String name, int type) {
        return name(name).u16(type).u16(1);
    }

    /** Record with an uncompressed owner and raw rdata. */
    Wire record(String owner, int type, long ttl, int... rdata) {
        return name(owner).u16(type).u16(1).u32(ttl).u16(rdata.length).bytes(rdata);
    }

    int size() {
        return out.size();
    }

    byte[] build() {
        return out.toByteArray();
    }
}
