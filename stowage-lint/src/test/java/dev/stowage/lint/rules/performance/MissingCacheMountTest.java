package dev.stowage.lint.rules.performance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class MissingCacheMountTest {
  private final RuleTester tester = RuleTester.of(MissingCacheMount.class);

  @Test
  void catchesAptWithoutMount() {
    assertThat(tester.catches("FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\n").get(0).message())
        .contains("target=/var/cache/apt,sharing=locked");
  }

  @Test
  void catchesPipNpmGoMavenWithoutMount() {
    tester.catches("FROM python:3.12\nRUN pip install -r requirements.txt\n");
    tester.catches("FROM node:22\nRUN npm ci\n");
    tester.catches("FROM golang:1.22\nRUN go build -o /app .\n");
    tester.catches("FROM maven:3.9\nRUN mvn -B package\n");
    tester.catches("FROM python:3.12\nRUN python -m pip install requests\n");
  }

  @Test
  void namesTheMissingGoCacheOnly() {
    var f = tester.catches("FROM golang:1.22\nRUN --mount=type=cache,target=/go/pkg/mod go build -o /app .\n");
    assertThat(f.get(0).message()).contains("/root/.cache/go-build").doesNotContain("target=/go/pkg/mod");
  }

  @Test
  void acceptsTheRightMounts() {
    tester.accepts(
        "FROM debian:bookworm\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked"
            + " --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y curl\n");
    tester.accepts("FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r r.txt\n");
    tester.accepts("FROM node:22\nUSER node\nRUN --mount=type=cache,target=/home/node/.npm,uid=1000 npm ci\n");
    tester.accepts(
        "FROM golang:1.22\nRUN --mount=type=cache,target=/go/pkg/mod"
            + " --mount=type=cache,target=/root/.cache/go-build go build .\n");
  }

  @Test
  void followsCacheDirectoriesMovedByEnv() {
    tester.accepts("FROM python:3.12\nENV PIP_CACHE_DIR=/cache/pip\nRUN --mount=type=cache,target=/cache/pip pip install flask\n");
    tester.catches("FROM python:3.12\nENV PIP_CACHE_DIR=/cache/pip\nRUN --mount=type=cache,target=/tmp/other pip install flask\n");
    tester.accepts(
        "FROM golang:1.22\nENV GOCACHE=/cache/go GOMODCACHE=/cache/mod\n"
            + "RUN --mount=type=cache,target=/cache go build .\n");
  }

  @Test
  void saysToDropFlagsThatDisableTheCache() {
    assertThat(tester.catches("FROM alpine\nRUN apk add --no-cache curl\n").get(0).message())
        .contains("drop --no-cache");
  }

  @Test
  void aptMountWithoutLockingHasItsOwnMessage() {
    var f =
        tester.catches(
            "FROM debian:bookworm\nRUN --mount=type=cache,target=/var/cache/apt apt-get install -y curl\n");
    assertThat(f.get(0).message()).contains("sharing=locked").contains("sharing=shared");
  }

  @Test
  void ignoresCommandsThatDoNotDownload() {
    tester.accepts("FROM node:22\nRUN npm run build && go version && apt-get --version\n");
    tester.accepts("FROM node:22\nRUN [\"npm\", \"ci\"]\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine:3.20
        # expect: ST1002
        RUN apk add curl
        RUN --mount=type=cache,target=/var/cache/apk apk add git
        RUN echo done
        """);
  }
}
