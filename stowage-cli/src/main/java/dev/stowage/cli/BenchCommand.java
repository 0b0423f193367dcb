package dev.stowage.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.build.Bench;
import dev.stowage.build.Bench.Scenario;
import dev.stowage.build.BuildFailedException;
import dev.stowage.build.Builder;
import dev.stowage.build.Engine;
import dev.stowage.build.EngineUnavailableException;
import dev.stowage.dockerfile.Diagnostic;
import dev.stowage.dockerfile.Dockerfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stowage bench}: real builds per scenario, for one Dockerfile or two side by side. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Runs real BuildKit builds of DIR per scenario and reports wall times and cache hits:"
          + " cold (--no-cache), warm (nothing changed), src (a copied source file changed),"
          + " deps (the dependency manifest changed). Builds run on a temporary copy of DIR;"
          + " your files are never changed.",
      "FORMAT is tty (default), json or markdown (a table for pull-request comments).",
      "A failed build exits with 1 and names the step; an unknown scenario exits 2; no engine exits 3;"
          + " Ctrl-C stops the build and exits 130.",
      "Every measured build is recorded in the history store (see --history; stowage report history)."
    })
final class BenchCommand implements Callable<Integer> {
  /** The output formats of {@code bench}. */
  enum Format {
    TTY,
    JSON,
    MARKDOWN
  }

  @Spec CommandSpec spec;

  @Mixin FormatOption formatOption;

  @Option(names = {"--dockerfile", "-f"}, paramLabel = "A", description = "The Dockerfile to measure (default: DIR/Dockerfile).")
  @Nullable Path dockerfile;

  @Option(names = "--vs", paramLabel = "B", description = "A second Dockerfile to compare with, on the same context.")
  @Nullable Path vs;

  @Option(names = "--scenarios", paramLabel = "LIST", split = ",", description = "Scenarios to run, in order (default: cold,warm,src,deps).")
  List<String> scenarios = List.of("cold", "warm", "src", "deps");

  @Option(names = "--repeat", paramLabel = "N", description = "Measured builds per scenario (default: 1).")
  int repeat = 1;

  @Option(names = "--network", paramLabel = "MODE", description = "Network for RUN steps (none, host, default).")
  @Nullable String network;

  @Option(names = "--build-arg", paramLabel = "NAME=VALUE", description = "Set a build argument.")
  Map<String, String> buildArgs = new LinkedHashMap<>();

  @Option(names = "--no-history", description = "Do not record the measured builds in the history store.")
  boolean noHistory;

  @Mixin HistoryOption historyOption;

  @Parameters(index = "0", paramLabel = "DIR", description = "The build context.")
  Path context;

