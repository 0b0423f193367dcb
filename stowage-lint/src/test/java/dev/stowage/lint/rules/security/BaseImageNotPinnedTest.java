package dev.stowage.lint.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class BaseImageNotPinnedTest {
  private final RuleTester tester = RuleTester.of(BaseImageNotPinned.class);

  @Test
  void catchesTagOnlyAndNamesTheResolvedImage() {
    assertThat(tester.catches("ARG V=3.12\nFROM python:${V}-slim\n").get(0).message())
        .contains("python:3.12-slim");
  }

  @Test
  void catchesUntagged() {
    tester.catches("FROM ubuntu\n");
  }

  @Test
  void acceptsDigestScratchAndStages() {
    String digest = "@sha256:" + "b".repeat(64);
    tester.accepts("FROM debian:12" + digest + "\n");
    tester.accepts("FROM scratch\n");
    tester.accepts("FROM debian:12" + digest + " AS base\nFROM base\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM golang:1.22@sha256:%s AS build
        # expect: ST3005
        FROM gcr.io/distroless/static-debian12
        COPY --from=build /app /app
        """
            .formatted("c".repeat(64)));
  }
}
