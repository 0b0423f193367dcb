package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.lint.Linter;
import dev.stowage.lint.format.FindingsFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LintCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** DL3007 on line 1 (warning), DL3006 on line 2 (warning); nothing else in today's catalog. */
  private static final String KNOWN = "FROM debian:latest AS build\nFROM ubuntu\n";

  @TempDir Path dir;

  private Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @Test
  void lintsAFolderAndKeepsGoingPastASyntaxError() throws IOException {
    write("app/Dockerfile", KNOWN);
    write("broken/Dockerfile", "FROM alpine:3.20\nFROM --platform\n");
    write("node_modules/x/Dockerfile", "FROM skipped:latest\n");
    write("notes.txt", "FROM not:linted\n");
    Cli.Result r = Cli.run("lint", "--format", "json", dir.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    JsonNode json = MAPPER.readTree(r.out());
    List<String> found = new ArrayList<>();
    for (JsonNode f : json) {
      found.add(
          Path.of(f.get("file").asText()).getParent().getFileName() + " " + f.get("rule").asText());
    }
    assertThat(found).contains("app DL3006", "app DL3007").noneMatch(s -> s.startsWith("x "));
    assertThat(r.err()).isEmpty();
  }

  @Test
  void aSyntaxErrorIsADl1000Finding() throws IOException {
    Path broken = write("Dockerfile", "FROM alpine:3.20\nRUN <<EOF\nnever closed\n");
    Path good = write("good.Dockerfile", "FROM alpine:3.20\n");
    Cli.Result r = Cli.run("lint", "--format", "json", broken.toString(), good.toString());
    JsonNode json = MAPPER.readTree(r.out());
    assertThat(json).isNotEmpty();
    JsonNode syntax = null;
    for (JsonNode f : json) {
      if (f.get("rule").asText().equals(Linter.SYNTAX_RULE)) {
        syntax = f;
      }
    }
    assertThat(syntax).as("a DL1000 finding in %s", json).isNotNull();
    assertThat(syntax.get("severity").asText()).isEqualTo("error");
    assertThat(syntax.get("line").asInt()).isEqualTo(2);
    assertThat(syntax.get("message").asText()).isEqualTo("unterminated heredoc");
    // the other file is still linted
    assertThat(json.findValuesAsText("file")).contains(good.toString());
    assertThat(r.exitCode()).isEqualTo(1);
  }

  /**
   * Each format shows the DL3007 and DL3006 findings of {@link #KNOWN} (other rules may add
   * findings as the catalog grows; the exact bytes are the formatter goldens' job).
   */
  @ParameterizedTest
  @EnumSource(FindingsFormat.class)
  void everyFormatPrintsTheKnownFindings(FindingsFormat format) throws Exception {
    Path file = write("Dockerfile", KNOWN);
    Cli.Result r = Cli.run("lint", "--format", format.label(), file.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).isEmpty();
    String out = r.out();
    switch (format) {
      case TTY ->
          assertThat(out)
              .contains(file + ":1:6: warning DL3007: Using latest")
              .contains(" 1 | FROM debian:latest AS build\n   |      ^^^^^^^^^^^^^\n")
              .contains(
                  "   = https://github.com/stowage-dev/stowage/blob/main/docs/rules/DL3007.md")
              .contains(file + ":2:6: warning DL3006: ")
              .doesNotContain("\u001b")
              .containsPattern(
                  "\\d+ findings in 1 file \\(.*\\d+ warnings.*\\), \\d+ fixable with stowage"
                      + " fix.\n"
                      + "$");
      case JSON -> {
        JsonNode dl3007 = only(MAPPER.readTree(out), "rule", "DL3007");
        assertThat(dl3007.get("file").asText()).isEqualTo(file.toString());
        assertThat(dl3007.get("line").asInt()).isEqualTo(1);
        assertThat(dl3007.get("column").asInt()).isEqualTo(6);
        assertThat(dl3007.get("endLine").asInt()).isEqualTo(1);
        assertThat(dl3007.get("endColumn").asInt()).isEqualTo(19);
        assertThat(dl3007.get("severity").asText()).isEqualTo("warning");
        assertThat(dl3007.get("category").asText()).isEqualTo("correctness");
        assertThat(only(MAPPER.readTree(out), "rule", "DL3006").get("line").asInt()).isEqualTo(2);
      }
      case SARIF -> {
        JsonNode run = MAPPER.readTree(out).at("/runs/0");
        assertThat(MAPPER.readTree(out).get("version").asText()).isEqualTo("2.1.0");
        JsonNode result = only(run.get("results"), "ruleId", "DL3007");
        assertThat(result.at("/locations/0/physicalLocation/region/startColumn").asInt())
            .isEqualTo(6);
        assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
            .isEqualTo("file://" + file);
        JsonNode rule = run.at("/tool/driver/rules/" + result.get("ruleIndex").asInt());
        assertThat(rule.get("id").asText()).isEqualTo("DL3007");
        assertThat(rule.get("name").asText()).isEqualTo("LatestBaseImageTag");
      }
      case CHECKSTYLE, JUNIT -> {
        var doc =
            DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(out.getBytes(StandardCharsets.UTF_8)));
        String tag = format == FindingsFormat.CHECKSTYLE ? "error" : "failure";
        assertThat(doc.getElementsByTagName(tag).getLength()).isGreaterThanOrEqualTo(2);
        assertThat(out)
            .contains(
                format == FindingsFormat.CHECKSTYLE
                    ? "<error line='1' column='6' severity='warning' message='Using latest"
                    : "<testcase name=\"DL3007 at 1:6\" classname=\"" + file + "\">");
      }
      case GITLAB -> {
        JsonNode issue = only(MAPPER.readTree(out), "check_name", "DL3007");
        assertThat(issue.get("severity").asText()).isEqualTo("major");
        assertThat(issue.at("/location/path").asText()).isEqualTo(file.toString());
        assertThat(issue.at("/location/lines/begin").asInt()).isEqualTo(1);
        assertThat(issue.get("fingerprint").asText()).matches("[0-9a-f]{64}");
      }
      case GITHUB ->
          assertThat(out.lines())
              .contains(
                  "::warning file="
                      + file
                      + ",line=1,col=6,endLine=1,endColumn=19,title=DL3007::Using latest is prone"
                      + " to errors if the image will ever update. Pin the version explicitly to"
                      + " a release tag")
              .anyMatch(
                  l ->
                      l.startsWith(
                          "::warning file="
                              + file
                              + ",line=2,col=6,endLine=2,endColumn=12,"
                              + "title=DL3006::"));
    }
  }

  /** The one element of {@code array} whose {@code key} is {@code value}. */
  private static JsonNode only(JsonNode array, String key, String value) {
    List<JsonNode> matches = new ArrayList<>();
    array.forEach(
        n -> {
          if (n.get(key).asText().equals(value)) {
            matches.add(n);
          }
        });
    assertThat(matches).as("%s=%s in %s", key, value, array).hasSize(1);
    return matches.get(0);
  }

  @Test
  void coloursOnlyWhenAsked() throws IOException {
    Path file = write("Dockerfile", KNOWN);
    assertThat(Cli.run("lint", file.toString()).out()).doesNotContain("\u001b[");
    assertThat(Cli.run("lint", "--color", "always", file.toString()).out())
        .contains("\u001b[1;33mwarning");
    assertThat(Cli.run("lint", "--color", "sometimes", file.toString()).exitCode()).isEqualTo(2);
  }

  @Test
  void readsStandardInput() {
    Cli.Result r = Cli.runWithStdin(KNOWN, "lint", "--format", "json", "-");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("\"file\": \"<stdin>\"");
  }

  @Test
  void failureThresholdDecidesTheExitCode() throws IOException {
    Path file = write("Dockerfile", KNOWN);
    Path clean = write("clean/Dockerfile", "FROM alpine:3.20\n");
    assertThat(Cli.run("lint", file.toString()).exitCode()).isEqualTo(1);
    assertThat(Cli.run("lint", "--failure-threshold", "warning", file.toString()).exitCode())
        .isEqualTo(1);
    assertThat(Cli.run("lint", "--failure-threshold", "error", file.toString()).exitCode())
        .isZero();
    assertThat(Cli.run("lint", "--failure-threshold", "none", file.toString()).exitCode()).isZero();
    assertThat(Cli.run("lint", "--failure-threshold", "error", clean.toString()).exitCode())
        .isZero();
  }

  @Test
  void ignoreDropsARule() throws IOException {
    Path file = write("Dockerfile", KNOWN);
    Cli.Result r =
        Cli.run(
            "lint",
            "--format",
            "json",
            "--ignore",
            "DL3007",
            "--ignore",
            "DL3006",
            file.toString());
    assertThat(r.out()).doesNotContain("DL3007").doesNotContain("DL3006");
  }

  @Test
  void configOptionsAreParsed() throws IOException {
    Path file = write("Dockerfile", "FROM scratch\nUSER 65534\n");
    Path config = write(".hadolint.yaml", "ignored: [DL3007]\n");
    assertThat(Cli.run("lint", "--config", config.toString(), file.toString()).exitCode()).isZero();
    assertThat(Cli.run("lint", "--no-config", file.toString()).exitCode()).isZero();
    Cli.Result missing =
        Cli.run("lint", "--config", dir.resolve("nope.yaml").toString(), file.toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.yaml: no such configuration file");
    assertThat(
            Cli.run("lint", "--config", config.toString(), "--no-config", file.toString())
                .exitCode())
        .isEqualTo(2);
  }

  @Test
  void aMalformedConfigurationStopsTheRunBeforeAnyOutput() throws IOException {
    // Enough files for the parallel, streamed path; the broken configuration is found last.
    for (int i = 0; i < 12; i++) {
      write("a/" + i + ".Dockerfile", KNOWN);
    }
    write("z/Dockerfile", KNOWN);
    write("z/.hadolint.yaml", "ignored: [DL3007\n");
    Cli.Result r = Cli.run("lint", "--format", "json", dir.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains(".hadolint.yaml").hasLineCount(1);
  }

  @Test
  void manyFilesAreReportedInTheOrderGiven() throws IOException {
    List<String> args = new ArrayList<>(List.of("lint", "--format", "json"));
    for (int i = 0; i < 40; i++) {
      // Files of different lengths finish out of order on several threads.
      args.add(write(i + ".Dockerfile", "RUN echo hi\n".repeat((i * 7) % 13) + KNOWN).toString());
    }
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    List<String> files = new ArrayList<>();
    for (JsonNode f : MAPPER.readTree(r.out())) {
      String name = Path.of(f.get("file").asText()).getFileName().toString();
      if (files.isEmpty() || !files.get(files.size() - 1).equals(name)) {
        files.add(name);
      }
    }
    assertThat(files).hasSize(40);
    for (int i = 0; i < 40; i++) {
      assertThat(files.get(i)).isEqualTo(i + ".Dockerfile");
    }
  }

  @Test
  void listsTheRulesAsATableAndAsJson() throws IOException {
    Cli.Result table = Cli.run("lint", "--list-rules");
    assertThat(table.exitCode()).isZero();
    List<String> lines = table.out().lines().toList();
    assertThat(lines.get(0)).matches("ID +SEVERITY +CATEGORY +FIXABLE +TITLE");
    assertThat(lines).hasSize(Linter.builtIn().rules().size() + 1);
    assertThat(lines).anyMatch(l -> l.matches("DL3007 +warning +correctness +no +Using latest.*"));

    Cli.Result json = Cli.run("lint", "--list-rules", "--format", "json");
    assertThat(json.exitCode()).isZero();
    JsonNode rules = MAPPER.readTree(json.out());
    assertThat(rules).hasSize(Linter.builtIn().rules().size());
    JsonNode first = rules.get(0);
    assertThat(first.has("id") && first.has("severity") && first.has("category")).isTrue();
    assertThat(first.get("url").asText())
        .endsWith("/docs/rules/" + first.get("id").asText() + ".md");
  }

  @Test
  void usageAndInputErrorsExitWithTwo() throws IOException {
    Path file = write("Dockerfile", KNOWN);
    Cli.Result noPath = Cli.run("lint");
    assertThat(noPath.exitCode()).isEqualTo(2);
    assertThat(noPath.err()).contains("missing PATH").contains("stowage lint --help");

    Cli.Result badFormat = Cli.run("lint", "--format", "yaml", file.toString());
    assertThat(badFormat.exitCode()).isEqualTo(2);
    assertThat(badFormat.err()).contains("unknown format 'yaml'").contains("sarif");

    Cli.Result badThreshold = Cli.run("lint", "--failure-threshold", "fatal", file.toString());
    assertThat(badThreshold.exitCode()).isEqualTo(2);

    Cli.Result missing = Cli.run("lint", dir.resolve("nope").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err())
        .isEqualTo("stowage: " + dir.resolve("nope") + ": no such file or folder\n");
    assertThat(missing.out()).isEmpty();

    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThat(Cli.run("lint", empty.toString()).exitCode()).isEqualTo(2);

    assertThat(
            Cli.run("lint", "--context", dir.resolve("nope").toString(), file.toString())
                .exitCode())
        .isEqualTo(2);
  }

  @Test
  void anUnreadableFileIsReportedAndTheOthersLinted() throws IOException {
    Path file = write("Dockerfile", KNOWN);
    Path binary = dir.resolve("bin.Dockerfile");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0});
    Cli.Result r = Cli.run("lint", "--format", "json", file.toString(), binary.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    JsonNode findings = MAPPER.readTree(r.out());
    assertThat(findings.findValuesAsText("rule")).contains("DL3006", "DL3007");
    assertThat(findings.findValuesAsText("file")).containsOnly(file.toString());
    assertThat(r.err()).isEqualTo("stowage: " + binary + ": not a UTF-8 text file\n");
  }
}
