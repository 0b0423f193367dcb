package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class StageNamedReservedWordTest {
  private final RuleTester tester = RuleTester.of(StageNamedReservedWord.class);

  @Test
  void catchesScratchAndContext() {
    tester.catches("FROM alpine:3.20 AS scratch\n");
    tester.catches("FROM alpine:3.20 AS Context\n");
  }

  @Test
  void acceptsOtherNames() {
    tester.accepts("FROM alpine:3.20 AS builder\nFROM scratch\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine:3.20 AS build
        # expect: DL3063
        FROM alpine:3.20 AS context
        """);
  }
}
