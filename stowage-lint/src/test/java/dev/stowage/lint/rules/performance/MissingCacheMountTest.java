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

  @Test
  void fixAddsAptMountsAndDropsTheListCleanup() {
    tester.fixes(
        """
        FROM debian:bookworm
        RUN apt-get update \\
         && apt-get install -y --no-install-recommends curl \\
         && rm -rf /var/lib/apt/lists/*
        """,
        """
        FROM debian:bookworm
        RUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt/lists,sharing=locked apt-get update \\
         && apt-get install -y --no-install-recommends curl
        """);
  }

  @Test
  void fixDropsAptGetCleanAtTheStartOrInTheMiddle() {
    tester.fixes(
        "FROM ubuntu:24.04\nRUN apt-get update && apt-get clean && apt-get install -y git; rm -rf /var/lib/apt/lists/*\n",
        "FROM ubuntu:24.04\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked"
            + " --mount=type=cache,target=/var/lib/apt/lists,sharing=locked apt-get update && apt-get install -y git\n");
  }

  @Test
  void fixKeepsTheListsInTheLayerWhenALaterRunInstallsFromThem() {
    tester.fixes(
        "FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\nRUN apt-get install -y git\n",
        "FROM debian:bookworm\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update && apt-get install -y curl\n"
            + "RUN --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get install -y git\n");
  }

  @Test
  void fixKeepsTheListsWhenALaterRunQueriesThem() {
    tester.fixes(
        "FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\nRUN apt-cache policy curl\n",
        "FROM debian:bookworm\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update && apt-get install -y curl\n"
            + "RUN apt-cache policy curl\n");
  }

  @Test
  void fixKeepsCleanupItCannotDropWithoutChangingTheScript() {
    String mounts =
        "--mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt/lists,sharing=locked ";
    // after ||, in a subshell, in the background, with other paths, or alone: left as written
    for (String script :
        new String[] {
          "apt-get update && apt-get install -y curl || rm -rf /var/lib/apt/lists/*",
          "apt-get update && apt-get install -y curl && (rm -rf /var/lib/apt/lists/*)",
          "apt-get update && apt-get install -y curl & rm -rf /var/lib/apt/lists/*",
          "apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/* /tmp/build",
        }) {
      tester.fixes("FROM debian:bookworm\nRUN " + script + "\n", "FROM debian:bookworm\nRUN " + mounts + script + "\n");
    }
  }

  @Test
  void fixDropsCleanupInAHeredocScript() {
    tester.fixes(
        "FROM debian:bookworm\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF\n",
        "FROM debian:bookworm\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked"
            + " --mount=type=cache,target=/var/lib/apt/lists,sharing=locked <<EOF\nset -e\napt-get update\napt-get install -y curl\nEOF\n");
  }

  @Test
  void fixOnlyForFrontendsThatAcceptCacheMounts() {
    tester.fixes(
        "# syntax=docker/dockerfile:1\nFROM python:3.12\nRUN pip install -r r.txt\n",
        "# syntax=docker/dockerfile:1\nFROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r r.txt\n");
    tester.fixUnchanged("# syntax=docker/dockerfile:1.1\nFROM python:3.12\nRUN pip install -r r.txt\n");
    tester.fixUnchanged("# syntax=example.com/custom-frontend:2\nFROM python:3.12\nRUN pip install -r r.txt\n");
  }

  @Test
  void fixMountsPipCacheAndDropsNoCacheDir() {
    tester.fixes(
        "FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n",
        "FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n");
    tester.fixes(
        "FROM python:3.12-slim\nENV PIP_CACHE_DIR=/cache/pip\nRUN pip install \\\n    --no-cache-dir \\\n    flask==3.0.0\n",
        "FROM python:3.12-slim\nENV PIP_CACHE_DIR=/cache/pip\nRUN --mount=type=cache,target=/cache/pip pip install \\\n    flask==3.0.0\n");
  }

  @Test
  void fixPutsTheMountOnALineOfItsOwnWhenTheCommandStartsOnOne() {
    tester.fixes(
        """
        FROM python:3.12-slim
        RUN --mount=type=bind,source=requirements.txt,target=requirements.txt \\
            pip install -r requirements.txt
        """,
        """
        FROM python:3.12-slim
        RUN --mount=type=bind,source=requirements.txt,target=requirements.txt \\
            --mount=type=cache,target=/root/.cache/pip \\
            pip install -r requirements.txt
        """);
    tester.fixes(
        "FROM python:3.12-slim\r\nRUN \\\r\n\tpip install -r requirements.txt\r\n",
        "FROM python:3.12-slim\r\nRUN \\\r\n\t--mount=type=cache,target=/root/.cache/pip \\\r\n"
            + "\tpip install -r requirements.txt\r\n");
  }

  @Test
  void fixMountsNpmAndGoCachesAndDropsTheirCleanup() {
    tester.fixes(
        "FROM node:22\nWORKDIR /app\nRUN npm ci && npm cache clean --force\n",
        "FROM node:22\nWORKDIR /app\nRUN --mount=type=cache,target=/root/.npm npm ci\n");
    tester.fixes(
        "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\n",
        "FROM golang:1.22\nWORKDIR /src\nCOPY . .\n"
            + "RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build -o /app .\n");
  }

  @Test
  void fixFollowsHomeAndComposerHome() {
    tester.fixes(
        "FROM node:22\nENV HOME=/home/app\nRUN npm ci\n",
        "FROM node:22\nENV HOME=/home/app\nRUN --mount=type=cache,target=/home/app/.npm npm ci\n");
    tester.fixes(
        "FROM composer:2\nRUN composer install --no-dev\n",
        "FROM composer:2\nRUN --mount=type=cache,target=/tmp/cache composer install --no-dev\n");
  }

  @Test
  void fixAddsLockingToAnAptMountWithoutIt() {
    tester.fixes(
        "FROM debian:bookworm\nRUN --mount=type=cache,target=/var/cache/apt apt-get install -y curl\n",
        "FROM debian:bookworm\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get install -y curl\n");
  }

  @Test
  void noFixWhereTheMountCouldHurtOrIsNotKnown() {
    // another user: another home, and a root-owned mount it cannot write
    tester.fixUnchanged("FROM node:22\nUSER node\nRUN npm ci\n");
    // apk caches packages only through /etc/apk/cache, which the image would have to gain
    tester.fixUnchanged("FROM alpine:3.20\nRUN apk add --no-cache curl\n");
    // pip told not to cache: a mount would do nothing
    tester.fixUnchanged("FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n");
    // a Maven repository a later stage builds on
    tester.fixUnchanged("FROM maven:3.9 AS deps\nRUN mvn -B dependency:go-offline\nFROM deps\nRUN mvn -o package\n");
    // an unresolved cache directory
    tester.fixUnchanged("FROM node:22\nARG CACHE\nENV npm_config_cache=$CACHE\nRUN npm ci\n");
  }

  @Test
  void fixMountsAStoreOnEveryRunOfTheStageThatUsesIt() {
    // go mod download fills the module cache that go build reads: both share one mount.
    tester.fixesInPasses(
        "FROM golang:1.22\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app .\n",
        "FROM golang:1.22\nCOPY go.mod go.sum ./\nRUN --mount=type=cache,target=/go/pkg/mod go mod download\n"
            + "COPY . .\nRUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build"
            + " go build -o /app .\n");
    // a build step that already has the mount: the download step joins it
    tester.fixes(
        "FROM maven:3.9\nCOPY pom.xml .\nRUN mvn -B dependency:go-offline\nCOPY . .\n"
            + "RUN --mount=type=cache,target=/root/.m2 mvn -B package\n",
        "FROM maven:3.9\nCOPY pom.xml .\nRUN --mount=type=cache,target=/root/.m2 mvn -B dependency:go-offline\n"
            + "COPY . .\nRUN --mount=type=cache,target=/root/.m2 mvn -B package\n");
  }
}
