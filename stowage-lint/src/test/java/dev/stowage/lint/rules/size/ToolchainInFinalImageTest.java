package dev.stowage.lint.rules.size;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.dockerfile.ImageReference;
import dev.stowage.lint.RuleTester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolchainInFinalImageTest {
  private final RuleTester tester = RuleTester.of(ToolchainInFinalImage.class);

  @Test
  void catchesSingleStageGoBuild() {
    var f =
        tester.catches(
            "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]\n");
    assertThat(f.get(0).line()).isEqualTo(1);
    assertThat(f.get(0).message()).contains("golang:1.22").contains("distroless");
  }

  @Test
  void catchesMavenAndJdkBases() {
    tester.catches("FROM maven:3.9-eclipse-temurin-21\nCOPY . .\nRUN mvn -B package\nCMD java -jar target/app.jar\n");
    tester.catches("FROM eclipse-temurin:21-jdk\nCOPY . .\nRUN ./gradlew bootJar\n");
  }

  @Test
  void catchesToolchainPackagesKeptAfterCompiling() {
    tester.catchesAt(
        """
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get install -y --no-install-recommends build-essential \\
            && rm -rf /var/lib/apt/lists/*
        COPY . /src
        RUN make -C /src && make -C /src install
        """,
        2);
  }

  @Test
  void catchesThroughAStageChain() {
    tester.catches("FROM rust:1.79 AS base\nFROM base\nCOPY . .\nRUN cargo build --release\n");
  }

  @Test
  void acceptsMultiStageBuilds() {
    tester.accepts(
        """
        FROM golang:1.22 AS build
        COPY . .
        RUN go build -o /app .
        FROM gcr.io/distroless/static-debian12
        COPY --from=build /app /app
        """);
  }

  @Test
  void acceptsToolchainRemovedInTheSameRun() {
    tester.accepts(
        """
        FROM alpine:3.20
        COPY . /src
        RUN apk add --no-cache --virtual .build-deps gcc make musl-dev \\
            && make -C /src install && apk del .build-deps
        """);
    tester.accepts(
        """
        FROM debian:bookworm-slim
        RUN savedAptMark="$(apt-mark showmanual)"; apt-get update; apt-get install -y gcc make; \\
            make install; apt-mark auto '.*' > /dev/null; apt-mark manual $savedAptMark; \\
            apt-get purge -y --auto-remove
        """);
  }

  @Test
  void acceptsToolchainImagesThatCompileNothing() {
    tester.accepts("FROM golang:1.22\nRUN go version\n");
    tester.accepts("FROM debian:bookworm\nRUN apt-get install -y gcc\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM node:22 AS web
        RUN npm ci && npm run build
        # expect: ST2001
        FROM golang:1.22
        COPY --from=web /web/dist ./dist
        RUN go build -o /srv .
        """);
  }

  @TempDir Path context;

  @Test
  void fixSplitsAStaticGoBuildIntoABuilderAndAScratchRuntime() {
    RuleTester tester = this.tester.withContext(context);
    tester.fixes(
        """
        FROM golang:1.22
        ENV APP_MODE=prod
        WORKDIR /src
        COPY . .
        RUN CGO_ENABLED=0 go build -trimpath -o /usr/local/bin/api ./cmd/api
        EXPOSE 8080
        USER 65532:65532
        ENTRYPOINT ["/usr/local/bin/api"]
        CMD ["--port", "8080"]
        """,
        """
        FROM golang:1.22 AS build
        ENV APP_MODE=prod
        WORKDIR /src
        COPY . .
        RUN CGO_ENABLED=0 go build -trimpath -o /usr/local/bin/api ./cmd/api

        FROM scratch
        ENV APP_MODE=prod
        WORKDIR /src
        COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
        COPY --from=build /usr/local/bin/api /usr/local/bin/api
        EXPOSE 8080
        USER 65532:65532
        ENTRYPOINT ["/usr/local/bin/api"]
        CMD ["--port", "8080"]
        """);
  }

  @Test
  void fixKeepsAStageNameAndLowerCaseAndARelativeBinary() {
    RuleTester tester = this.tester.withContext(context);
    tester.fixes(
        "from golang:1.22-alpine as compile\nenv CGO_ENABLED=0\nworkdir /app\ncopy . .\nrun go build -o app .\ncmd [\"./app\"]\n",
        "from golang:1.22-alpine as compile\nenv CGO_ENABLED=0\nworkdir /app\ncopy . .\nrun go build -o app .\n\n"
            + "from scratch\nenv CGO_ENABLED=0\nworkdir /app\n"
            + "copy --from=compile /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\ncopy --from=compile /app/app /app/app\n"
            + "cmd [\"./app\"]\n");
  }

  @Test
  void fixCarriesTheCommandSetBeforeTheBuild() {
    RuleTester tester = this.tester.withContext(context);
    tester.fixes(
        "FROM golang:1.22\nWORKDIR /src\nCMD [\"/app\"]\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\n",
        "FROM golang:1.22 AS build\nWORKDIR /src\nCMD [\"/app\"]\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\n\n"
            + "FROM scratch\nCMD [\"/app\"]\nWORKDIR /src\n"
            + "COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\nCOPY --from=build /app /app\n");
  }

  @Test
  void fixSplitsAMavenJarBuildIntoTheJreOfTheSameVersion() {
    RuleTester tester = this.tester.withContext(context);
    tester.fixes(
        """
        FROM maven:3.9-eclipse-temurin-21-alpine
        WORKDIR /build
        COPY . .
        RUN mvn -B package -DskipTests && cp target/*.jar app.jar
        EXPOSE 8080
        ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "app.jar"]
        """,
        """
        FROM maven:3.9-eclipse-temurin-21-alpine AS build
        WORKDIR /build
        COPY . .
        RUN mvn -B package -DskipTests && cp target/*.jar app.jar

        FROM eclipse-temurin:21-jre-alpine
        WORKDIR /build
        COPY --from=build /build/app.jar /build/app.jar
        EXPOSE 8080
        ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "app.jar"]
        """);
    tester.fixes(
        "FROM gradle:8.7-jdk17\nWORKDIR /w\nCOPY . .\nRUN gradle bootJar\nCMD [\"java\", \"-jar\", \"/w/build/libs/app.jar\"]\n",
        "FROM gradle:8.7-jdk17 AS build\nWORKDIR /w\nCOPY . .\nRUN gradle bootJar\n\nFROM eclipse-temurin:17-jre\nWORKDIR /w\n"
            + "COPY --from=build /w/build/libs /w/build/libs\nCMD [\"java\", \"-jar\", \"/w/build/libs/app.jar\"]\n");
  }

  @Test
  void fixCopiesTheJarsFolderOrWhatThePomSaysTheJarNeeds() throws Exception {
    RuleTester tester = this.tester.withContext(context);
    // maven:...-openjdk-NN images: Docker Hub's openjdk has no JRE of 17, Temurin's is the same OpenJDK
    String naive =
        """
        FROM maven:3.8-openjdk-17
        WORKDIR /app
        COPY . .
        RUN mvn -B package -DskipTests
        EXPOSE 8080
        CMD ["java", "-jar", "target/wordstats.jar"]
        """;
    String split =
        """
        FROM maven:3.8-openjdk-17 AS build
        WORKDIR /app
        COPY . .
        RUN mvn -B package -DskipTests

        FROM eclipse-temurin:17-jre
        WORKDIR /app
        %sEXPOSE 8080
        CMD ["java", "-jar", "target/wordstats.jar"]
        """;
    // without a POM that says more, the jar's folder: its manifest may name libraries beside it
    tester.fixes(naive, split.formatted("COPY --from=build /app/target /app/target\n"));
    // a plain POM names them: the libraries, then the jar, nothing else of target/
    java.nio.file.Files.writeString(context.resolve("pom.xml"), MavenJarLayoutTest.pom(""));
    tester.fixes(naive, split.formatted(
        "COPY --from=build /app/target/lib /app/target/lib\nCOPY --from=build /app/target/wordstats.jar /app/target/wordstats.jar\n"));
    // the POM is beside target/ only when the whole context is copied into the working directory
    tester.fixes(
        "FROM maven:3.8-openjdk-17\nWORKDIR /app\nCOPY src src\nRUN mvn -B package\nCMD [\"java\", \"-jar\", \"target/w.jar\"]\n",
        "FROM maven:3.8-openjdk-17 AS build\nWORKDIR /app\nCOPY src src\nRUN mvn -B package\n\nFROM eclipse-temurin:17-jre\n"
            + "WORKDIR /app\nCOPY --from=build /app/target /app/target\nCMD [\"java\", \"-jar\", \"target/w.jar\"]\n");
  }

  @Test
  void theRuntimeFollowsTheBuildersJavaVersion() {
    assertThat(StageSplitFix.jreFor(ref("maven:3.8-openjdk-17"))).contains("eclipse-temurin:17-jre");
    assertThat(StageSplitFix.jreFor(ref("maven:3.8.6-openjdk-11-slim"))).contains("eclipse-temurin:11-jre");
    assertThat(StageSplitFix.jreFor(ref("maven:3.9-eclipse-temurin-21-alpine"))).contains("eclipse-temurin:21-jre-alpine");
    assertThat(StageSplitFix.jreFor(ref("openjdk:17-jdk-slim"))).contains("eclipse-temurin:17-jre");
    assertThat(StageSplitFix.jreFor(ref("openjdk:8u342-jdk"))).contains("eclipse-temurin:8-jre");
    assertThat(StageSplitFix.jreFor(ref("gradle:8.7-jdk17"))).contains("eclipse-temurin:17-jre");
    // no version in the tag, a JRE already, or a variant without a Temurin counterpart
    assertThat(StageSplitFix.jreFor(ref("maven:3.9"))).isEmpty();
    assertThat(StageSplitFix.jreFor(ref("openjdk:11-jre-slim"))).isEmpty();
    assertThat(StageSplitFix.jreFor(ref("openjdk:17-oraclelinux8"))).isEmpty();
    assertThat(StageSplitFix.jreFor(ref("maven:3.8-openjdk-17-windowsservercore"))).isEmpty();
    // the finding's suggestion names the same JRE
    var f = tester.catches("FROM maven:3.8-openjdk-17\nCOPY . .\nRUN mvn -B package\nCMD java -jar target/app.jar\n");
    assertThat(f.get(0).message()).contains("eclipse-temurin:17-jre").doesNotContain("21");
  }

  private static ImageReference ref(String image) {
    return ImageReference.parse(image);
  }

  @Test
  void noSplitWhereTheRuntimeCouldMissSomething() throws IOException {
    RuleTester t = tester.withContext(context);
    String go = "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\nCMD [\"/app\"]\n";
    // cgo not off: the binary may need the C library
    t.fixUnchanged(go.replace("CGO_ENABLED=0 ", ""));
    // shell-form CMD: scratch has no shell
    t.fixUnchanged(go.replace("CMD [\"/app\"]", "CMD /app"));
    // a named user: scratch has no user database
    t.fixUnchanged(go.replace("CMD", "USER app\nCMD"));
    // a later step the runtime would lose
    t.fixUnchanged(go.replace("CMD", "RUN mkdir /data\nCMD"));
    // runtime packages installed for the program
    t.fixUnchanged(go.replace("WORKDIR", "RUN apt-get update && apt-get install -y ffmpeg\nWORKDIR"));
    // no working directory of the Dockerfile's own
    t.fixUnchanged(go.replace("WORKDIR /src\n", ""));
    // the JDK tag does not say which version
    t.fixUnchanged("FROM maven:3.9\nWORKDIR /b\nCOPY . .\nRUN mvn -B package\nCMD [\"java\", \"-jar\", \"target/app.jar\"]\n");
    // a jar named by a glob
    t.fixUnchanged("FROM eclipse-temurin:21-jdk\nWORKDIR /b\nCOPY . .\nRUN ./mvnw -B package\nCMD [\"java\", \"-jar\", \"target/*.jar\"]\n");
    // no build context known
    tester.fixUnchanged(go);
  }

  @Test
  void noSplitWhenTheSourceHoldsFilesReadAtRunTime() throws IOException {
    Files.createDirectories(context.resolve("templates"));
    tester.withContext(context).fixUnchanged(
        "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\nCMD [\"/app\"]\n");
  }

  private void cargoProject(String lock) throws IOException {
    Files.createDirectories(context.resolve("src"));
    Files.writeString(context.resolve("src/main.rs"), "fn main() {}\n");
    Files.writeString(context.resolve("Cargo.toml"), "[package]\nname = \"linecount\"\nversion = \"0.1.0\"\n");
    Files.writeString(context.resolve("Cargo.lock"), lock);
  }

  @Test
  void fixSplitsACargoBuildIntoTheSlimImageOfTheSameDebianRelease() throws IOException {
    cargoProject("[[package]]\nname = \"regex\"\n");
    tester.withContext(context).fixes(
        """
        FROM rust:1.82-slim-bookworm
        WORKDIR /app
        COPY . .
        RUN cargo build --release --target x86_64-unknown-linux-gnu
        EXPOSE 8080
        CMD ["./target/x86_64-unknown-linux-gnu/release/linecount"]
        """,
        """
        FROM rust:1.82-slim-bookworm AS build
        WORKDIR /app
        COPY . .
        RUN cargo build --release --target x86_64-unknown-linux-gnu

        FROM debian:bookworm-slim
        WORKDIR /app
        COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
        COPY --from=build /app/target/x86_64-unknown-linux-gnu/release/linecount /app/target/x86_64-unknown-linux-gnu/release/linecount
        EXPOSE 8080
        CMD ["./target/x86_64-unknown-linux-gnu/release/linecount"]
        """);
    // a debug build, run by its absolute path, on trixie
    tester.withContext(context).fixes(
        "FROM rust:1.90-trixie\nWORKDIR /w\nCOPY . .\nRUN cargo build\nENTRYPOINT [\"/w/target/debug/linecount\"]\n",
        "FROM rust:1.90-trixie AS build\nWORKDIR /w\nCOPY . .\nRUN cargo build\n\nFROM debian:trixie-slim\nWORKDIR /w\n"
            + "COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n"
            + "COPY --from=build /w/target/debug/linecount /w/target/debug/linecount\n"
            + "ENTRYPOINT [\"/w/target/debug/linecount\"]\n");
  }

  @Test
  void noCargoSplitWhereTheRuntimeCouldLackALibraryOrTheBinaryIsElsewhere() throws IOException {
    cargoProject("[[package]]\nname = \"openssl-sys\"\n");
    String release = "FROM rust:1.82-bookworm\nWORKDIR /app\nCOPY . .\nRUN cargo build --release\nCMD [\"./target/release/linecount\"]\n";
    tester.withContext(context).fixUnchanged(release); // links a system library
    Files.writeString(context.resolve("Cargo.lock"), "");
    // the tag does not say which Debian release the default image is on
    tester.withContext(context).fixUnchanged(release.replace("1.82-bookworm", "1.82"));
    // another binary, another target folder, the program is not the one built
    tester.withContext(context).fixUnchanged(release.replace("--release", "--release --bin other"));
    tester.withContext(context).fixUnchanged(release.replace("--release", "--release --target-dir /out"));
    tester.withContext(context).fixUnchanged(release.replace("./target/release/linecount", "./target/debug/linecount"));
    // the split happens where it is safe: the same file with the lock cleared
    tester.withContext(context).fixes(release,
        "FROM rust:1.82-bookworm AS build\nWORKDIR /app\nCOPY . .\nRUN cargo build --release\n\n"
            + "FROM debian:bookworm-slim\nWORKDIR /app\n"
            + "COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n"
            + "COPY --from=build /app/target/release/linecount /app/target/release/linecount\n"
            + "CMD [\"./target/release/linecount\"]\n");
  }
}
