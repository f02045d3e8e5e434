#!/usr/bin/env bash
# Benchmark harness (docs/benchmarks.md). It reports figures; it asserts nothing.
#   CTK_BENCH_DB_URL=jdbc:mysql://127.0.0.1:3306/ctk_bench scripts/benchmark.sh [scenario]
# scenario: submit | parallel-sleeps | wait-held | engine-overhead | idle | all (default) | process-check | recovery | submit-external | wait-external | idle-together | fleet
#   submit           fire-and-forget submissions/s and latency, submit-to-start, trivial wait-mode round trip
#   parallel-sleeps  8 experiments of 'sleep 2' submitted at once, until all have ended
#   wait-held        1,000 wait-mode requests held open: heap after GC and thread count before/while
#   engine-overhead  101 'true' actions against 1, less the cost of starting 'true'
#   idle             the service as its own process on the embedded default: start-up to UP, idle VmRSS
#                    (JVM flags for that process: BENCH_SERVICE_JVM_OPTS; BENCH_SERVICE_LAUNCH=classpath (default,
#                    like mvn spring-boot:run) | production (scripts/run-production.sh, built by
#                    scripts/build-production.sh if target/production is missing) | jar (the production jar, no
#                    archive); BENCH_SERVICE_JAVA_HOME: the service's JDK)
#   process-check    cost of one host process check
#   recovery         error and CPU of get_duration_until_process_started against a real 1 s downtime
#   python-activity  cost of a trivial python activity through the Python worker, and the worker start-up; with
#                    BENCH_CHAOSLIB_GIT=<chaostoolkit-lib git dir> also chaoslib's run_experiment on the same actions
#   fleet            1, 2 and 3 instances (own JVMs, own ctk.instance.host) on MySQL: submit->start on the accepting
#                    and on other hosts (?host=), and 24 two-second runs submitted at once to one instance
#   submit-external  the service as its own process on MySQL (launched as for idle), fire-and-forget submissions at
#                    a fixed rate from wrk (apt-get install wrk; scripts/bench/paced-submit.lua), without and with
#                    workers; empties the runs and jobs tables of the bench database first
#   wait-external    the service as its own process on MySQL (launched as for idle, default settings): idle CPU, then
#                    sequential wait-mode round trips of "method": [] and of one 'true' action, with the stages of each
#                    from the stored timestamps, then per trivial process activity (101 against 1 'true' actions);
#                    -Dbench.homes=dirA,dirB compares production builds interleaved;
#                    empties the runs and jobs tables of the bench database first
#   idle-together    the builds of -Dbench.homes=dirA,dirB (as for wait-external) started at once in the production
#                    launch form, each on its own database (CTK_BENCH_DB_URL + _1, _2, ...; created if missing), idle:
#                    their CPU and wake-ups over the same windows (-Dbench.windows=4 of -Dbench.idleSeconds=120 after
#                    -Dbench.settleSeconds=60), so a change in the machine's speed hits every build alike
#   issue18          every figure of issue 18 in one command, one after the other (production launch form unless
#                    BENCH_SERVICE_LAUNCH says otherwise): wait-external (idle CPU and wake-ups over 90 s after a 60 s
#                    settle, 300 round trips of each kind), recovery (10 rounds), engine-overhead, idle (start-up to
#                    ready and idle RSS, 3 rounds); then a summary of the figure lines. Needs CTK_BENCH_DB_URL. With
#                    BENCH_CHAOSLIB_GIT also chaoslib's per trivial process activity, right after wait-external's.
# The database must exist and accept aDBUser/aDBPw (or CTK_TEST_MYSQL_USERNAME/PASSWORD); idle needs none.
set -euo pipefail
cd "$(dirname "$0")/.."
scenario="${1:-all}"
if [ "$scenario" = issue18 ] || [ "$scenario" = idle-together ]; then export BENCH_SERVICE_LAUNCH="${BENCH_SERVICE_LAUNCH:-production}"; fi
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime
jar="${CTK_HOME:-target/production}/dqualizer-ctk.jar"
stale=""
# issue18 measures the code as it is: the production build is rebuilt when a source or the pom is newer than it
if [ "$scenario" = issue18 ] && [ -z "${CTK_HOME:-}" ] && [ -f "$jar" ] && [ -n "$(find src/main pom.xml -newer "$jar" -print -quit)" ]; then
  stale=yes
