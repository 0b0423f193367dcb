package dev.stowage.lint.rules.security;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class SudoInRunTest {
  private final RuleTester tester = RuleTester.of(SudoInRun.class);

  @Test
  void catchesSudo() {
    tester.catches("FROM debian:12\nRUN sudo apt-get install -y curl\n");
    tester.catches("FROM debian:12\nRUN true && /usr/bin/sudo -u app make\n");
    tester.catches("FROM debian:12\nRUN env FOO=1 sudo make install\n");
  }

  @Test
  void acceptsSudoAsAnArgument() {
    tester.accepts("FROM debian:12\nRUN apt-get install -y sudo\n");
    tester.accepts("FROM debian:12\nRUN echo sudo && usermod -aG sudo app\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM debian:12
        RUN apt-get install -y sudo
        # expect: DL3004
        RUN sudo apt-get update
        """);
  }
}
