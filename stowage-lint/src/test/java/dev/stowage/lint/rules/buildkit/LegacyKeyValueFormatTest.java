package dev.stowage.lint.rules.buildkit;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class LegacyKeyValueFormatTest {
  private final RuleTester tester = RuleTester.of(LegacyKeyValueFormat.class);

  @Test
  void catchesLegacyEnvAndLabel() {
    tester.catches("FROM alpine\nARG foo\nENV foo bar\n");
    tester.catches("FROM alpine\nLABEL maintainer someone\n");
  }

  @Test
  void acceptsKeyValueForm() {
    tester.accepts("FROM alpine\nARG foo\nENV foo=bar\n");
    tester.accepts("FROM alpine\nENV a=1 b=\"2 3\"\nLABEL x=y\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine
        ENV A=1
        # expect: LegacyKeyValueFormat
        ENV PATH /opt/bin:$PATH
        """);
  }

  @Test
  void fixes() {
    tester.fixes("FROM alpine\nENV foo bar\n", "FROM alpine\nENV foo=bar\n");
    tester.fixes("FROM alpine\nENV MSG hello world\n", "FROM alpine\nENV MSG=\"hello world\"\n");
    tester.fixes("FROM alpine\nENV MSG \"a b\"\n", "FROM alpine\nENV MSG=\"a b\"\n");
    tester.fixUnchanged("FROM alpine\nENV foo=bar\n");
  }

  @Test
  void reportsWithoutFixWhenQuotingIsUnsafe() {
    tester.catches("FROM alpine\nENV MSG a \"b c\"\n");
    tester.fixUnchanged("FROM alpine\nENV MSG a \"b c\"\n");
  }
}
