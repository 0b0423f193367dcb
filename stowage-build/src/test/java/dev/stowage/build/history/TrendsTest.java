package dev.stowage.build.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrendsTest {
  private static final Trends.Thresholds T = Trends.Thresholds.DEFAULT;

  private static List<Trends.Regression> last(List<RunRecord> runs) {
    List<Trends.Series> series = Trends.of(runs, T);
    assertThat(series).hasSize(1);
    List<Trends.Point> points = series.get(0).points();
    return points.get(points.size() - 1).regressions();
  }

  private static List<RunRecord> steady() {
    List<RunRecord> runs = new ArrayList<>();
    double[] secs = {10, 11, 9, 10.5, 9.5};
    for (int i = 0; i < secs.length; i++) {
      runs.add(Runs.build(i, secs[i], 0.8, 100_000_000));
    }
    return runs;
  }

  @Test
  void aSlowerRunPastBothThresholdsIsADurationRegression() {
    List<RunRecord> runs = steady();
    runs.add(Runs.build(10, 12.6, 0.8, 100_000_000));
    assertThat(last(runs)).singleElement().satisfies(r -> {
      assertThat(r.metric()).isEqualTo(Trends.Metric.DURATION);
      assertThat(r.median()).isEqualTo(10.0);
      assertThat(r.message()).isEqualTo("duration 12.6s vs median 10.0s (+2.6s, +26%)");
    });
  }

  @Test
  void aSmallAbsoluteSlowdownIsNoRegression() {
    List<RunRecord> runs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      runs.add(Runs.build(i, 1.0, 0.8, 100));
    }
    runs.add(Runs.build(9, 2.9, 0.8, 100)); // +190% but only +1.9 s
    assertThat(last(runs)).isEmpty();
    runs.add(Runs.build(10, 3.1, 0.8, 100));
    assertThat(last(runs)).extracting(Trends.Regression::metric).containsExactly(Trends.Metric.DURATION);
  }

  @Test
  void sizeAndHitRateRegressions() {
    List<RunRecord> runs = steady();
    runs.add(Runs.build(10, 10, 0.69, 110_000_001));
    assertThat(last(runs))
        .extracting(Trends.Regression::metric)
        .containsExactly(Trends.Metric.SIZE, Trends.Metric.CACHE_HIT_RATE);
    runs.set(runs.size() - 1, Runs.build(10, 10, 0.70, 110_000_000));
    assertThat(last(runs)).as("exactly at the thresholds").isEmpty();
  }

  @Test
  void needsThreeEarlierRunsAndIgnoresFailedOnes() {
    List<RunRecord> runs = new ArrayList<>();
    runs.add(Runs.build(0, 10, 0.8, 100));
    runs.add(Runs.run("app/Dockerfile", Optional.empty(), 1, 1, 0, 0, false));
    runs.add(Runs.build(2, 10, 0.8, 100));
    runs.add(Runs.build(3, 60, 0.8, 100));
    List<Trends.Point> points = Trends.of(runs, T).get(0).points();
    assertThat(points).allSatisfy(p -> assertThat(p.regressions()).isEmpty());
    assertThat(points.get(3).medians()).isEmpty();
    runs.add(Runs.build(4, 60, 0.8, 100));
    Trends.Point p = Trends.of(runs, T).get(0).points().get(4);
    assertThat(p.medians()).hasValueSatisfying(m -> assertThat(m.runs()).isEqualTo(3));
    assertThat(p.medians().get().durationSeconds()).isEqualTo(10.0);
    assertThat(p.regressions()).hasSize(1);
  }

  @Test
  void theMedianCoversTheLastTenRuns() {
    List<RunRecord> runs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      runs.add(Runs.build(i, 100, 0.8, 100));
    }
    for (int i = 10; i < 20; i++) {
      runs.add(Runs.build(i, 10, 0.8, 100));
    }
    runs.add(Runs.build(30, 13, 0.8, 100)); // against the 10 fast runs only: +30%, +3 s
    assertThat(last(runs)).extracting(Trends.Regression::metric).containsExactly(Trends.Metric.DURATION);
  }

  @Test
  void seriesSplitByDockerfileAndScenario() {
    List<RunRecord> runs = new ArrayList<>(steady());
    runs.add(Runs.run("app/Dockerfile", Optional.of("cold"), 20, 40, 0, 100, true));
    runs.add(Runs.run("web/Dockerfile", Optional.empty(), 21, 5, 1, 100, true));
    assertThat(Trends.of(runs, T))
        .extracting(s -> s.dockerfile() + " " + s.name() + " " + s.points().size())
        .containsExactly("app/Dockerfile build 5", "app/Dockerfile bench cold 1", "web/Dockerfile build 1");
  }
}
