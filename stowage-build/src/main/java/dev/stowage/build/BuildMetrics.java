package dev.stowage.build;

import dev.stowage.dockerfile.model.Dependency;
import dev.stowage.dockerfile.model.DockerfileModel;
import dev.stowage.dockerfile.model.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measured facts about one build: steps and stages with durations, the critical path through the
 * stage graph, and cache use. Immutable.
 *
 * @param wallSeconds the build's wall-clock time
 * @param steps every Dockerfile step, in order of appearance
 * @param stages per stage: steps, cached steps, summed step seconds
 * @param criticalPath the chain of stages that bounds the build time, first to last
 * @param criticalPathSeconds the summed step seconds along it
 * @param cache cache statistics
 */
public record BuildMetrics(
    double wallSeconds,
    List<StepMetric> steps,
    List<StageMetric> stages,
    List<String> criticalPath,
    double criticalPathSeconds,
    CacheMetric cache,
    Optional<Long> sizeBytes,
    Optional<Integer> layers) {
  public BuildMetrics {
    steps = List.copyOf(steps);
    stages = List.copyOf(stages);
    criticalPath = List.copyOf(criticalPath);
  }

  /** One step: stage, position, instruction, time, cached. */
  public record StepMetric(String stage, int step, int steps, String instruction, double seconds, boolean cached, boolean from) {
    /** The key under which a step's duration is remembered between builds. */
    public String key() {
      return stage + " " + instruction;
    }
  }

  /** One stage. */
  public record StageMetric(String name, int steps, int cachedSteps, double seconds) {}

  /**
   * Cache use. {@code hitRate} counts steps (FROM excluded: resolving a local base is not build
   * work); {@code weightedHitRate} weighs each cached step by what it took when it last ran, and
   * {@code savedSeconds} adds those times up — both need the last durations, empty otherwise.
   */
  public record CacheMetric(
      int steps, int cachedSteps, double hitRate, Optional<Double> weightedHitRate, Optional<Double> savedSeconds) {}

  /**
   * Measures a build.
   *
   * @param model the Dockerfile's model, for stage names and the stage graph
   * @param lastDurations seconds each step took when it last ran, by {@link StepMetric#key()}
   */
  public static BuildMetrics of(BuildResult result, DockerfileModel model, Map<String, Double> lastDurations) {
    List<StepMetric> steps = new ArrayList<>();
    String defaultStage = model.target().map(DockerfileModel::stageLabel).orElse("stage-0");
    for (Vertex v : result.steps()) {
      steps.add(
          new StepMetric(
              v.stage().orElse(defaultStage), v.step(), v.steps(), v.instruction(), v.cached() ? 0 : v.seconds(), v.cached(), v.isFrom()));
    }
    Map<String, double[]> byStage = new LinkedHashMap<>();
    for (StepMetric s : steps) {
      double[] a = byStage.computeIfAbsent(s.stage(), k -> new double[3]);
      a[0]++;
      a[1] += s.cached() ? 1 : 0;
      a[2] += s.seconds();
    }
    List<StageMetric> stages = new ArrayList<>();
    byStage.forEach((k, a) -> stages.add(new StageMetric(k, (int) a[0], (int) a[1], round(a[2]))));

    // Critical path: the longest chain of stage durations through the stage graph to the target.
    int n = model.stages().size();
    double[] best = new double[n];
    int[] prev = new int[n];
    for (Stage st : model.stages()) {
      double own = byStage.getOrDefault(DockerfileModel.stageLabel(st), new double[3])[2];
      best[st.index()] = own;
      prev[st.index()] = -1;
      for (Dependency d : st.dependencies()) {
        if (d.stage() < st.index() && (prev[st.index()] < 0 || best[d.stage()] + own > best[st.index()])) {
          best[st.index()] = best[d.stage()] + own;
          prev[st.index()] = d.stage();
        }
      }
    }
    List<String> path = new ArrayList<>();
    double pathSeconds = 0;
    if (model.target().isPresent()) {
      int at = model.target().get().index();
      pathSeconds = best[at];
      while (at >= 0) {
        path.add(0, DockerfileModel.stageLabel(model.stages().get(at)));
        at = prev[at];
      }
    }

    int counted = 0;
    int cached = 0;
    double cachedWeight = 0;
    double totalWeight = 0;
    // A cached step weighs what it took when it last ran. One never seen running (a WORKDIR the
    // engine reports cached even without cache) weighs nothing; when no cached step was ever seen
    // running, the weights are unknown.
    int cachedKnown = 0;
    for (StepMetric s : steps) {
      if (s.from()) {
        continue;
      }
      counted++;
      if (s.cached() && lastDurations.containsKey(s.key())) {
        cachedKnown++;
      }
      double w = s.cached() ? lastDurations.getOrDefault(s.key(), 0.0) : s.seconds();
      totalWeight += w;
      if (s.cached()) {
        cached++;
        cachedWeight += w;
      }
    }
    boolean weightsKnown = !lastDurations.isEmpty() && (cached == 0 || cachedKnown > 0);
    double hitRate = counted == 0 ? 0 : round((double) cached / counted);
    Optional<Double> weighted =
        !weightsKnown
            ? Optional.empty()
            // Steps too quick to time (0.0 s each): the time-weighted rate is the count rate.
            : Optional.of(totalWeight > 0 ? round(cachedWeight / totalWeight) : hitRate);
    Optional<Double> saved = weightsKnown ? Optional.of(round(cachedWeight)) : Optional.empty();
    return new BuildMetrics(
        round(result.wallMillis() / 1000.0),
        steps,
        stages,
        path,
        round(pathSeconds),
        new CacheMetric(counted, cached, hitRate, weighted, saved),
        result.sizeBytes(),
        result.layers());
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }
}
