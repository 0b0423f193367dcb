package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class DuplicateStageNameTest {
  private final RuleTester tester = RuleTester.of(DuplicateStageName.class);

  @Test
  void catchesRepeatedNames() {
    tester.catches(
        """
        FROM node:20 AS foo
        FROM scratch AS foo
        """);
    tester.catches(
        """
        FROM node:20 AS foo
        FROM scratch AS FOO
        """);
  }

  @Test
  void acceptsUniqueNames() {
    tester.accepts(
        """
        FROM node:20 AS foo
        FROM scratch AS bar
        """);
    tester.accepts(
        """
        FROM node:20
        FROM scratch
        """);
  }

  @Test
  void marksHadolintExamples() {
    tester.check(
        """
        FROM debian:jesse AS build
        RUN stuff
        # expect: DL3024
        FROM debian:jesse AS build
        RUN more_stuff
        """);
  }

  @Test
  void knowsTheBuildKitName() {
    org.assertj.core.api.Assertions.assertThat(tester.meta().aliases())
        .contains("DuplicateStageName");
  }
}
