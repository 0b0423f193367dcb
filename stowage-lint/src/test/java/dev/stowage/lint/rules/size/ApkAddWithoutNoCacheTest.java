package dev.stowage.lint.rules.size;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class ApkAddWithoutNoCacheTest {
  private final RuleTester tester = RuleTester.of(ApkAddWithoutNoCache.class);

  @Test
  void catchesApkAdd() {
    tester.catches(
        """
        FROM alpine:3.20
        RUN apk add curl=8.9.0-r0
        """);
    tester.catches(
        """
        FROM alpine:3.20
        RUN apk --update add curl
        """);
  }

  @Test
  void acceptsNoCacheMountsAndCleanup() {
    tester.accepts(
        """
        FROM alpine:3.20
        RUN apk add --no-cache curl
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        RUN apk --no-cache add curl
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        RUN --mount=type=cache,target=/var/cache/apk apk add curl
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        RUN apk add curl && rm -rf /var/cache/apk/*
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        RUN apk add --no-network --virtual .rundeps $runDeps
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        RUN apk update
        """);
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine:3.20
        RUN apk add --no-cache bash
        # expect: DL3019
        RUN apk update && apk add curl
        """);
  }

  @Test
  void insertsNoCache() {
    tester.fixes(
        """
        FROM alpine:3.20
        RUN apk add curl
        """,
        """
        FROM alpine:3.20
        RUN apk add --no-cache curl
        """);
    tester.fixes(
        """
        FROM alpine:3.20
        RUN apk update \\
         && apk add \\
           curl
        """,
        """
        FROM alpine:3.20
        RUN apk add --no-cache \\
           curl
        """);
    tester.fixes(
        """
        FROM alpine:3.20
        RUN apk -U add bash && apk add git
        """,
        """
        FROM alpine:3.20
        RUN apk -U add --no-cache bash && apk add --no-cache git
        """);
  }

  @Test
  void leavesCleanFilesAlone() {
    tester.fixUnchanged(
        """
        FROM alpine:3.20
        RUN apk add --no-cache curl
        """);
  }

  @Test
  void keepsAnUpdateOtherCommandsNeed() {
    tester.fixes(
        "FROM alpine:3.20\nRUN apk update && apk upgrade && apk add curl\n",
        "FROM alpine:3.20\nRUN apk update && apk upgrade && apk add --no-cache curl\n");
    tester.fixes(
        "FROM alpine:3.20\nRUN apk update; apk add curl\n",
        "FROM alpine:3.20\nRUN apk update; apk add --no-cache curl\n");
  }
}
