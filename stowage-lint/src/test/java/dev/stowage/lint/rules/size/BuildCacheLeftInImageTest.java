package dev.stowage.lint.rules.size;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class BuildCacheLeftInImageTest {
  private final RuleTester tester = RuleTester.of(BuildCacheLeftInImage.class);

  @Test
  void catchesGoBuildCachesInTheFinalImage() {
    var f = tester.catches("FROM golang:1.22\nCOPY . .\nRUN go build -o /app .\n");
    assertThat(f.get(0).message()).contains("/root/.cache/go-build").contains("/go/pkg/mod");
  }

  @Test
  void catchesNpmMavenComposerAndGemDocs() {
    tester.catches("FROM node:22-slim\nRUN npm ci --omit=dev\n");
    tester.catches("FROM maven:3.9\nRUN mvn -B package\n");
    tester.catches("FROM php:8.3\nRUN composer install --no-dev\n");
    tester.catches("FROM alpine:3.20\nRUN apk add --no-cache ruby && gem install rake\n");
  }

  @Test
  void acceptsCleanupInTheSameRun() {
    tester.accepts("FROM node:22-slim\nRUN npm ci --omit=dev && npm cache clean --force\n");
    tester.accepts("FROM node:22-slim\nRUN npm ci --omit=dev && rm -rf ~/.npm\n");
    tester.accepts("FROM golang:1.22\nRUN go build -o /app . && go clean -cache -modcache\n");
    tester.accepts("FROM maven:3.9\nRUN mvn -B package && rm -rf /root/.m2\n");
    tester.accepts("FROM php:8.3\nRUN composer install --no-dev --no-cache\n");
  }

  @Test
  void acceptsCacheMounts() {
    tester.accepts("FROM node:22-slim\nRUN --mount=type=cache,target=/root/.npm npm ci --omit=dev\n");
    tester.accepts(
        "FROM golang:1.22\nRUN --mount=type=cache,target=/go/pkg/mod"
            + " --mount=type=cache,target=/root/.cache/go-build go build -o /app .\n");
  }

  @Test
  void acceptsGemInstallWhereDocumentationIsOff() {
    tester.accepts("FROM ruby:3.3\nRUN gem install rake\n");
    tester.accepts("FROM alpine\nRUN gem install --no-document rake\n");
  }

  @Test
  void acceptsBuildStages() {
    tester.accepts("FROM golang:1.22 AS b\nRUN go build -o /app .\nFROM alpine\nCOPY --from=b /app /app\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM node:22-slim
        WORKDIR /app
        COPY package*.json ./
        # expect: ST2005
        RUN npm ci --omit=dev
        COPY . .
        """);
  }
}
