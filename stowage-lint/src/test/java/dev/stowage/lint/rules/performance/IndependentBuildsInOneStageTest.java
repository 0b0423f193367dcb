package dev.stowage.lint.rules.performance;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class IndependentBuildsInOneStageTest {
  private final RuleTester tester = RuleTester.of(IndependentBuildsInOneStage.class);

  @Test
  void catchesFrontendAndGoBackendInOneStage() {
    tester.catchesAt(
        """
        FROM golang:1.22
        RUN apt-get update && apt-get install -y nodejs npm
        WORKDIR /src
        COPY . .
        RUN cd web && npm ci && npm run build
        RUN go build -o /app ./cmd/server
        """,
        6);
  }

  @Test
  void catchesMavenAndYarn() {
    tester.catches("FROM maven:3.9\nCOPY . .\nRUN yarn install && yarn build\nRUN mvn -B package\n");
  }

  @Test
  void acceptsSeparateStages() {
    tester.accepts(
        """
        FROM node:22 AS web
        RUN npm ci && npm run build
        FROM golang:1.22 AS api
        RUN go build -o /app .
        """);
  }

  @Test
  void acceptsOneToolchainAndOneScript() {
    tester.accepts("FROM golang:1.22\nRUN go build ./a\nRUN go build ./b\n");
    tester.accepts("FROM golang:1.22\nRUN npm run build && go build .\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM rust:1.79
        RUN cargo build --release
        # expect: ST1004
        RUN pnpm run build
        """);
  }
}
