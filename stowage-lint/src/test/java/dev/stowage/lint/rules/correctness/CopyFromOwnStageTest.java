package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class CopyFromOwnStageTest {
  private final RuleTester tester = RuleTester.of(CopyFromOwnStage.class);

  @Test
  void catchesOwnName() {
    tester.catches(
        """
        FROM debian:12 AS build
        COPY --from=build /a /b
        """);
    tester.catches(
        """
        FROM debian:12
        COPY --from=0 /a /b
        """);
  }

  @Test
  void acceptsOtherStages() {
    tester.accepts(
        """
        FROM debian:12 AS build
        FROM debian:12 AS run
        COPY --from=build /a /b
        """);
    tester.accepts(
        """
        FROM debian:12 AS build
        FROM debian:12
        COPY --from=build /a /b
        """);
  }

  @Test
  void marksHadolintExamples() {
    tester.check(
        """
        FROM debian:12 AS builder
        RUN make
        # expect: DL3023
        COPY --from=Builder /usr/src/app/ /app/
        """);
  }
}
