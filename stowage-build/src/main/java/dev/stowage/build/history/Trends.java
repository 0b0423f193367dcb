package dev.stowage.build.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Trends of recorded runs per Dockerfile and series ({@code build}, {@code bench cold}, ...), and
 * the runs that regressed against the median of the successful runs before them. Stateless.
 *
 * <p>A successful run regresses when, against the median of up to {@link Thresholds#window} earlier
 * successful runs of its series (at least {@link Thresholds#minRuns} of them): its duration is more
 * than {@code durationRatio} above the median <em>and</em> more than {@code durationSeconds} above
 * it; or its image is more than {@code sizeRatio} larger; or its cache hit rate is more than {@code
 * hitRatePoints} below. Failed runs are shown but neither judged nor part of a median.
 */
public final class Trends {
  private Trends() {}

  /**
   * When a run counts as a regression.
   *
   * @param window how many earlier successful runs the median is taken over
   * @param minRuns the fewest earlier successful runs a judgement needs
   */
  public record Thresholds(
      double durationRatio, double durationSeconds, double sizeRatio, double hitRatePoints, int window, int minRuns) {
    /** +20% and +2 s duration, +10% size, -10 points of cache hit rate; the last 10 runs, 3 at least. */
    public static final Thresholds DEFAULT = new Thresholds(0.20, 2.0, 0.10, 0.10, 10, 3);
  }

  /** What regressed. */
  public enum Metric {
    DURATION,
    SIZE,
    CACHE_HIT_RATE;

    public String label() {
      return switch (this) {
        case DURATION -> "duration";
        case SIZE -> "size";
        case CACHE_HIT_RATE -> "cacheHitRate";
      };
    }
  }

  /** One regression: the run's value against the median of the runs before it. */
  public record Regression(Metric metric, double value, double median, String message) {}

  /** A run with the medians it was judged against (empty with too few earlier runs). */
  public record Point(RunRecord run, Optional<Medians> medians, List<Regression> regressions) {
    public Point {
      regressions = List.copyOf(regressions);
    }
  }

  /** Medians over the earlier successful runs of a series. */
  public record Medians(int runs, double durationSeconds, double cacheHitRate, Optional<Double> sizeBytes) {}

  /** One Dockerfile's runs of one kind, oldest first. */
  public record Series(String project, String dockerfile, String name, List<Point> points) {
    public Series {
      points = List.copyOf(points);
    }

    /** The last {@code n} points. */
    public List<Point> last(int n) {
      return points.subList(Math.max(0, points.size() - n), points.size());
    }

    /** Medians over the last {@code window} successful runs, regardless of what follows them. */
    public Optional<Medians> recent(int window) {
      return medians(points.stream().map(Point::run).filter(RunRecord::success).toList(), window);
    }
  }

  /** Groups {@code runs} (oldest first) into series and judges every successful run. */
  public static List<Series> of(List<RunRecord> runs, Thresholds t) {
    Map<List<String>, List<RunRecord>> groups = new LinkedHashMap<>();
    for (RunRecord r : runs) {
      groups.computeIfAbsent(List.of(r.project(), r.dockerfile(), r.series()), k -> new ArrayList<>()).add(r);
    }
    List<Series> out = new ArrayList<>();
    groups.forEach(
        (k, rs) -> {
          List<Point> points = new ArrayList<>();
          List<RunRecord> earlier = new ArrayList<>();
          for (RunRecord r : rs) {
            Optional<Medians> m = earlier.size() >= t.minRuns() ? medians(earlier, t.window()) : Optional.empty();
            points.add(new Point(r, m, r.success() && m.isPresent() ? judge(r, m.get(), t) : List.of()));
            if (r.success()) {
              earlier.add(r);
            }
          }
          out.add(new Series(k.get(0), k.get(1), k.get(2), points));
        });
    return out;
  }

  private static Optional<Medians> medians(List<RunRecord> successful, int window) {
    if (successful.isEmpty()) {
      return Optional.empty();
    }
    List<RunRecord> w = successful.subList(Math.max(0, successful.size() - window), successful.size());
    List<Double> sizes = w.stream().flatMap(r -> r.sizeBytes().stream()).map(Long::doubleValue).toList();
    return Optional.of(
        new Medians(
            w.size(),
            median(w, RunRecord::durationSeconds),
            median(w, RunRecord::cacheHitRate),
            sizes.isEmpty() ? Optional.empty() : Optional.of(median(sizes, x -> x))));
  }

  private static List<Regression> judge(RunRecord r, Medians m, Thresholds t) {
    List<Regression> out = new ArrayList<>();
    double d = r.durationSeconds();
    if (d > m.durationSeconds() * (1 + t.durationRatio()) && d > m.durationSeconds() + t.durationSeconds()) {
      out.add(
          new Regression(
              Metric.DURATION,
              d,
              m.durationSeconds(),
              String.format(
                  Locale.ROOT, "duration %.1fs vs median %.1fs (+%.1fs, +%.0f%%)", d, m.durationSeconds(), d - m.durationSeconds(), percent(d, m.durationSeconds()))));
    }
    if (r.sizeBytes().isPresent() && m.sizeBytes().isPresent() && m.sizeBytes().get() > 0) {
      double s = r.sizeBytes().get();
      double ms = m.sizeBytes().get();
      if (s > ms * (1 + t.sizeRatio())) {
        out.add(
            new Regression(
                Metric.SIZE, s, ms, String.format(Locale.ROOT, "size %.0f bytes vs median %.0f (+%.0f%%)", s, ms, percent(s, ms))));
      }
    }
    double h = r.cacheHitRate();
    if (h < m.cacheHitRate() - t.hitRatePoints() - 1e-9) {
      out.add(
          new Regression(
              Metric.CACHE_HIT_RATE,
              h,
              m.cacheHitRate(),
              String.format(
                  Locale.ROOT, "cache hit rate %.0f%% vs median %.0f%% (-%.0f points)", h * 100, m.cacheHitRate() * 100, (m.cacheHitRate() - h) * 100)));
    }
    return out;
  }

  private static double percent(double v, double median) {
    return median == 0 ? 0 : (v - median) / median * 100;
  }

  private static <T> double median(List<T> items, Function<T, Double> f) {
    double[] v = items.stream().map(f).mapToDouble(Double::doubleValue).sorted().toArray();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
