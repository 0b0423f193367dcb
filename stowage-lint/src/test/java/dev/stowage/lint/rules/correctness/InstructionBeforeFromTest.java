package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class InstructionBeforeFromTest {
  private final RuleTester tester = RuleTester.of(InstructionBeforeFrom.class);

  @Test
  void catchesInstructionBeforeFrom() {
    tester.catchesAt("LABEL x=1\nFROM alpine:3.20\n", 1);
  }

  @Test
  void acceptsArgAndCommentsFirst() {
    tester.accepts("# syntax=docker/dockerfile:1\n# a comment\nARG V=3.20\nFROM alpine:${V}\nRUN true\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        ARG V=1
        # expect: DL3061
        ENV X=1
        # expect: DL3061
        RUN true
        FROM alpine:3.20
        ENV Y=2
        """);
  }
}
