package dev.stowage.lint.rules.maintainability;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class FromPlatformFlagTest {
  private final RuleTester tester = RuleTester.of(FromPlatformFlag.class);

  @Test
  void catchesFixedPlatform() {
    tester.catches(
        """
        FROM --platform=linux/amd64 debian:12
        """);
    tester.catches(
        """
        ARG P=linux/arm64
        FROM --platform=$P debian:12
        """);
  }

  @Test
  void acceptsPlatformArgs() {
    tester.accepts(
        """
        FROM debian:12
        """);
    tester.accepts(
        """
        FROM --platform=$BUILDPLATFORM golang:1.22 AS build
        """);
    tester.accepts(
        """
        FROM --platform="${TARGETPLATFORM:-linux/amd64}" busybox:1.36
        """);
    tester.accepts(
        """
        ARG PLATFORM=$BUILDPLATFORM
        FROM --platform=$PLATFORM golang:1.22
        """);
    tester.accepts(
        """
        ARG PLATFORM
        FROM --platform=$PLATFORM golang:1.22
        """);
  }

  @Test
  void marksHadolintExamples() {
    tester.check(
        """
        # expect: DL3029
        FROM --platform=linux/amd64 debian:jessie
        FROM --platform=${BUILDPLATFORM} golang:1.22 AS build
        """);
  }
}
