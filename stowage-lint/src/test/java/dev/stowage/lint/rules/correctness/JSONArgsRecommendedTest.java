package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class JSONArgsRecommendedTest {
  private final RuleTester tester = RuleTester.of(JSONArgsRecommended.class);

  @Test
  void catchesShellForm() {
    tester.catches(
        """
        FROM alpine:3.20
        CMD my-program start
        """);
    tester.catches(
        """
        FROM alpine:3.20
        ENTRYPOINT my-program start
        """);
  }

  @Test
  void acceptsExecFormAndExplicitShell() {
    tester.accepts(
        """
        FROM alpine:3.20
        CMD ["my-program", "start"]
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        SHELL ["/bin/bash", "-c"]
        CMD my-program start
        """);
    tester.accepts(
        """
        FROM alpine:3.20 AS base
        SHELL ["/bin/ash", "-c"]
        FROM base
        ENTRYPOINT my-program start
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        RUN echo hi
        """);
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine:3.20
        # expect: DL3025
        ENTRYPOINT my-program start
        # expect: DL3025
        CMD exec my-program --verbose
        FROM alpine:3.20
        CMD ["my-program"]
        """);
  }

  @Test
  void knowsTheBuildKitName() {
    org.assertj.core.api.Assertions.assertThat(tester.meta().aliases())
        .contains("JSONArgsRecommended");
  }
}
