#!/usr/bin/env bash
# Runs the benchmarks: bench/run.sh [intake|replay|freshness|ranking|gateway|console|all]; figures go to bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q install -DskipTests
exec java -Xmx4g -Dbench.repo="$PWD" ${BENCH_OPTS:-} -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" io.minxin.bench.Bench "$@"
