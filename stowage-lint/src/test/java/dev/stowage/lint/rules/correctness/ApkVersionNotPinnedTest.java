package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class ApkVersionNotPinnedTest {
  private final RuleTester tester = RuleTester.of(ApkVersionNotPinned.class);

  @Test
  void catchesUnpinnedPackage() {
    tester.catches(
        """
        FROM alpine:3.20
        RUN apk add --no-cache curl
        """);
  }

  @Test
  void catchesGreaterThanOnly() {
    tester.catches(
        """
        FROM alpine:3.20
        RUN apk add "curl>8"
        """);
  }

  @Test
  void acceptsPinsFilesAndVirtualNames() {
    tester.accepts(
        """
        FROM alpine:3.20
        RUN apk add --no-cache curl=8.9.0-r0 bash~5.2
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        RUN apk add --no-cache --virtual .build-deps gcc=13.2.1-r0
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        RUN apk add --allow-untrusted /tmp/pkg.apk
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        RUN apk add $PACKAGES
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        RUN apk update && apk upgrade
        """);
  }

  @Test
  void marksHadolintExamples() {
    tester.check(
        """
        FROM alpine:3.20
        RUN apk add --no-cache \\
          # expect: DL3018
          bash \\
          ca-certificates=20240705-r0
        RUN apk add -t .deps gcc=13.2.1-r0 musl-dev=1.2.5-r0
        """);
  }
}
