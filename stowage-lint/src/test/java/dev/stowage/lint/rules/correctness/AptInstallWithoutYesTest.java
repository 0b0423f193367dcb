package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class AptInstallWithoutYesTest {
  private final RuleTester tester = RuleTester.of(AptInstallWithoutYes.class);

  @Test
  void catchesInstallWithoutYes() {
    tester.catches("FROM debian:12\nRUN apt-get install python=2.7\n");
    tester.catches("FROM debian:12\nRUN apt install curl\n");
  }

  @Test
  void catchesSingleQuiet() {
    tester.catches("FROM debian:12\nRUN apt-get -q install curl\n");
  }

  @Test
  void acceptsEverySpellingOfYes() {
    tester.accepts("FROM debian:12\nRUN apt-get install -y python=2.7\n");
    tester.accepts("FROM debian:12\nRUN apt-get -yq install curl\n");
    tester.accepts("FROM debian:12\nRUN apt-get install --yes curl\n");
    tester.accepts("FROM debian:12\nRUN apt-get install --assume-yes curl\n");
    tester.accepts("FROM debian:12\nRUN apt-get -qq install curl\n");
    tester.accepts("FROM debian:12\nRUN apt-get -q -q install curl\n");
    tester.accepts("FROM debian:12\nRUN apt-get -o APT::Get::Assume-Yes=true install curl\n");
    tester.accepts("FROM debian:12\nRUN yes | apt-get install curl\n");
  }

  @Test
  void acceptsDryRunsAndOtherSubcommands() {
    tester.accepts("FROM debian:12\nRUN apt-get install -s curl\n");
    tester.accepts("FROM debian:12\nRUN apt-get update\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM debian:12
        RUN apt-get update
        # expect: DL3014
        RUN apt-get install python=2.7
        RUN apt-get install -y python=2.7
        """);
  }

  @Test
  void fixes() {
    tester.fixes(
        "FROM debian:12\nRUN apt-get update && apt-get install python=2.7 \\\n    curl\n",
        "FROM debian:12\nRUN apt-get update && apt-get install -y python=2.7 \\\n    curl\n");
    tester.fixes(
        "FROM debian:12\nRUN <<EOF\napt-get install curl\nEOF\n",
        "FROM debian:12\nRUN <<EOF\napt-get install -y curl\nEOF\n");
    tester.fixUnchanged("FROM debian:12\nRUN apt-get install -y curl\n");
  }
}
