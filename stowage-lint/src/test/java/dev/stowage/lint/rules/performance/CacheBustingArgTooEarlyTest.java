package dev.stowage.lint.rules.performance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class CacheBustingArgTooEarlyTest {
  private final RuleTester tester = RuleTester.of(CacheBustingArgTooEarly.class);

  @Test
  void catchesCommitArgBeforeInstalls() {
    var f =
        tester.catches(
            """
            FROM node:22-slim
            ARG GIT_COMMIT
            WORKDIR /app
            COPY package*.json ./
            RUN npm ci
            COPY . .
            RUN npm run build
            LABEL org.opencontainers.image.revision=$GIT_COMMIT
            """);
    assertThat(f.get(0).message()).contains("3 steps from line 5");
  }

  @Test
  void countsOnlyUpToTheFirstUse() {
    var f =
        tester.catches(
            """
            FROM golang:1.22
            ARG BUILD_NUMBER
            RUN go mod download
            RUN go build -ldflags "-X main.build=${BUILD_NUMBER}" -o /app .
            """);
    assertThat(f.get(0).message()).contains("1 step from line 3 up to its first use on line 4");
  }

  @Test
  void acceptsArgJustBeforeItsUse() {
    tester.accepts("FROM alpine\nRUN apk add --no-cache curl\nARG VCS_REF\nRUN echo $VCS_REF > /rev\n");
    tester.accepts("FROM alpine\nRUN apk add --no-cache curl\nARG BUILD_DATE\nLABEL build-date=$BUILD_DATE\n");
  }

  @Test
  void acceptsCopyOnlyBecauseCopyDoesNotSeeTheEnvironment() {
    tester.accepts("FROM alpine\nARG GIT_SHA\nCOPY app /app\nLABEL rev=$GIT_SHA\n");
  }

  @Test
  void ignoresGlobalArgsAndReproducibilityArgs() {
    tester.accepts("ARG BUILD_DATE\nFROM alpine\nRUN apk add curl\n");
    tester.accepts("FROM alpine\nARG SOURCE_DATE_EPOCH\nRUN apk add curl\n");
    tester.accepts("FROM alpine\nARG CACHEBUST\nRUN apk add curl\n");
    tester.accepts("FROM alpine\nARG NODE_VERSION=22\nRUN apk add curl\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM python:3.12-slim
        # expect: ST1003
        ARG CI_PIPELINE_ID
        RUN pip install flask
        ENV PIPELINE=$CI_PIPELINE_ID
        """);
  }
}
