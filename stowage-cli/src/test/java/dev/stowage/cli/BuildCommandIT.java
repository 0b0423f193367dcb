package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.build.RealEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import dev.stowage.build.history.HistoryStore;
import dev.stowage.build.history.RunRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stowage build} against the real BuildKit engine. */
class BuildCommandIT {
  @TempDir Path dir;

  @BeforeAll
  static void engine() {
    RealEngine.engine(); // fails, never skips, without an engine; loads the base image
  }

  /** Marks this test's images: the builds are untagged, so only the label finds them again. */
  private final String id = UUID.randomUUID().toString();

  @AfterEach
  void removeImages() {
    RealEngine.removeImages(id);
  }

  private void project(String dockerfile) throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), dockerfile + RealEngine.labelLine(id));
    Files.writeString(dir.resolve("app.txt"), UUID.randomUUID() + "\n");
  }

  @Test
  void printsMetricsAsJson() throws Exception {
    project("FROM dive-test:latest AS build\nCOPY app.txt /app.txt\nRUN cp /app.txt /out.txt\nFROM dive-test:latest\nCOPY --from=build /out.txt /out.txt\n");
    Cli.Result r = Cli.run("build", "--format", "json", "--network", "none", dir.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.at("/build/engine").asText()).isIn("docker_buildkit", "buildx");
    assertThat(json.at("/build/progress").asText()).isIn("plain", "rawjson");
    assertThat(json.at("/build/criticalPath").toString()).isEqualTo("[\"build\",\"stage-1\"]");
    assertThat(json.at("/cache/steps").asInt()).isEqualTo(3);
    assertThat(json.at("/image/layers").asInt()).isPositive();
    assertThat(json.get("steps")).hasSizeGreaterThanOrEqualTo(3);
    assertThat(json.get("brokenBudgets")).isEmpty();
  }

  @Test
  void aBrokenBudgetSaysWhatAndByHowMuchAndExitsOne() throws Exception {
    project("FROM dive-test:latest\nCOPY app.txt /app.txt\nRUN cp /app.txt /b.txt\n");
    Cli.Result r = Cli.run("build", "--network", "none", "--max-layers", "1", "--max-size", "1kB", dir.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("budget broken: layers").contains("budget broken: image size").contains("> 1.0 kB (+");
    assertThat(r.out()).contains("cache:");
  }

  @Test
  void aFailedBuildNamesTheStepAndExitsOne() throws Exception {
    project("FROM dive-test:latest\nRUN echo " + UUID.randomUUID() + " && echo boom-output && exit 7\n");
    Cli.Result r = Cli.run("build", "--network", "none", dir.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("build failed at [2/2] RUN echo").contains("exit code: 7").contains("| boom-output");
  }

  @Test
  void recordsSuccessfulAndFailedBuildsInTheHistoryStore() throws Exception {
    Path db = dir.resolve("history/runs.db");
    project("FROM dive-test:latest\nCOPY app.txt /app.txt\nRUN cp /app.txt /b.txt\n");
    Cli.Result ok = Cli.run("build", "--network", "none", "--history", db.toString(), dir.toString());
    assertThat(ok.exitCode()).as(ok.err()).isZero();
    Files.writeString(dir.resolve("Dockerfile"), "FROM dive-test:latest\nRUN exit 4\n");
    assertThat(Cli.run("build", "--network", "none", "--history", db.toString(), dir.toString()).exitCode()).isEqualTo(1);
    try (HistoryStore store = HistoryStore.open(db.toString())) {
      List<RunRecord> runs = store.runs(Optional.empty());
      assertThat(runs).extracting(RunRecord::success).containsExactly(true, false);
      RunRecord first = runs.get(0);
      assertThat(first.series()).isEqualTo("build");
      assertThat(first.dockerfile()).isEqualTo(dir.resolve("Dockerfile").toAbsolutePath().toString()); // no git here
      assertThat(first.steps()).isEqualTo(2);
      assertThat(first.layers()).hasValueSatisfying(l -> assertThat(l).isPositive());
      assertThat(first.sizeBytes()).isPresent();
      assertThat(first.engine()).hasValueSatisfying(e -> assertThat(e).startsWith("docker_buildkit ").isNotEqualTo("docker_buildkit "));
      assertThat(runs.get(1).dockerfileDigest()).isNotEqualTo(first.dockerfileDigest()).startsWith("sha256:");
    }
    Cli.Result none = Cli.run("build", "--network", "none", "--no-history", "--history", db.toString(), dir.toString());
    assertThat(none.exitCode()).isEqualTo(1);
    try (HistoryStore store = HistoryStore.open(db.toString())) {
      assertThat(store.runs(Optional.empty())).hasSize(2);
    }
  }

  @Test
  void budgetsComeFromStowageYamlAndFlagsOverrideThem() throws Exception {
    project("FROM dive-test:latest\nCOPY app.txt /app.txt\n");
    Files.writeString(dir.resolve(".stowage.yaml"), "ignored: [DL3007]\nbuild:\n  budgets:\n    maxLayers: 1\n    maxSize: 1kB\n    minCacheHit: 0%\n");
    assertThat(new ProcessBuilder("git", "init", "-q", dir.toString()).inheritIO().start().waitFor()).isZero();
    Cli.Result r = Cli.run("build", "--network", "none", "--no-history", "--format", "github", dir.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out().lines())
        .as("annotations on the Dockerfile, relative to the repository")
        .hasSize(2)
        .anySatisfy(l -> assertThat(l).startsWith("::error file=Dockerfile,title=stowage build budget::layers "))
        .anySatisfy(l -> assertThat(l).startsWith("::error file=Dockerfile,title=stowage build budget::image size "));
    assertThat(r.err()).contains("budget broken: layers").contains("budget broken: image size").doesNotContain("cache hit");

    Cli.Result flags = Cli.run("build", "--network", "none", "--no-history", "--max-layers", "100", "--max-size", "10GB", dir.toString());
    assertThat(flags.exitCode()).as(flags.err()).isZero();

    Files.writeString(dir.resolve(".stowage.yaml"), "build:\n  budgets:\n    maxSize: huge\n");
    Cli.Result bad = Cli.run("build", "--no-history", dir.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains(dir.resolve(".stowage.yaml") + ":3:14: build.budgets.maxSize: 'huge' is not a size such as 150MB");
  }

  @Test
  void badBudgetsAndMissingContextAreUsageErrors() throws Exception {
    assertThat(Cli.run("build", dir.resolve("nope").toString()).exitCode()).isEqualTo(2);
    project("FROM dive-test:latest\n");
    Cli.Result r = Cli.run("build", "--max-duration", "soon", dir.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--max-duration: 'soon' is not a duration");
  }
}
