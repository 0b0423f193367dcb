package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.build.RealEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
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

  private void project(String dockerfile) throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), dockerfile);
    Files.writeString(dir.resolve("app.txt"), UUID.randomUUID() + "\n");
  }

  @Test
  void printsMetricsAsJson() throws Exception {
    project("FROM dive-test:latest AS build\nCOPY app.txt /app.txt\nRUN cp /app.txt /out.txt\nFROM dive-test:latest\nCOPY --from=build /out.txt /out.txt\n");
    Cli.Result r = Cli.run("build", "--format", "json", "--network", "none", dir.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.at("/build/engine").asText()).isIn("docker_buildkit", "buildx");
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
  void badBudgetsAndMissingContextAreUsageErrors() throws Exception {
    assertThat(Cli.run("build", dir.resolve("nope").toString()).exitCode()).isEqualTo(2);
    project("FROM dive-test:latest\n");
    Cli.Result r = Cli.run("build", "--max-duration", "soon", dir.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--max-duration: 'soon' is not a duration");
  }
}
