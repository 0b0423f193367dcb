package dev.stowage.lint.rules.maintainability;

import dev.stowage.lint.LintOptions;
import dev.stowage.lint.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvalidUrlLabelTest {
  private final RuleTester tester = RuleTester.of(InvalidUrlLabel.class).withOptions(LintOptions.defaults().withRequiredLabels(Map.of("x", "url")));

  @Test
  void catchesInvalidValues() {
    tester.catches("FROM alpine:3.20\nLABEL x=not-a-url\n");
    tester.catches("FROM alpine:3.20\nLABEL x=www.example.com\n");
    tester.catches("FROM alpine:3.20\nLABEL x='http //x'\n");
  }

  @Test
  void acceptsValidValues() {
    tester.accepts("FROM alpine:3.20\nLABEL x=https://github.com/acme/app\n");
    tester.accepts("FROM alpine:3.20\nLABEL x=git+ssh://git@host/repo.git\n");
    tester.accepts("FROM alpine:3.20\nLABEL x=urn:isbn:0451450523\n");
  }

  @Test
  void acceptsUnresolvableAndEmptyValues() {
    tester.accepts("FROM alpine:3.20\nARG V\nLABEL x=$V\n");
    tester.accepts("FROM alpine:3.20\nLABEL x=\n");
  }

  @Test
  void checksOtherTypesNot() {
    RuleTester.of(InvalidUrlLabel.class).accepts("FROM alpine:3.20\nLABEL x=not-a-url\n");
  }

  @Test
  void expandsVariables() {
    tester.catches("FROM alpine:3.20\nARG V=not-a-url\nLABEL x=${V}\n");
    tester.accepts("FROM alpine:3.20\nARG V=https://github.com/acme/app\nLABEL x=${V}\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine:3.20
        LABEL x=https://github.com/acme/app
        # expect: DL3052
        LABEL other=1 x=not-a-url
        """);
  }
}
