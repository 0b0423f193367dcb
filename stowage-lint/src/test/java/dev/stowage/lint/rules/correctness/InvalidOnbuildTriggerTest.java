package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class InvalidOnbuildTriggerTest {
  private final RuleTester tester = RuleTester.of(InvalidOnbuildTrigger.class);

  @Test
  void catchesForbiddenTriggers() {
    tester.catches(
        """
        FROM debian:12
        ONBUILD FROM debian:12
        """);
    tester.catches(
        """
        FROM debian:12
        ONBUILD MAINTAINER me
        """);
  }

  @Test
  void acceptsOrdinaryTriggers() {
    tester.accepts(
        """
        FROM debian:12
        ONBUILD RUN make
        """);
    tester.accepts(
        """
        FROM debian:12
        ONBUILD COPY . /src
        """);
  }

  @Test
  void marksHadolintExamples() {
    tester.check(
        """
        FROM debian:buster
        # expect: DL3043
        ONBUILD MAINTAINER Christopher Walken <cwalken@example.com>
        ONBUILD RUN echo hello
        """);
  }
}
