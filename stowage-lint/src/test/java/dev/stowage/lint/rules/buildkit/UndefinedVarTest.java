package dev.stowage.lint.rules.buildkit;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class UndefinedVarTest {
  private final RuleTester tester = RuleTester.of(UndefinedVar.class);

  @Test
  void catchesUndefinedInCopy() {
    tester.catches("FROM alpine AS base\nCOPY $foo .\n");
  }

  @Test
  void suggestsCloseName() {
    org.assertj.core.api.Assertions.assertThat(
            tester.catches("FROM alpine\nENV PATH=$PAHT:/app/bin\n").get(0).message())
        .contains("did you mean $PATH?");
  }

  @Test
  void catchesGlobalArgNotRedeclared() {
    tester.catches("ARG VERSION=1\nFROM scratch\nLABEL version=$VERSION\n");
  }

  @Test
  void catchesSameInstructionEnvReference() {
    tester.catches("FROM scratch\nENV A=1 B=$A\n");
  }

  @Test
  void acceptsDeclaredArgsEnvsAndPath() {
    tester.accepts("FROM alpine\nARG foo\nCOPY $foo .\n");
    tester.accepts("FROM alpine\nENV DIR=/app\nWORKDIR $DIR\nENV PATH=$PATH:$DIR\n");
    tester.accepts("FROM scratch\nARG A=1 B=$A\n");
    tester.accepts("ARG VERSION=1\nFROM scratch\nARG VERSION\nLABEL version=$VERSION\n");
  }

  @Test
  void acceptsWhatTheBaseStageDefines() {
    tester.accepts("FROM alpine AS base\nARG X=1\nENV Y=2\nFROM base\nLABEL x=$X y=$Y\n");
  }

  @Test
  void skipsStagesWhoseBaseEnvironmentIsUnknown() {
    tester.accepts("FROM python:3.12\nENV V=$PYTHON_VERSION\n");
    tester.accepts("FROM python:3.12 AS py\nFROM py\nENV V=$PYTHON_VERSION\n");
  }

  @Test
  void ignoresRunCommandsAndExposeButChecksMounts() {
    tester.accepts("FROM alpine\nRUN echo $HOME\nEXPOSE $PORT\nCMD echo $X\n");
    tester.catches("FROM alpine\nRUN --mount=type=cache,target=$CACHE true\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM debian:bookworm
        ARG APP=/srv/app
        WORKDIR $APP
        # expect: UndefinedVar
        COPY . ${APP_DIR}
        # expect: UndefinedVar
        USER $UID
        """);
  }
}
