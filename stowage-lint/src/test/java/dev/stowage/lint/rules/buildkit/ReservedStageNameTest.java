package dev.stowage.lint.rules.buildkit;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class ReservedStageNameTest {
  private final RuleTester tester = RuleTester.of(ReservedStageName.class);

  @Test
  void catchesScratchAndContext() {
    tester.catches("FROM alpine AS scratch\n");
    tester.catches("FROM alpine AS context\n");
  }

  @Test
  void acceptsOtherNames() {
    tester.accepts("FROM alpine AS base\nFROM scratch\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine AS build
        # expect: ReservedStageName
        FROM alpine AS scratch
        """);
  }
}
