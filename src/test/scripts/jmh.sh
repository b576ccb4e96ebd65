#!/usr/bin/env bash
# Runs JMH benchmarks from src/test/java/org/resolvefx/bench.
# usage: src/test/scripts/jmh.sh REGEX [JMH OPTIONS...]
#   e.g. src/test/scripts/jmh.sh DissectBenchmark -f 1 -wi 10 -i 5
# The class path goes through a file: `mvn -q ... -Dmdep.outputFile=/dev/stdout` appends a colour
# reset to the last entry on some terminals.
set -euo pipefail
cd "$(dirname "$0")/../../.."
mvn -o -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/bench.cp)" org.openjdk.jmh.Main "$@"
