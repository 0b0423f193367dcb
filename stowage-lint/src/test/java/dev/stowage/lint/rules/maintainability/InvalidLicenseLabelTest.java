package dev.stowage.lint.rules.maintainability;

import dev.stowage.lint.LintOptions;
import dev.stowage.lint.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvalidLicenseLabelTest {
  private final RuleTester tester = RuleTester.of(InvalidLicenseLabel.class).withOptions(LintOptions.defaults().withRequiredLabels(Map.of("x", "spdx")));

  @Test
  void catchesInvalidValues() {
    tester.catches("FROM alpine:3.20\nLABEL x=MIT-ish\n");
    tester.catches("FROM alpine:3.20\nLABEL x=GPL\n");
    tester.catches("FROM alpine:3.20\nLABEL x='MIT OR'\n");
  }

  @Test
  void acceptsValidValues() {
    tester.accepts("FROM alpine:3.20\nLABEL x=MIT\n");
    tester.accepts("FROM alpine:3.20\nLABEL x=Apache-2.0\n");
    tester.accepts("FROM alpine:3.20\nLABEL x='MIT OR Apache-2.0'\n");
    tester.accepts("FROM alpine:3.20\nLABEL x='(GPL-2.0-only WITH Classpath-exception-2.0)'\n");
    tester.accepts("FROM alpine:3.20\nLABEL x=LicenseRef-acme\n");
    tester.accepts("FROM alpine:3.20\nLABEL x=mit\n");
    tester.accepts("FROM alpine:3.20\nLABEL x=GPL-2.0+\n");
  }

  @Test
  void acceptsUnresolvableAndEmptyValues() {
    tester.accepts("FROM alpine:3.20\nARG V\nLABEL x=$V\n");
    tester.accepts("FROM alpine:3.20\nLABEL x=\n");
  }

  @Test
  void checksOtherTypesNot() {
    RuleTester.of(InvalidLicenseLabel.class).accepts("FROM alpine:3.20\nLABEL x=MIT-ish\n");
  }

  @Test
  void expandsVariables() {
    tester.catches("FROM alpine:3.20\nARG V=MIT-ish\nLABEL x=${V}\n");
    tester.accepts("FROM alpine:3.20\nARG V=MIT\nLABEL x=${V}\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine:3.20
        LABEL x=MIT
        # expect: DL3054
        LABEL other=1 x=MIT-ish
        """);
  }
}
