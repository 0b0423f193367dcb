package dev.stowage.lint.rules.maintainability;

import dev.stowage.lint.LintOptions;
import dev.stowage.lint.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvalidGitHashLabelTest {
  private final RuleTester tester = RuleTester.of(InvalidGitHashLabel.class).withOptions(LintOptions.defaults().withRequiredLabels(Map.of("x", "hash")));

  @Test
  void catchesInvalidValues() {
    tester.catches("FROM alpine:3.20\nLABEL x=abc\n");
    tester.catches("FROM alpine:3.20\nLABEL x=g123456\n");
    tester.catches("FROM alpine:3.20\nLABEL x=0123456789ABCDEF0123456789abcdef01234567\n");
  }

  @Test
  void acceptsValidValues() {
    tester.accepts("FROM alpine:3.20\nLABEL x=0123456\n");
    tester.accepts("FROM alpine:3.20\nLABEL x=0123456789abcdef0123456789abcdef01234567\n");
    tester.accepts("FROM alpine:3.20\nLABEL x=0123456789ab\n");
  }

  @Test
  void acceptsUnresolvableAndEmptyValues() {
    tester.accepts("FROM alpine:3.20\nARG V\nLABEL x=$V\n");
    tester.accepts("FROM alpine:3.20\nLABEL x=\n");
  }

  @Test
  void checksOtherTypesNot() {
    RuleTester.of(InvalidGitHashLabel.class).accepts("FROM alpine:3.20\nLABEL x=abc\n");
  }

  @Test
  void expandsVariables() {
    tester.catches("FROM alpine:3.20\nARG V=abc\nLABEL x=${V}\n");
    tester.accepts("FROM alpine:3.20\nARG V=0123456\nLABEL x=${V}\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine:3.20
        LABEL x=0123456
        # expect: DL3055
        LABEL other=1 x=abc
        """);
  }
}
