package dev.stowage.lint.rules.buildkit;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class UndefinedArgInFromTest {
  private final RuleTester tester = RuleTester.of(UndefinedArgInFrom.class);

  @Test
  void catchesUndeclaredArg() {
    tester.catches("FROM node:22${VARIANT} AS jsbuilder\n");
  }

  @Test
  void catchesUndeclaredArgInPlatform() {
    tester.catches("FROM --platform=$PLATFORM alpine\n");
  }

  @Test
  void suggestsCloseName() {
    org.assertj.core.api.Assertions.assertThat(
            tester.catches("ARG VERSION=1\nFROM alpine:$VERSON\n").get(0).message())
        .contains("did you mean VERSION?");
  }

  @Test
  void acceptsDeclaredAndBuiltInArgs() {
    tester.accepts("ARG VARIANT=\"-alpine3.20\"\nFROM node:22${VARIANT} AS jsbuilder\n");
    tester.accepts("ARG VARIANT\nFROM node:22${VARIANT}\n");
    tester.accepts("FROM --platform=$BUILDPLATFORM golang AS build\n");
    tester.accepts("FROM --platform=$TARGETPLATFORM alpine\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        ARG TAG=3.20
        FROM alpine:${TAG}
        # expect: UndefinedArgInFrom
        FROM alpine:${TAGG}
        """);
  }
}
