package dev.stowage.lint.rules.buildkit;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class FromPlatformFlagConstDisallowedTest {
  private final RuleTester tester = RuleTester.of(FromPlatformFlagConstDisallowed.class);

  @Test
  void catchesConstantPlatform() {
    tester.catches("FROM --platform=linux/amd64 alpine AS base\n");
    tester.catches("FROM --platform=linux/arm64 alpine\n");
  }

  @Test
  void acceptsVariablesAndStageNamedAfterPlatform() {
    tester.accepts("FROM --platform=linux/amd64 alpine AS build_amd64\n");
    tester.accepts("FROM --platform=linux/arm64 alpine AS build-linux\n");
    tester.accepts("FROM --platform=${TARGETPLATFORM} alpine AS base\n");
    tester.accepts("FROM --platform=$BUILDPLATFORM alpine\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM --platform=$BUILDPLATFORM golang AS build
        # expect: FromPlatformFlagConstDisallowed
        FROM --platform=linux/amd64 alpine AS app
        """);
  }
}
