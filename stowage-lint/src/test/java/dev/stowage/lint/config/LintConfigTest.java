package dev.stowage.lint.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.lint.LintOptions;
import dev.stowage.lint.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintConfigTest {
  @TempDir Path tmp;

  /**
   * An environment with HOME and XDG_CONFIG_HOME inside the temp dir, so the real home is never
   * read.
   */
  private Map<String, String> env() {
    return Map.of(
        "HOME", tmp.resolve("home").toString(), "XDG_CONFIG_HOME", tmp.resolve("xdg").toString());
  }

  private Path write(String rel, String text) throws IOException {
    Path p = tmp.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private LintConfig load(Path dockerfile) throws ConfigException {
    return LintConfig.load(dockerfile, Optional.empty(), false, env());
  }

  @Test
  void readsHadolintKeys() throws Exception {
    Path df = write("repo/Dockerfile", "FROM alpine\n");
    write("repo/.git/HEAD", "");
    write(
        "repo/.hadolint.yaml",
        """
        ignored:
          - DL3006
          - SC2086
        override:
          error: [DL3007]
          style:
            - SC2154
        failure-threshold: warning
        trustedRegistries: my-company.com:5000
        label-schema:
          author: text
          version: semver
        strict-labels: true
        disable-ignore-pragma: true
        no-fail: true
        format: json
        """);
    LintConfig c = load(df);
    assertThat(c.source()).contains(tmp.resolve("repo/.hadolint.yaml"));
    assertThat(c.warnings()).isEmpty();
    assertThat(c.failureThreshold()).contains(Severity.WARNING);
    assertThat(c.noFail()).isTrue();
    assertThat(c.format()).contains("json");
    LintOptions o = c.applyTo(LintOptions.defaults());
    assertThat(o.ignored()).containsExactlyInAnyOrder("DL3006", "SC2086");
    assertThat(o.severityOverrides())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("DL3007", Severity.ERROR, "SC2154", Severity.STYLE));
    assertThat(o.trustedRegistries()).containsExactly("my-company.com:5000");
    assertThat(o.requiredLabels())
        .containsExactlyInAnyOrderEntriesOf(Map.of("author", "text", "version", "semver"));
    assertThat(o.strictLabels()).isTrue();
    assertThat(o.disableIgnorePragma()).isTrue();
  }

  @Test
  void stowageConfigWinsOverHadolintAndIsFoundUpwards() throws Exception {
    Path df = write("repo/services/api/Dockerfile", "FROM alpine\n");
    write("repo/.git/HEAD", "");
    write("repo/services/api/.hadolint.yaml", "ignored: [DL3006]\n");
    write("repo/.stowage.yaml", "rules:\n  DL3007: off\n  DL3006: error\nshellcheck: false\n");
    LintConfig c = load(df);
    assertThat(c.source()).contains(tmp.resolve("repo/.stowage.yaml"));
    LintOptions o = c.applyTo(LintOptions.defaults().withShellcheck(true));
    assertThat(o.ignored()).containsExactly("DL3007");
    assertThat(o.severityOverrides()).containsExactlyEntriesOf(Map.of("DL3006", Severity.ERROR));
    assertThat(o.shellcheck()).isFalse();
  }

  @Test
  void searchStopsAtTheRepositoryRoot() throws Exception {
    write(".stowage.yaml", "ignored: [DL3006]\n");
    Path df = write("repo/Dockerfile", "FROM alpine\n");
    Files.createDirectories(tmp.resolve("repo/.git"));
    assertThat(load(df).source()).isEmpty();
  }

  @Test
  void hadolintUserConfigLocations() throws Exception {
    Path df = write("repo/Dockerfile", "FROM alpine\n");
    Files.createDirectories(tmp.resolve("repo/.git"));
    write("home/.hadolint.yaml", "ignored: [DL3006]\n");
    assertThat(load(df).source()).contains(tmp.resolve("home/.hadolint.yaml"));
    write("home/.config/hadolint.yml", "ignored: [DL3006]\n");
    assertThat(load(df).source()).contains(tmp.resolve("home/.config/hadolint.yml"));
    write("xdg/hadolint.yaml", "ignored: [DL3006]\n");
    assertThat(load(df).source()).contains(tmp.resolve("xdg/hadolint.yaml"));
  }

  @Test
  void noConfigIgnoresFilesButExplicitConfigIsRead() throws Exception {
    Path df = write("repo/Dockerfile", "FROM alpine\n");
    write("repo/.stowage.yaml", "ignored: [DL3006]\n");
    Path other = write("elsewhere/lint.yaml", "ignored: [DL3007]\n");
    assertThat(LintConfig.load(df, Optional.empty(), true, env()).source()).isEmpty();
    assertThat(LintConfig.load(df, Optional.empty(), true, env()).applyTo(LintOptions.defaults()))
        .isEqualTo(LintOptions.defaults());
    LintConfig c = LintConfig.load(df, Optional.of(other), false, env());
    assertThat(c.applyTo(LintOptions.defaults()).ignored()).containsExactly("DL3007");
  }

  @Test
  void missingExplicitFileIsAnError() {
    Path missing = tmp.resolve("nope.yaml");
    assertThatThrownBy(
            () -> LintConfig.load(tmp.resolve("Dockerfile"), Optional.of(missing), false, env()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(missing + ": cannot read the configuration");
  }

  @Test
  void perPathOverrides() throws Exception {
    write(
        "repo/.stowage.yaml",
        """
        ignored: [DL3006]
        paths:
          - match: "services/**"
            ignored: [DL3007]
          - match: "*.dev.Dockerfile"
            rules:
              DL3006: warning
              DL3007: off
        """);
    Files.createDirectories(tmp.resolve("repo/.git"));
    Path api = write("repo/services/api/Dockerfile", "");
    Path dev = write("repo/tools/app.dev.Dockerfile", "");
    Path root = write("repo/Dockerfile", "");
    LintConfig c = load(root);
    assertThat(c.applyTo(LintOptions.defaults(), api).ignored())
        .containsExactlyInAnyOrder("DL3006", "DL3007");
    LintOptions d = c.applyTo(LintOptions.defaults(), dev);
    assertThat(d.ignored()).containsExactlyInAnyOrder("DL3006", "DL3007");
    assertThat(d.severityOverrides()).containsExactlyEntriesOf(Map.of("DL3006", Severity.WARNING));
    assertThat(c.applyTo(LintOptions.defaults()).ignored()).containsExactly("DL3006");
  }

  @Test
  void unknownKeysAndRuleIdsAreWarnings() throws Exception {
    Path f =
        write(
            "c/.stowage.yaml",
            """
            ignored:
              - DL3006
              - XX9999
            colour: red
            rules:
              NoSuchCheck: error
            build:
              budgets:
                maxSize: 1GB
            """);
    LintConfig c = LintConfig.read(f);
    assertThat(c.warnings())
        .containsExactly(
            f + ":3:5: unknown rule 'XX9999'",
            f + ":4:1: unknown key 'colour'",
            f + ":6:3: unknown rule 'NoSuchCheck'");
  }

  @Test
  void yamlSyntaxErrorNamesFileLineAndColumn() throws Exception {
    Path f = write("c/.stowage.yaml", "ignored:\n  - DL3006\n  bad: [\n");
    assertThatThrownBy(() -> LintConfig.read(f))
        .isInstanceOf(ConfigException.class)
        .hasMessage(f + ":3:3: expected <block end>, but found a key");
  }

  @Test
  void wrongTypesNameTheValue() throws Exception {
    Path f = write("c/.stowage.yaml", "ignored:\n  x: 1\n");
    assertThatThrownBy(() -> LintConfig.read(f))
        .isInstanceOf(ConfigException.class)
        .hasMessage(f + ":2:3: ignored must be a list of strings, not a mapping");
    Path g = write("d/.hadolint.yaml", "override:\n  fatal: [DL3006]\n");
    assertThatThrownBy(() -> LintConfig.read(g))
        .hasMessage(g + ":2:3: override takes error, warning, info and style, not 'fatal'");
    Path h = write("e/.stowage.yaml", "failure-threshold: loud\n");
    assertThatThrownBy(() -> LintConfig.read(h))
        .hasMessage(
            h + ":1:20: failure-threshold must be error, warning, info, style or none, not 'loud'");
    Path i = write("f/.stowage.yaml", "strict-labels: maybe\n");
    assertThatThrownBy(() -> LintConfig.read(i))
        .hasMessage(i + ":1:16: strict-labels must be true or false, not 'maybe'");
    Path j = write("g/.stowage.yaml", "rules:\n  DL3006: loud\n");
    assertThatThrownBy(() -> LintConfig.read(j))
        .hasMessage(
            j + ":2:11: rules.DL3006 must be off, error, warning, info or style, not 'loud'");
    Path k = write("h/.stowage.yaml", "- a\n- b\n");
    assertThatThrownBy(() -> LintConfig.read(k))
        .hasMessage(k + ":1:1: the configuration must be a mapping, not a list");
  }

  @Test
  void duplicateKeysAreErrors() throws Exception {
    Path f = write("c/.stowage.yaml", "ignored: [DL3006]\nignored: [DL3007]\n");
    assertThatThrownBy(() -> LintConfig.read(f))
        .isInstanceOf(ConfigException.class)
        .hasMessage(f + ":2:1: duplicate key 'ignored'");
  }

  @Test
  void emptyFileAndNoneThreshold() throws Exception {
    assertThat(LintConfig.read(write("c/.stowage.yaml", "")).applyTo(LintOptions.defaults()))
        .isEqualTo(LintOptions.defaults());
    assertThat(
            LintConfig.read(write("d/.hadolint.yaml", "failure-threshold: none\n"))
                .failureThreshold())
        .contains(Severity.STYLE);
  }

  @Test
  void commandLineOptionsAppliedAfterwardsWin() throws Exception {
    LintConfig c =
        LintConfig.read(write("c/.stowage.yaml", "trustedRegistries: [a.io]\nignored: [DL3006]\n"));
    LintOptions o = c.applyTo(LintOptions.defaults().withTrustedRegistries(List.of("b.io")));
    assertThat(o.trustedRegistries()).containsExactly("b.io", "a.io");
  }
}
