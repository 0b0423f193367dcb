package dev.stowage.lint.rules.maintainability;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class InvalidLabelKeyTest {
  private final RuleTester tester = RuleTester.of(InvalidLabelKey.class);

  @Test
  void catchesUpperCaseAndUnderscore() {
    tester.catchesAt("FROM alpine:3.20\nLABEL Version=1 my_key=x\n", 2);
  }

  @Test
  void catchesReservedNamespaces() {
    tester.catches("FROM alpine:3.20\nLABEL com.docker.thing=1\n");
    tester.catches("FROM alpine:3.20\nLABEL io.docker.x=1\n");
    tester.catches("FROM alpine:3.20\nLABEL org.dockerproject.x=1\n");
  }

  @Test
  void catchesBadEdgesAndRepeatedSeparators() {
    tester.catches("FROM alpine:3.20\nLABEL 1abc=x\n");
    tester.catches("FROM alpine:3.20\nLABEL abc.=x\n");
    tester.catches("FROM alpine:3.20\nLABEL a..b=x\n");
    tester.catches("FROM alpine:3.20\nLABEL a--b=x\n");
  }

  @Test
  void catchesKeyFromVariable() {
    tester.catches("FROM alpine:3.20\nARG K=Bad_Key\nLABEL ${K}=x\n");
  }

  @Test
  void acceptsConventionalKeys() {
    tester.accepts("FROM alpine:3.20\nLABEL org.opencontainers.image.source=https://x maintainer=me version=1.0 a-b.c2=x\n");
    tester.accepts("FROM alpine:3.20\nLABEL \"org.example.key\"=x\n");
  }

  @Test
  void acceptsUnresolvableKey() {
    tester.accepts("FROM alpine:3.20\nARG K\nLABEL ${K}=x\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine:3.20
        LABEL maintainer=me
        # expect: DL3048
        LABEL com.docker.extension.api=1
        # expect: DL3048
        LABEL Maintainer=me
        """);
  }
}
