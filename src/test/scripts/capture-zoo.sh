#!/usr/bin/env bash
# Records src/test/resources/golden/zoo.pcap: real answers of BIND 9.18 (Debian's bind9) for a
# signed zone that holds one of nearly every record type the dissector decodes, plus EDNS options,
# NXDOMAIN, an unknown type and class, TCP and a zone transfer. Loopback only (127.0.9.1).
# Needs root (tcpdump on lo), named, dnssec-keygen, dnssec-signzone, dig, tcpdump.
# Run it from the repository root; afterwards run make-golden.sh to refresh the tshark output.
set -euo pipefail
ADDR=127.0.9.1
OUT=${1:-src/test/resources/golden/zoo.pcap}
WORK=$(mktemp -d /tmp/resolvefx-zoo.XXXXXX)
NAMED_PID=""; DUMP_PID=""; ADDED_ADDR=""
cleanup() {
  [ -n "$ADDED_ADDR" ] && ip addr del "$ADDR/32" dev lo 2>/dev/null || true
  [ -n "$DUMP_PID" ] && kill "$DUMP_PID" 2>/dev/null || true
  [ -n "$NAMED_PID" ] && kill "$NAMED_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  if [ -n "${KEEP:-}" ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
cd "$WORK"

cat > zoo.example.db <<'ZONE'
$TTL 3600
@            IN SOA   ns1.zoo.example. hostmaster.zoo.example. 2024010101 7200 900 1209600 300
@            IN NS    ns1.zoo.example.
ns1          IN A     127.0.9.1
www          IN A     192.0.2.10
www          IN AAAA  2001:db8::10
v6only       IN AAAA  2001:db8:0:1:2:3:4:5
@            IN MX    10 mail.zoo.example.
@            IN MX    20 mail2.zoo.example.
mail         IN A     192.0.2.25
mail2        IN A     192.0.2.26
@            IN TXT   "v=spf1 -all"
multi        IN TXT   "first string" "second string" ""
_sip._tcp    IN SRV   10 60 5060 sipserver.zoo.example.
sipserver    IN A     192.0.2.50
old          IN DNAME new.zoo.example.
host.new     IN A     192.0.2.60
alias        IN CNAME www.zoo.example.
10.2.0.192   IN PTR   www.zoo.example.
@            IN CAA   0 issue "letsencrypt.org"
@            IN CAA   128 iodef "mailto:security@zoo.example"
box          IN HINFO "PDP-11" "UNIX"
odd          IN TYPE65280 \# 4 deadbeef
empty        IN TYPE65281 \# 0
child        IN NS    ns.child.zoo.example.
ns.child     IN A     192.0.2.99
child        IN DS    12345 13 2 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
ZONE
dnssec-keygen -q -a ECDSAP256SHA256 -f KSK zoo.example >/dev/null
dnssec-keygen -q -a ECDSAP256SHA256 zoo.example >/dev/null
for k in Kzoo.example.*.key; do echo "\$INCLUDE $k" >> zoo.example.db; done
# fixed inception/expiry so that a rerun differs only in keys and signatures
dnssec-signzone -q -s 20240101000000 -e 20340101000000 -o zoo.example -N keep zoo.example.db >/dev/null

# BIND listens only on addresses the interface has; 127.0.0.1/8 alone does not count
if ! ip -4 addr show dev lo | grep -q "inet $ADDR/"; then ip addr add "$ADDR/32" dev lo; ADDED_ADDR=1; fi

cat > named.conf <<CONF
options {
  directory "$WORK";
  pid-file "$WORK/named.pid";
  listen-on port 53 { $ADDR; };
  listen-on-v6 { none; };
  recursion no;
  allow-transfer { any; };
  minimal-responses no;
  dnssec-validation no;
  server-id "zoo-ns1";
};
zone "zoo.example" { type primary; file "$WORK/zoo.example.db.signed"; };
CONF
named -g -c named.conf >named.log 2>&1 &
NAMED_PID=$!
for _ in $(seq 50); do dig +time=1 +tries=1 @$ADDR zoo.example SOA >/dev/null 2>&1 && break; sleep 0.2; done

tcpdump -q -i lo -U -w "$WORK/zoo.pcap" "host $ADDR and port 53" 2>/dev/null &
DUMP_PID=$!
sleep 1
q() { dig +time=2 +tries=1 @$ADDR "$@" >/dev/null 2>&1 || true; }
q www.zoo.example A
q www.zoo.example AAAA
q v6only.zoo.example AAAA +nocookie
q zoo.example MX
q zoo.example TXT
q multi.zoo.example TXT +noedns
q zoo.example SOA +norec
q _sip._tcp.zoo.example SRV
q host.old.zoo.example A
q alias.zoo.example A
q 10.2.0.192.zoo.example PTR
q zoo.example CAA
q box.zoo.example HINFO
q odd.zoo.example TYPE65280
q empty.zoo.example TYPE65281
q nothere.zoo.example A
q nothere.zoo.example A +dnssec
q www.zoo.example A +dnssec
q zoo.example DNSKEY +dnssec
q child.zoo.example DS +dnssec
q child.zoo.example A
q www.zoo.example A -c CLASS7
q www.zoo.example A +subnet=192.0.2.0/24
q www.zoo.example AAAA +subnet=2001:db8::/48
q www.zoo.example A +nsid
q www.zoo.example A +padding=128
q www.zoo.example A +ednsopt=65001:c0ffee
q www.zoo.example A +tcp
q zoo.example NS +cd +adflag
q zoo.example AXFR
sleep 1
kill "$DUMP_PID"; wait "$DUMP_PID" 2>/dev/null || true; DUMP_PID=""
cp "$WORK/zoo.pcap" "$OLDPWD/$OUT"
echo "wrote $OUT"
