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
    // any mount keeps what is written below it out of the layer
    tester.accepts("FROM node:22-slim\nRUN --mount=type=tmpfs,target=/root/.npm npm ci --omit=dev\n");
  }

  @Test
  void catchesYarnsV8CompileCacheInTmp() {
    // yarn 1's launcher loads v8-compile-cache whatever the command, and writes it on exit.
    var f = tester.catches("FROM node:18-slim\nCOPY . .\nRUN yarn install --frozen-lockfile --production && yarn cache clean\n");
    assertThat(f.get(0).message()).contains("/tmp/v8-compile-cache-0").contains("DISABLE_V8_COMPILE_CACHE=1");
    assertThat(tester.catches("FROM node:18-slim\nUSER 1000\nRUN yarn build\n").get(0).message())
        .contains("/tmp/v8-compile-cache-1000");
    assertThat(tester.catches("FROM node:18-slim\nUSER node\nENV TMPDIR=/var/tmp\nRUN yarn build\n").get(0).message())
        .contains("/var/tmp/v8-compile-cache-UID")
        .contains("--mount=type=tmpfs,target=/var/tmp)");
    // a mount elsewhere does not help
    tester.catches("FROM node:18-slim\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n");
  }

  @Test
  void acceptsYarnWithoutTheV8CacheLeftBehind() {
    tester.accepts("FROM node:18-slim\nENV DISABLE_V8_COMPILE_CACHE=1\nRUN yarn install\n");
    tester.accepts("FROM node:18-slim\nRUN DISABLE_V8_COMPILE_CACHE=1 yarn install\n");
    tester.accepts("FROM node:18-slim\nRUN export DISABLE_V8_COMPILE_CACHE=1 && yarn install\n");
    tester.accepts("FROM node:18-slim\nRUN env DISABLE_V8_COMPILE_CACHE=1 yarn install\n");
    tester.accepts("FROM node:18-slim\nRUN --mount=type=tmpfs,target=/tmp yarn install\n");
    tester.accepts("FROM node:18-slim\nRUN yarn install && rm -rf /tmp/*\n");
    tester.accepts("FROM node:18-slim\nRUN yarn install && rm -rf /tmp/v8-compile-cache-0\n");
    // with corepack, yarn is whatever version the project pins: berry keeps no V8 cache
    tester.accepts("FROM node:22-slim\nRUN corepack enable\nRUN yarn install --immutable\n");
    tester.accepts("FROM node:18 AS build\nRUN yarn install && yarn build\nFROM nginx\nCOPY --from=build /dist /usr/share/nginx/html\n");
  }

  @Test
  void fixesYarnsV8CompileCacheByDisablingItForEachYarnCommand() {
    tester.fixes(
        "FROM node:18-slim\nCOPY . .\nRUN yarn install --frozen-lockfile && yarn build\n",
        "FROM node:18-slim\nCOPY . .\nRUN DISABLE_V8_COMPILE_CACHE=1 yarn install --frozen-lockfile"
            + " && DISABLE_V8_COMPILE_CACHE=1 yarn build\n");
    tester.fixes(
        "FROM node:18-slim\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn \\\n    CI=true yarn install\n",
        "FROM node:18-slim\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn \\\n"
            + "    CI=true DISABLE_V8_COMPILE_CACHE=1 yarn install\n");
    // a yarn command that already sets it is left as it is
    tester.fixes(
        "FROM node:18-slim\nRUN DISABLE_V8_COMPILE_CACHE=1 yarn install && yarn build\n",
        "FROM node:18-slim\nRUN DISABLE_V8_COMPILE_CACHE=1 yarn install && DISABLE_V8_COMPILE_CACHE=1 yarn build\n");
  }

  @Test
  void leavesOtherCachesAndWrappedYarnToTheUser() {
    // sudo may drop the variable: reported, not fixed
    var f = tester.catches("FROM node:18-slim\nRUN sudo -u node yarn install\n");
    assertThat(f.get(0).fix()).isEmpty();
    tester.fixUnchanged("FROM node:18-slim\nRUN sudo -u node yarn install\n");
    assertThat(tester.catches("FROM node:22-slim\nRUN npm ci --omit=dev\n").get(0).fix()).isEmpty();
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
