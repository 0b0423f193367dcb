package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class LatestBaseImageTagTest {
  private final RuleTester tester = RuleTester.of(LatestBaseImageTag.class);

  @Test
  void catchesExplicitLatest() {
    tester.catches("FROM debian:latest\n");
  }

  @Test
  void catchesLatestThroughAnArg() {
    tester.catchesAt("ARG TAG=latest\nFROM node:${TAG}\n", 2);
  }

  @Test
  void acceptsDigestPinAndOtherTags() {
    tester.accepts("FROM debian:latest@sha256:" + "b".repeat(64) + "\n");
    tester.accepts("FROM debian:bookworm-slim\n");
    tester.accepts("FROM debian\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine:3.20
        # expect: DL3007
        FROM debian:latest AS build
        """);
  }
}
