package dev.stowage.lint.rules.performance;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class DependenciesInstalledAfterSourceCopyTest {
  private final RuleTester tester = RuleTester.of(DependenciesInstalledAfterSourceCopy.class);

  @Test
  void catchesNpmCiAfterCopyingEverything() {
    tester.catchesAt("FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"server.js\"]\n", 4);
  }

  @Test
  void catchesPipRequirementsAndBundleAndComposer() {
    tester.catches("FROM python:3.12-slim\nCOPY . /app\nRUN pip install --no-cache-dir -r /app/requirements.txt\n");
    tester.catches("FROM ruby:3.3\nCOPY . .\nRUN bundle install\n");
    tester.catches("FROM composer:2\nADD . /app\nRUN composer install --no-dev\n");
    tester.catches("FROM python:3.12\nCOPY . .\nRUN poetry install --only main\n");
  }

  @Test
  void catchesGoBuildThatDownloadsModules() {
    tester.catches("FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /app ./cmd/app\n");
  }

  @Test
  void catchesMavenPackageWithoutPriorDependencyResolution() {
    tester.catches("FROM maven:3.9-eclipse-temurin-21 AS build\nCOPY . .\nRUN mvn -B package -DskipTests\n");
  }

  @Test
  void acceptsManifestsFirst() {
    tester.accepts(
        """
        FROM node:22-slim
        WORKDIR /app
        COPY package.json package-lock.json ./
        RUN npm ci
        COPY . .
        RUN npm run build
        """);
  }

  @Test
  void acceptsGoBuildAfterModDownload() {
    tester.accepts(
        """
        FROM golang:1.22 AS build
        WORKDIR /src
        COPY go.mod go.sum ./
        RUN go mod download
        COPY . .
        RUN go build -o /app .
        """);
  }

  @Test
  void acceptsGoBuildWithModuleCacheMount() {
    tester.accepts(
        "FROM golang:1.22\nCOPY . .\nRUN --mount=type=cache,target=/go/pkg/mod go build -o /app .\n");
  }

  @Test
  void acceptsInstallingNamedToolsAndCopiesFromStages() {
    tester.accepts("FROM node:22\nCOPY . .\nRUN npm install -g pm2\n");
    tester.accepts("FROM node:22\nCOPY --from=build /src/dist .\nRUN npm ci\n");
    tester.accepts("FROM python:3.12\nCOPY . .\nRUN pip install .\n");
  }

  @Test
  void looksAtEachStageOnItsOwn() {
    tester.accepts("FROM node:22 AS a\nCOPY . .\nFROM node:22\nCOPY package*.json ./\nRUN npm ci\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM node:22 AS web
        WORKDIR /web
        COPY . .
        # expect: ST1001
        RUN npm ci && npm run build

        FROM golang:1.22 AS api
        WORKDIR /src
        COPY go.mod go.sum ./
        RUN go mod download
        COPY . .
        RUN go build -o /api .
        """);
  }
}
