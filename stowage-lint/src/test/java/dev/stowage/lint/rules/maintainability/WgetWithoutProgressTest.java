package dev.stowage.lint.rules.maintainability;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class WgetWithoutProgressTest {
  private final RuleTester tester = RuleTester.of(WgetWithoutProgress.class);

  @Test
  void catchesPlainWget() {
    tester.catches(
        """
        FROM debian:12
        RUN wget https://example.com/big.tar.gz
        """);
    tester.catches(
        """
        FROM debian:12
        RUN wget -O /tmp/x https://example.com/x
        """);
  }

  @Test
  void acceptsQuietAndProgress() {
    tester.accepts(
        """
        FROM debian:12
        RUN wget --progress=dot:giga https://example.com/big.tar.gz
        """);
    tester.accepts(
        """
        FROM debian:12
        RUN wget -q https://example.com/x
        """);
    tester.accepts(
        """
        FROM debian:12
        RUN wget -qO- https://example.com/x | tar x
        """);
    tester.accepts(
        """
        FROM debian:12
        RUN wget -nv https://example.com/x
        """);
    tester.accepts(
        """
        FROM debian:12
        RUN wget --no-verbose https://example.com/x
        """);
    tester.accepts(
        """
        FROM debian:12
        RUN wget -o /tmp/log https://example.com/x
        """);
  }

  @Test
  void marksHadolintExamples() {
    tester.check(
        """
        FROM debian:12
        # expect: DL3047
        RUN wget http://google.com
        RUN wget --progress=dot:giga http://google.com
        """);
  }
}
