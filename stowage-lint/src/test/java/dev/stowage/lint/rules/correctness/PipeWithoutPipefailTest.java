package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class PipeWithoutPipefailTest {
  private final RuleTester tester = RuleTester.of(PipeWithoutPipefail.class);

  @Test
  void catchesPipeWithDefaultShell() {
    tester.catches("FROM debian:12\nRUN wget -O - https://some.site | wc -l > /number\n");
  }

  @Test
  void acceptsShellWithPipefail() {
    tester.accepts("FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN wget -O - https://some.site | wc -l > /number\n");
    tester.accepts("FROM alpine:3.20\nSHELL [\"/bin/ash\", \"-eo\", \"pipefail\", \"-c\"]\nRUN wget -O - https://x | tar -x\n");
  }

  @Test
  void acceptsSetPipefailInScript() {
    tester.accepts("FROM debian:12\nRUN set -euo pipefail; curl -fsSL https://x | tar -xz\n");
  }

  @Test
  void acceptsNonPosixShell() {
    tester.accepts("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nRUN Get-ChildItem | Select-Object Name\n");
  }

  @Test
  void acceptsShellInheritedFromParentStage() {
    tester.accepts("FROM debian:12 AS base\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nFROM base\nRUN curl -fsSL https://x | tar -xz\n");
  }

  @Test
  void acceptsPipesWhereOnlyTheLastCommandCanFail() {
    tester.accepts("FROM debian:12\nRUN echo \"$SUM  f.tgz\" | sha256sum -c -\n");
  }

  @Test
  void catchesAfterShellResetInNewStage() {
    tester.catchesAt("FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://x | tar -xz\nFROM debian:12\nRUN curl -fsSL https://x | tar -xz\n", 5);
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM debian:12
        RUN curl -fsSL https://x -o x.tgz
        # expect: DL4006
        RUN curl -fsSL https://x | tar -xz
        SHELL ["/bin/bash", "-o", "pipefail", "-c"]
        RUN curl -fsSL https://x | tar -xz
        SHELL ["/bin/sh", "-c"]
        # expect: DL4006
        RUN curl -fsSL https://x | tar -xz
        """);
  }
}
