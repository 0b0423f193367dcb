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

class CheckCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  private void write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private void project() throws IOException {
    write("Dockerfile", "FROM debian:latest\nFROM ubuntu\n");
    write("web/Containerfile", "FROM alpine:3.20\n");
    write("worker/worker.Dockerfile", "FROM python\n");
    write(".dockerignore", ".git\n");
    write("compose.yaml", "services: {}\n");
    write("deploy/docker-compose.yml", "services: {}\n");
    write("docker-bake.hcl", "group \"default\" {}\n");
    write(".git/Dockerfile", "FROM ignored:latest\n");
  }

  @Test
  void reportsEveryDockerfileRankedWithASummary() throws IOException {
    project();
    Cli.Result r = Cli.run("check", "--format", "json", dir.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isEqualTo(1);
    JsonNode json = MAPPER.readTree(r.out());
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("files", "summary", "discovered");

    JsonNode files = json.get("files");
    assertThat(files).hasSize(3);
    int total = 0;
    int fixable = 0;
    int previousFile = Integer.MAX_VALUE;
    List<String> rootRules = new ArrayList<>();
    for (JsonNode file : files) {
      // Files by total impact, findings by impact: both descending.
      assertThat(file.get("impact").asInt()).isLessThanOrEqualTo(previousFile);
      previousFile = file.get("impact").asInt();
      int previous = Integer.MAX_VALUE;
      int sum = 0;
      for (JsonNode f : file.get("findings")) {
        assertThat(f.get("impact").asInt()).isLessThanOrEqualTo(previous).isPositive();
        previous = f.get("impact").asInt();
        sum += previous;
        total++;
        fixable += f.get("fixable").asBoolean() ? 1 : 0;
        if (file.get("file").asText().equals(dir.resolve("Dockerfile").toString())) {
          rootRules.add(f.get("rule").asText());
        }
      }
      assertThat(file.get("impact").asInt()).isEqualTo(sum);
    }
    assertThat(rootRules).contains("DL3006", "DL3007");

    JsonNode summary = json.get("summary");
    assertThat(summary.get("files").asInt()).isEqualTo(3);
    assertThat(summary.get("findings").asInt()).isEqualTo(total);
    assertThat(sum(summary.get("bySeverity"))).isEqualTo(total);
    assertThat(summary.get("bySeverity").size()).isEqualTo(4);
    assertThat(sum(summary.get("byCategory"))).isEqualTo(total);
    assertThat(summary.get("byCategory").size()).isEqualTo(6);
    assertThat(summary.get("fixable").asInt()).isEqualTo(fixable);

    JsonNode discovered = json.get("discovered");
    assertThat(discovered.get("dockerfiles")).hasSize(3);
    assertThat(discovered.get("dockerignore")).hasSize(1);
    assertThat(discovered.get("compose")).hasSize(2);
    assertThat(discovered.get("bake")).hasSize(1);
  }

  private static int sum(JsonNode counts) {
    int n = 0;
    for (JsonNode c : counts) {
      n += c.asInt();
    }
    return n;
  }

  @Test
  void printsAReportForPeople() throws IOException {
    project();
    Cli.Result r = Cli.run("check", dir.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            "3 Dockerfiles, 1 .dockerignore, 2 Compose files, 1 Bake file",
            "  Compose       " + dir.resolve("compose.yaml"),
            "\n" + dir.resolve("Dockerfile") + ": ",
            "    8  1:6 warning DL3007 [correctness] Using latest",
            "    8  2:6 warning DL3006 [correctness] ",
            " in 3 Dockerfiles, ",
            "  by severity: ");
    assertThat(r.out()).containsPattern("\nSummary: \\d+ findings in 3 Dockerfiles, \\d+ fixable");
    assertThat(r.out()).doesNotContain("\u001b");
  }

  @Test
  void skipsFoldersThatToolsGenerate() throws IOException {
    write("Dockerfile", "FROM alpine:3.20\nUSER 65534\nCMD [\"true\"]\n");
    write("pom.xml", "<project/>\n");
    write("target/classes/Dockerfile", "FROM copied:latest\n");
    write("node_modules/pkg/Dockerfile", "FROM dependency:latest\n");
    write(".venv/lib/Dockerfile", "FROM venv:latest\n");
    write("build/package/Dockerfile", "FROM alpine:3.20\nUSER 65534\nCMD [\"true\"]\n");
    write("tools/target/Dockerfile", "FROM alpine:3.20\nUSER 65534\nCMD [\"true\"]\n");
    Cli.Result r = Cli.run("check", "--format", "json", dir.toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("build/package/Dockerfile")
        .contains("tools/target/Dockerfile") // no build manifest beside it: written by hand
        .doesNotContain("target/classes")
        .doesNotContain("node_modules")
        .doesNotContain(".venv");
  }

  @Test
  void aCleanProjectPasses() throws IOException {
    write("Dockerfile", "FROM alpine:3.20\nUSER 65534\nCMD [\"true\"]\n");
    Cli.Result r = Cli.run("check", dir.toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains(" in 1 Dockerfile, ");
  }

  @Test
  void runsShellCheckOnRunCommandsUnlessTurnedOff() throws IOException {
    // CI installs shellcheck; without it this test fails rather than skips.
    assertThat(dev.stowage.lint.shellcheck.ShellCheck.onPath()).as("shellcheck on PATH").isPresent();
    write("Dockerfile", "FROM alpine:3.20\nUSER 65534\nRUN echo $HOME\nCMD [\"true\"]\n");
    Cli.Result on = Cli.run("check", "--format", "json", dir.toString());
    assertThat(on.out()).contains("\"SC2086\"");
    Cli.Result off = Cli.run("check", "--no-shellcheck", "--format", "json", dir.toString());
    assertThat(off.exitCode()).as(off.err()).isZero();
    assertThat(off.out()).doesNotContain("SC2086");
  }

  @Test
  void thresholdNoneNeverFails() throws IOException {
    project();
    assertThat(Cli.run("check", "--failure-threshold", "none", dir.toString()).exitCode()).isZero();
  }

  @Test
  void usageErrorsExitWithTwo() throws IOException {
    assertThat(Cli.run("check", dir.resolve("nope").toString()).exitCode()).isEqualTo(2);
    Cli.Result none = Cli.run("check", dir.toString());
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("no Dockerfile found");
    write("Dockerfile", "FROM alpine:3.20\n");
    assertThat(Cli.run("check", "--format", "sarif", dir.toString()).exitCode()).isEqualTo(2);
    assertThat(Cli.run("check", dir.toString(), "extra").exitCode()).isEqualTo(2);
  }
}
