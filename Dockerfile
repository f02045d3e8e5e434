# Build: docker compose build (or docker build -t dqualizer-ctk .)
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/dqualizer-ctk-*.jar /app/dqualizer-ctk.jar
EXPOSE 3323 8000
ENTRYPOINT ["java", "-jar", "/app/dqualizer-ctk.jar"]
