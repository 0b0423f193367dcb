package dev.stowage.lint.rules.buildkit;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class ExposeInvalidFormatTest {
  private final RuleTester tester = RuleTester.of(ExposeInvalidFormat.class);

  @Test
  void catchesIpAndHostPort() {
    tester.catches("FROM alpine\nEXPOSE 127.0.0.1:80:80\n");
    tester.catches("FROM alpine\nEXPOSE 80:80\n");
  }

  @Test
  void acceptsPortsAndRanges() {
    tester.accepts("FROM alpine\nEXPOSE 80 443/tcp 7000-7010/udp\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine
        EXPOSE 80
        # expect: ExposeInvalidFormat
        EXPOSE 8080:80
        """);
  }

  @Test
  void fixes() {
    tester.fixes("FROM alpine\nEXPOSE 127.0.0.1:8080:80/udp\n", "FROM alpine\nEXPOSE 80/udp\n");
    tester.fixUnchanged("FROM alpine\nEXPOSE 80\n");
  }
}
