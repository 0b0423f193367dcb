package dev.stowage.lint.rules.maintainability;

import dev.stowage.lint.LintOptions;
import dev.stowage.lint.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmptyLabelTest {
  private final RuleTester tester = RuleTester.of(EmptyLabel.class).withOptions(LintOptions.defaults().withRequiredLabels(Map.of("maintainer", "text")));

  @Test
  void catchesEmptyValue() {
    tester.catches("FROM alpine:3.20\nLABEL maintainer=\"\"\n");
    tester.catches("FROM alpine:3.20\nLABEL maintainer=\n");
  }

  @Test
  void catchesValueEmptyAfterExpansion() {
    tester.catches("FROM alpine:3.20\nARG M=\"\"\nLABEL maintainer=$M\n");
  }

  @Test
  void acceptsFilledAndUnknownValues() {
    tester.accepts("FROM alpine:3.20\nLABEL maintainer=me other=\"\"\n");
    tester.accepts("FROM alpine:3.20\nARG M\nLABEL maintainer=$M\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine:3.20
        LABEL maintainer=me
        # expect: DL3051
        LABEL maintainer=''
        """);
  }
}
