package dev.stowage.lint.rules.maintainability;

import dev.stowage.lint.LintOptions;
import dev.stowage.lint.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MissingRequiredLabelTest {
  private final RuleTester tester = RuleTester.of(MissingRequiredLabel.class).withOptions(LintOptions.defaults().withRequiredLabels(Map.of("maintainer", "text", "org.opencontainers.image.source", "url")));

  @Test
  void catchesMissingLabel() {
    tester.catchesAt("FROM alpine:3.20\nLABEL maintainer=me\n", 1);
  }

  @Test
  void acceptsLabelsInheritedFromParentStage() {
    tester.accepts("FROM alpine:3.20 AS base\nLABEL maintainer=me org.opencontainers.image.source=https://x\nFROM base\nRUN true\n");
  }

  @Test
  void acceptsBuilderStagesThatAreOnlyCopiedFrom() {
    tester.accepts("FROM golang:1.22 AS build\nRUN go build\nFROM alpine:3.20\nLABEL maintainer=me org.opencontainers.image.source=https://x\nCOPY --from=build /app /app\n");
  }

  @Test
  void acceptsKeyFromUnsetVariable() {
    tester.accepts("FROM alpine:3.20\nARG K\nLABEL ${K}=x\n");
  }

  @Test
  void silentWithoutSchema() {
    RuleTester.of(MissingRequiredLabel.class).accepts("FROM alpine:3.20\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        # expect: DL3049
        FROM alpine:3.20 AS dev
        RUN true
        # expect: DL3049
        FROM alpine:3.20
        LABEL maintainer=me
        """);
  }
}
