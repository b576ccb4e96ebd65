#!/usr/bin/env bash
# Frame times during playback (1,000 messages, ~2,000-name tree) in a real window under Xvfb,
# software rendering. Needs xvfb-run (Debian: xvfb xauth libgtk-3-0).
# usage: src/test/scripts/bench-frames.sh [SECONDS] [ALL|LECTURE] [heartbeat|noheartbeat]
#   layout: the views shown (default ALL); heartbeat (default): a 2-px square repaints on every pulse, so
#   that every pulse renders and a gap between frames is one pulse's cost, not time standing still
set -euo pipefail
cd "$(dirname "$0")/../../.."
mvn -o -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
xvfb-run -a -s "-screen 0 1920x1080x24" java -Dprism.order=sw -Djavafx.animation.fullspeed=true \
    -cp "target/test-classes:target/classes:$(cat target/bench.cp)" org.resolvefx.bench.PlaybackFrameTimes "${1:-30}" "${2:-ALL}" "${3:-heartbeat}"
