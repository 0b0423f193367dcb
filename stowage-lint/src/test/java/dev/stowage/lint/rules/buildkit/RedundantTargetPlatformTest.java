package dev.stowage.lint.rules.buildkit;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class RedundantTargetPlatformTest {
  private final RuleTester tester = RuleTester.of(RedundantTargetPlatform.class);

  @Test
  void catchesTargetPlatform() {
    tester.catches("FROM --platform=$TARGETPLATFORM alpine AS builder\n");
    tester.catches("FROM --platform=${TARGETPLATFORM} alpine\n");
  }

  @Test
  void acceptsOtherPlatforms() {
    tester.accepts("FROM alpine AS builder\n");
    tester.accepts("FROM --platform=$BUILDPLATFORM alpine AS builder\n");
    tester.accepts("FROM --platform=$TARGETOS/$TARGETARCH alpine\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM --platform=$BUILDPLATFORM golang AS build
        # expect: RedundantTargetPlatform
        FROM --platform=$TARGETPLATFORM alpine
        """);
  }

  @Test
  void fixes() {
    tester.fixes(
        "FROM --platform=$TARGETPLATFORM alpine AS builder\n", "FROM alpine AS builder\n");
    tester.fixUnchanged("FROM --platform=$BUILDPLATFORM alpine\n");
  }
}
