package dev.stowage.lint.rules.buildkit;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class ConsistentInstructionCasingTest {
  private final RuleTester tester = RuleTester.of(ConsistentInstructionCasing.class);

  @Test
  void catchesMinorityCase() {
    tester.catchesAt("FROM alpine\nRUN echo hello\ncopy README.md .\n", 3);
    tester.catchesAt("from alpine\nrun echo hello\nCOPY README.md .\n", 3);
  }

  @Test
  void catchesMixedCaseKeyword() {
    tester.catchesAt("FROM alpine\nRun echo hello\n", 2);
  }

  @Test
  void tieGoesToUpperCase() {
    tester.catchesAt("from alpine\nRUN echo hello\n", 1);
  }

  @Test
  void acceptsConsistentFilesAndIgnoresGlobalArgs() {
    tester.accepts("FROM alpine\nRUN echo hello\nCOPY README.md .\n");
    tester.accepts("from alpine\nrun echo hello\n");
    tester.accepts("arg TAG=3\nFROM alpine:$TAG\nRUN true\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine AS build
        RUN echo hello
        # expect: ConsistentInstructionCasing
        Copy . /src
        # expect: ConsistentInstructionCasing
        workdir /src
        """);
  }

  @Test
  void fixes() {
    tester.fixes(
        "FROM alpine\nRUN echo hello\ncopy README.md .\n",
        "FROM alpine\nRUN echo hello\nCOPY README.md .\n");
    tester.fixUnchanged("FROM alpine\nRUN echo hello\n");
  }
}
