package dev.stowage.lint.rules.maintainability;

import dev.stowage.lint.LintOptions;
import dev.stowage.lint.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvalidTimeLabelTest {
  private final RuleTester tester = RuleTester.of(InvalidTimeLabel.class).withOptions(LintOptions.defaults().withRequiredLabels(Map.of("x", "rfc3339")));

  @Test
  void catchesInvalidValues() {
    tester.catches("FROM alpine:3.20\nLABEL x=2024-13-01T00:00:00Z\n");
    tester.catches("FROM alpine:3.20\nLABEL x=2024-05-01\n");
    tester.catches("FROM alpine:3.20\nLABEL x=yesterday\n");
    tester.catches("FROM alpine:3.20\nLABEL x=2024-05-01T25:00:00Z\n");
  }

  @Test
  void acceptsValidValues() {
    tester.accepts("FROM alpine:3.20\nLABEL x=2024-05-01T12:30:00Z\n");
    tester.accepts("FROM alpine:3.20\nLABEL x=2024-05-01T12:30:00.123+02:00\n");
    tester.accepts("FROM alpine:3.20\nLABEL x=1985-04-12T23:20:50.52Z\n");
  }

  @Test
  void acceptsUnresolvableAndEmptyValues() {
    tester.accepts("FROM alpine:3.20\nARG V\nLABEL x=$V\n");
    tester.accepts("FROM alpine:3.20\nLABEL x=\n");
  }

  @Test
  void checksOtherTypesNot() {
    RuleTester.of(InvalidTimeLabel.class).accepts("FROM alpine:3.20\nLABEL x=2024-13-01T00:00:00Z\n");
  }

  @Test
  void expandsVariables() {
    tester.catches("FROM alpine:3.20\nARG V=2024-13-01T00:00:00Z\nLABEL x=${V}\n");
    tester.accepts("FROM alpine:3.20\nARG V=2024-05-01T12:30:00Z\nLABEL x=${V}\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine:3.20
        LABEL x=2024-05-01T12:30:00Z
        # expect: DL3053
        LABEL other=1 x=2024-13-01T00:00:00Z
        """);
  }
}
