#!/usr/bin/env bash
# Production launch form of the service (docs/operations.md, "Production launch form"); the Dockerfile's
# ENTRYPOINT. Starts the application built by scripts/build-production.sh with its class-data archive
# and the JVM flags measured in docs/benchmarks.md:
#   scripts/run-production.sh [application arguments, e.g. --server.port=3324]
# CTK_HOME      the built application (default: target/production next to this script's repository)
# JAVA_HOME     the JDK or JRE to run (default: java on PATH); it must be the one the archive was built with,
#               otherwise the archive is left out (with a warning) and the service starts without it
# JAVA_OPTS     extra JVM options, after the defaults below (a later flag wins, e.g. -Xmx1g); on JDK 17 with
#               JFR or a Java agent in them the archive is left out (see below). Do not start JFR with jcmd on a
#               JDK 17 service started with its archive.
# The service keeps its data (H2 file, generated keys) under ./data of the working directory, as before.
set -euo pipefail
home="${CTK_HOME:-$(cd "$(dirname "$0")/.." && pwd)/target/production}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [ ! -f "$home/dqualizer-ctk.jar" ]; then
  echo "run-production: no $home/dqualizer-ctk.jar; build it with scripts/build-production.sh" >&2
  exit 1
fi
# Idle resident memory (docs/benchmarks.md): serial GC, a small initial heap and two malloc arenas keep the
# idle service under 300 MB instead of ~400-450 MB with the JVM defaults on a 24 GB host.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# C1 only (docs/benchmarks.md, "JIT on two cores"): on a 2-core host C2's compile backlog took 1-5 minutes of
# load at up to a core before the service reached its steady speed, and half the CPU of every start; C1 alone
# starts in ~3.5 s and is at its steady speed within 20 s. JAVA_OPTS=-XX:TieredStopAtLevel=4 restores C2 for
# hosts with cores to spare. C1 alone gets a 48 MB code cache, and each 15 % of it filled triggers a full GC to
# unload code (150 ms pauses while warming up): the tiered size is reserved instead (address space, not memory).
# -XX:-UsePerfData: the JVM's performance-data sampler (hsperfdata, for jps/jstat) wakes every 50 ms even when the
# service is idle (docs/operations.md, "Periodic tasks"); jcmd <pid> still works (attach by pid).
# -XX:CompileThresholdScaling=0.5: C1 compiles a method after half the usual calls (100 instead of 200). A request's
# path runs once per request, so with the default a lightly used service (a few experiments an hour) stays partly
# interpreted for hours: after 1,300 wait-mode round trips 17 % of the service's CPU was still in the interpreter.
# Side by side this took the wait-mode round trip from 6.9-10.1 to 4.9-8.0 ms and its CPU by a quarter, at the same
# start-up time and resident memory (docs/benchmarks.md, "Issue 18: the JIT's warm-up").
# -XX:NewRatio=5: the young generation a sixth of the heap instead of a third. Eden is touched all over between two
# collections, so at idle it is resident: 17 MB with the default, 9 MB with this; it still grows with the heap under
# load. Idle VmRSS 245-253 -> 236-243 MB, the same start-up, wait-mode and 500/s figures (docs/benchmarks.md).
# -XX:AsyncDeflationInterval=10000 -XX:GuaranteedSafepointInterval=10000 (diagnostic flags): the monitor deflation
# thread (every 250 ms by default) and the VM thread (every second) wake only to check whether there is work, and each
# wake-up cost 0.2-0.7 ms of CPU on a virtualised 2-core host. Every 10 s is enough: monitors are still deflated at
# least once a minute (GuaranteedAsyncDeflationInterval, unchanged), and a cleanup safepoint that is needed sooner
# comes with any GC or other safepoint (docs/benchmarks.md, "Issue 18: fewer wake-ups").
flags=(-XX:+UseSerialGC -Xms64m -Xmx512m -XX:NewRatio=5 -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.5 -XX:ReservedCodeCacheSize=240m -XX:-UsePerfData -XX:+UnlockDiagnosticVMOptions -XX:AsyncDeflationInterval=10000 -XX:GuaranteedSafepointInterval=10000)
# The archive only fits the JDK that wrote it (same build): build-production.sh records that JDK's release
# file; reading it here costs no extra JVM start.
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v "$java")")")")}"
archive=""
if [ -f "$home/dqualizer-ctk.aot" ]; then
  archive="-XX:AOTCache=$home/dqualizer-ctk.aot"      # JDK 25+: classes loaded and linked, method profiles (JEP 483/515)
elif [ -f "$home/dqualizer-ctk.jsa" ]; then
  archive="-XX:SharedArchiveFile=$home/dqualizer-ctk.jsa"  # JDK 17: dynamic class-data sharing archive
fi
if [ -n "$archive" ]; then
  if ! cmp -s "$home/jdk-release" "$java_home/release"; then
    echo "run-production: $java_home is not the JDK that built the archive in $home; starting without it" >&2
  elif [[ "$archive" == *.jsa && " ${JAVA_OPTS:-} " =~ (StartFlightRecording|-javaagent|-agentlib|-agentpath) ]]; then
    # JDK 17.0.15 crashed (SIGSEGV in KlassFactory::check_shared_class_file_load_hook) loading classes from the
    # dynamic archive while JFR was recording (docs/benchmarks.md); agents use the same class-file load hook
    echo "run-production: JFR or an agent in JAVA_OPTS: starting without the JDK 17 class-data archive" >&2
  else
    flags+=("$archive")
  fi
fi
# Process launch: the service's main chooses VFORK on Linux up to JDK 25 (ProcessLaunch, docs/benchmarks.md,
# "Process start"); JAVA_OPTS=-Djdk.lang.Process.launchMechanism=POSIX_SPAWN keeps the JDK's default instead.
# On JDK 22+ process activities start with posix_spawn through the foreign-function API instead (ProcessStarter);
# the jar's manifest has Enable-Native-Access: ALL-UNNAMED for it, and -Dctk.engine.process-start=jdk turns it off.
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec "$java" "${flags[@]}" ${JAVA_OPTS:-} -jar "$home/dqualizer-ctk.jar" "$@"
