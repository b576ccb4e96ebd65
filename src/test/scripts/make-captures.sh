#!/usr/bin/env bash
# Regenerates the capture files in src/test/resources/captures/made/ from real DNS traffic on loopback,
# and beside each one the expectation file (<capture>.tshark.tsv) that says what tshark finds in it.
#
# Not run by the tests (they only read the committed files). Needs root (tcpdump), and Debian's nsd, dig,
# tcpdump, tshark, editcap, mergecap, text2pcap and python3. Everything listens on and talks to 127.0.77.1 and
# ::1 only. Run from anywhere:  sudo src/test/scripts/make-captures.sh
#
# What it does:
#  1. starts NSD 4 (authoritative) for the zone capture.test on 127.0.77.1 ports 53 and 5300 and on ::1 port 53;
#  2. records dig and a small Python client (pipelined TCP queries, a length prefix in its own segment) with
#     tcpdump on lo (Ethernet), on "any" as Linux cooked v1 and v2, over IPv6, on the non-standard port 5300,
#     mixed with non-DNS traffic (HTTP-like TCP, UDP noise, ICMP errors);
#  3. converts with editcap (pcapng, nanosecond pcap, modified pcap, raw IP, IPv4/IPv6 link types),
#     mergecap (two interfaces with different link types and time resolutions) and text2pcap (NULL and LOOP
#     loopback headers, bare IP as link types 12 and 14, 802.1Q and QinQ VLAN tags, IPv4 and IPv6 fragments, IPv6 extension headers);
#  4. writes three DNS messages as binary files and as hex text (xxd, hexdump -C, tshark -x, pasted styles);
#  5. writes tshark's view of every capture with tshark-expect.py.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../../.." && pwd)
OUT=$REPO/src/test/resources/captures/made
V4=127.0.77.1
ALT_PORT=5300
WORK=$(mktemp -d /tmp/resolvefx-captures.XXXXXX)
export TZ=UTC
PIDS=()

cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

