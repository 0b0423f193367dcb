package dev.stowage.lint.rules.size;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class AptInstallRecommendsTest {
  private final RuleTester tester = RuleTester.of(AptInstallRecommends.class);

  @Test
  void catchesInstallWithRecommends() {
    tester.catches("FROM debian:12\nRUN apt-get install -y python=2.7\n");
  }

  @Test
  void acceptsNoInstallRecommendsAndTheOption() {
    tester.accepts("FROM debian:12\nRUN apt-get install -y --no-install-recommends python=2.7\n");
    tester.accepts(
        "FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n");
    tester.accepts("FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=0 curl\n");
  }

  @Test
  void acceptsRecommendsDisabledInAptConfigEarlier() {
    tester.accepts(
        """
        FROM debian:12
        RUN echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/99norecommends
        RUN apt-get update && apt-get install -y curl
        """);
    tester.accepts(
        """
        FROM debian:12 AS base
        RUN echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/99norecommends
        FROM base
        RUN apt-get install -y curl
        """);
  }

  @Test
  void acceptsDryRuns() {
    tester.accepts("FROM debian:12\nRUN apt-get install -s curl\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM debian:12
        # expect: DL3015
        RUN apt-get install -y python=2.7
        RUN apt-get install -y --no-install-recommends python=2.7
        """);
  }

  @Test
  void fixes() {
    tester.fixes(
        "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
        "FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl\n");
    tester.fixUnchanged("FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n");
  }
}
