package dev.stowage.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.lint.rules.correctness.LatestBaseImageTag;
import dev.stowage.lint.rules.correctness.UntaggedBaseImage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinterPragmaTest {
  /** A stand-in for a BuildKit check with a DL id and a check-name alias, like DL3025. */
  @Rule(
      id = "DL9025",
      title = "test: CMD in shell form",
      severity = Severity.WARNING,
      category = Category.CORRECTNESS,
      aliases = "JSONArgsRecommended")
  static final class ShellFormCmd implements InstructionRule<Instruction.Cmd> {
    @Override
    public Class<Instruction.Cmd> type() {
      return Instruction.Cmd.class;
    }

    @Override
    public void check(Instruction.Cmd ins, RuleContext ctx) {
      if (!ins.isExecForm()) {
        ctx.report(ins, "use JSON arguments for CMD");
      }
    }
  }

  /** Reports every RUN whose shell model has a command, to see when shell rules stay silent. */
  @Rule(
      id = "ST9999",
      title = "test: shell seen",
      severity = Severity.INFO,
      category = Category.CORRECTNESS)
  static final class ShellSeen implements InstructionRule<Instruction.Run> {
    @Override
    public Class<Instruction.Run> type() {
      return Instruction.Run.class;
    }

    @Override
    public void check(Instruction.Run ins, RuleContext ctx) {
      ctx.shell(ins).ifPresent(s -> ctx.report(ins, "shell seen"));
    }
  }

  private final Linter linter =
      Linter.of(
          List.of(
              new UntaggedBaseImage(),
              new LatestBaseImageTag(),
              new ShellFormCmd(),
              new ShellSeen()));

  private LintResult lint(String src) {
    return linter.lintWithReport(Dockerfile.parse(src), LintOptions.defaults());
  }

  private List<String> hits(String src) {
    return lint(src).findings().stream().map(f -> f.rule() + "@" + f.line()).toList();
  }

  @Test
  void ignorePragmaDirectlyAboveSilencesThatInstructionOnly() {
    assertThat(
            hits(
                """
                # hadolint ignore=DL3006
                FROM ubuntu
                FROM debian
                """))
        .containsExactly("DL3006@3");
  }

  @Test
  void stowagePragmaAndCommentBlockAboveWork() {
    assertThat(
            hits(
                """
                # stowage ignore=DL3006, DL3007 # accepted: base is rebuilt nightly
                # another comment in the same block
                FROM ubuntu
                """))
        .isEmpty();
  }

  @Test
  void blankLineBreaksThePragma() {
    assertThat(hits("# hadolint ignore=DL3006\n\nFROM ubuntu\n")).containsExactly("DL3006@3");
  }

  @Test
  void pragmaInsideAContinuedInstructionAppliesToIt() {
    assertThat(
            hits(
                """
                FROM alpine:3.20
                CMD echo \\
                # hadolint ignore=DL9025
                  hi
                """))
        .isEmpty();
  }

  @Test
  void globalIgnoreAnywhere() {
    assertThat(
            hits(
                """
                FROM ubuntu
                FROM debian:latest
                # hadolint global ignore=DL3006,DL3007
                """))
        .isEmpty();
  }

  @Test
  void stageIgnoreCoversItsStageOnly() {
    assertThat(
            hits(
                """
                # hadolint stage ignore=DL9025
                FROM alpine:3.20 AS a
                CMD echo a
                FROM alpine:3.20 AS b
                CMD echo b
                """))
        .containsExactly("DL9025@5");
  }

  @Test
  void pragmaMatchesAliases() {
    assertThat(hits("FROM alpine:3.20\n# hadolint ignore=JSONArgsRecommended\nCMD echo a\n"))
        .isEmpty();
  }

  @Test
  void disableIgnorePragmaKeepsFindings() {
    LintResult r =
        linter.lintWithReport(
            Dockerfile.parse("# hadolint ignore=DL3006\nFROM ubuntu\n"),
            LintOptions.defaults().withDisableIgnorePragma(true));
    assertThat(r.findings()).extracting(Finding::rule).containsExactly("DL3006");
  }

  @Test
  void unknownIdsInPragmasAreWarnings() {
    LintResult r = lint("# hadolint ignore=DL3006,XX1234,SC2086\nFROM ubuntu\n");
    assertThat(r.findings()).isEmpty();
    assertThat(r.warnings())
        .containsExactly("Dockerfile:1:26: unknown rule 'XX1234' in ignore pragma");
  }

  @Test
  void buildKitCheckNamesWithoutAStowageRuleAreNoWarning() {
    assertThat(lint("# check=skip=SecretsUsedInArgOrEnv\nFROM alpine:3.20\n").warnings()).isEmpty();
  }

  @Test
  void checkDirectiveSkipsByCheckName() {
    assertThat(hits("# check=skip=JSONArgsRecommended\nFROM alpine:3.20\nCMD echo a\n")).isEmpty();
  }

  @Test
  void checkSkipAllSkipsBuildKitChecksOnly() {
    assertThat(hits("# check=skip=all\nFROM ubuntu\nCMD echo a\n")).containsExactly("DL3006@2");
  }

  @Test
  void checkErrorTrueMakesCheckFindingsErrors() {
    LintResult r = lint("# check=error=true\nFROM ubuntu\nCMD echo a\n");
    assertThat(r.findings())
        .extracting(f -> f.rule() + ":" + f.severity().label())
        .containsExactly("DL3006:warning", "DL9025:error");
  }

  @Test
  void checkCommentAboveOneInstruction() {
    assertThat(
            hits(
                """
                FROM alpine:3.20
                # check=skip=JSONArgsRecommended
                CMD echo a
                CMD echo b
                """))
        .containsExactly("DL9025@4");
  }

  @Test
  void malformedCheckSettingsAreWarnings() {
    LintResult r = lint("# check=error=maybe;skip=NoSuchCheck\nFROM alpine:3.20\n");
    assertThat(r.warnings())
        .containsExactly(
            "Dockerfile:1:9: check directive: error must be true or false, not 'maybe'",
            "Dockerfile:1:26: unknown rule 'NoSuchCheck' in check directive");
  }

  @Test
  void severityOverridesApplyByIdOrAlias() {
    LintResult r =
        linter.lintWithReport(
            Dockerfile.parse("FROM ubuntu\nCMD echo a\n"),
            LintOptions.defaults()
                .withSeverityOverrides(
                    Map.of("DL3006", Severity.STYLE, "JSONArgsRecommended", Severity.ERROR)));
    assertThat(r.findings())
        .extracting(f -> f.rule() + ":" + f.severity().label())
        .containsExactly("DL3006:style", "DL9025:error");
  }

  @Test
  void ignoredOptionMatchesAliases() {
    LintResult r =
        linter.lintWithReport(
            Dockerfile.parse("FROM ubuntu\nCMD echo a\n"),
            LintOptions.defaults().withIgnored(Set.of("JSONArgsRecommended")));
    assertThat(r.findings()).extracting(Finding::rule).containsExactly("DL3006");
  }

  @Test
  void nonPosixShellTurnsShellModelOff() {
    assertThat(
            hits(
                """
                FROM alpine:3.20 AS a
                RUN echo posix
                SHELL ["pwsh", "-Command"]
                RUN Write-Host hi
                FROM a
                RUN Write-Host inherited
                FROM alpine:3.20
                RUN echo fresh
                """))
        .containsExactly("ST9999@2", "ST9999@8");
  }

  @Test
  void hadolintShellPragmaBeforeFromAppliesToEveryStage() {
    assertThat(
            hits(
                """
                # hadolint shell=powershell
                FROM mcr.microsoft.com/windows/servercore:ltsc2022
                RUN Get-Process notepad
                FROM mcr.microsoft.com/windows/servercore:ltsc2022
                RUN Get-Process notepad
                """))
        .isEmpty();
  }

  @Test
  void bashShellKeepsShellRules() {
    assertThat(
            hits(
                "FROM alpine:3.20\n"
                    + "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n"
                    + "RUN echo hi\n"))
        .containsExactly("ST9999@3");
  }

  @Test
  void syntaxErrorsAreNeverSilenced() {
    LintResult r = lint("# hadolint global ignore=DL1000\nFROM alpine:3.20\nFOO bar\n");
    assertThat(r.findings()).extracting(Finding::rule).contains(Linter.SYNTAX_RULE);
  }
}
