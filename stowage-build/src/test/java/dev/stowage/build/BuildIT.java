package dev.stowage.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.dockerfile.model.DockerfileModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Real builds on the real BuildKit engine: metrics of a known build, asserted exactly. */
@ExtendWith(RealEngine.class)
class BuildIT {
  private static final String DOCKERFILE =
      """
      FROM dive-test:latest AS base
      RUN echo base > /base.txt
      FROM base AS build
      COPY app.txt /app.txt
      RUN cat /app.txt > /out.txt
      FROM dive-test:latest
      COPY --from=build /out.txt /out.txt
      CMD ["cat", "/out.txt"]
      """;

  @TempDir Path dir;

  /** Marks this test's images (see {@link #removeImages}). */
  private final String id = UUID.randomUUID().toString();

  @AfterEach
  void removeImages() {
    RealEngine.removeImages(id);
  }

  private DockerfileModel project(String dockerfile) throws IOException {
    dockerfile = dockerfile + RealEngine.labelLine(id);
    Files.writeString(dir.resolve("Dockerfile"), dockerfile);
    Files.writeString(dir.resolve("app.txt"), UUID.randomUUID() + "\n");
    return DockerfileModel.of(Dockerfile.parse(dockerfile));
  }

  @Test
  void coldWarmAndSourceChangeHaveTheExpectedCacheHits(Engine engine) throws Exception {
    DockerfileModel model = project(DOCKERFILE);
    Builder builder = new Builder(engine);
    BuildRequest req = BuildRequest.of(dir).withNetwork("none").withTag("stowage-it/buildit:latest");

    BuildMetrics cold = BuildMetrics.of(builder.build(req.withNoCache(true), BuildListener.none()), model, Map.of());
    assertThat(cold.steps())
        .filteredOn(s -> !s.from())
        .extracting(s -> s.stage() + " " + s.instruction())
        .containsExactly(
            "base RUN echo base > /base.txt",
            "build COPY app.txt /app.txt",
            "build RUN cat /app.txt > /out.txt",
            "stage-2 COPY --from=build /out.txt /out.txt");
    assertThat(cold.cache().steps()).isEqualTo(4);
    assertThat(cold.cache().cachedSteps()).isZero();
    assertThat(cold.criticalPath()).containsExactly("base", "build", "stage-2");
    long baseLayers = engine.imageStats(RealEngine.BASE_IMAGE).orElseThrow()[1];
    assertThat(cold.layers()).contains((int) baseLayers + 1);
    assertThat(cold.sizeBytes()).hasValueSatisfying(s -> assertThat(s).isPositive());

    Map<String, Double> last = new LinkedHashMap<>();
    cold.steps().forEach(s -> last.put(s.key(), s.seconds()));
    BuildMetrics warm = BuildMetrics.of(builder.build(req, BuildListener.none()), model, last);
    assertThat(warm.cache().cachedSteps()).isEqualTo(4);
    assertThat(warm.cache().hitRate()).isEqualTo(1.0);
    assertThat(warm.cache().savedSeconds()).isPresent();

    Files.writeString(dir.resolve("app.txt"), UUID.randomUUID() + "\n");
    BuildMetrics src = BuildMetrics.of(builder.build(req, BuildListener.none()), model, last);
    assertThat(src.steps())
        .filteredOn(s -> !s.from())
        .extracting(s -> s.instruction() + (s.cached() ? " cached" : ""))
        .containsExactly(
            "RUN echo base > /base.txt cached",
            "COPY app.txt /app.txt",
            "RUN cat /app.txt > /out.txt",
            "COPY --from=build /out.txt /out.txt");
    assertThat(src.cache().hitRate()).isEqualTo(0.25);
    assertThat(src.stages()).extracting(BuildMetrics.StageMetric::name).contains("base", "build", "stage-2");
  }

  @Test
  void aFailingBuildNamesTheFailingStep(Engine engine) throws Exception {
    project("FROM dive-test:latest\nRUN echo ok\nRUN echo " + UUID.randomUUID() + " && exit 3\n");
    Builder builder = new Builder(engine);
    assertThatThrownBy(() -> builder.build(BuildRequest.of(dir).withNetwork("none"), BuildListener.none()))
        .isInstanceOfSatisfying(
            BuildFailedException.class,
            e -> {
              assertThat(e.getMessage()).contains("[3/3] RUN echo").contains("exit code: 3");
              assertThat(e.failed()).hasValueSatisfying(v -> assertThat(v.step()).isEqualTo(3));
              assertThat(e.result().steps()).hasSize(3);
            });
  }

  @Test
  void discoversTheEngine(Engine engine) {
    assertThat(engine.serverVersion()).isNotBlank();
    assertThat(engine.environment()).containsEntry("DOCKER_BUILDKIT", "1");
    if (engine.kind() == Engine.Kind.DOCKER_BUILDKIT) {
      assertThat(engine.progress()).as("the classic client has no rawjson: plain").isEqualTo(Engine.Progress.PLAIN);
    }
  }
}
