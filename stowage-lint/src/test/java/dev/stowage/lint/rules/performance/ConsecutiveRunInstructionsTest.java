package dev.stowage.lint.rules.performance;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class ConsecutiveRunInstructionsTest {
  private final RuleTester tester = RuleTester.of(ConsecutiveRunInstructions.class);

  @Test
  void catchesTwoShortRuns() {
    tester.catchesAt("FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN mkdir /app\n", 3);
  }

  @Test
  void catchesAcrossComments() {
    tester.catchesAt("FROM alpine:3.20\nRUN mkdir /app\n# then\nRUN chown 1000 /app\n", 4);
  }

  @Test
  void acceptsRunsWithDifferentFlags() {
    tester.accepts("FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache pip install x\nRUN mkdir /app\n");
  }

  @Test
  void acceptsLongScripts() {
    tester.accepts("FROM alpine:3.20\nRUN a && b && c\nRUN d\n");
  }

  @Test
  void acceptsRunsSeparatedByOtherInstructions() {
    tester.accepts("FROM alpine:3.20\nRUN mkdir /app\nWORKDIR /app\nRUN touch x\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM debian:12
        RUN apt-get update
        # expect: DL3059
        RUN apt-get install -y curl
        # expect: DL3059
        RUN echo done
        FROM debian:12
        RUN true
        """);
  }
}
