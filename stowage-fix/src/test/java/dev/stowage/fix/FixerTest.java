package dev.stowage.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.lint.LintOptions;
import dev.stowage.lint.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixerTest {
  private final Fixer fixer = Fixer.builtIn();

  private FixResult fix(String src) throws DockerfileSyntaxException {
    return fixer.fix("Dockerfile", src, FixRequest.defaults());
  }

  @Test
  void cleanFileComesBackByteIdentical() throws Exception {
    String clean =
        "# syntax=docker/dockerfile:1\r\nFROM alpine:3.20\r\nCOPY app /app\r\n"
            + "USER 65532:65532\r\nENTRYPOINT [\"/app\"]";
    FixResult r = fix(clean);
    assertThat(r.fixed()).isSameAs(clean);
    assertThat(r.changes()).isEmpty();
    assertThat(r.changed()).isFalse();
    assertThat(r.diff()).isEmpty();
  }

  @Test
  void appliesEveryFixableFindingInOnePass() throws Exception {
    String src =
        """
        FROM debian:12
        RUN apt-get update && apt-get install curl
        ADD app.conf /etc/app.conf
        """;
    // Without cache mounts (ST1002), the DL rules' own repairs; with them, see the next test.
    FixResult r = fixer.fix("Dockerfile", src, FixRequest.defaults().withExcept(Set.of("ST1002")));
    assertThat(r.fixed())
        .contains(
            "RUN apt-get update && apt-get install --no-install-recommends -y curl && rm -rf"
                + " /var/lib/apt/lists/*")
        .contains("COPY app.conf /etc/app.conf");
    assertThat(r.changes())
        .extracting(Change::rule)
        .contains("DL3009", "DL3014", "DL3015", "DL3020");
    assertThat(r.changes()).allSatisfy(c -> assertThat(c.effect()).isNotBlank());
    assertThat(r.changes()).filteredOn(c -> c.rule().equals("DL3020")).singleElement()
        .extracting(Change::line).isEqualTo(3);
  }

  @Test
  void fixingTwiceChangesNothing() throws Exception {
    String src =
        """
        FROM debian:12
        RUN apt-get update && apt-get install curl
        RUN pip install flask==3.0.0
        """;
    String once = fix(src).fixed();
    FixResult twice = fix(once);
    assertThat(twice.fixed()).isEqualTo(once);
    assertThat(twice.changes()).isEmpty();
  }

  @Test
  void onlyAndExceptSelectRulesByIdOrAlias() throws Exception {
    String src =
        """
        FROM debian:12
        RUN apt-get update && apt-get install curl
        maintainer Jo <jo@example.com>
        """;
    FixResult only =
        fixer.fix("Dockerfile", src, FixRequest.defaults().withOnly(Set.of("dl3014")));
    assertThat(only.changes()).extracting(Change::rule).containsOnly("DL3014");
    FixResult except =
        fixer.fix(
            "Dockerfile",
            src,
            FixRequest.defaults().withExcept(Set.of("MaintainerDeprecated", "DL3015")));
    assertThat(except.changes()).extracting(Change::rule).doesNotContain("DL4000", "DL3015");
    assertThat(except.changes()).extracting(Change::rule).contains("DL3014");
  }

  @Test
  void unknownRuleNameIsRefused() {
    assertThatThrownBy(
            () -> fixer.fix("Dockerfile", "FROM a:1\n", FixRequest.defaults().withOnly(Set.of("XX9"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("XX9");
    assertThat(Fixer.unknownNames(Set.of("DL3015", "jsonargsrecommended", "nope"))).containsExactly("nope");
  }

  @Test
  void cacheMountsComeFirstAndTheCleanUpTheyMakePointlessIsNotAdded() throws Exception {
    FixResult r = fix("FROM debian:12\nRUN apt-get update && \\\n    apt-get install curl\n");
    assertThat(r.fixed())
        .isEqualTo(
            "FROM debian:12\n"
                + "RUN useradd --uid 10001 --user-group --no-create-home --no-log-init"
                + " --home-dir /nonexistent --shell /usr/sbin/nologin app\n"
                + "RUN --mount=type=cache,target=/var/cache/apt,sharing=locked"
                + " --mount=type=cache,target=/var/lib/apt/lists,sharing=locked apt-get update && \\\n"
                + "    apt-get install --no-install-recommends -y curl\nUSER 10001:10001\n");
    assertThat(r.changes()).extracting(Change::rule).contains("ST1002", "DL3014", "DL3015").doesNotContain("DL3009");
    assertThat(r.passes()).isGreaterThan(1);
  }

  @Test
  void syntaxErrorIsRefusedWithItsLine() {
    assertThatThrownBy(() -> fix("FROM debian:12\nADD a /a\nENV PATH\n"))
        .isInstanceOf(DockerfileSyntaxException.class)
        .hasMessageStartingWith("Dockerfile:3:");
  }

  @Test
  void pragmasAndConfigurationAreHonoured() throws Exception {
    String src =
        """
        FROM debian:12
        # hadolint ignore=DL3015
        RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
        """;
    FixRequest noMounts = FixRequest.defaults().withExcept(Set.of("ST1002", "ST3001"));
    assertThat(fixer.fix("Dockerfile", src, noMounts).fixed()).isEqualTo(src);
    String plain = "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n";
    FixResult ignored =
        fixer.fix(
            "Dockerfile",
            plain,
            noMounts.withOptions(LintOptions.defaults().withIgnored(Set.of("DL3015"))));
    assertThat(ignored.changed()).isFalse();
    FixResult overridden =
        fixer.fix(
            "Dockerfile",
            plain,
            FixRequest.defaults()
                .withOptions(LintOptions.defaults().withSeverityOverrides(Map.of("DL3015", Severity.ERROR))));
    assertThat(overridden.fixed()).contains("--no-install-recommends");
  }

  @Test
  void linesOfLaterPassesPointIntoTheOriginalFile() throws Exception {
    // an edit before the finding's line in pass 1 must not shift the line reported for pass 2
    String src =
        """
        FROM debian:12
        RUN apt-get update && apt-get install curl


        RUN apt-get install -y --no-install-recommends wget
        """;
    FixResult r = fix(src);
    assertThat(Dockerfile.parse(r.fixed()).hasErrors()).isFalse();
    for (Change c : r.changes()) {
      assertThat(c.line()).isBetween(1, Dockerfile.parse(src).lineCount());
    }
  }

  @Test
  void diffHasGitHeadersAndMarksAMissingFinalNewline() throws Exception {
    FixResult r = fix("FROM example.com/base:12\nADD a.txt /a.txt");
    assertThat(r.diff())
        .isEqualTo(
            """
            --- a/Dockerfile
            +++ b/Dockerfile
            @@ -1,2 +1,2 @@
             FROM example.com/base:12
            -ADD a.txt /a.txt
            \\ No newline at end of file
            +COPY a.txt /a.txt
            \\ No newline at end of file
            """);
  }

  @Test
  void aChangeOfALaterPassIsExplainedWithTheOriginalFilesLines(@TempDir Path context) throws Exception {
    Files.writeString(context.resolve("pom.xml"), "<project><artifactId>app</artifactId></project>");
    String source =
        "FROM maven:3.9-eclipse-temurin-21\nWORKDIR /app\nCOPY . .\nRUN mvn -B package\n"
            + "CMD [\"java\", \"-jar\", \"target/app.jar\"]\n";
    FixResult r =
        Fixer.builtIn()
            .fix("Dockerfile", source, FixRequest.defaults().withOptions(LintOptions.defaults().withContextDir(context)));
    // ST2001 splits the stage after ST1001 has added lines above the build: its finding in that
    // pass names the build's new line, the change names the original one
    assertThat(r.passes()).isGreaterThan(1);
    assertThat(r.changes())
        .filteredOn(c -> c.rule().equals("ST2001"))
        .singleElement()
        .satisfies(c -> assertThat(c.message()).contains("`mvn -B package` (line 4)"));
  }
}
