package dev.stowage.lint.rules.maintainability;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class InlineIgnorePragmaTest {
  private final RuleTester tester = RuleTester.of(InlineIgnorePragma.class);

  @Test
  void catchesIgnorePragma() {
    tester.catches("FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n");
  }

  @Test
  void catchesPragmaWithSeveralIdsAndBlanks() {
    tester.catchesAt("FROM debian:12\n#hadolint ignore = DL3008, SC2086\nRUN true\n", 2);
  }

  @Test
  void acceptsOtherCommentsAndGlobalOrShellPragmas() {
    tester.accepts("FROM debian:12\n# install curl\nRUN true\n");
    tester.accepts("# hadolint global ignore=DL3008\nFROM debian:12\n");
    tester.accepts("# hadolint shell=bash\nFROM debian:12\n");
    tester.accepts("FROM debian:12\n# do not ignore=DL3008\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM debian:12
        # expect: DL1001
        # hadolint ignore=DL3003,DL3008
        RUN cd /tmp && apt-get install -y curl
        # just a comment
        RUN true
        """);
  }
}