  @Override
  public Integer call() throws UserInputException, EnvironmentException, InterruptedException {
    Format format = formatOption.select(Format.class, Format.TTY);
    List<Scenario> chosen = new ArrayList<>();
    for (String s : scenarios) {
      Scenario sc =
          Scenario.parse(s)
              .orElseThrow(() -> new UserInputException("--scenarios: unknown scenario '" + s + "'; expected cold, warm, src or deps"));
      if (!chosen.contains(sc)) {
        chosen.add(sc);
      }
    }
    if (repeat < 1) {
      throw new UserInputException("--repeat: must be at least 1");
    }
    if (!Files.isDirectory(context)) {
      throw new UserInputException(context + ": not a directory (the build context)");
    }
    Path fileA = locate(dockerfile, "Dockerfile");
    Optional<Path> fileB = vs == null ? Optional.empty() : Optional.of(locate(vs, null));
    check(fileA);
    if (fileB.isPresent()) {
      check(fileB.get());
    }

    Engine engine;
    try {
      engine = Engine.discover(System.getenv());
    } catch (EngineUnavailableException e) {
      throw new EnvironmentException(e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    Map<String, Path> files = new LinkedHashMap<>();
    files.put(fileA.toString(), fileA);
    fileB.ifPresent(b -> files.put(b.toString(), b));
    Bench.Report report;
    Builder builder = new Builder(engine);
    try (Recorder history = noHistory ? Recorder.off(err) : Recorder.open(historyOption, System.getenv(), err);
        StopOnSignal stop = StopOnSignal.install(builder)) {
      Bench.Listener progress =
          (d, s, i, r) -> {
            history.bench(context, files.getOrDefault(d, Path.of(d)), s, engine, r);
            if (format == Format.TTY) {
              err.printf(Locale.ROOT, "%-6s %s run %d: %.2fs, %d/%d steps cached%n", s.label(), d, i, r.wallSeconds(), r.cachedSteps(), r.steps());
              err.flush();
            }
          };
      report =
          new Bench(builder)
              .run(context, fileA, fileB, new Bench.Options(chosen, repeat, Optional.ofNullable(network), buildArgs), progress);
    } catch (InterruptedException e) {
      err.println("stowage: interrupted: the bench's build was stopped");
      err.flush();
      return ExitCode.INTERRUPTED.code();
    } catch (Bench.ScenarioUnsupportedException e) {
      throw new UserInputException(e.getMessage());
    } catch (BuildFailedException e) {
      return BuildCommand.failed(e, err);
    } catch (EngineUnavailableException e) {
      throw new EnvironmentException(e.getMessage());
    } catch (IOException e) {
      throw new EnvironmentException("copying the build context: " + e.getMessage(), e);
    }
    switch (format) {
      case JSON -> Json.print(json(report), out);
      case TTY -> table(report, out);
      case MARKDOWN -> markdown(report, out);
    }
    out.flush();
    return ExitCode.OK.code();
  }

  /** The Dockerfile as given (relative to the working folder), else relative to DIR. */
  private Path locate(@Nullable Path given, @Nullable String fallback) throws UserInputException {
    Path p = given != null ? given : context.resolve(fallback == null ? "Dockerfile" : fallback);
    if (!Files.isRegularFile(p) && given != null && !given.isAbsolute() && Files.isRegularFile(context.resolve(given))) {
      p = context.resolve(given);
    }
    if (!Files.isRegularFile(p)) {
      throw new UserInputException(p + ": no such Dockerfile");
    }
    return p;
  }

  private static void check(Path file) throws UserInputException {
    Dockerfile df;
    try {
      df = Dockerfile.read(file);
    } catch (IOException e) {
      throw new UserInputException(file + ": cannot read the Dockerfile: " + e.getMessage());
    }
    if (df.hasErrors()) {
      throw new UserInputException(df.errors().stream().map(Diagnostic::format).toList());
    }
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.2f", s);
  }

  private static String range(Bench.ScenarioResult r) {
    return seconds(r.minSeconds()) + "-" + seconds(r.maxSeconds());
  }

  private static String cached(Bench.ScenarioResult r) {
    return r.cachedSteps() + "/" + r.steps();
  }

  private static List<List<String>> rows(Bench.Report report) {
    List<List<String>> rows = new ArrayList<>();
    for (Bench.ScenarioResult a : report.a().scenarios()) {
      List<String> row = new ArrayList<>(List.of(a.scenario().label(), seconds(a.medianSeconds()), range(a), cached(a)));
      if (report.b().isPresent()) {
        Bench.ScenarioResult b = report.b().get().scenario(a.scenario()).orElseThrow();
        row.addAll(List.of(seconds(b.medianSeconds()), range(b), cached(b)));
        row.add(report.ratio(a.scenario()).map(x -> String.format(Locale.ROOT, "%.2fx", x)).orElse("-"));
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<String> header(Bench.Report report) {
    List<String> h = new ArrayList<>(List.of("scenario", "median s", "min-max s", "cached/steps"));
    if (report.b().isPresent()) {
      h.set(1, "A median s");
      h.set(2, "A min-max s");
      h.set(3, "A cached/steps");
      h.addAll(List.of("B median s", "B min-max s", "B cached/steps", "B/A"));
    }
    return h;
  }

  private static void table(Bench.Report report, PrintWriter out) {
    out.println("A: " + report.a().dockerfile());
    report.b().ifPresent(b -> out.println("B: " + b.dockerfile()));
    List<String> header = header(report);
    List<List<String>> rows = rows(report);
    int[] width = new int[header.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = header.get(i).length();
      for (List<String> r : rows) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (List<String> r : all) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.size(); i++) {
        line.append(i == 0 ? String.format("%-" + width[i] + "s", r.get(i)) : "  " + String.format("%" + width[i] + "s", r.get(i)));
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private static void markdown(Bench.Report report, PrintWriter out) {
    out.println("A: `" + report.a().dockerfile() + "`" + report.b().map(b -> ", B: `" + b.dockerfile() + "`").orElse(""));
    out.println();
    List<String> header = header(report);
    out.println("| " + String.join(" | ", header) + " |");
    out.println("| ---" + " | ---:".repeat(header.size() - 1) + " |");
    for (List<String> r : rows(report)) {
      out.println("| " + String.join(" | ", r) + " |");
    }
  }

  private static ObjectNode json(Bench.Report report) {
    ObjectNode root = Json.NODES.objectNode();
    ArrayNode files = root.putArray("dockerfiles");
    files.add(report.a().dockerfile().toString());
    report.b().ifPresent(b -> files.add(b.dockerfile().toString()));
    ArrayNode scenarios = root.putArray("scenarios");
    for (Bench.ScenarioResult a : report.a().scenarios()) {
      ObjectNode o = scenarios.addObject();
      o.put("name", a.scenario().label());
      o.set("a", side(a));
      Optional<Bench.ScenarioResult> b = report.b().flatMap(s -> s.scenario(a.scenario()));
      if (b.isPresent()) {
        o.set("b", side(b.get()));
      } else {
        o.putNull("b");
      }
      Optional<Double> ratio = report.ratio(a.scenario());
      if (ratio.isPresent()) {
        o.put("ratio", ratio.get());
      } else {
        o.putNull("ratio");
      }
    }
    return root;
  }

  private static ObjectNode side(Bench.ScenarioResult r) {
    ObjectNode o = Json.NODES.objectNode();
    o.put("medianSeconds", r.medianSeconds());
    o.put("minSeconds", r.minSeconds());
    o.put("maxSeconds", r.maxSeconds());
    o.put("cachedSteps", r.cachedSteps());
    o.put("steps", r.steps());
    if (r.changedFile().isPresent()) {
      o.put("changedFile", r.changedFile().get());
    } else {
      o.putNull("changedFile");
    }
    ArrayNode runs = o.putArray("runs");
    for (Bench.Run run : r.runs()) {
      ObjectNode x = runs.addObject();
      x.put("wallSeconds", run.wallSeconds());
      x.put("steps", run.steps());
      x.put("cachedSteps", run.cachedSteps());
      x.put("hitRate", run.hitRate());
      run.weightedHitRate().ifPresent(w -> x.put("weightedHitRate", w));
    }
    return o;
  }
}
