#!/usr/bin/env bash
# Benchmark harness (docs/benchmarks.md).
#   CTK_BENCH_DB_URL=jdbc:mysql://127.0.0.1:3306/ctk_bench scripts/benchmark.sh          # API figures against MySQL
#   scripts/benchmark.sh process-check                                                   # cost of one process check
# The database must exist and accept aDBUser/aDBPw (or CTK_TEST_MYSQL_USERNAME/PASSWORD).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
main=io.github.dqualizer.ctk.bench.Benchmark
if [ "${1:-}" = "process-check" ]; then main=io.github.dqualizer.ctk.providers.host.ProcessCheckBenchmark; fi
exec java -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" "$main"
