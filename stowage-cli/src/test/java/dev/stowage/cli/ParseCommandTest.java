package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final String MULTI_STAGE =
      """
      # syntax=docker/dockerfile:1.7
      ARG GO=1.22
      FROM --platform=$BUILDPLATFORM golang:${GO} AS build
      RUN --mount=type=cache,target=/root/.cache <<EOF
      go build ./...
      EOF
      COPY <<-'CONF' /etc/app.conf
      \tkey=value
      CONF
      ENV A=1 B="two words"
      ONBUILD RUN echo hi
      from alpine:3.20
      COPY --from=build /app /app
      ENTRYPOINT ["/app", "--serve"]
      """;

  @TempDir Path dir;

  @Test
  void printsTheParseJsonOfAMultiStageDockerfile() throws IOException {
    Path file = write("Dockerfile", MULTI_STAGE);
    Cli.Result r = Cli.run("parse", file.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
    JsonNode json = MAPPER.readTree(r.out());

    assertThat(fieldNames(json))
        .containsExactly("file", "directives", "stages", "instructions", "warnings");
    assertThat(json.get("file").asText()).isEqualTo(file.toString());
    assertThat(json.at("/directives/syntax").asText()).isEqualTo("docker/dockerfile:1.7");
    assertThat(json.at("/directives/escape").asText()).isEqualTo("\\");
    assertThat(json.at("/directives/check").isNull()).isTrue();

    JsonNode stages = json.get("stages");
    assertThat(stages).hasSize(2);
    assertThat(fieldNames(stages.get(0)))
        .containsExactly("index", "name", "base", "platform", "line", "dependsOn");
    assertThat(stages.get(0).get("name").asText()).isEqualTo("build");
    // Bases and platforms come from the semantic model: global ARGs and platform ARGs expanded.
    assertThat(stages.get(0).get("base").asText()).isEqualTo("golang:1.22");
    assertThat(stages.get(0).get("platform").asText()).startsWith("linux/");
    assertThat(stages.get(0).get("line").asInt()).isEqualTo(3);
    assertThat(stages.get(1).get("index").asInt()).isEqualTo(1);
    assertThat(stages.get(1).get("name").isNull()).isTrue();
    assertThat(stages.get(1).get("platform").isNull()).isTrue();
    assertThat(stages.get(1).get("base").asText()).isEqualTo("alpine:3.20");
    assertThat(stages.get(1).get("dependsOn")).hasSize(1);
    assertThat(stages.get(1).get("dependsOn").get(0).asInt()).isZero();
    assertThat(stages.get(0).get("dependsOn")).isEmpty();

    JsonNode ins = json.get("instructions");
    assertThat(ins).hasSize(9);
    JsonNode arg = ins.get(0);
    assertThat(arg.get("instruction").asText()).isEqualTo("ARG");
    assertThat(arg.get("stage").isNull()).isTrue();

    JsonNode run = ins.get(2);
    assertThat(fieldNames(run))
        .containsExactly(
            "instruction",
            "keyword",
            "flags",
            "args",
            "json",
            "heredocs",
            "line",
            "endLine",
            "column",
            "stage",
            "original");
    assertThat(run.get("flags").get(0).asText())
        .isEqualTo("--mount=type=cache,target=/root/.cache");
    assertThat(run.get("line").asInt()).isEqualTo(4);
    assertThat(run.get("endLine").asInt()).isEqualTo(6);
    assertThat(run.get("stage").asInt()).isZero();
    JsonNode heredoc = run.at("/heredocs/0");
    assertThat(fieldNames(heredoc))
        .containsExactly("name", "content", "quoted", "stripTabs", "fileDescriptor");
    assertThat(heredoc.get("name").asText()).isEqualTo("EOF");
    assertThat(heredoc.get("content").asText()).isEqualTo("go build ./...\n");
    assertThat(heredoc.get("quoted").asBoolean()).isFalse();

    JsonNode copy = ins.get(3).at("/heredocs/0");
    assertThat(copy.get("name").asText()).isEqualTo("CONF");
    assertThat(copy.get("quoted").asBoolean()).isTrue();
    assertThat(copy.get("stripTabs").asBoolean()).isTrue();
    assertThat(copy.get("content").asText()).isEqualTo("\tkey=value\n");

    assertThat(texts(ins.get(4).get("args"))).containsExactly("A", "1", "B", "\"two words\"");

    JsonNode onbuild = ins.get(5);
    assertThat(onbuild.get("instruction").asText()).isEqualTo("ONBUILD");
    JsonNode trigger = onbuild.get("trigger");
    assertThat(trigger.get("instruction").asText()).isEqualTo("RUN");
    assertThat(texts(trigger.get("args"))).containsExactly("echo hi");
    assertThat(trigger.get("column").asInt()).isEqualTo(9);
    assertThat(trigger.has("stage")).isFalse();

    JsonNode from = ins.get(6);
    assertThat(from.get("instruction").asText()).isEqualTo("FROM");
    assertThat(from.get("keyword").asText()).isEqualTo("from");
    assertThat(from.get("stage").asInt()).isEqualTo(1);
    assertThat(ins.get(7).get("flags").get(0).asText()).isEqualTo("--from=build");

    JsonNode entrypoint = ins.get(8);
    assertThat(entrypoint.get("json").asBoolean()).isTrue();
    assertThat(texts(entrypoint.get("args"))).containsExactly("/app", "--serve");
    assertThat(entrypoint.get("original").asText()).isEqualTo("ENTRYPOINT [\"/app\", \"--serve\"]");
    assertThat(entrypoint.has("trigger")).isFalse();

    assertThat(json.get("warnings")).isEmpty();
  }

  @Test
  void jsonIsPrettyPrintedWithStableLayout() throws IOException {
    Cli.Result r = Cli.run("parse", write("Dockerfile", "FROM scratch\n").toString());
    assertThat(r.out())
        .startsWith("{\n  \"file\": ")
        .contains("\"flags\": [],\n")
        .endsWith("  \"warnings\": []\n}\n");
  }

  @Test
  void readsStandardInputForDash() throws IOException {
    Cli.Result r = Cli.runWithStdin("FROM alpine\nRUN echo hi\n", "parse", "-");
    assertThat(r.exitCode()).isZero();
    JsonNode json = MAPPER.readTree(r.out());
    assertThat(json.get("file").asText()).isEqualTo("<stdin>");
    assertThat(json.get("instructions")).hasSize(2);
  }

  @Test
  void syntaxErrorIsOneLineOnStderrAndExitsTwo() throws IOException {
    Path file = write("Dockerfile", "FROM alpine\nRUN true\nFOO bar\n");
    Cli.Result r = Cli.run("parse", file.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines().toList()).hasSize(1);
    assertThat(r.err()).startsWith("stowage: ").contains("Dockerfile:3:1:").contains("FOO");
  }

  @Test
  void syntaxErrorInStandardInputNamesStdin() {
    Cli.Result r = Cli.runWithStdin("FROM alpine\nRUN true\nFOO bar\n", "parse", "-");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("stowage: <stdin>:3:1: ");
  }

  @Test
  void missingFileExitsTwoNamingIt() {
    String missing = dir.resolve("nope/Dockerfile").toString();
    Cli.Result r = Cli.run("parse", missing);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("stowage: " + missing + ": no such file\n");
  }

  @Test
  void directoryExitsTwoNamingIt() {
    Cli.Result r = Cli.run("parse", dir.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("stowage: " + dir + ": is a directory, expected a file\n");
  }

  @Test
  void nonUtf8FileExitsTwoNamingIt() throws IOException {
    Path file = dir.resolve("Dockerfile");
    Files.write(file, new byte[] {'F', 'R', 'O', 'M', ' ', (byte) 0xff, '\n'});
    Cli.Result r = Cli.run("parse", file.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("stowage: " + file + ": not a UTF-8 text file\n");
  }

  @Test
  void missingFileArgumentIsAUsageError() {
    Cli.Result r = Cli.run("parse");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("FILE").contains("--help");
  }

  @Test
  void unknownFormatIsAUsageErrorListingTheChoices() throws IOException {
    Cli.Result r = Cli.run("parse", "--format", "yaml", write("Dockerfile", "FROM a\n").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("stowage: unknown format 'yaml'; expected one of: json, text\n");
  }

  @Test
  void textFormatListsInstructionsWithLinesAndStages() throws IOException {
    Cli.Result r =
        Cli.run("parse", "--format", "text", write("Dockerfile", MULTI_STAGE).toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out().lines().toList())
        .containsExactly(
            "# syntax=docker/dockerfile:1.7",
            "2-2    -  ARG GO=1.22",
            "3-3    0  FROM --platform=$BUILDPLATFORM golang:${GO} AS build",
            "4-6    0  RUN --mount=type=cache,target=/root/.cache <<EOF",
            "          heredoc EOF: 1 line",
            "7-9    0  COPY <<-'CONF' /etc/app.conf",
            "          heredoc CONF: 1 line",
            "10-10  0  ENV A=1 B=\"two words\"",
            "11-11  0  ONBUILD RUN echo hi",
            "12-12  1  FROM alpine:3.20",
            "13-13  1  COPY --from=build /app /app",
            "14-14  1  ENTRYPOINT [\"/app\", \"--serve\"]");
  }

  @Test
  void warningsGoToStderrInTextAndIntoTheJsonArray() throws IOException {
    Path file = write("Dockerfile", "FROM a\nRUN a \\\n\n b\n");

    Cli.Result text = Cli.run("parse", "--format=text", file.toString());
    assertThat(text.exitCode()).isZero();
    assertThat(text.err()).startsWith("warning: " + file + ":2:1: empty continuation line");

    Cli.Result json = Cli.run("parse", file.toString());
    assertThat(json.exitCode()).isZero();
    assertThat(json.err()).isEmpty();
    JsonNode warning = MAPPER.readTree(json.out()).at("/warnings/0");
    assertThat(fieldNames(warning))
        .containsExactly(
            "code", "severity", "message", "file", "line", "column", "endLine", "endColumn");
    assertThat(warning.get("code").asText()).isEqualTo("empty-continuation");
    assertThat(warning.get("severity").asText()).isEqualTo("warning");
    assertThat(warning.get("line").asInt()).isEqualTo(2);
    assertThat(warning.get("endLine").asInt()).isEqualTo(4);
  }

  @Test
  void backtickEscapeDirectiveIsReported() throws IOException {
    Cli.Result r = Cli.runWithStdin("# escape=`\nFROM a\n", "parse", "-");
    assertThat(r.exitCode()).isZero();
    assertThat(MAPPER.readTree(r.out()).at("/directives/escape").asText()).isEqualTo("`");
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
