package dev.stowage.lint.rules.maintainability;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class RedundantTargetPlatformTest {
  private final RuleTester tester = RuleTester.of(RedundantTargetPlatform.class);

  @Test
  void catchesTargetPlatform() {
    tester.catches("FROM --platform=$TARGETPLATFORM alpine:3.20\n");
    tester.catches("FROM --platform=${TARGETPLATFORM} alpine:3.20\n");
  }

  @Test
  void acceptsBuildPlatform() {
    tester.accepts("FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM --platform=linux/amd64 alpine:3.20\n");
  }

  @Test
  void fixesByRemovingTheFlag() {
    tester.fixes("FROM --platform=$TARGETPLATFORM alpine:3.20 AS app\n", "FROM alpine:3.20 AS app\n");
    tester.fixes("FROM --platform=${TARGETPLATFORM} --stage-flag=x alpine:3.20\n", "FROM --stage-flag=x alpine:3.20\n");
    tester.fixUnchanged("FROM --platform=$BUILDPLATFORM alpine:3.20\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM --platform=$BUILDPLATFORM golang:1.22 AS build
        # expect: DL3065
        FROM --platform=$TARGETPLATFORM alpine:3.20
        """);
  }
}
