package dev.stowage.lint.rules.maintainability;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class AptInsteadOfAptGetTest {
  private final RuleTester tester = RuleTester.of(AptInsteadOfAptGet.class);

  @Test
  void catchesApt() {
    tester.catches(
        """
        FROM debian:12
        RUN apt install -y curl
        """);
    tester.catches(
        """
        FROM debian:12
        RUN apt-get update && sudo apt upgrade -y
        """);
  }

  @Test
  void acceptsAptGetAndAptCache() {
    tester.accepts(
        """
        FROM debian:12
        RUN apt-get install -y curl
        """);
    tester.accepts(
        """
        FROM debian:12
        RUN apt-cache policy curl
        """);
    tester.accepts(
        """
        FROM debian:12
        RUN echo apt install
        """);
  }

  @Test
  void marksHadolintExamples() {
    tester.check(
        """
        FROM ubuntu:24.04
        # expect: DL3027
        RUN apt install -y python3
        RUN apt-get install -y python3
        """);
  }
}
