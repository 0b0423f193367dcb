package dev.stowage.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.build.history.HistoryException;
import dev.stowage.build.history.HistoryStore;
import dev.stowage.build.history.Provenance;
import dev.stowage.build.history.RunRecord;
import dev.stowage.build.history.Trends;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stowage report history}: trends per Dockerfile and regressions against the recent median. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = {
      "Shows the recorded build and bench runs per Dockerfile and series (build, bench cold, bench"
          + " warm, ...): duration, cache hit rate, image size and layers, and flags each run that"
          + " regressed against the median of the 10 successful runs before it (at least 3):"
          + " duration +20%% and +2 s, size +10%%, cache hit rate -10 points.",
      "FORMAT is tty (default), json or markdown (for a pull-request comment).",
      "Exit code: 0; with --fail-on-regression, 1 when the latest run of a series regressed;"
          + " 3 when the store cannot be read."
    })
final class ReportHistoryCommand implements Callable<Integer> {
  /** The output formats of {@code report history}. */
  enum Format {
    TTY,
    JSON,
    MARKDOWN
  }

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Spec CommandSpec spec;

  @Mixin FormatOption formatOption;

  @Mixin HistoryOption historyOption;

  @Option(names = {"--dockerfile", "-f"}, paramLabel = "PATH", description = "Only this Dockerfile's runs.")
  @Nullable Path dockerfile;

  @Option(names = "--limit", paramLabel = "N", description = "Show the last N runs of each series (default: 20).")
  int limit = 20;

  @Option(names = "--fail-on-regression", description = "Exit 1 when the latest run of a series regressed.")
  boolean failOnRegression;

  @Override
  public Integer call() throws UserInputException, EnvironmentException {
    Format format = formatOption.select(Format.class, Format.TTY);
    if (limit < 1) {
      throw new UserInputException("--limit: must be at least 1");
    }
    HistoryOption.Location at = historyOption.location(System.getenv());
    PrintWriter out = spec.commandLine().getOut();
    List<RunRecord> runs;
    String location;
    Optional<Path> sqliteFile =
        at.value().startsWith("jdbc:sqlite:")
            ? Optional.of(Path.of(at.value().substring("jdbc:sqlite:".length()).replaceFirst("\\?.*", "")))
            : at.value().startsWith("jdbc:") ? Optional.empty() : Optional.of(Path.of(at.value()));
    if (sqliteFile.isPresent() && !Files.exists(sqliteFile.get())) {
      runs = List.of(); // nothing recorded yet: do not create a store just to read it
      location = at.value();
    } else {
      try (HistoryStore store = historyOption.open(at)) {
        location = store.location();
        runs = store.runs(Optional.empty());
      } catch (HistoryException e) {
        throw new EnvironmentException(e.getMessage(), e);
      }
    }
    if (dockerfile != null) {
      String key = Provenance.key(dockerfile);
      String given = dockerfile.toString().replace('\\', '/');
      runs = runs.stream().filter(r -> r.dockerfile().equals(key) || r.dockerfile().equals(given)).toList();
    }
    Trends.Thresholds t = Trends.Thresholds.DEFAULT;
    List<Trends.Series> series = Trends.of(runs, t);
    switch (format) {
      case JSON -> Json.print(json(location, series, t), out);
      case TTY -> tty(series, t, out);
      case MARKDOWN -> markdown(series, t, out);
    }
    out.flush();
    boolean latestRegressed =
        series.stream().anyMatch(s -> !s.points().get(s.points().size() - 1).regressions().isEmpty());
    return failOnRegression && latestRegressed ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
  }

  private static String runs(Trends.Series s) {
    return s.points().size() + (s.points().size() == 1 ? " run" : " runs");
  }

  private static String size(Optional<Long> bytes) {
    return bytes.map(Budget::human).orElse("-");
  }

  private static String commit(RunRecord r) {
    return r.gitCommit().map(c -> c.substring(0, Math.min(12, c.length()))).orElse("-");
  }

  private static String medians(Trends.Series s, Trends.Thresholds t) {
    return s.recent(t.window())
        .map(m -> String.format(Locale.ROOT, "median of the last %d successful: %.1fs, cache %.0f%%, %s", m.runs(), m.durationSeconds(),
            m.cacheHitRate() * 100, m.sizeBytes().map(b -> Budget.human(Math.round(b))).orElse("no image")))
        .orElse("no successful run");
  }

  private static List<String> row(Trends.Point p) {
    RunRecord r = p.run();
    return List.of(
        TIME.format(r.time()),
        commit(r),
        String.format(Locale.ROOT, "%.1fs", r.durationSeconds()),
        String.format(Locale.ROOT, "%.0f%% (%d/%d)", r.cacheHitRate() * 100, r.cachedSteps(), r.steps()),
        size(r.sizeBytes()),
        r.layers().map(String::valueOf).orElse("-"),
        r.success() ? "ok" : "failed",
        String.join("; ", p.regressions().stream().map(Trends.Regression::message).toList()));
  }

  private static final List<String> HEADER = List.of("time (UTC)", "commit", "duration", "cache hits", "size", "layers", "result", "regression");

