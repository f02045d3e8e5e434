#!/usr/bin/env bash
# Runs the benchmark harness (docs/benchmarks.md) against a MySQL-compatible database:
#   CTK_BENCH_DB_URL=jdbc:mysql://127.0.0.1:3306/ctk_bench scripts/benchmark.sh
# The database must exist and accept aDBUser/aDBPw (or CTK_TEST_MYSQL_USERNAME/PASSWORD).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.github.dqualizer.ctk.bench.Benchmark
