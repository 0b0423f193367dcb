package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.build.RealEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import dev.stowage.build.history.HistoryStore;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stowage bench} against the real BuildKit engine. */
class BenchCommandIT {
  private static final String LAYERED =
      """
      FROM dive-test:latest
      COPY requirements.txt /app/requirements.txt
      RUN cat /app/requirements.txt > /app/installed.txt
      COPY app.txt /app/app.txt
      RUN cat /app/app.txt /app/installed.txt > /app/out.txt
      """;

  private static final String NAIVE =
      """
      FROM dive-test:latest
      COPY . /app
      RUN cat /app/requirements.txt > /app/installed.txt
      RUN cat /app/app.txt /app/installed.txt > /app/out.txt
      """;

  @TempDir Path dir;

  @BeforeAll
  static void engine() {
    RealEngine.engine(); // fails, never skips, without an engine; loads the base image
  }

  private void project() throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), LAYERED);
    Files.writeString(dir.resolve("Dockerfile.naive"), NAIVE);
    Files.writeString(dir.resolve("requirements.txt"), "left-pad==1.0 # " + UUID.randomUUID() + "\n");
    Files.writeString(dir.resolve("app.txt"), "print('hello') # " + UUID.randomUUID() + "\n");
  }

  private Map<String, String> hashes() throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
      }
    }
    return out;
  }

  private static String counts(JsonNode side) {
    return side.get("cachedSteps").asInt() + "/" + side.get("steps").asInt();
  }

  @Test
  void comparesTwoDockerfilesAsJsonAndLeavesTheProjectAlone() throws Exception {
    project();
    Map<String, String> before = hashes();
    Cli.Result r =
        Cli.run("bench", "--format", "json", "--repeat", "1", "--network", "none", "--vs", dir.resolve("Dockerfile.naive").toString(), dir.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("dockerfiles")).hasSize(2);
    JsonNode sc = json.get("scenarios");
    assertThat(sc).hasSize(4);
    StringBuilder seen = new StringBuilder();
    for (JsonNode s : sc) {
      seen.append(s.get("name").asText()).append(' ').append(counts(s.get("a"))).append(' ').append(counts(s.get("b"))).append('\n');
      assertThat(s.at("/a/medianSeconds").asDouble()).isPositive();
      assertThat(s.at("/a/runs")).hasSize(1);
      assertThat(s.get("ratio").isNumber()).isTrue();
    }
    assertThat(seen.toString()).isEqualTo("cold 0/4 0/3\nwarm 4/4 3/3\nsrc 2/4 0/3\ndeps 0/4 0/3\n");
    assertThat(sc.get(2).at("/a/changedFile").asText()).isEqualTo("app.txt");
    assertThat(sc.get(3).at("/a/changedFile").asText()).isEqualTo("requirements.txt");
    assertThat(hashes()).isEqualTo(before);
  }

  @Test
  void printsAMarkdownTableAndATtyTable() throws Exception {
    project();
    Cli.Result md = Cli.run("bench", "--format", "markdown", "--scenarios", "warm", "--network", "none", dir.toString());
    assertThat(md.exitCode()).as(md.err()).isZero();
    assertThat(md.out()).contains("| scenario | median s | min-max s | cached/steps |\n| --- | ---: | ---: | ---: |\n| warm | ");
    assertThat(md.out()).contains(" | 4/4 |");
    Cli.Result tty = Cli.run("bench", "--scenarios", "src,warm", "--network", "none", "--vs", "Dockerfile.naive", dir.toString());
    assertThat(tty.exitCode()).as(tty.err()).isZero();
    assertThat(tty.out()).contains("B/A").containsPattern("(?m)^src .* 2/4 .* 0/3 .*x$").containsPattern("(?m)^warm .* 4/4 .* 3/3 .*x$");
  }

  @Test
  void recordsEveryMeasuredBuildInTheHistoryStore() throws Exception {
    project();
    Path db = dir.resolveSibling(dir.getFileName() + "-history.db");
    Cli.Result r = Cli.run("bench", "--scenarios", "warm,src", "--repeat", "2", "--network", "none", "--history", db.toString(), dir.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    try (HistoryStore store = HistoryStore.open(db.toString())) {
      assertThat(store.runs(Optional.empty()))
          .extracting(x -> x.series() + " " + x.cachedSteps() + "/" + x.steps() + " " + x.layers().isPresent())
          .containsExactly("bench warm 4/4 true", "bench warm 4/4 true", "bench src 2/4 true", "bench src 2/4 true");
    } finally {
      Files.deleteIfExists(db);
    }
  }

  @Test
  void unknownScenarioIsAUsageError() throws Exception {
    project();
    Cli.Result r = Cli.run("bench", "--scenarios", "cold,lukewarm", dir.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("unknown scenario 'lukewarm'");
  }

  @Test
  void aFailedBuildNamesTheStepAndExitsOne() throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM dive-test:latest\nRUN echo " + UUID.randomUUID() + " && exit 5\n");
    Cli.Result r = Cli.run("bench", "--scenarios", "cold", "--network", "none", dir.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("scenario cold").contains("build failed at [2/2] RUN echo").contains("exit code: 5");
  }
}
