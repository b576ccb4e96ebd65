#!/usr/bin/env bash
# Regenerates the golden files of the dissector tests from the captures in
# src/test/resources/golden/: for every X.pcap, X.json (tshark -T json -x, the DNS layer) and
# X.pdml (tshark -T pdml, for the display lines). The crafted messages are rebuilt first.
# The reference captures from shared/captures are copied in when they are present.
# Needs tshark 4.0 (Debian 12), text2pcap and python3. Run from the repository root.
set -euo pipefail
DIR=src/test/resources/golden
SHARED=${SHARED_CAPTURES:-/work/shared/captures}
export TZ=UTC   # tshark prints RRSIG times in local time; the dissector prints UTC
if [ -d "$SHARED" ]; then
  for f in "$SHARED"/*.pcap; do cp "$f" "$DIR/"; chmod 644 "$DIR/$(basename "$f")"; done
fi
python3 src/test/scripts/craft-messages.py > "$DIR/crafted.txt"
text2pcap -q -F pcap -t "%Y-%m-%d %H:%M:%S." -e 0x800 -4 127.0.0.1,127.0.0.2 -u 40000,53 "$DIR/crafted.txt" "$DIR/crafted.pcap"
for p in "$DIR"/*.pcap; do
  base=${p%.pcap}
  tshark -r "$p" -T json -x -J dns 2>/dev/null > "$base.json"
  # drop the run's own time from the PDML header so reruns give identical files
  tshark -r "$p" -T pdml -J dns 2>/dev/null | sed -E '1,5s/ time="[^"]*"//' > "$base.pdml"
  echo "$(basename "$p"): $(grep -c '"dns.id_raw"' "$base.json") DNS messages"
done
