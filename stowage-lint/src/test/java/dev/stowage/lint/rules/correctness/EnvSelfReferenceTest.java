package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class EnvSelfReferenceTest {
  private final RuleTester tester = RuleTester.of(EnvSelfReference.class);

  @Test
  void catchesReferenceToEarlierPair() {
    tester.catches(
        """
        FROM alpine:3.20
        ENV A=1 B=$A
        """);
    tester.catches(
        """
        FROM alpine:3.20
        ENV DIR=/opt PATH=${DIR}/bin:$PATH
        """);
  }

  @Test
  void acceptsSeparateEnvsAndKnownNames() {
    tester.accepts(
        """
        FROM alpine:3.20
        ENV A=1
        ENV B=$A
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        ENV PATH=/opt/bin:$PATH
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        ARG A=1
        ENV A=2 B=$A
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        ENV A=1 B='$A'
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        ENV B=$A A=1
        """);
  }

  @Test
  void marksHadolintExamples() {
    tester.check(
        """
        FROM alpine:3.20
        # expect: DL3044
        ENV BLA="blubb" BLUBB="${BLA}/blubb"
        ENV BLA="blubb"
        ENV BLUBB="${BLA}/blubb"
        """);
  }
}
