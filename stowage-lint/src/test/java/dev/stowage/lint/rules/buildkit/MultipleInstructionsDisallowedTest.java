package dev.stowage.lint.rules.buildkit;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class MultipleInstructionsDisallowedTest {
  private final RuleTester tester = RuleTester.of(MultipleInstructionsDisallowed.class);

  @Test
  void catchesTheEarlierEntrypoint() {
    tester.catchesAt(
        "FROM alpine\nENTRYPOINT [\"echo\", \"Hello, Norway!\"]\nENTRYPOINT [\"echo\", \"Hello, Sweden!\"]\n",
        2);
  }

  @Test
  void catchesEveryEarlierCmd() {
    tester.catchesAt("FROM alpine\nCMD a\nCMD b\nCMD c\n", 2, 3);
  }

  @Test
  void acceptsOnePerStageAndOnbuild() {
    tester.accepts("FROM alpine AS a\nCMD a\nFROM a\nCMD b\n");
    tester.accepts("FROM alpine\nONBUILD CMD a\nCMD b\n");
    tester.accepts("FROM alpine\nENTRYPOINT [\"x\"]\nCMD [\"y\"]\nHEALTHCHECK NONE\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine
        # expect: MultipleInstructionsDisallowed
        HEALTHCHECK CMD true
        HEALTHCHECK NONE
        """);
  }
}
