#!/usr/bin/env bash
# Start-up time: from `java -jar target/resolvefx.jar` (JVM start) to the first frame rendered after the
# main window is shown, under Xvfb with software rendering, RUNS times (default 5); prints each run and the
# median. Uses the probe -Dresolvefx.startupProbe=exit (org.resolvefx.ui.app.StartupProbe), which prints
# the time and quits. Builds the jar first when it is missing. Needs xvfb-run (Debian: xvfb xauth libgtk-3-0).
# usage: src/test/scripts/bench-startup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../../.."
if [ ! -f target/resolvefx.jar ]; then
    mvn -o -q -B package -DskipTests
fi
runs=${1:-5}
times=()
for i in $(seq 1 "$runs"); do
    line=$(timeout 120 xvfb-run -a -s "-screen 0 1920x1080x24" java -Dprism.order=sw \
        -Dresolvefx.startupProbe=exit -jar target/resolvefx.jar 2>/dev/null | grep '^startup:' || true)
    echo "run $i: ${line:-no frame reported} (load $(cut -d' ' -f1-3 /proc/loadavg))"
    ms=$(echo "$line" | sed -n 's/.*first frame \([0-9]*\) ms.*/\1/p')
    [ -n "$ms" ] && times+=("$ms")
done
if [ ${#times[@]} -gt 0 ]; then
    median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
    echo "startup: median ${median} ms over ${#times[@]} runs"
fi
