#!/usr/bin/env python3
"""Writes hand-crafted, well-formed but unusual DNS messages as a text2pcap hex dump.

No server sends these (unknown types and classes, odd label bytes, UPDATE, rare rdata, extra
bytes after the last record); they widen the golden set. make-golden.sh turns the dump into
crafted.pcap with text2pcap and lets tshark decode it like the real captures.
Usage: craft-messages.py > crafted.txt
"""
import struct
import sys


def name(text, raw_labels=None):
    if raw_labels is not None:
        return b"".join(bytes([len(l)]) + l for l in raw_labels) + b"\0"
    if text in ("", "."):
        return b"\0"
    return b"".join(bytes([len(l)]) + l.encode() for l in text.rstrip(".").split(".")) + b"\0"


def header(mid, flags, qd, an, ns, ar):
    return struct.pack(">HHHHHH", mid, flags, qd, an, ns, ar)


def question(n, qtype, qclass=1):
    return n + struct.pack(">HH", qtype, qclass)


def rr(n, rtype, rclass, ttl, rdata):
    return n + struct.pack(">HHIH", rtype, rclass, ttl, len(rdata)) + rdata


def opt(options, payload=1232, ext_rcode=0, version=0, z=0):
    data = b"".join(struct.pack(">HH", c, len(d)) + d for c, d in options)
    return b"\0" + struct.pack(">HHBBHH", 41, payload, ext_rcode, version, z, len(data)) + data


def ptr(offset):
    return struct.pack(">H", 0xC000 | offset)


msgs = []

# 1. unknown type and class in a query and in an answer
q = question(name("odd.example"), 65280, 7)
msgs.append(header(0x1001, 0x8400, 1, 1, 0, 0) + q + rr(ptr(12), 65280, 7, 60, b"\xde\xad\xbe\xef"))

# 2. names with bytes that need escaping, a one-character name, a compressed owner
odd = name(None, [b"a b", b"dot.ted", b"back\\slash", b"nul\0", b"\xff\xfe", "\u00fc".encode(), b"tab\t"])
m = header(0x1002, 0x8180, 1, 3, 0, 0) + question(odd, 16)
m += rr(ptr(12), 16, 1, 300, b"\x05hello\x03\x00\x01\x7f\x02\xc3\xbc")
m += rr(name("a"), 1, 1, 0, b"\x7f\x00\x00\x01")
m += rr(name(None, [b"x"]), 28, 1, 4294967295, bytes(range(16)))
msgs.append(m)

# 3. rare rdata: MB, MG, MR, MD, MF, MINFO, NULL, SPF, HINFO, CDS, DLV, NSEC with high windows
q = question(name("rare.example"), 255)
m = header(0x1003, 0x8500, 1, 11, 0, 0) + q
m += rr(ptr(12), 7, 1, 1, name("mb.rare.example"))
m += rr(ptr(12), 8, 1, 61, name("mg.rare.example"))
m += rr(ptr(12), 9, 1, 3600, name("mr.rare.example"))
m += rr(ptr(12), 3, 1, 3661, name("md.rare.example"))
m += rr(ptr(12), 4, 1, 90061, name("mf.rare.example"))
m += rr(ptr(12), 14, 1, 86400, name("r.rare.example") + name("e.rare.example"))
m += rr(ptr(12), 10, 1, 0, b"\x00\x01\x02")
m += rr(ptr(12), 99, 1, 5, b"\x0bv=spf1 -all\x00")
m += rr(ptr(12), 13, 1, 5, b"\x03x86\x05Linux")
m += rr(ptr(12), 59, 1, 5, struct.pack(">HBB", 4711, 8, 1) + bytes(20))
m += rr(ptr(12), 47, 1, 5, name("next.rare.example") + b"\x00\x06\x40\x01\x00\x00\x00\x03" + b"\x01\x01\x40" + b"\xff\x01\x80")
msgs.append(m)

# 4. extra bytes after the last record
msgs.append(header(0x1004, 0x0100, 1, 0, 0, 0) + question(name("extra.example"), 1) + b"\x01\x02\x03")

# 5. SRV owners with one and two labels, root SRV target
q = question(name("_svc._udp.example"), 33)
m = header(0x1005, 0x8400, 1, 2, 0, 0) + q
m += rr(name("_x"), 33, 1, 10, struct.pack(">HHH", 0, 0, 0) + b"\0")
m += rr(name("_x._tcp"), 33, 1, 10, struct.pack(">HHH", 1, 2, 53) + name("t.example"))
msgs.append(m)

# 6. a dynamic UPDATE (zone, prerequisite, update sections)
m = header(0x1006, 0x2800, 1, 1, 1, 0) + question(name("upd.example"), 6)
m += rr(name("host.upd.example"), 255, 254, 0, b"")
m += rr(name("host.upd.example"), 1, 1, 300, b"\xc0\x00\x02\x01")
msgs.append(m)

# 7. header oddities: AD and CD in a query, Z set, unknown opcode, extended rcodes in responses
msgs.append(header(0x1007, 0x0130, 1, 0, 0, 0) + question(name("flags.example"), 1))
msgs.append(header(0x1008, 0x9ff0 & 0xffff, 1, 0, 0, 0) + question(name("flags.example"), 1))
msgs.append(header(0x1009, 0x80cb, 1, 0, 0, 1) + question(name("flags.example"), 1)
            + opt([], 4096, 1, 0, 0x8000))
msgs.append(header(0x100a, 0x1800, 0, 0, 0, 0))

# 8. EDNS options: keepalive, expire, extended error with text, unknown, empty cookie server part
m = header(0x100b, 0x8180, 1, 0, 0, 1) + question(name("edns.example"), 1)
m += opt([(11, b"\x01\x2c"), (9, b"\x00\x00\x0e\x10"), (15, b"\x00\x12blocked by policy"), (15, b"\x00\x06"),
          (65001, b"\xc0\xff\xee"), (10, b"\x01\x02\x03\x04\x05\x06\x07\x08"), (12, b"")])
msgs.append(m)

# 9. CAA with a shortened tag, an unknown tag and issuewild
m = header(0x100c, 0x8400, 1, 3, 0, 0) + question(name("caa.example"), 257)
m += rr(ptr(12), 257, 1, 60, b"\x00\x03iss" + b"ca.example")
m += rr(ptr(12), 257, 1, 60, b"\x00\x03tbs" + b"Unknown")
m += rr(ptr(12), 257, 1, 60, b"\x80\x09issuewild" + b";")
msgs.append(m)

# 10. client subnet with a short IPv6 prefix and an unknown family
m = header(0x100d, 0x0100, 1, 0, 0, 1) + question(name("ecs.example"), 1)
m += opt([(8, b"\x00\x02\x30\x00\x20\x01\x0d\xb8\x00\x01"), (8, b"\x00\x05\x08\x00\xaa")])
msgs.append(m)

for i, m in enumerate(msgs):
    for off in range(0, len(m), 16):
        chunk = m[off:off + 16]
        # a fixed time before each packet keeps the pcap identical from run to run
        stamp = "2024-01-01 00:00:%02d.000000 " % (i + 1) if off == 0 else ""
        print("%s%06x %s" % (stamp, off, " ".join("%02x" % b for b in chunk)))
    print()
