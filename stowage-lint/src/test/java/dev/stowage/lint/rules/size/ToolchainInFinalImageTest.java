package dev.stowage.lint.rules.size;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

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
}
