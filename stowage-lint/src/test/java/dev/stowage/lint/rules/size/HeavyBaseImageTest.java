package dev.stowage.lint.rules.size;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class HeavyBaseImageTest {
  private final RuleTester tester = RuleTester.of(HeavyBaseImage.class);

  private String suggestion(String from) {
    return tester.catches("FROM " + from + "\nCMD [\"run\"]\n").get(0).message();
  }

  @Test
  void suggestsTheExactSlimTag() {
    assertThat(suggestion("python:3.12")).contains("python:3.12-slim holds");
    assertThat(suggestion("python:3.12-bookworm")).contains("python:3.12-slim-bookworm");
    assertThat(suggestion("node:20")).contains("node:20-slim");
    assertThat(suggestion("node:20-bookworm")).contains("node:20-bookworm-slim");
    assertThat(suggestion("ruby:3.3")).contains("ruby:3.3-slim");
    assertThat(suggestion("debian:bookworm")).contains("debian:bookworm-slim");
    assertThat(suggestion("debian:12")).contains("debian:12-slim");
    assertThat(suggestion("python")).contains("python:slim");
  }

  @Test
  void suggestsAJreForJdkImages() {
    assertThat(suggestion("eclipse-temurin:21-jdk-jammy")).contains("eclipse-temurin:21-jre-jammy");
    assertThat(suggestion("eclipse-temurin:21")).contains("eclipse-temurin:21-jre");
    assertThat(suggestion("openjdk:17")).contains("eclipse-temurin:17-jre");
  }

  @Test
  void suggestsARuntimeForAnUnusedToolchain() {
    assertThat(suggestion("golang:1.22")).contains("nothing in the final image compiles");
  }

  @Test
  void acceptsSlimAlpineAndJreVariants() {
    tester.accepts("FROM python:3.12-slim\n");
    tester.accepts("FROM node:20-alpine\n");
    tester.accepts("FROM eclipse-temurin:21-jre\n");
    tester.accepts("FROM debian:bookworm-slim\n");
    tester.accepts("FROM ubuntu:24.04\n");
    tester.accepts("FROM myorg/python:3.12\n");
  }

  @Test
  void looksOnlyAtTheFinalImage() {
    tester.accepts("FROM python:3.12 AS build\nRUN pip wheel -w /w .\nFROM python:3.12-slim\nCOPY --from=build /w /w\n");
    tester.accepts("FROM golang:1.22 AS b\nRUN go build .\nFROM gcr.io/distroless/static\n");
  }

  @Test
  void leavesCompilingToolchainsToST2001() {
    tester.accepts("FROM golang:1.22\nCOPY . .\nRUN go build -o /app .\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM node:22-slim AS assets
        RUN npm run build
        # expect: ST2002
        FROM python:3.12
        COPY --from=assets /dist /static
        """);
  }
}
