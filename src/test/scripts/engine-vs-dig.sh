#!/usr/bin/env bash
# Cold resolution of www.p2p.tu-darmstadt.de: the ResolveFX engine against `dig +trace`, in one run,
# both walking the default sandbox world on 127.0.x.y (LoopbackSandbox, port 5300 by default).
#
# dig +trace looks up the address of every NS name with getaddrinfo, i.e. through /etc/hosts and the
# system resolver, even when the referral has glue. So everything runs in a private network and mount
# namespace (unshare -n -m; needs root): only a fresh loopback interface exists there, /etc/hosts is
# replaced (for this namespace only) by the sandbox's server names, and /etc/resolv.conf points at an
# address where nothing listens. No query can leave the machine or reach the real resolver.
#
# Usage: src/test/scripts/engine-vs-dig.sh [RUNS] [PORT]      (from the project folder)
set -euo pipefail
cd "$(dirname "$0")/../../.."
RUNS="${1:-50}"
PORT="${2:-5300}"

if [ "$(id -u)" != 0 ]; then echo "needs root (unshare -n -m)" >&2; exit 2; fi
for tool in unshare dig java ip mount python3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "missing: $tool" >&2; exit 2; }
done

if [ ! -s target/cp.txt ] || [ ! -d target/test-classes/org/resolvefx/bench ]; then
    mvn -o -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
fi
CP="target/test-classes:target/classes:$(cat target/cp.txt)"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
echo "nameserver 127.0.0.1" > "$WORK/resolv.conf"
# every IPv4 server of the default world by name, as the lab hosts file of capture b
python3 - src/main/resources/org/resolvefx/worlds/default/world.json > "$WORK/hosts" <<'PY'
import json, sys
world = json.load(open(sys.argv[1]))
print("127.0.0.1 localhost")
for s in world["servers"]:
    for a in s["addresses"]:
        if ":" not in a:
            print(a, s["name"].rstrip("."))
PY

unshare -n -m sh -c "
    set -e
    ip link set lo up
    mount --bind '$WORK/resolv.conf' /etc/resolv.conf
    mount --bind '$WORK/hosts' /etc/hosts
    java -cp '$CP' org.resolvefx.bench.EngineVsDig '$PORT' '$RUNS'
"
