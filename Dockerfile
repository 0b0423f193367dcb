# Stowage's own image: the CLI built with Maven, shipped on a JRE as a non-root user.
FROM maven:3.9.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml ./
COPY stowage-dockerfile/pom.xml stowage-dockerfile/
COPY stowage-context/pom.xml stowage-context/
COPY stowage-lint/pom.xml stowage-lint/
COPY stowage-build/pom.xml stowage-build/
COPY stowage-cli/pom.xml stowage-cli/
COPY stowage-bench/pom.xml stowage-bench/
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -pl stowage-cli -am dependency:go-offline
COPY stowage-dockerfile/src stowage-dockerfile/src
COPY stowage-context/src stowage-context/src
COPY stowage-lint/src stowage-lint/src
COPY stowage-build/src stowage-build/src
COPY stowage-cli/src stowage-cli/src
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -pl stowage-cli -am -DskipTests package

FROM eclipse-temurin:21.0.5_11-jre-noble
COPY --from=build /src/stowage-cli/target/stowage.jar /opt/stowage/stowage.jar
USER 65532:65532
WORKDIR /work
ENTRYPOINT ["java", "-XX:TieredStopAtLevel=1", "-jar", "/opt/stowage/stowage.jar"]
CMD ["--help"]
