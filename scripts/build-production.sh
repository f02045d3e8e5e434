#!/usr/bin/env bash
# Builds the production launch form (docs/operations.md, "Production launch form"), the same steps as the
# Dockerfile's runtime stage:
#   1. the production jars (mvn -Pproduction package into target/production-jars, unless --jars names such a
#      directory) copied into DEST (default target/production): the application's dqualizer-ctk.jar, whose manifest
#      names the others, JobRunr's jobrunr.jar and every other runtime dependency merged into dqualizer-ctk-libs.jar.
#      Class-data sharing cannot archive classes read from the nested jars of a Spring Boot jar, and a class path of
#      132 jars keeps 132 descriptors open that every child process closes one by one (docs/benchmarks.md,
#      "Issue 18: three jars instead of 132"),
#   2. one training run of scripts/run-production.sh in a throw-away directory on the embedded default,
#      which writes the class-data archive: on JDK 25+ an AOT cache (-XX:AOTCacheOutput, JEP 483/514/515:
#      classes loaded and linked, method profiles), on older JDKs a dynamic CDS archive (-XX:ArchiveClassesAtExit).
#      --training=ready (default) runs until /actuator/health is UP, asks it a few times and stops with SIGTERM;
#      --training=refresh stops once the Spring context is refreshed (-Dspring.context.exit=onRefresh).
#   3. the JDK's release file next to it: run-production.sh uses the archive only with that JDK.
# Run it with the JDK the service will run on (JAVA_HOME or java on PATH):
#   scripts/build-production.sh [--jars target/production-jars] [--dest DIR] [--training=ready|refresh]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
jars=""
dest="$repo/target/production"
training=ready
while [ $# -gt 0 ]; do
  case "$1" in
    --jars) jars="$2"; shift 2 ;;
    --dest) dest="$2"; shift 2 ;;
    --training=*) training="${1#--training=}"; shift ;;
    *) echo "build-production: unknown argument $1" >&2; exit 2 ;;
  esac
done
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v "$java")")")")}"

if [ -z "$jars" ]; then
  (cd "$repo" && mvn -B -q -Pproduction package -DskipTests)
  jars="$repo/target/production-jars"
fi
for name in dqualizer-ctk.jar dqualizer-ctk-libs.jar jobrunr.jar; do
  [ -f "$jars/$name" ] || { echo "build-production: no $jars/$name; build the jars with mvn -Pproduction package" >&2; exit 2; }
done
mkdir -p "$dest"
dest="$(cd "$dest" && pwd)"
rm -rf "${dest:?}/lib" "$dest"/*.jar "$dest"/dqualizer-ctk.aot* "$dest/dqualizer-ctk.jsa" "$dest/jdk-release"
cp "$jars/dqualizer-ctk.jar" "$jars/dqualizer-ctk-libs.jar" "$jars/jobrunr.jar" "$dest/"

[ -f "$java_home/release" ] || { echo "build-production: no $java_home/release; set JAVA_HOME to the JDK or JRE" >&2; exit 1; }
major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$java_home/release")"
if [ "${major:-0}" -ge 25 ]; then
  dump="-XX:AOTCacheOutput=$dest/dqualizer-ctk.aot"
else
  dump="-XX:ArchiveClassesAtExit=$dest/dqualizer-ctk.jsa"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
port=$((20000 + RANDOM % 20000))
args=(--server.port=$port --ctk.dashboard.port=$((port + 1)))
echo "build-production: training run on JDK $major ($training) in $work"
case "$training" in
  refresh)
    (cd "$work" && CTK_HOME="$dest" JAVA_OPTS="${JAVA_OPTS:-} $dump -Dspring.context.exit=onRefresh" \
      "$repo/scripts/run-production.sh" "${args[@]}" >"$work/training.log" 2>&1) \
      || { tail -50 "$work/training.log" >&2; exit 1; }
    ;;
  ready)
    (cd "$work" && CTK_HOME="$dest" JAVA_OPTS="${JAVA_OPTS:-} $dump" \
      exec "$repo/scripts/run-production.sh" "${args[@]}" >"$work/training.log" 2>&1) &
    pid=$!
    health() { # GET /actuator/health without curl (not in every image): bash's /dev/tcp
      { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
      printf 'GET /actuator/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
      local answer; answer="$(cat <&3)"; exec 3<&-
      [[ "$answer" == *'"UP"'* ]]
    }
    for _ in $(seq 1 600); do
      health && break
      kill -0 "$pid" 2>/dev/null || { tail -50 "$work/training.log" >&2; exit 1; }
      sleep 0.5
    done
    health || { echo "build-production: the training run did not become ready" >&2; kill "$pid"; tail -50 "$work/training.log" >&2; exit 1; }
    for _ in 1 2 3 4 5; do health || true; done
    kill -TERM "$pid"
    wait "$pid" || true   # 143 after SIGTERM; the archive is written while the JVM exits
    ;;
  *) echo "build-production: --training=ready or --training=refresh" >&2; exit 2 ;;
esac
if [ ! -s "$dest/dqualizer-ctk.aot" ] && [ ! -s "$dest/dqualizer-ctk.jsa" ]; then
  echo "build-production: the training run wrote no archive" >&2; tail -50 "$work/training.log" >&2; exit 1
fi
cp "$java_home/release" "$dest/jdk-release"
echo "build-production: $(du -sh "$dest" | cut -f1) in $dest; start it with scripts/run-production.sh"
