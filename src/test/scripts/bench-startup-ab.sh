#!/usr/bin/env bash
# Start-up time of two (or more) jars, alternating run by run so that both see the same machine: the
# time from JVM start to the first frame painted after the main window is shown (the probe
# -Dresolvefx.startupProbe=exit, org.resolvefx.ui.app.StartupProbe), under Xvfb with software
# rendering. Prints every run and the median per jar. Needs xvfb-run (Debian: xvfb xauth libgtk-3-0).
# usage: src/test/scripts/bench-startup-ab.sh ROUNDS JAR1 JAR2 [JAR...]
#   e.g. build the jar at two commits, copy each to /tmp/before.jar and /tmp/after.jar, then
#        src/test/scripts/bench-startup-ab.sh 7 /tmp/before.jar /tmp/after.jar
set -euo pipefail
if [ $# -lt 3 ]; then
    echo "usage: $0 ROUNDS JAR1 JAR2 [JAR...]" >&2
    exit 2
fi
rounds=$1
shift
declare -A runs
for i in $(seq 1 "$rounds"); do
    for jar in "$@"; do
        ms=$(timeout 120 xvfb-run -a -s "-screen 0 1920x1080x24" java -Dprism.order=sw \
            -Dresolvefx.startupProbe=exit -jar "$jar" 2>/dev/null \
            | sed -n 's/.*first frame \([0-9]*\) ms.*/\1/p' || true)
        runs[$jar]="${runs[$jar]:-} ${ms:-none}"
    done
done
for jar in "$@"; do
    median=$(echo ${runs[$jar]} | tr ' ' '\n' | grep -v none | sort -n \
        | awk '{a[NR]=$1} END {if (NR == 0) print "none"; else print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
    echo "$jar: median $median ms; runs:${runs[$jar]}"
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
