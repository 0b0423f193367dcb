package dev.stowage.lint.rules.buildkit;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class StageNameCasingTest {
  private final RuleTester tester = RuleTester.of(StageNameCasing.class);

  @Test
  void catchesUpperCaseStageName() {
    tester.catches("FROM alpine AS BuilderBase\n");
  }

  @Test
  void acceptsLowerCaseAndUnnamedStages() {
    tester.accepts("FROM alpine AS builder-base\n");
    tester.accepts("FROM alpine\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine AS build
        # expect: StageNameCasing
        FROM build AS Final
        """);
  }
}
