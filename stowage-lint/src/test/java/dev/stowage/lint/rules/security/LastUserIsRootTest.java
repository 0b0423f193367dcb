package dev.stowage.lint.rules.security;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class LastUserIsRootTest {
  private final RuleTester tester = RuleTester.of(LastUserIsRoot.class);

  @Test
  void catchesRootAsLastUser() {
    tester.catches("FROM debian:12\nUSER root\n");
    tester.catches("FROM debian:12\nUSER 0\n");
    tester.catches("FROM debian:12\nUSER root:root\n");
    tester.catches("FROM debian:12\nUSER 0:0\n");
  }

  @Test
  void catchesRootThroughAnArg() {
    tester.catchesAt("FROM debian:12\nARG RUNAS=root\nUSER ${RUNAS}\n", 3);
  }

  @Test
  void catchesRootInheritedFromTheBaseStage() {
    tester.catchesAt("FROM debian:12 AS base\nUSER root\nFROM base\nRUN true\n", 2);
  }

  @Test
  void acceptsUnprivilegedLastUserAndBuilderStages() {
    tester.accepts("FROM debian:12\nUSER root\nRUN apt-get update\nUSER app\n");
    tester.accepts("FROM golang:1.22 AS build\nUSER root\nFROM debian:12\nUSER 1000\n");
    tester.accepts("FROM debian:12\nRUN true\n");
    tester.accepts("FROM debian:12\nUSER rootless\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM debian:12 AS build
        USER root
        FROM debian:12
        USER app
        RUN true
        # expect: DL3002
        USER root
        """);
  }
}
