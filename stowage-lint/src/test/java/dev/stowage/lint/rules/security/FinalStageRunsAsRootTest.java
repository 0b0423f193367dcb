package dev.stowage.lint.rules.security;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class FinalStageRunsAsRootTest {
  private final RuleTester tester = RuleTester.of(FinalStageRunsAsRoot.class);

  @Test
  void catchesNoUserAtAll() {
    tester.catches("FROM python:3.12-slim\nCOPY app.py /app/\nCMD [\"python\", \"/app/app.py\"]\n");
  }

  @Test
  void catchesFinalStageWhoseUserIsOnlyInAnEarlierUnrelatedStage() {
    tester.catchesAt(
        "FROM golang:1.22 AS build\n"
            + "USER nobody\n"
            + "RUN go build\n"
            + "FROM debian:12\n"
            + "COPY --from=build /x /x\n",
        4);
  }

  @Test
  void catchesScratch() {
    tester.catches("FROM scratch\nCOPY app /app\n");
  }

  @Test
  void acceptsExplicitUserEvenRootWhichIsDl3002() {
    tester.accepts("FROM debian:12\nUSER app\n");
    tester.accepts("FROM debian:12\nUSER root\n");
  }

  @Test
  void acceptsUserInheritedFromParentStage() {
    tester.accepts("FROM node:20 AS base\nUSER node\nFROM base\nCOPY . .\n");
  }

  @Test
  void acceptsImagesThatAreNonRootByDefault() {
    tester.accepts("FROM gcr.io/distroless/static-debian12:nonroot\n");
    tester.accepts("FROM cgr.dev/chainguard/static:latest\n");
    tester.accepts("FROM nginxinc/nginx-unprivileged:1.27\nUSER 101\n");
    tester.accepts("FROM bitnami/redis:7.2-rootless\n");
    tester.accepts("FROM rabbitmq:4.0-management\nRUN rabbitmq-plugins enable x\n");
    tester.accepts("FROM postgres:16\nCOPY init.sql /docker-entrypoint-initdb.d/\n");
  }

  @Test
  void acceptsEntrypointsThatDropPrivileges() {
    tester.accepts(
        "FROM debian:12\n"
            + "RUN apt-get update && apt-get install -y gosu\n"
            + "ENTRYPOINT [\"docker-entrypoint.sh\"]\n");
  }

  @Test
  void onlyTheTargetStageCounts() {
    tester.check(
        """
        FROM alpine:3.20 AS tools
        RUN apk add curl
        # expect: ST3001
        FROM alpine:3.20
        COPY --from=tools /usr/bin/curl /usr/bin/curl
        """);
  }

  @Test
  void acceptsWindowsBases() {
    tester.accepts("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo hi\n");
    tester.accepts("FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCMD [\"cmd\"]\n");
    tester.accepts("FROM eclipse-temurin:21-jdk-windowsservercore-ltsc2022\nCMD [\"java\"]\n");
  }

  @Test
  void fixSwitchesToTheUserANodeImageShipsAfterTheLastRun() {
    tester.fixes(
        """
        FROM node:22-slim
        WORKDIR /app
        COPY package.json package-lock.json ./
        RUN npm ci --omit=dev
        COPY . .
        CMD ["node", "server.js"]
        """,
        """
        FROM node:22-slim
        WORKDIR /app
        COPY package.json package-lock.json ./
        RUN npm ci --omit=dev
        USER 1000:1000
        COPY . .
        CMD ["node", "server.js"]
        """);
  }

  @Test
  void fixUsesDistrolessNonrootUserAfterFromWhenThereIsNoRun() {
    tester.fixes(
        "FROM golang:1.22 AS build\nRUN go build -o /app\n"
            + "FROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\n",
        "FROM golang:1.22 AS build\nRUN go build -o /app\n"
            + "FROM gcr.io/distroless/static-debian12\nUSER 65532:65532\nCOPY --from=build /app /app\n");
  }

  @Test
  void noFixWhereTheUserIsUnknownOrAPrivilegedPortIsExposed() {
    tester.fixUnchanged("FROM python:3.12-slim\nCOPY app.py /app/\nCMD [\"python\", \"/app/app.py\"]\n");
    tester.fixUnchanged("FROM scratch\nCOPY app /app\n");
    tester.fixUnchanged("FROM node:22\nEXPOSE 80\nCMD [\"node\", \"s.js\"]\n");
  }
}
