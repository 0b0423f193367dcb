package dev.stowage.lint.rules.buildkit;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class InvalidDefaultArgInFromTest {
  private final RuleTester tester = RuleTester.of(InvalidDefaultArgInFrom.class);

  @Test
  void catchesArgWithoutDefault() {
    tester.catches("ARG TAG\nFROM busybox:${TAG}\n");
  }

  @Test
  void catchesEmptyImage() {
    tester.catches("ARG IMAGE\nFROM $IMAGE\n");
  }

  @Test
  void acceptsDefaultsAndFallbacks() {
    tester.accepts("ARG TAG=latest\nFROM busybox:${TAG}\n");
    tester.accepts("ARG TAG\nFROM busybox:${TAG:-latest}\n");
    tester.accepts("FROM busybox\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        ARG VERSION=3.20
        ARG VARIANT
        FROM alpine:${VERSION}
        # expect: InvalidDefaultArgInFrom
        FROM alpine:${VARIANT}
        """);
  }
}
