package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class ShellChangedWithLnTest {
  private final RuleTester tester = RuleTester.of(ShellChangedWithLn.class);

  @Test
  void catchesRelinkingBinSh() {
    tester.catches("FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\n");
    tester.catches("FROM debian:12\nRUN ln -sfT bash /bin/sh\n");
  }

  @Test
  void acceptsLinksToBinSh() {
    tester.accepts("FROM debian:12\nRUN ln -s /bin/sh /usr/local/bin/sh\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM debian:12
        RUN ln -s /usr/bin/python3 /usr/bin/python
        # expect: DL4005
        RUN ln -sf /bin/bash /bin/sh
        """);
  }
}
