package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class CopyFromUndefinedStageTest {
  private final RuleTester tester = RuleTester.of(CopyFromUndefinedStage.class);

  @Test
  void catchesUnknownAndLaterStages() {
    tester.catches(
        """
        FROM alpine:3.20
        COPY --from=foo bar .
        """);
    tester.catches(
        """
        FROM alpine:3.20
        COPY --from=build foo /
        FROM node:20 AS build
        """);
    tester.catches(
        """
        FROM alpine:3.20
        COPY --from=3 /a /a
        """);
  }

  @Test
  void acceptsStagesIndexesAndImages() {
    tester.accepts(
        """
        FROM golang:1.22 AS build
        FROM alpine:3.20
        COPY --from=build /app /app
        """);
    tester.accepts(
        """
        FROM golang:1.22 AS Build
        FROM alpine:3.20
        COPY --from=BUILD /app /app
        """);
    tester.accepts(
        """
        FROM golang:1.22
        FROM alpine:3.20
        COPY --from=0 /app /app
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        COPY --from=nginx:1.27 /etc/nginx /etc/nginx
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        COPY --from=ghcr.io/acme/tools /bin/t /bin/t
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        ARG FROM_STAGE
        COPY --from=$FROM_STAGE /a /a
        """);
  }

  @Test
  void marksHadolintExamples() {
    tester.check(
        """
        FROM scratch AS build
        RUN foo
        FROM node:20
        COPY --from=build foo .
        # expect: DL3022
        COPY --from=buidl foo .
        """);
  }
}
