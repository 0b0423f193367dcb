package dev.stowage.lint.rules.buildkit;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class ExposeProtoCasingTest {
  private final RuleTester tester = RuleTester.of(ExposeProtoCasing.class);

  @Test
  void catchesUpperCaseProtocol() {
    tester.catches("FROM alpine\nEXPOSE 80/TcP\n");
    tester.catches("FROM alpine\nEXPOSE 53/UDP 80\n");
  }

  @Test
  void acceptsLowerCaseAndNoProtocol() {
    tester.accepts("FROM alpine\nEXPOSE 80/tcp 53/udp 8080\n");
  }

  @Test
  void catchesThroughVariables() {
    tester.catches("FROM alpine\nENV PORT=80/TCP\nEXPOSE $PORT\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine
        EXPOSE 80/tcp
        # expect: ExposeProtoCasing
        EXPOSE 443/TCP
        """);
  }

  @Test
  void fixes() {
    tester.fixes("FROM alpine\nEXPOSE 80/TcP\n", "FROM alpine\nEXPOSE 80/tcp\n");
    tester.fixUnchanged("FROM alpine\nEXPOSE 80/tcp\n");
  }
}
