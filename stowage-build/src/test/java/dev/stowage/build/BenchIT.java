package dev.stowage.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.build.Bench.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@link Bench} on the real engine: cached-step counts per scenario, asserted exactly. */
@ExtendWith(RealEngine.class)
class BenchIT {
  /** Dependencies first: 4 counted steps, the source COPY is the third. */
  static final String LAYERED =
      """
      FROM dive-test:latest
      COPY requirements.txt /app/requirements.txt
      RUN cat /app/requirements.txt > /app/installed.txt
      COPY app.txt /app/app.txt
      RUN cat /app/app.txt /app/installed.txt > /app/out.txt
      """;

  /** Everything first: 3 counted steps, every change re-runs all of them. */
  static final String NAIVE =
      """
      FROM dive-test:latest
      COPY . /app
      RUN cat /app/requirements.txt > /app/installed.txt
      RUN cat /app/app.txt /app/installed.txt > /app/out.txt
      """;

  @TempDir Path dir;

  /** A project whose content no earlier test run has built. */
  static void project(Path dir) throws Exception {
    // A LABEL is image configuration, not a build step: the step counts stay as they are.
    String id = UUID.randomUUID().toString();
    Files.writeString(dir.resolve("label.txt"), id + "\n");
    Files.writeString(dir.resolve("Dockerfile"), LAYERED + "LABEL dev.stowage.test=" + id + "\n");
    Files.writeString(dir.resolve("Dockerfile.naive"), NAIVE + "LABEL dev.stowage.test=" + id + "\n");
    Files.writeString(dir.resolve("requirements.txt"), "left-pad==1.0 # " + UUID.randomUUID() + "\n");
    Files.writeString(dir.resolve("app.txt"), "print('hello') # " + UUID.randomUUID() + "\n");
  }

  /** Every file under {@code dir} with the SHA-256 of its content. */
  static Map<String, String> hashes(Path dir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
      }
    }
    return out;
  }

  @Test
  void scenariosHitTheCacheAsTheLayoutSays(Engine engine) throws Exception {
    project(dir);
    Map<String, String> before = hashes(dir);
    Bench.Options options = new Bench.Options(List.of(Scenario.values()), 1, Optional.of("none"), Map.of());
    Bench.Report r =
        new Bench(new Builder(engine))
            .run(dir, dir.resolve("Dockerfile"), Optional.of(dir.resolve("Dockerfile.naive")), options, Bench.Listener.none());

    assertThat(r.a().scenarios())
        .extracting(s -> s.scenario().label() + " " + s.cachedSteps() + "/" + s.steps())
        .containsExactly("cold 0/4", "warm 4/4", "src 2/4", "deps 0/4");
    assertThat(r.a().scenario(Scenario.SRC).orElseThrow().changedFile()).contains("app.txt");
    assertThat(r.a().scenario(Scenario.DEPS).orElseThrow().changedFile()).contains("requirements.txt");
    assertThat(r.b().orElseThrow().scenarios())
        .extracting(s -> s.scenario().label() + " " + s.cachedSteps() + "/" + s.steps())
        .containsExactly("cold 0/3", "warm 3/3", "src 0/3", "deps 0/3");
    assertThat(r.b().orElseThrow().scenario(Scenario.SRC).orElseThrow().changedFile()).contains("app.txt");
    for (Scenario s : Scenario.values()) {
      Bench.ScenarioResult a = r.a().scenario(s).orElseThrow();
      assertThat(a.runs()).hasSize(1);
      assertThat(a.medianSeconds()).isPositive().isEqualTo(a.minSeconds()).isEqualTo(a.maxSeconds());
      assertThat(r.ratio(s)).isPresent();
    }
    assertThat(hashes(dir)).isEqualTo(before);
    // The measured builds' untagged images are removed again (the build cache stays); the
    // project's label tells this test's images from other builds on the same engine.
    assertThat(dangling(engine, dir)).isEmpty();
  }

  private static Set<String> dangling(Engine engine, Path dir) throws Exception {
    String label = "dev.stowage.test=" + Files.readString(dir.resolve("label.txt")).strip();
    Process p =
        new ProcessBuilder(
                engine.client().toString(), "images", "-q", "--no-trunc", "-f", "dangling=true", "-f", "label=" + label)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).isZero();
    return Set.copyOf(out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
  }

  @Test
  void repeatsAreEachMeasuredAndChangedAnew(Engine engine) throws Exception {
    project(dir);
    Bench.Options options = new Bench.Options(List.of(Scenario.SRC, Scenario.WARM), 2, Optional.of("none"), Map.of());
    Bench.Report r = new Bench(new Builder(engine)).run(dir, dir.resolve("Dockerfile"), Optional.empty(), options, Bench.Listener.none());
    assertThat(r.a().scenario(Scenario.SRC).orElseThrow().runs()).extracting(Bench.Run::cachedSteps).containsExactly(2, 2);
    assertThat(r.a().scenario(Scenario.WARM).orElseThrow().runs()).extracting(Bench.Run::cachedSteps).containsExactly(4, 4);
    // Every step of a warm run ran before in this bench: the cache saved all of the build time.
    assertThat(r.a().scenario(Scenario.WARM).orElseThrow().runs())
        .extracting(Bench.Run::weightedHitRate)
        .containsExactly(Optional.of(1.0), Optional.of(1.0));
    assertThat(r.a().scenario(Scenario.SRC).orElseThrow().runs())
        .allSatisfy(run -> assertThat(run.weightedHitRate()).hasValueSatisfying(w -> assertThat(w).isBetween(0.0, 1.0)));
    assertThat(r.b()).isEmpty();
    assertThat(r.ratio(Scenario.SRC)).isEmpty();
  }

  @Test
  void aDockerfileWithoutManifestCannotRunDeps(Engine engine) throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM dive-test:latest\nCOPY app.txt /app.txt\n");
    Files.writeString(dir.resolve("app.txt"), "x\n");
    Bench.Options options = new Bench.Options(List.of(Scenario.DEPS), 1, Optional.of("none"), Map.of());
    assertThatThrownBy(() -> new Bench(new Builder(engine)).run(dir, dir.resolve("Dockerfile"), Optional.empty(), options, Bench.Listener.none()))
        .isInstanceOf(Bench.ScenarioUnsupportedException.class)
        .hasMessageContaining("scenario deps");
  }
}
