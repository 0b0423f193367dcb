package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.build.history.HistoryStore;
import dev.stowage.build.history.RunRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stowage report history} on a SQLite store written through the library. */
class ReportHistoryCommandTest {
  @TempDir Path dir;
  Path db;

  private static RunRecord run(String dockerfile, Optional<String> scenario, int minute, double seconds, double hit, long size) {
    return new RunRecord("run-" + dockerfile + "-" + minute, Instant.parse("2026-11-20T08:00:00Z").plusSeconds(60L * minute),
        "https://git.example/shop.git", dockerfile, "sha256:" + "0".repeat(64), ".", scenario.isPresent() ? "bench" : "build", scenario,
        Optional.of("a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0"), Optional.of("docker_buildkit 20.10.24"), seconds, 10,
        (int) Math.round(hit * 10), hit, Optional.empty(), Optional.of(size), Optional.of(5), true);
  }

  @BeforeEach
  void store() throws Exception {
    db = dir.resolve("h.db");
    try (HistoryStore s = HistoryStore.open(db.toString())) {
      double[] secs = {20, 21, 19, 20, 22};
      for (int i = 0; i < secs.length; i++) {
        s.record(run("api/Dockerfile", Optional.empty(), i, secs[i], 0.9, 80_000_000));
      }
      s.record(run("api/Dockerfile", Optional.empty(), 10, 31, 0.5, 80_000_000)); // slower, fewer hits
      s.record(run("api/Dockerfile", Optional.of("warm"), 11, 1.5, 1.0, 80_000_000));
      s.record(run("web/Dockerfile", Optional.empty(), 12, 5, 1.0, 10_000_000));
    }
  }

  @Test
  void jsonShowsSeriesMediansAndRegressions() throws Exception {
    Cli.Result r = Cli.run("report", "history", "--history", db.toString(), "--format", "json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("series")).extracting(s -> s.get("dockerfile").asText() + " " + s.get("series").asText())
        .containsExactly("api/Dockerfile build", "api/Dockerfile bench warm", "web/Dockerfile build");
    JsonNode build = json.at("/series/0");
    assertThat(build.get("runs").asInt()).isEqualTo(6);
    JsonNode latest = build.at("/points/5");
    assertThat(latest.at("/median/durationSeconds").asDouble()).isEqualTo(20.0);
    assertThat(latest.get("regressions")).extracting(g -> g.get("metric").asText()).containsExactly("duration", "cacheHitRate");
    assertThat(latest.at("/regressions/0/message").asText()).isEqualTo("duration 31.0s vs median 20.0s (+11.0s, +55%)");
    assertThat(json.get("regressions").asInt()).isEqualTo(2);
    assertThat(json.at("/thresholds/window").asInt()).isEqualTo(10);
  }

  @Test
  void filtersByDockerfileAndLimitsTheRuns() throws Exception {
    Cli.Result r = Cli.run("report", "history", "--history", db.toString(), "--format", "json", "--dockerfile", "web/Dockerfile");
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("series")).hasSize(1);
    Cli.Result limited = Cli.run("report", "history", "--history", db.toString(), "--format", "json", "--limit", "2");
    assertThat(new ObjectMapper().readTree(limited.out()).at("/series/0/points")).hasSize(2);
  }

  @Test
  void ttyAndMarkdownFlagTheRegression() {
    Cli.Result tty = Cli.run("report", "history", "--history", "jdbc:sqlite:" + db);
    assertThat(tty.exitCode()).as(tty.err()).isZero();
    assertThat(tty.out())
        .contains("api/Dockerfile (https://git.example/shop.git)")
        .contains("  build: 6 runs; median of the last 6 successful: 20.5s, cache 90%, 80.0 MB")
        .containsPattern("(?m)^    2026-11-20 08:10 +a1b2c3d4e5f6 +31\\.0s +50% \\(5/10\\) +80\\.0 MB +5 +ok +duration 31\\.0s vs median 20\\.0s")
        .contains("  bench warm: 1 run; ");
    Cli.Result md = Cli.run("report", "history", "--history", db.toString(), "--format", "markdown", "--dockerfile", "api/Dockerfile");
    assertThat(md.out()).contains("### `api/Dockerfile`: build").contains("| **duration 31.0s vs median 20.0s (+11.0s, +55%); cache hit rate 50% vs median 90% (-40 points)** |")
        .doesNotContain("web/Dockerfile");
  }

  @Test
  void failOnRegressionExitsOneOnlyWhenTheLatestRunRegressed() {
    assertThat(Cli.run("report", "history", "--history", db.toString(), "--fail-on-regression", "--dockerfile", "api/Dockerfile").exitCode()).isEqualTo(1);
    assertThat(Cli.run("report", "history", "--history", db.toString(), "--fail-on-regression", "--dockerfile", "web/Dockerfile").exitCode()).isZero();
  }

  @Test
  void helpStatesTheRegressionRule() {
    Cli.Result r = Cli.run("report", "history", "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out().replaceAll("\\s+", " ")).contains("duration +20% and +2 s, size +10%, cache hit rate -10 points").doesNotContain("%%");
  }

  @Test
  void aMissingFileMeansNoRunsAndIsNotCreated() {
    Path missing = dir.resolve("none/h.db");
    Cli.Result r = Cli.run("report", "history", "--history", missing.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("no runs recorded\n");
    assertThat(Cli.run("report", "history", "--history", "jdbc:sqlite:" + missing, "--format", "json").out()).contains("\"series\": []");
    assertThat(missing.getParent()).doesNotExist();
  }

  @Test
  void badStoresAreUsageOrEnvironmentErrors() {
    Cli.Result mysql = Cli.run("report", "history", "--history", "jdbc:mysql://127.0.0.1/x");
    assertThat(mysql.exitCode()).isEqualTo(2);
    assertThat(mysql.err()).contains("--history: jdbc:mysql://127.0.0.1/x: not a history store");
    Cli.Result down = Cli.run("report", "history", "--history", "jdbc:postgresql://127.0.0.1:1/none?user=u&password=secret");
    assertThat(down.exitCode()).isEqualTo(3);
    assertThat(down.err()).contains("cannot open the history store").doesNotContain("secret");
    assertThat(Cli.run("report").exitCode()).isEqualTo(2);
  }
}
