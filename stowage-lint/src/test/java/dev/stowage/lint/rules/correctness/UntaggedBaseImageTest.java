package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class UntaggedBaseImageTest {
  private final RuleTester tester = RuleTester.of(UntaggedBaseImage.class);

  @Test
  void catchesUntaggedImage() {
    tester.catches("FROM debian\n");
  }

  @Test
  void catchesUntaggedAfterArgExpansion() {
    tester.catchesAt("ARG IMAGE=debian\nFROM debian AS a\nFROM alpine:3.20\n", 2);
  }

  @Test
  void acceptsTagsDigestsScratchStagesAndVariables() {
    tester.accepts("FROM debian:bookworm\n");
    tester.accepts("FROM debian@sha256:" + "a".repeat(64) + "\n");
    tester.accepts("FROM scratch\n");
    tester.accepts("FROM golang:1.22 AS build\nFROM build\n");
    tester.accepts("ARG BASE\nFROM $BASE\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine:3.20 AS base
        # expect: DL3006
        FROM ubuntu AS other
        FROM base
        """);
  }
}
