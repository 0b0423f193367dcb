package dev.stowage.lint.rules.buildkit;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class NoEmptyContinuationTest {
  private final RuleTester tester = RuleTester.of(NoEmptyContinuation.class);

  @Test
  void catchesBlankLineInContinuation() {
    tester.catchesAt("FROM alpine\nEXPOSE \\\n\n80\n", 3);
  }

  @Test
  void acceptsCommentInContinuationAndHeredocBlankLines() {
    tester.accepts("FROM alpine\nEXPOSE \\\n# Port\n80\n");
    tester.accepts("FROM alpine\nRUN <<EOF\necho a\n\necho b\nEOF\n");
    tester.accepts("FROM alpine\n\nRUN echo a\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine
        RUN apk add \\
        # expect: NoEmptyContinuation

              curl
        """);
  }

  @Test
  void fixes() {
    tester.fixes(
        "FROM alpine\nRUN apk add \\\n\n   \n  curl\n", "FROM alpine\nRUN apk add \\\n  curl\n");
    tester.fixUnchanged("FROM alpine\nRUN apk add \\\n  curl\n");
  }
}