  private void tty(List<Trends.Series> series, Trends.Thresholds t, PrintWriter out) {
    if (series.isEmpty()) {
      out.println("no runs recorded" + (dockerfile != null ? " for " + dockerfile : ""));
      return;
    }
    String last = null;
    for (Trends.Series s : series) {
      String head = s.dockerfile() + " (" + s.project() + ")";
      if (!head.equals(last)) {
        out.println(head);
        last = head;
      }
      out.println("  " + s.name() + ": " + runs(s) + "; " + medians(s, t));
      List<List<String>> rows = new ArrayList<>();
      rows.add(HEADER);
      s.last(limit).forEach(p -> rows.add(row(p)));
      int[] width = new int[HEADER.size()];
      for (List<String> r : rows) {
        for (int i = 0; i < width.length; i++) {
          width[i] = Math.max(width[i], r.get(i).length());
        }
      }
      for (List<String> r : rows) {
        StringBuilder line = new StringBuilder("    ");
        for (int i = 0; i < r.size(); i++) {
          line.append(String.format(i >= 2 && i <= 5 ? "%" + width[i] + "s  " : "%-" + width[i] + "s  ", r.get(i)));
        }
        out.println(line.toString().stripTrailing());
      }
    }
  }

  private void markdown(List<Trends.Series> series, Trends.Thresholds t, PrintWriter out) {
    if (series.isEmpty()) {
      out.println("No runs recorded" + (dockerfile != null ? " for `" + dockerfile + "`" : "") + ".");
      return;
    }
    for (Trends.Series s : series) {
      out.println("### `" + s.dockerfile() + "`: " + s.name());
      out.println();
      out.println(runs(s) + "; " + medians(s, t) + ".");
      out.println();
      out.println("| " + String.join(" | ", HEADER) + " |");
      out.println("| --- | --- | ---: | ---: | ---: | ---: | --- | --- |");
      for (Trends.Point p : s.last(limit)) {
        List<String> r = new ArrayList<>(row(p));
        if (!p.regressions().isEmpty()) {
          r.set(7, "**" + r.get(7) + "**");
        }
        out.println("| " + String.join(" | ", r) + " |");
      }
      out.println();
    }
  }

  private ObjectNode json(String location, List<Trends.Series> series, Trends.Thresholds t) {
    ObjectNode root = Json.NODES.objectNode();
    root.put("store", location);
    ObjectNode th = root.putObject("thresholds");
    th.put("durationRatio", t.durationRatio());
    th.put("durationSeconds", t.durationSeconds());
    th.put("sizeRatio", t.sizeRatio());
    th.put("hitRatePoints", t.hitRatePoints());
    th.put("window", t.window());
    th.put("minRuns", t.minRuns());
    ArrayNode arr = root.putArray("series");
    int regressions = 0;
    for (Trends.Series s : series) {
      ObjectNode o = arr.addObject();
      o.put("project", s.project());
      o.put("dockerfile", s.dockerfile());
      o.put("series", s.name());
      o.put("runs", s.points().size());
      Optional<Trends.Medians> m = s.recent(t.window());
      if (m.isPresent()) {
        o.set("median", medians(m.get()));
      } else {
        o.putNull("median");
      }
      ArrayNode points = o.putArray("points");
      for (Trends.Point p : s.last(limit)) {
        RunRecord r = p.run();
        ObjectNode x = points.addObject();
        x.put("id", r.id());
        x.put("time", r.time().toString());
        x.put("command", r.command());
        Json.putOptional(x, "scenario", r.scenario());
        Json.putOptional(x, "gitCommit", r.gitCommit());
        x.put("dockerfileDigest", r.dockerfileDigest());
        x.put("context", r.context());
        Json.putOptional(x, "engine", r.engine());
        x.put("durationSeconds", r.durationSeconds());
        x.put("steps", r.steps());
        x.put("cachedSteps", r.cachedSteps());
        x.put("cacheHitRate", r.cacheHitRate());
        Json.putOptional(x, "savedSeconds", r.savedSeconds());
        Json.putOptional(x, "sizeBytes", r.sizeBytes());
        Json.putOptional(x, "layers", r.layers());
        x.put("success", r.success());
        if (p.medians().isPresent()) {
          x.set("median", medians(p.medians().get()));
        } else {
          x.putNull("median");
        }
        ArrayNode regs = x.putArray("regressions");
        for (Trends.Regression g : p.regressions()) {
          ObjectNode y = regs.addObject();
          y.put("metric", g.metric().label());
          y.put("value", g.value());
          y.put("median", g.median());
          y.put("message", g.message());
          regressions++;
        }
      }
    }
    root.put("regressions", regressions);
    return root;
  }

  private static ObjectNode medians(Trends.Medians m) {
    ObjectNode o = Json.NODES.objectNode();
    o.put("runs", m.runs());
    o.put("durationSeconds", m.durationSeconds());
    o.put("cacheHitRate", m.cacheHitRate());
    Json.putOptional(o, "sizeBytes", m.sizeBytes());
    return o;
  }
}
