package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class WorkdirRelativePathTest {
  private final RuleTester tester = RuleTester.of(WorkdirRelativePath.class);

  @Test
  void catchesRelativeWorkdir() {
    tester.catches("FROM busybox:1.36\nWORKDIR usr/src/app\n");
  }

  @Test
  void catchesRelativeValueOfAVariable() {
    tester.catchesAt("FROM busybox:1.36\nARG DIR=app\nWORKDIR $DIR\n", 3);
  }

  @Test
  void catchesQuotedRelativePath() {
    tester.catches("FROM nginx:1.27\nWORKDIR \"html\"\n");
  }

  @Test
  void acceptsAbsoluteQuotedWindowsAndResolvedPaths() {
    tester.accepts("FROM busybox:1.36\nWORKDIR /usr/src/app\n");
    tester.accepts("FROM busybox:1.36\nWORKDIR \"/usr/src/app\"\n");
    tester.accepts("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\\\app\n");
    tester.accepts("FROM busybox:1.36\nENV HOME=/root\nWORKDIR $HOME/app\n");
  }

  @Test
  void acceptsUnknownVariables() {
    tester.accepts("FROM busybox:1.36\nWORKDIR $MYWORKDIR\n");
    tester.accepts("FROM busybox:1.36\nWORKDIR ${APP_HOME}/bin\n");
  }

  @Test
  void acceptsRelativeAfterAnAbsoluteWorkdirInTheLineage() {
    tester.accepts("FROM busybox:1.36\nWORKDIR /app\nWORKDIR src\n");
    tester.accepts("FROM busybox:1.36 AS base\nWORKDIR /app\nFROM base\nWORKDIR src\n");
  }

  @Test
  void catchesRelativeInAStageThatDoesNotInheritTheWorkdir() {
    tester.catchesAt("FROM busybox:1.36 AS a\nWORKDIR /app\nFROM alpine:3.20\nWORKDIR src\n", 4);
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM nginx:1.27 AS web
        # expect: DL3000
        WORKDIR usr/share/nginx/html
        COPY public .
        FROM nginx:1.27
        WORKDIR /usr/share/nginx/html
        WORKDIR assets
        """);
  }
}
