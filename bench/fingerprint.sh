#!/usr/bin/env bash
# Fingerprinting cost per report with nothing memoized (JMH, in the domain module's tests): the normalizers with
# their shortcuts and, as the baseline in the same run, scanning with every pattern.
#
#   bench/fingerprint.sh                 1 fork, 3 x 2 s warm-up, 5 x 2 s measurement per benchmark
#   bench/fingerprint.sh -f 3 -i 10      any JMH options
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
mvn -B -ntp -q -pl domain test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$ROOT/domain/target/fingerprint-bench.classpath"
CP="domain/target/test-classes:domain/target/classes:$(cat domain/target/fingerprint-bench.classpath)"
ARGS=("$@")
[ ${#ARGS[@]} -gt 0 ] || ARGS=(-f 1 -wi 3 -w 2s -i 5 -r 2s)
exec java -cp "$CP" org.openjdk.jmh.Main 'io.quarterdeck.domain.errors.fingerprint.FingerprintBenchmark' "${ARGS[@]}"
