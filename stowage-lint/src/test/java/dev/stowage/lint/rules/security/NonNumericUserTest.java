package dev.stowage.lint.rules.security;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class NonNumericUserTest {
  private final RuleTester tester = RuleTester.of(NonNumericUser.class);

  @Test
  void catchesUserName() {
    tester.catches("FROM alpine:3.20\nUSER app\n");
    tester.catches("FROM alpine:3.20\nUSER app:1000\n");
  }

  @Test
  void catchesNameFromVariable() {
    tester.catches("FROM alpine:3.20\nARG U=app\nUSER $U\n");
  }

  @Test
  void acceptsNumericIds() {
    tester.accepts("FROM alpine:3.20\nUSER 1000\n");
    tester.accepts("FROM alpine:3.20\nUSER 1000:1000\n");
    tester.accepts("FROM alpine:3.20\nUSER 1000:app\n");
  }

  @Test
  void acceptsUnsetVariable() {
    tester.accepts("FROM alpine:3.20\nARG UID\nUSER $UID\n");
  }

  @Test
  void acceptsWindows() {
    tester.accepts("FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine:3.20
        USER 10001
        # expect: DL3066
        USER nobody
        """);
  }
}
