package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class MultipleEntrypointTest {
  private final RuleTester tester = RuleTester.of(MultipleEntrypoint.class);

  @Test
  void catchesSecondEntrypoint() {
    tester.catchesAt("FROM alpine:3.20\nENTRYPOINT [\"a\"]\nENTRYPOINT [\"b\"]\n", 3);
  }

  @Test
  void acceptsOneEntrypointPerStage() {
    tester.accepts("FROM alpine:3.20 AS a\nENTRYPOINT [\"a\"]\nFROM alpine:3.20\nENTRYPOINT [\"b\"]\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine:3.20
        ENTRYPOINT ["a"]
        # expect: DL4004
        ENTRYPOINT ["b"]
        """);
  }
}