fi
if [ "${BENCH_SERVICE_LAUNCH:-classpath}" != classpath ] && { [ ! -f "$jar" ] || [ -n "$stale" ]; }; then
  JAVA_HOME="${BENCH_SERVICE_JAVA_HOME:-${JAVA_HOME:-}}" scripts/build-production.sh
fi
main=io.github.dqualizer.ctk.bench.Benchmark
if [ "$scenario" = "process-check" ]; then main=io.github.dqualizer.ctk.providers.host.ProcessCheckBenchmark; fi
if [ "$scenario" = "recovery" ]; then main=io.github.dqualizer.ctk.providers.host.RecoveryMeasurementBenchmark; fi
if [ "$scenario" = "fleet" ]; then main=io.github.dqualizer.ctk.bench.FleetBenchmark; fi
if [ "$scenario" = "python-activity" ]; then main=io.github.dqualizer.ctk.pythonruntime.PythonActivityBenchmark; fi
# chaoslib's source, for the reference figures: from a chaostoolkit-lib git directory or checkout (not part of the
# project), e.g. BENCH_CHAOSLIB_GIT=/path/to/chaostoolkit-lib/.git
chaoslib() {
  local src
  src="$(mktemp -d)"
  git --git-dir="$BENCH_CHAOSLIB_GIT" archive HEAD chaoslib | tar -x -C "$src"
  echo "# chaoslib $(git --git-dir="$BENCH_CHAOSLIB_GIT" describe --tags --always HEAD 2>/dev/null); $(uptime)"
  PYTHONPATH="$src:src/test/resources/python" "${CTK_PYTHON_EXECUTABLE:-python3}" scripts/bench/chaoslib_activity.py "$1"
  rm -rf "$src"
}
if [ "$scenario" = issue18 ]; then
  # each part in its own JVM, as when run alone; the figure lines again at the end
  out="target/benchmark-issue18-$(date -u +%Y%m%dT%H%M%SZ).txt"
  cp=(-cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)")
  {
    echo "# issue18 $(date -u +%Y-%m-%dT%H:%M:%SZ) $(uname -srm), $(nproc) cores, $(java -version 2>&1 | head -1); launch $BENCH_SERVICE_LAUNCH; $(uptime)"
    java -Xmx1g -Dbench.settleSeconds=60 -Dbench.idleSeconds=90 -Dbench.roundTrips=300 -Dbench.rounds=1 ${BENCH_JAVA_OPTS:-} \
      "${cp[@]}" io.github.dqualizer.ctk.bench.Benchmark wait-external || echo "# wait-external failed: exit $?"
    # side by side with wait-external's per trivial process activity: chaoslib's own, on the same host and minute
    if [ -n "${BENCH_CHAOSLIB_GIT:-}" ]; then chaoslib process || echo "# chaoslib failed: exit $?"; fi
    echo "# recovery: $(uptime)"
    java -Xmx1g -Dbench.rounds=10 ${BENCH_JAVA_OPTS:-} "${cp[@]}" io.github.dqualizer.ctk.providers.host.RecoveryMeasurementBenchmark recovery || echo "# recovery failed: exit $?"
    echo "# engine-overhead: $(uptime)"
    java -Xmx1g ${BENCH_JAVA_OPTS:-} "${cp[@]}" io.github.dqualizer.ctk.bench.Benchmark engine-overhead || echo "# engine-overhead failed: exit $?"
    echo "# idle (start-up and RSS): $(uptime)"
    java -Xmx1g -Dbench.idleRounds=3 ${BENCH_JAVA_OPTS:-} "${cp[@]}" io.github.dqualizer.ctk.bench.Benchmark idle || echo "# idle failed: exit $?"
  } 2>&1 | tee "$out"
  echo
  echo "# issue 18 summary ($out)"
  grep -E '^# issue18|idle [0-9]+ s: service|idle wake-ups|wait-mode round trip,|per trivial process activity|recovery measurement,|engine overhead:|idle service \(round|CPU over the' "$out"
  exit 0
fi
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(uname -srm), $(nproc) cores, $(java -version 2>&1 | head -1); $(uptime)"
if [ "$scenario" = "python-activity" ] && [ -n "${BENCH_CHAOSLIB_GIT:-}" ]; then
  # the reference: chaoslib's run_experiment in one interpreter
  java -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" "$main" "$scenario"
  chaoslib python
  exit 0
fi
exec java -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" "$main" "$scenario"
