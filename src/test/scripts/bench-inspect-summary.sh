#!/usr/bin/env bash
# Benchmark: `inspect --summary` on a capture of 400,000 DNS messages against
# `tshark -r FILE -Y dns -T fields -e dns.id` on the same file, in the same run.
#
# Makes the capture itself: the default sandbox world served on loopback (port 53 on 127.0.x
# addresses, so tshark decodes it as DNS without hints), dnsperf sending 200,000 queries, tcpdump
# recording queries and answers. Needs root, dnsperf, tcpdump, tshark, hyperfine and a built jar
# (mvn -DskipTests package). Everything listens on and talks to 127.0.0.0/8 only.
#
# usage: src/test/scripts/bench-inspect-summary.sh [WORKDIR]
set -euo pipefail
cd "$(dirname "$0")/../../.."
jar=target/resolvefx.jar
work=${1:-target/bench-summary}
mkdir -p "$work"
pcap="$work/dns-400k.pcap"

if [ ! -s "$pcap" ]; then
    java -jar "$jar" serve --port 53 > "$work/serve.log" 2>&1 &
    serve=$!
    trap 'kill $serve 2>/dev/null || true' EXIT
    for _ in $(seq 50); do grep -q "127.0.3.1" "$work/serve.log" 2>/dev/null && break; sleep 0.2; done
    # a mix of the lecture's names: answers, referrals-free AA answers from the tu-darmstadt server
    printf '%s\n' "www.tu-darmstadt.de A" "www.p2p.tu-darmstadt.de A" "tu-darmstadt.de MX" \
        "tu-darmstadt.de NS" "nosuchhost.tu-darmstadt.de A" "www.tu-darmstadt.de AAAA" > "$work/queries.txt"
    # record more than needed, with a big kernel buffer and a paced sender so tcpdump drops nothing,
    # then cut the file to exactly 400,000 messages
    tcpdump -i lo -U -B 262144 -w "$work/raw.pcap" 'udp and host 127.0.3.1 and port 53' > "$work/tcpdump.log" 2>&1 &
    dump=$!
    sleep 1
    dnsperf -s 127.0.3.1 -p 53 -d "$work/queries.txt" -n 36000 -c 4 -q 200 -Q 25000 > "$work/dnsperf.log" 2>&1 || true
    sleep 1
    kill -INT $dump 2>/dev/null || true
    wait $dump || true
    editcap -r "$work/raw.pcap" "$pcap" 1-400000
    rm -f "$work/raw.pcap"
    kill $serve 2>/dev/null || true
    trap - EXIT
fi
echo "capture: $pcap ($(stat -c %s "$pcap") bytes)"
echo "messages: $(java -Xmx512m -jar "$jar" inspect --summary "$pcap" | wc -l) (tshark: $(tshark -r "$pcap" -Y dns 2>/dev/null | wc -l))"
echo "load: $(cut -d" " -f1-3 /proc/loadavg), cores: $(nproc)"

hyperfine --warmup 1 --runs 5 --export-json "$work/hyperfine.json" \
    "java -Xmx512m -jar $jar inspect --summary $pcap > /dev/null" \
    "tshark -r $pcap -Y dns -T fields -e dns.id > /dev/null"

# peak memory of one run of each (kilobytes)
/usr/bin/time -f "resolvefx max RSS %M kB, %e s" java -Xmx512m -jar "$jar" inspect --summary "$pcap" > /dev/null
/usr/bin/time -f "tshark    max RSS %M kB, %e s" tshark -r "$pcap" -Y dns -T fields -e dns.id > /dev/null
