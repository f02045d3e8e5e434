# Build: docker compose build (or docker build -t dqualizer-ctk .)
# Maven on JDK 25: the code stays release 17, and the native process start (src/main/java22, release 22) is compiled
# into the jar only by a JDK 22+ compiler (pom.xml, profile native-start-in-process; docs/operations.md)
FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q -Pproduction dependency:go-offline
COPY src src
# the API description the jar serves at GET /openapi.yaml (docs/adr/0004-static-openapi-document.md)
COPY docs/openapi.yaml docs/openapi.yaml
# the production jars in target/production-jars: the application's, JobRunr's, and the other dependencies merged into
# one (docs/operations.md, "Production launch form")
RUN mvn -B -q -Pproduction package -DskipTests

# Runtime: the production launch form (docs/operations.md). JDK 25 runs the Java 17 jar with an AOT cache
# (JEP 483/514/515), which cuts the start-up CPU to health UP from ~19 s to ~8 s (docs/benchmarks.md, "Start-up").
# The cache only fits the JVM that wrote it, so the training run happens here, on this image's own JRE:
# scripts/build-production.sh copies the jars into /app and starts them once on the embedded default in a
# throw-away directory until /actuator/health is UP; no data of that run stays in the image.
FROM eclipse-temurin:25-jre
WORKDIR /app
ENV CTK_HOME=/app
COPY scripts/build-production.sh scripts/run-production.sh /app/scripts/
COPY --from=build /src/target/production-jars/ /tmp/jars/
RUN /app/scripts/build-production.sh --jars /tmp/jars --dest /app && rm -rf /tmp/jars
EXPOSE 3323 8000 8001
# run-production.sh: exec java -XX:+UseSerialGC -Xms64m -Xmx512m -XX:NewRatio=5 -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.5 -XX:ReservedCodeCacheSize=240m -XX:-UsePerfData -XX:+UnlockDiagnosticVMOptions -XX:AsyncDeflationInterval=10000 -XX:GuaranteedSafepointInterval=10000 -XX:AOTCache=/app/dqualizer-ctk.aot $JAVA_OPTS
# -jar /app/dqualizer-ctk.jar (its manifest adds dqualizer-ctk-libs.jar and jobrunr.jar) with MALLOC_ARENA_MAX=2 (idle resident memory, docs/benchmarks.md); java is PID 1.
# Extra JVM options: JAVA_OPTS. Data (H2 file, generated keys) stays under /app/data as before.
ENTRYPOINT ["/app/scripts/run-production.sh"]
