# Build: docker compose build (or docker build -t dqualizer-ctk .)
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
# the API description the jar serves at GET /openapi.yaml (docs/adr/0004-static-openapi-document.md)
COPY docs/openapi.yaml docs/openapi.yaml
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/dqualizer-ctk-*.jar /app/dqualizer-ctk.jar
EXPOSE 3323 8000
# Idle resident memory (docs/benchmarks.md): serial GC, a small initial heap and two malloc arenas keep
# the idle service near 300 MB instead of ~400-450 MB with the JVM defaults on a 24 GB host.
ENV MALLOC_ARENA_MAX=2
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-Xms64m", "-Xmx512m", "-jar", "/app/dqualizer-ctk.jar"]