mkdir -p "$OUT"
rm -f "$OUT"/*.pcap "$OUT"/*.pcapng "$OUT"/*.tsv

# ---------------------------------------------------------------- 1. the server
{
    echo '$ORIGIN capture.test.'
    echo '$TTL 3600'
    echo '@      SOA   ns1 hostmaster 2024010101 3600 900 604800 300'
    echo '@      NS    ns1'
    echo '@      MX    10 mail'
    echo 'ns1    A     127.0.77.1'
    echo 'ns1    AAAA  ::1'
    echo 'www    A     127.0.77.10'
    echo 'www    AAAA  2001:db8::10'
    echo 'mail   A     127.0.77.25'
    echo 'alias  CNAME www'
    # a TXT RRset of about 6 KB: over TCP it spans many segments, over UDP it needs fragments on real links
    for i in $(seq 1 24); do
        printf 'big    TXT   "%s-%s"\n' "$i" "$(printf 'lecture-text-%02d-' $(seq 1 14) | cut -c1-230)"
    done
    # 60 addresses: more than fits 512 bytes, so UDP without EDNS comes back truncated
    for i in $(seq 1 60); do echo "many   A     127.0.78.$i"; done
} > "$WORK/capture.test.zone"

cat > "$WORK/nsd.conf" <<CONF
server:
    ip-address: $V4@53
    ip-address: $V4@$ALT_PORT
    ip-address: ::1@53
    do-ip4: yes
    do-ip6: yes
    username: ""
    chroot: ""
    zonesdir: "$WORK"
    database: ""
    zonelistfile: "$WORK/zone.list"
    xfrdfile: "$WORK/xfrd.state"
    xfrdir: "$WORK"
    pidfile: "$WORK/nsd.pid"
    server-count: 1
    tcp-count: 10
    verbosity: 1
    hide-version: yes
    # answer large UDP queries in full (the default of 1232 would truncate the 6 KB TXT answer)
    ipv4-edns-size: 8192
    ipv6-edns-size: 8192
remote-control:
    control-enable: no
zone:
    name: capture.test
    zonefile: capture.test.zone
CONF

nsd -d -c "$WORK/nsd.conf" > "$WORK/nsd.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 50); do
    if dig @$V4 +short +time=1 +tries=1 ns1.capture.test A >/dev/null 2>&1 \
        && [ -n "$(dig @$V4 +short +time=1 +tries=1 ns1.capture.test A)" ]; then break; fi
    sleep 0.2
done
[ -n "$(dig @$V4 +short +time=1 +tries=1 ns1.capture.test A)" ] || { cat "$WORK/nsd.log"; echo "nsd did not start" >&2; exit 1; }

DIG="dig +time=2 +tries=1"

# ---------------------------------------------------------------- helpers
# capture NAME INTERFACE LINKTYPE FILTER -- COMMAND...   (records while the command runs)
capture() {
    local name=$1 iface=$2 dlt=$3 filter=$4
    shift 5
    local args=(-i "$iface" -s 0 -U -n -w "$WORK/$name.pcap")
    [ "$dlt" != "-" ] && args+=(-y "$dlt")
    tcpdump "${args[@]}" "$filter" 2>"$WORK/$name.tcpdump.log" &
    local pid=$!
    PIDS+=("$pid")
    sleep 1.5
    "$@" > "$WORK/$name.client.log" 2>&1
    sleep 1
    kill -INT "$pid"
    wait "$pid" || true
}

# the Python client: pipelined queries in one segment, a length prefix sent alone, a large answer in small segments
cat > "$WORK/client.py" <<'PY'
import socket, struct, sys, time

def query(ident, name, qtype, rd=0):
    q = struct.pack("!HHHHHH", ident, rd << 8, 1, 0, 0, 0)
    for label in name.rstrip(".").split("."):
        q += bytes([len(label)]) + label.encode()
    return q + b"\0" + struct.pack("!HH", qtype, 1)

def read_answers(sock, count):
    data = b""
    sock.settimeout(3)
    got = 0
    while got < count:
        chunk = sock.recv(65535)
        if not chunk:
            break
        data += chunk
        while len(data) >= 2 and len(data) >= 2 + struct.unpack("!H", data[:2])[0]:
            data = data[2 + struct.unpack("!H", data[:2])[0]:]
            got += 1
    return got

server, port = sys.argv[1], int(sys.argv[2])
family = socket.AF_INET6 if ":" in server else socket.AF_INET
s = socket.socket(family, socket.SOCK_STREAM)
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_MAXSEG, 536)   # small segments, also for the server's answers
s.connect((server, port))
# three queries in one write: one segment holding three messages
msgs = [query(0x1001, "www.capture.test", 1), query(0x1002, "mail.capture.test", 1),
        query(0x1003, "alias.capture.test", 28)]
s.sendall(b"".join(struct.pack("!H", len(m)) + m for m in msgs))
print("pipelined answers:", read_answers(s, 3))
# the length prefix in a segment of its own, then the message in two pieces
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
m = query(0x1004, "big.capture.test", 16)
s.send(struct.pack("!H", len(m)))
time.sleep(0.05)
s.send(m[:7])
time.sleep(0.05)
s.send(m[7:])
print("split query answers:", read_answers(s, 1))
s.close()
PY

cat > "$WORK/noise.py" <<'PY'
import socket, struct, sys, threading, time
host = sys.argv[1]
# an HTTP-like exchange on TCP port 8080: must not be taken for DNS
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind((host, 8080)); srv.listen(1)
def serve():
    c, _ = srv.accept(); c.recv(1000)
    c.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nhello, this is not DNS\r\n"); c.close()
t = threading.Thread(target=serve); t.start()
c = socket.create_connection((host, 8080)); c.sendall(b"GET / HTTP/1.0\r\nHost: x\r\n\r\n"); c.recv(1000); c.close()
t.join(); srv.close()
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.sendto(b"hello, this is not DNS either", (host, 9999))                 # plain text on a random port
u.sendto(struct.pack("!HHHHHH", 0x4242, 0x0100, 1, 0, 0, 0), (host, 5301))  # says 1 question, holds none
time.sleep(0.1)
PY

# ---------------------------------------------------------------- 2. recordings
capture eth-udp lo - "host $V4" -- bash -c "
    $DIG @$V4 www.capture.test A
    $DIG @$V4 capture.test MX
    $DIG @$V4 alias.capture.test A +nsid
    $DIG @$V4 nosuchname.capture.test A
    $DIG @$V4 many.capture.test A +noedns +ignore
    $DIG @$V4 big.capture.test TXT +bufsize=8192"

capture eth-tcp lo - "host $V4" -- bash -c "
    $DIG @$V4 +tcp big.capture.test TXT
    $DIG @$V4 +tcp +keepopen www.capture.test A mail.capture.test A many.capture.test A"

capture eth-tcp-pipelined lo - "host $V4" -- python3 "$WORK/client.py" $V4 53

capture sll-any any LINUX_SLL "host $V4" -- bash -c "
    $DIG @$V4 www.capture.test A
    $DIG @$V4 +tcp www.capture.test AAAA"

capture sll2-any any LINUX_SLL2 "host $V4" -- bash -c "
    $DIG @$V4 mail.capture.test A
    $DIG @$V4 +tcp capture.test SOA"

capture ipv6 lo - "ip6 and host ::1 and port 53" -- bash -c "
    $DIG @::1 www.capture.test AAAA
    $DIG @::1 +tcp big.capture.test TXT
    python3 $WORK/client.py ::1 53"

capture nonstandard-port lo - "host $V4" -- bash -c "
    $DIG @$V4 -p $ALT_PORT www.capture.test A
    $DIG @$V4 -p $ALT_PORT +tcp many.capture.test A
    $DIG @$V4 -p 5353 +time=1 +tries=1 www.capture.test A || true
    python3 $WORK/noise.py $V4"

# ---------------------------------------------------------------- 3. conversions
cp "$WORK"/eth-udp.pcap "$WORK"/eth-tcp.pcap "$WORK"/eth-tcp-pipelined.pcap "$WORK"/sll-any.pcap \
   "$WORK"/sll2-any.pcap "$WORK"/ipv6.pcap "$WORK"/nonstandard-port.pcap "$OUT"/
editcap -F pcapng "$WORK/eth-tcp.pcap" "$OUT/eth-tcp.pcapng"
editcap -F nsecpcap "$WORK/eth-udp.pcap" "$OUT/eth-udp-nsec.pcap"
editcap -F modpcap "$WORK/eth-udp.pcap" "$OUT/eth-udp-modified.pcap"
editcap -F pcap -C 14 -T rawip "$WORK/eth-tcp.pcap" "$OUT/rawip.pcap"
editcap -F pcap -C 14 -T rawip4 "$WORK/eth-udp.pcap" "$OUT/rawip4.pcap"
editcap -F pcapng -C 14 -T rawip6 "$WORK/ipv6.pcap" "$OUT/rawip6.pcapng"
# two interfaces: Ethernet with nanosecond resolution and Linux cooked v2 with microseconds
editcap -F pcapng "$OUT/eth-udp-nsec.pcap" "$WORK/a.pcapng"
editcap -F pcapng "$WORK/sll2-any.pcap" "$WORK/b.pcapng"
mergecap -F pcapng -w "$OUT/multi-interface.pcapng" "$WORK/a.pcapng" "$WORK/b.pcapng"
# two sections in one file (readers must reset their interface table at each section header)
cat "$WORK/a.pcapng" "$WORK/b.pcapng" > "$OUT/multi-section.pcapng"

# frames rewritten with other link layers, then written by text2pcap
python3 - "$WORK" <<'PY'
import struct, sys
work = sys.argv[1]

def frames(path):
    with open(path, "rb") as f:
        data = f.read()
    magic = struct.unpack("<I", data[:4])[0]
    assert magic == 0xa1b2c3d4, hex(magic)
    p = 24
    while p < len(data):
        sec, usec, incl, orig = struct.unpack("<IIII", data[p:p + 16])
        yield sec, usec, data[p + 16:p + 16 + incl]
        p += 16 + incl

def write(name, records):
    # one line per packet: time and hex, read by text2pcap -r
    with open(f"{work}/{name}.txt", "w") as f:
        for sec, usec, payload in records:
            f.write(f"{sec}.{usec:06d} {payload.hex()}\n")

eth_udp = list(frames(f"{work}/eth-udp.pcap"))
eth_tcp = list(frames(f"{work}/eth-tcp.pcap"))
ip_of = lambda fr: fr[14:]

# BSD loopback: family 2 in little-endian (NULL, as written on x86) and in network order (LOOP)
write("null-le", [(s, u, struct.pack("<I", 2) + ip_of(fr)) for s, u, fr in eth_udp])
write("null-be", [(s, u, struct.pack(">I", 2) + ip_of(fr)) for s, u, fr in eth_tcp])
write("loop", [(s, u, struct.pack(">I", 2) + ip_of(fr)) for s, u, fr in eth_udp])
# bare IP packets, for the old DLT_RAW numbers 12 and 14
write("raw", [(s, u, ip_of(fr)) for s, u, fr in eth_tcp])

# VLAN: 802.1Q tag (VLAN 77), and 802.1ad outer tag (S-VLAN 100) around an 802.1Q tag (C-VLAN 77)
def tagged(fr, tags):
    head = fr[:12]
    for tpid, vid in tags:
        head += struct.pack(">HH", tpid, vid)
    return head + fr[12:]
records = []
for i, (s, u, fr) in enumerate(eth_udp):
    records.append((s, u, tagged(fr, [(0x8100, 77)] if i % 2 == 0 else [(0x88a8, 100), (0x8100, 77)])))
write("vlan", records)

# IPv4 fragments of the 6 KB UDP answer (fragments of at most 1480 bytes of payload, as on a 1500-byte link),
# sent last fragment first, and the same datagram again in order; IPv6 fragments of the same answer
def ipv4_checksum(h):
    s = sum(struct.unpack(">10H", h))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff

def fragments_v4(fr, ident, reverse):
    ip = fr[14:]
    ihl = (ip[0] & 15) * 4
    total = struct.unpack(">H", ip[2:4])[0]
    body = ip[ihl:total]
    pieces = []
    for off in range(0, len(body), 1480):
        chunk = body[off:off + 1480]
        more = 1 if off + 1480 < len(body) else 0
        h = bytearray(ip[:20])
        h[0] = 0x45
        struct.pack_into(">HHH", h, 2, 20 + len(chunk), ident, (more << 13) | (off // 8))
        struct.pack_into(">H", h, 10, 0)
        struct.pack_into(">H", h, 10, ipv4_checksum(bytes(h)))
        pieces.append(fr[:14] + bytes(h) + chunk)
    return pieces[::-1] if reverse else pieces

def to_ipv6_fragments(fr, ident):
    ip = fr[14:]
    ihl = (ip[0] & 15) * 4
    total = struct.unpack(">H", ip[2:4])[0]
    udp = bytearray(ip[ihl:total])
    struct.pack_into(">H", udp, 6, 0)   # checksum 0 is not allowed over IPv6; tshark does not check by default
    src = bytes(15) + b"\x01"
    out = []
    for off in range(0, len(udp), 1232):
        chunk = bytes(udp[off:off + 1232])
        more = 1 if off + 1232 < len(udp) else 0
        frag = struct.pack(">BBHI", 17, 0, off | more, ident)
        ip6 = struct.pack(">IHBB", 0x60000000, len(frag) + len(chunk), 44, 64) + src + src
        out.append(b"\0" * 12 + b"\x86\xdd" + ip6 + frag + chunk)
    return out

big = [fr for s, u, fr in eth_udp if len(fr) > 3000]
assert big, "no large UDP answer recorded"
s0, u0 = eth_udp[0][0], eth_udp[0][1]
query = [fr for s, u, fr in eth_udp if fr[14 + 20 + 2:14 + 20 + 4] == b"\x00\x35"][0]
recs = [(s0, u0, query)]
t = 1
for fr in fragments_v4(big[0], 0x4d01, reverse=True) + fragments_v4(big[0], 0x4d02, reverse=False):
    recs.append((s0, u0 + t * 10, fr)); t += 1
for fr in to_ipv6_fragments(big[0], 0x00c0ffee):
    recs.append((s0, u0 + t * 10, fr)); t += 1
write("fragments", recs)

# IPv6 extension headers before UDP: hop-by-hop (router alert), destination options (PadN), routing type 0
def with_extensions(fr):
    ip = fr[14:]
    ihl = (ip[0] & 15) * 4
    total = struct.unpack(">H", ip[2:4])[0]
    udp = bytearray(ip[ihl:total])
    struct.pack_into(">H", udp, 6, 0)
    hop = struct.pack(">BB", 60, 0) + bytes([5, 2, 0, 0, 1, 0])
    dst = struct.pack(">BB", 43, 1) + bytes([1, 12]) + bytes(12)
    rt = struct.pack(">BBBB", 17, 2, 0, 0) + bytes(4) + bytes(15) + b"\x01"
    ext = hop + dst + rt
    src = bytes(15) + b"\x01"
    ip6 = struct.pack(">IHBB", 0x60000000, len(ext) + len(udp), 0, 64) + src + src
    return b"\0" * 12 + b"\x86\xdd" + ip6 + ext + bytes(udp)
write("ipv6-extensions", [(s, u, with_extensions(fr)) for s, u, fr in eth_udp if len(fr) < 1500])
PY

t2p() { text2pcap -q -r '^(?<time>\d+\.\d+) (?<data>[0-9a-f]+)$' -t '%s.%f' "$@"; }
t2p -F pcap -l 0 "$WORK/null-le.txt" "$OUT/null-le.pcap"
t2p -F pcap -l 0 "$WORK/null-be.txt" "$OUT/null-be.pcap"
t2p -F pcap -l 108 "$WORK/loop.txt" "$OUT/loop.pcap"
t2p -F pcap -l 1 "$WORK/vlan.txt" "$OUT/vlan.pcap"
t2p -F pcap -l 12 "$WORK/raw.txt" "$OUT/raw12.pcap"
t2p -F pcap -l 14 "$WORK/raw.txt" "$OUT/raw14.pcap"
t2p -F pcap -l 1 "$WORK/fragments.txt" "$OUT/fragments.pcap"
t2p -F pcapng -l 1 "$WORK/ipv6-extensions.txt" "$OUT/ipv6-extensions.pcapng"

# ---------------------------------------------------------------- 4. single messages as binary and hex text
TEXT=$REPO/src/test/resources/captures/text
mkdir -p "$TEXT"
rm -f "$TEXT"/*
payload() { tshark -r "$OUT/eth-udp.pcap" -Y "frame.number == $1" -T fields -e udp.payload 2>/dev/null; }
payload 1 | xxd -r -p > "$TEXT/query.bin"
payload 2 | xxd -r -p > "$TEXT/answer.bin"
payload 8 | xxd -r -p > "$TEXT/nxdomain.bin"
xxd "$TEXT/answer.bin" > "$TEXT/answer.xxd.txt"
hexdump -C "$TEXT/answer.bin" > "$TEXT/answer.hexdump.txt"
od -Ax -tx1 -v "$TEXT/answer.bin" > "$WORK/answer.od"
text2pcap -q -l 147 "$WORK/answer.od" "$WORK/answer-user0.pcap"
tshark -r "$WORK/answer-user0.pcap" -x 2>/dev/null > "$TEXT/answer.tshark-x.txt"
{
    echo "# three messages from eth-udp.pcap, in the ways people paste hex"
    echo "# the query: pairs of digits, 16 to a line"
    xxd -p -c 16 "$TEXT/query.bin" | sed 's/../& /g'
    echo
    echo "# the answer as a C array"
    xxd -i < "$TEXT/answer.bin"
    echo
    echo "# NXDOMAIN: one long line with colons"
    xxd -p -c 1000 "$TEXT/nxdomain.bin" | sed 's/../&:/g; s/:$//'
} > "$TEXT/three-messages.txt"

# ---------------------------------------------------------------- 5. expectations
for f in "$OUT"/*.pcap "$OUT"/*.pcapng; do
    extra=()
    case "$(basename "$f")" in
        nonstandard-port*) extra=(-d "udp.port==$ALT_PORT,dns" -d "tcp.port==$ALT_PORT,dns") ;;
    esac
    python3 "$HERE/tshark-expect.py" "$f" "${extra[@]}" > "$f.tshark.tsv"
done
ls -l "$OUT"
