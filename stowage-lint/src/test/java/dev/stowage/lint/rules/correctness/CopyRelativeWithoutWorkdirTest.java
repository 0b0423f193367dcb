package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class CopyRelativeWithoutWorkdirTest {
  private final RuleTester tester = RuleTester.of(CopyRelativeWithoutWorkdir.class);

  @Test
  void catchesRelativeDestination() {
    tester.catches(
        """
        FROM alpine:3.20
        COPY app.py app/
        """);
    tester.catches(
        """
        FROM alpine:3.20
        COPY . .
        """);
  }

  @Test
  void acceptsAbsoluteAndWorkdir() {
    tester.accepts(
        """
        FROM alpine:3.20
        COPY app.py /app/
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        WORKDIR /app
        COPY . .
        """);
    tester.accepts(
        """
        FROM alpine:3.20 AS base
        WORKDIR /app
        FROM base
        COPY . .
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        ARG DEST=/opt
        COPY a $DEST
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        ARG DEST
        COPY a $DEST
        """);
    tester.accepts(
        """
        FROM mcr.microsoft.com/windows/servercore:ltsc2022
        COPY a c:\\\\app
        """);
  }

  @Test
  void marksHadolintExamples() {
    tester.check(
        """
        FROM alpine:3.20 AS one
        # expect: DL3045
        COPY package.json .
        WORKDIR /usr/src/app
        COPY package.json .
        FROM alpine:3.20
        # expect: DL3045
        COPY package.json .
        """);
  }
}
