package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class MultipleCmdTest {
  private final RuleTester tester = RuleTester.of(MultipleCmd.class);

  @Test
  void catchesSecondCmd() {
    tester.catchesAt("FROM alpine:3.20\nCMD [\"a\"]\nCMD [\"b\"]\n", 3);
  }

  @Test
  void acceptsOneCmdPerStage() {
    tester.accepts("FROM alpine:3.20 AS a\nCMD [\"a\"]\nFROM alpine:3.20\nCMD [\"b\"]\n");
  }

  @Test
  void acceptsOnbuildCmd() {
    tester.accepts("FROM alpine:3.20\nONBUILD CMD [\"a\"]\nCMD [\"b\"]\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine:3.20
        CMD echo a
        # expect: DL4003
        CMD echo b
        """);
  }
}
