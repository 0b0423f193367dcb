package dev.stowage.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.lint.shellcheck.ShellCheck;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the real {@code shellcheck}; fails (never skips) when it is not on PATH. */
class LinterShellCheckTest {
  private static final LintOptions ON = LintOptions.defaults().withShellcheck(true);
  private final Linter linter = Linter.of(List.of());

  @BeforeAll
  static void shellcheckIsInstalled() {
    assertThat(ShellCheck.onPath()).as("shellcheck on PATH (CI installs it)").isPresent();
  }

  private List<Finding> lint(String src) {
    LintResult r = linter.lintWithReport(Dockerfile.parse(src), ON);
    assertThat(r.warnings()).isEmpty();
    return r.findings();
  }

  private static List<String> where(List<Finding> fs) {
    return fs.stream()
        .map(
            f ->
                f.rule()
                    + "@"
                    + f.line()
                    + ":"
                    + f.column()
                    + "-"
                    + f.endLine()
                    + ":"
                    + f.endColumn())
        .toList();
  }

  @Test
  void findsUnquotedVariableAtItsColumn() {
    List<Finding> f = lint("FROM alpine:3.20\nRUN echo $HOME\n");
    assertThat(where(f)).containsExactly("SC2086@2:10-2:15");
    assertThat(f.get(0).severity()).isEqualTo(Severity.INFO);
    assertThat(f.get(0).category()).isEqualTo(Category.CORRECTNESS);
    assertThat(f.get(0).docUrl()).contains("https://www.shellcheck.net/wiki/SC2086");
  }

  @Test
  void mapsPositionsThroughContinuationLines() {
    List<Finding> f =
        lint(
            """
            FROM alpine:3.20
            RUN apk add --no-cache curl \\
                # a comment line inside
                && echo $HOME
            """);
    assertThat(where(f)).containsExactly("SC2086@4:13-4:18");
  }

  @Test
  void declaresArgAndEnvNames() {
    assertThat(
            lint(
                """
                ARG GLOBAL=1
                FROM alpine:3.20
                ARG GLOBAL
                ARG VERSION
                ENV HOME_DIR=/srv
                RUN echo "$VERSION $HOME_DIR $GLOBAL $http_proxy"
                """))
        .isEmpty();
    assertThat(where(lint("FROM alpine:3.20\nRUN echo \"$undeclared\"\n")))
        .containsExactly("SC2154@2:11-2:22");
  }

  @Test
  void checksHeredocScriptsAtTheirLines() {
    List<Finding> f =
        lint(
            """
            FROM alpine:3.20
            RUN <<EOF
            set -e
            echo $HOME
            EOF
            """);
    assertThat(where(f)).containsExactly("SC2086@4:6-4:11");
  }

  @Test
  void heredocWithPythonShebangIsNotShell() {
    assertThat(
            lint(
                """
                FROM python:3.12
                RUN <<EOF
                #!/usr/bin/env python3
                print("$HOME" if True else [x for x in range(3)])
                EOF
                """))
        .isEmpty();
  }

  @Test
  void heredocFedToACommandIsPartOfTheScript() {
    List<Finding> f =
        lint(
            """
            FROM alpine:3.20
            RUN cat <<EOF > /etc/motd && echo $HOME
            hello
            EOF
            """);
    assertThat(where(f)).containsExactly("SC2086@2:35-2:40");
  }

  @Test
  void usesTheStageShellDialect() {
    // [[ ]] is fine in bash, undefined in sh (SC3010).
    assertThat(lint("FROM alpine:3.20\nSHELL [\"/bin/bash\", \"-c\"]\nRUN [[ -f /x ]] && echo y\n"))
        .isEmpty();
    assertThat(where(lint("FROM alpine:3.20\nRUN [[ -f /x ]] && echo y\n")))
        .containsExactly("SC3010@2:5-2:16");
  }

  @Test
  void skipsNonPosixShellsAndExecForm() {
    assertThat(
            lint(
                """
                FROM mcr.microsoft.com/powershell
                SHELL ["pwsh", "-Command"]
                RUN echo $HOME
                FROM alpine:3.20
                RUN ["sh", "-c", "echo $HOME"]
                """))
        .isEmpty();
  }

  @Test
  void checksOnbuildTriggers() {
    assertThat(where(lint("FROM alpine:3.20\nONBUILD RUN echo $HOME\n")))
        .containsExactly("SC2086@2:18-2:23");
  }

  @Test
  void excludesWhatHadolintExcludes() {
    assertThat(lint("FROM alpine:3.20\nRUN . /etc/os-release && . \"$X\"\n"))
        .extracting(Finding::rule)
        .doesNotContain("SC1090", "SC1091");
  }

  @Test
  void pragmasAndOptionsApplyToShellCheckFindings() {
    assertThat(lint("FROM alpine:3.20\n# hadolint ignore=SC2086\nRUN echo $HOME\n")).isEmpty();
    LintResult r =
        linter.lintWithReport(
            Dockerfile.parse("FROM alpine:3.20\nRUN echo $HOME\nRUN echo \"$nope\"\n"),
            ON.withIgnored(Set.of("SC2154"))
                .withSeverityOverrides(Map.of("SC2086", Severity.ERROR)));
    assertThat(r.findings())
        .extracting(f -> f.rule() + ":" + f.severity().label())
        .containsExactly("SC2086:error");
  }

  @Test
  void manyRunsInOneFile() {
    StringBuilder src = new StringBuilder("FROM alpine:3.20\n");
    for (int i = 0; i < 250; i++) {
      src.append("RUN echo $home").append(i).append('\n');
    }
    List<Finding> f = linter.lint(Dockerfile.parse(src.toString()), ON);
    assertThat(f).hasSize(500); // SC2086 and SC2154 on each line
    assertThat(f.get(f.size() - 1).line()).isEqualTo(251);
  }

  @Test
  void offByDefault() {
    assertThat(
            linter.lint(
                Dockerfile.parse("FROM alpine:3.20\nRUN echo $HOME\n"), LintOptions.defaults()))
        .isEmpty();
  }

  @Test
  void missingBinaryIsOneWarning() {
    LintResult r =
        linter
            .withShellcheckPath("")
            .lintWithReport(Dockerfile.parse("FROM alpine:3.20\nRUN echo $HOME\n"), ON);
    assertThat(r.findings()).isEmpty();
    assertThat(r.warnings())
        .containsExactly(
            "Dockerfile: shellcheck is not on PATH; ShellCheck (SC) rules were skipped");
  }
}
