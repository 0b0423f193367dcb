package dev.stowage.lint.rules.maintainability;

import dev.stowage.lint.LintOptions;
import dev.stowage.lint.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvalidEmailLabelTest {
  private final RuleTester tester = RuleTester.of(InvalidEmailLabel.class).withOptions(LintOptions.defaults().withRequiredLabels(Map.of("x", "email")));

  @Test
  void catchesInvalidValues() {
    tester.catches("FROM alpine:3.20\nLABEL x=me\n");
    tester.catches("FROM alpine:3.20\nLABEL x=me@\n");
    tester.catches("FROM alpine:3.20\nLABEL x='a b@x.org'\n");
    tester.catches("FROM alpine:3.20\nLABEL x=me@@x.org\n");
  }

  @Test
  void acceptsValidValues() {
    tester.accepts("FROM alpine:3.20\nLABEL x=dev@example.com\n");
    tester.accepts("FROM alpine:3.20\nLABEL x=first.last+tag@sub.example.org\n");
    tester.accepts("FROM alpine:3.20\nLABEL x='Dev Team <dev@example.com>'\n");
  }

  @Test
  void acceptsUnresolvableAndEmptyValues() {
    tester.accepts("FROM alpine:3.20\nARG V\nLABEL x=$V\n");
    tester.accepts("FROM alpine:3.20\nLABEL x=\n");
  }

  @Test
  void checksOtherTypesNot() {
    RuleTester.of(InvalidEmailLabel.class).accepts("FROM alpine:3.20\nLABEL x=me\n");
  }

  @Test
  void expandsVariables() {
    tester.catches("FROM alpine:3.20\nARG V=me\nLABEL x=${V}\n");
    tester.accepts("FROM alpine:3.20\nARG V=dev@example.com\nLABEL x=${V}\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine:3.20
        LABEL x=dev@example.com
        # expect: DL3058
        LABEL other=1 x=me
        """);
  }
}
