package dev.stowage.lint.rules.maintainability;

import dev.stowage.lint.LintOptions;
import dev.stowage.lint.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvalidSemverLabelTest {
  private final RuleTester tester = RuleTester.of(InvalidSemverLabel.class).withOptions(LintOptions.defaults().withRequiredLabels(Map.of("x", "semver")));

  @Test
  void catchesInvalidValues() {
    tester.catches("FROM alpine:3.20\nLABEL x=v1.2.3\n");
    tester.catches("FROM alpine:3.20\nLABEL x=1.2\n");
    tester.catches("FROM alpine:3.20\nLABEL x=01.2.3\n");
    tester.catches("FROM alpine:3.20\nLABEL x=latest\n");
  }

  @Test
  void acceptsValidValues() {
    tester.accepts("FROM alpine:3.20\nLABEL x=1.2.3\n");
    tester.accepts("FROM alpine:3.20\nLABEL x=1.0.0-rc.1\n");
    tester.accepts("FROM alpine:3.20\nLABEL x=2.0.0+build.5\n");
    tester.accepts("FROM alpine:3.20\nLABEL x=1.0.0-alpha.beta+exp.sha.5114f85\n");
  }

  @Test
  void acceptsUnresolvableAndEmptyValues() {
    tester.accepts("FROM alpine:3.20\nARG V\nLABEL x=$V\n");
    tester.accepts("FROM alpine:3.20\nLABEL x=\n");
  }

  @Test
  void checksOtherTypesNot() {
    RuleTester.of(InvalidSemverLabel.class).accepts("FROM alpine:3.20\nLABEL x=v1.2.3\n");
  }

  @Test
  void expandsVariables() {
    tester.catches("FROM alpine:3.20\nARG V=v1.2.3\nLABEL x=${V}\n");
    tester.accepts("FROM alpine:3.20\nARG V=1.2.3\nLABEL x=${V}\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine:3.20
        LABEL x=1.2.3
        # expect: DL3056
        LABEL other=1 x=v1.2.3
        """);
  }
}
