package dev.stowage.lint.rules.size;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class UseraddHighUidWithoutNoLogInitTest {
  private final RuleTester tester = RuleTester.of(UseraddHighUidWithoutNoLogInit.class);

  @Test
  void catchesHighUid() {
    tester.catches(
        """
        FROM debian:12
        RUN useradd -u 123456 app
        """);
    tester.catches(
        """
        FROM debian:12
        ARG UID=1000000
        RUN useradd --uid=$UID app
        """);
  }

  @Test
  void acceptsLowUidAndNoLogInit() {
    tester.accepts(
        """
        FROM debian:12
        RUN useradd -u 1000 app
        """);
    tester.accepts(
        """
        FROM debian:12
        RUN useradd -l -u 123456 app
        """);
    tester.accepts(
        """
        FROM debian:12
        RUN useradd --no-log-init -u 123456 app
        """);
    tester.accepts(
        """
        FROM debian:12
        RUN useradd app
        """);
  }

  @Test
  void marksHadolintExamples() {
    tester.check(
        """
        FROM debian:12
        # expect: DL3046
        RUN useradd -u 123456 foobar
        RUN useradd -l -u 123456 foobar
        """);
  }
}
