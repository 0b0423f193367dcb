package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class CopyToNonDirectoryTest {
  private final RuleTester tester = RuleTester.of(CopyToNonDirectory.class);

  @Test
  void catchesFileDestination() {
    tester.catches(
        """
        FROM alpine:3.20
        COPY a.txt b.txt /data
        """);
    tester.catches(
        """
        FROM alpine:3.20
        ADD a b dir
        """);
  }

  @Test
  void acceptsDirectoriesAndSingleSources() {
    tester.accepts(
        """
        FROM alpine:3.20
        COPY a.txt b.txt /data/
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        COPY ["a.txt", "b.txt", "/data/"]
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        COPY a.txt /data
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        ARG DEST=/data/
        COPY a b $DEST
        """);
  }

  @Test
  void marksHadolintExamples() {
    tester.check(
        """
        FROM node:20
        # expect: DL3021
        COPY package.json yarn.lock my_app
        COPY package.json yarn.lock my_app/
        """);
  }

  @Test
  void appendsTheSlash() {
    tester.fixes(
        """
        FROM alpine:3.20
        COPY a b /data
        """,
        """
        FROM alpine:3.20
        COPY a b /data/
        """);
  }
}
