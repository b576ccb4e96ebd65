#!/usr/bin/env python3
"""Writes what tshark finds in a capture as the expectation file the Java tests compare with.

Usage: tshark-expect.py CAPTURE [tshark options such as -d udp.port==5300,dns]
Prints a TSV: frame, frame.time_epoch, src, src port, dst, dst port, transport, DNS message as hex
(for TCP without the two-byte length prefix). DNS quoted inside ICMP errors is left out, as the reader does.
Tests read the TSV only; they never need tshark.
"""
import json
import subprocess
import sys


def first(v):
    return v[0] if isinstance(v, list) else v


def main():
    capture, extra = sys.argv[1], sys.argv[2:]
    out = subprocess.run(["tshark", "-r", capture, "-T", "json", "-x", "--no-duplicate-keys", "-Y", "dns or mdns"] + extra,
                         check=True, capture_output=True, text=True).stdout
    version = subprocess.run(["tshark", "-v"], capture_output=True, text=True).stdout.splitlines()[0]
    print("# " + " ".join(["tshark", "-r", capture.split("/")[-1], "-T", "json", "-x", "-Y", "dns or mdns"] + extra))
    print("# " + version)
    print("# frame\tepoch\tsrc\tsport\tdst\tdport\ttransport\tdns")
    for packet in json.loads(out) if out.strip() else []:
        layers = packet["_source"]["layers"]
        if "icmp" in layers or "icmpv6" in layers:
            continue
        frame = layers["frame"]
        if "ip" in layers:
            ip = first(layers["ip"])
            src, dst = ip["ip.src"], ip["ip.dst"]
        else:
            ip = first(layers["ipv6"])
            src, dst = ip["ipv6.src"], ip["ipv6.dst"]
        transport = "tcp" if "tcp" in layers else "udp"
        t = first(layers[transport])
        raws = layers.get("dns_raw") or layers["mdns_raw"]  # tshark calls DNS on port 5353 "mdns"
        if not isinstance(raws[0], list):
            raws = [raws]
        for raw in raws:
            hexdata = raw[0]
            if transport == "tcp":
                length = int(hexdata[:4], 16)
                hexdata = hexdata[4:]
                assert len(hexdata) == 2 * length, (frame["frame.number"], length, len(hexdata))
            print("\t".join([frame["frame.number"], frame["frame.time_epoch"], src, t[transport + ".srcport"], dst,
                             t[transport + ".dstport"], transport, hexdata]))


if __name__ == "__main__":
    main()
