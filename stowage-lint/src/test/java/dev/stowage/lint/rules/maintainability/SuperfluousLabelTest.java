package dev.stowage.lint.rules.maintainability;

import dev.stowage.lint.LintOptions;
import dev.stowage.lint.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuperfluousLabelTest {
  private final RuleTester tester = RuleTester.of(SuperfluousLabel.class).withOptions(LintOptions.defaults().withRequiredLabels(Map.of("maintainer", "text")).withStrictLabels(true));

  @Test
  void catchesLabelOutsideSchema() {
    tester.catchesAt("FROM alpine:3.20\nLABEL maintainer=me extra=1\n", 2);
  }

  @Test
  void acceptsSchemaLabels() {
    tester.accepts("FROM alpine:3.20\nLABEL maintainer=me\n");
  }

  @Test
  void silentWithoutStrictLabels() {
    RuleTester.of(SuperfluousLabel.class).accepts("FROM alpine:3.20\nLABEL extra=1\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine:3.20
        LABEL maintainer=me
        # expect: DL3050
        LABEL build-host=ci
        """);
  }
}
