package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class MissingHealthcheckTest {
  private final RuleTester tester = RuleTester.of(MissingHealthcheck.class);

  @Test
  void catchesFinalImageWithoutHealthcheck() {
    tester.catches("FROM alpine:3.20\nCMD [\"app\"]\n");
  }

  @Test
  void acceptsHealthcheckOrNone() {
    tester.accepts("FROM alpine:3.20\nHEALTHCHECK CMD wget -q --spider http://localhost/ || exit 1\n");
    tester.accepts("FROM alpine:3.20\nHEALTHCHECK NONE\n");
  }

  @Test
  void acceptsHealthcheckInheritedFromParentStage() {
    tester.accepts("FROM alpine:3.20 AS base\nHEALTHCHECK CMD true\nFROM base\nCMD [\"app\"]\n");
  }

  @Test
  void ignoresBuilderStages() {
    tester.accepts("FROM golang:1.22 AS build\nRUN go build\nFROM alpine:3.20\nHEALTHCHECK CMD true\nCOPY --from=build /app /app\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM golang:1.22 AS build
        RUN go build
        # expect: DL3057
        FROM alpine:3.20
        COPY --from=build /app /app
        """);
  }
}
