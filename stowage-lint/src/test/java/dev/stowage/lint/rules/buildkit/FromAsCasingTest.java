package dev.stowage.lint.rules.buildkit;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class FromAsCasingTest {
  private final RuleTester tester = RuleTester.of(FromAsCasing.class);

  @Test
  void catchesLowerAsAfterUpperFrom() {
    tester.catches("FROM debian:latest as builder\n");
  }

  @Test
  void catchesUpperAsAfterLowerFrom() {
    tester.catches("from debian:latest AS builder\n");
  }

  @Test
  void acceptsMatchingCaseAndMixedFromKeyword() {
    tester.accepts("FROM debian:latest AS deb-builder\n");
    tester.accepts("from debian:latest as deb-builder\n");
    tester.accepts("From debian:latest as deb-builder\n");
    tester.accepts("FROM debian:latest\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine AS a
        # expect: FromAsCasing
        FROM alpine As b
        """);
  }

  @Test
  void fixes() {
    tester.fixes("FROM debian as build\n", "FROM debian AS build\n");
    tester.fixes("from debian AS build\n", "from debian as build\n");
    tester.fixUnchanged("FROM debian AS build\n");
  }
}
