package dev.stowage.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.build.BuildFailedException;
import dev.stowage.build.BuildListener;
import dev.stowage.build.BuildMetrics;
import dev.stowage.build.BuildRequest;
import dev.stowage.build.BuildResult;
import dev.stowage.build.Builder;
import dev.stowage.build.Engine;
import dev.stowage.build.EngineUnavailableException;
import dev.stowage.build.ProgressParser;
import dev.stowage.build.history.Provenance;
import dev.stowage.dockerfile.Diagnostic;
import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.dockerfile.model.BuildOptions;
import dev.stowage.dockerfile.model.DockerfileModel;
import dev.stowage.lint.config.BuildConfig;
import dev.stowage.lint.config.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stowage build}: runs a real BuildKit build, shows progress, and reports its metrics. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a BuildKit build of DIR and reports per-step and per-stage times, the critical path,"
          + " cache hits, image size and layers.",
      "FORMAT is tty (default: live progress on stderr, a summary on stdout), json, or github"
          + " (workflow annotations for broken budgets).",
      "Budgets (--max-duration, --min-cache-hit, --max-size, --max-layers, else build.budgets in"
          + " .stowage.yaml found upwards from DIR) exit with 1 when broken; a failed build exits"
          + " with 1 and names the failing step; no engine, or the engine going away, exits 3;"
          + " Ctrl-C stops the build and exits 130.",
      "Every build is recorded in the history store (see --history; stowage report history)."
    })
final class BuildCommand implements Callable<Integer> {
  /** The output formats of {@code build}. */
  enum Format {
    TTY,
    JSON,
    GITHUB
  }

  @Spec CommandSpec spec;

  @Mixin FormatOption formatOption;

  @Option(names = {"-f", "--file"}, paramLabel = "DOCKERFILE", description = "The Dockerfile (default: DIR/Dockerfile).")
  Path dockerfile;

  @Option(names = {"-t", "--tag"}, paramLabel = "NAME", description = "Name the image.")
  List<String> tags = new ArrayList<>();

  @Option(names = "--build-arg", paramLabel = "NAME=VALUE", description = "Set a build argument.")
  Map<String, String> buildArgs = new LinkedHashMap<>();

  @Option(names = "--target", paramLabel = "STAGE", description = "Build this stage.")
  String target;

  @Option(names = "--no-cache", description = "Do not reuse any cache.")
  boolean noCache;

  @Option(names = "--network", paramLabel = "MODE", description = "Network for RUN steps (none, host, default).")
  String network;

  @Option(names = "--max-duration", paramLabel = "DURATION", description = "Budget: wall time, e.g. 90s, 2m.")
  String maxDuration;

  @Option(names = "--min-cache-hit", paramLabel = "RATE", description = "Budget: cache hit rate, e.g. 0.8 or 80%%.")
  String minCacheHit;

  @Option(names = "--max-size", paramLabel = "SIZE", description = "Budget: image size, e.g. 150MB, 1.2GiB.")
  String maxSize;

  @Option(names = "--max-layers", paramLabel = "N", description = "Budget: number of image layers.")
  Integer maxLayers;

  @Option(names = "--no-history", description = "Do not record this build in the history store.")
  boolean noHistory;

  @Mixin HistoryOption historyOption;

  @Parameters(index = "0", paramLabel = "DIR", description = "The build context.")
  Path context;

  @Override
  public Integer call() throws UserInputException, EnvironmentException, InterruptedException {
    Format format = formatOption.select(Format.class, Format.TTY);
    if (!Files.isDirectory(context)) {
      throw new UserInputException(context + ": not a directory (the build context)");
    }
    Path file = dockerfile != null ? dockerfile : context.resolve("Dockerfile");
    Dockerfile df;
    try {
      df = Dockerfile.read(file);
    } catch (IOException e) {
      throw new UserInputException(file + ": cannot read the Dockerfile: " + e.getMessage());
    }
    if (df.hasErrors()) {
      throw new UserInputException(df.errors().stream().map(Diagnostic::format).toList());
    }
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    BuildConfig config;
    try {
      config = BuildConfig.load(context);
    } catch (ConfigException e) {
      throw new UserInputException(e.getMessage());
    }
    config.warnings().forEach(w -> err.println("stowage: warning: " + w));
    List<Budget> budgets = Budget.of(maxDuration, minCacheHit, maxSize, maxLayers, config);
    BuildOptions opts = BuildOptions.defaults().withBuildArgs(buildArgs);
    if (target != null) {
      opts = opts.withTarget(target);
    }
    DockerfileModel model = DockerfileModel.of(df, opts);

    Engine engine;
    try {
      engine = Engine.discover(System.getenv());
    } catch (EngineUnavailableException e) {
      throw new EnvironmentException(e.getMessage());
    }
    BuildRequest req =
        new BuildRequest(
            context,
            Optional.ofNullable(dockerfile),
            tags,
            buildArgs,
            Optional.ofNullable(target),
            noCache,
            Optional.ofNullable(network),
            List.of());
    BuildListener progress = format == Format.TTY ? BuildCommand.progressPrinter(err) : BuildListener.none();
    BuildResult result;
    Builder builder = new Builder(engine);
    Instant started = Instant.now();
    try (Recorder history = noHistory ? Recorder.off(err) : Recorder.open(historyOption, System.getenv(), err);
        StopOnSignal stop = StopOnSignal.install(builder)) {
      try {
        result = builder.build(req, progress);
      } catch (BuildFailedException e) {
        history.build(context, file, started, engine, BuildMetrics.of(e.result(), model, Map.of()), false);
        return failed(e, err);
      } catch (EngineUnavailableException e) {
        throw new EnvironmentException(e.getMessage());
      } catch (InterruptedException e) {
        err.println("stowage: interrupted: the build was stopped");
        err.flush();
        return ExitCode.INTERRUPTED.code();
      }
      history.build(context, file, started, engine, BuildMetrics.of(result, model, Map.of()), true);
    }
    BuildMetrics metrics = BuildMetrics.of(result, model, Map.of());
    List<String> broken = new ArrayList<>();
    for (Budget b : budgets) {
      b.check(metrics).ifPresent(broken::add);
    }
    switch (format) {
      case JSON -> Json.print(json(metrics, engine, broken), out);
      case TTY -> printSummary(metrics, out);
      case GITHUB -> {
        String at = annotationProperty(Provenance.key(file)); // GitHub wants it relative to the repository
        for (String b : broken) {
          out.println("::error file=" + at + ",title=stowage build budget::" + annotationData(b));
        }
      }
    }
    out.flush();
    for (String b : broken) {
      err.println("stowage: budget broken: " + b);
    }
    err.flush();
    return broken.isEmpty() ? ExitCode.OK.code() : ExitCode.FINDINGS.code();
  }

  /** Reports a failed build (its message, then the tail of the failing step's log); exit 1. */
  static int failed(BuildFailedException e, PrintWriter err) {
    err.println("stowage: " + e.getMessage());
    for (String line : e.logTail()) {
      err.println("  | " + line);
    }
    err.flush();
    return ExitCode.FINDINGS.code();
  }

  /** A workflow command's message: {@code %}, CR and LF escaped as GitHub reads them. */
  private static String annotationData(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A workflow command's property value: also {@code :} and {@code ,} escaped. */
  private static String annotationProperty(String s) {
    return annotationData(s).replace(":", "%3A").replace(",", "%2C");
  }

  private static BuildListener progressPrinter(PrintWriter err) {
    return e -> {
      if (e instanceof ProgressParser.Event.Finished f && f.vertex().isStep()) {
        var v = f.vertex();
        String state = v.error().isPresent() ? "ERROR" : v.cached() ? "CACHED" : String.format(Locale.ROOT, "%.1fs", v.seconds());
        err.printf(Locale.ROOT, "%-7s %s%n", state, v.name());
        err.flush();
      }
    };
  }

  private static void printSummary(BuildMetrics m, PrintWriter out) {
    out.printf(Locale.ROOT, "build: %.1fs wall, critical path %s (%.1fs)%n", m.wallSeconds(), String.join(" -> ", m.criticalPath()), m.criticalPathSeconds());
    for (BuildMetrics.StageMetric s : m.stages()) {
      out.printf(Locale.ROOT, "  stage %-16s %3d steps, %3d cached, %7.1fs%n", s.name(), s.steps(), s.cachedSteps(), s.seconds());
    }
    out.printf(Locale.ROOT, "cache: %d of %d steps cached (%.0f%%)%n", m.cache().cachedSteps(), m.cache().steps(), m.cache().hitRate() * 100);
    m.sizeBytes().ifPresent(s -> out.printf(Locale.ROOT, "image: %s, %d layers%n", Budget.human(s), m.layers().orElse(0)));
  }

  private static ObjectNode json(BuildMetrics m, Engine engine, List<String> broken) {
    ObjectNode root = Json.NODES.objectNode();
    ObjectNode build = root.putObject("build");
    build.put("wallSeconds", m.wallSeconds());
    build.put("engine", engine.kind().name().toLowerCase(Locale.ROOT));
    build.put("engineVersion", engine.serverVersion());
    build.put("progress", engine.progress().flag());
    ArrayNode path = build.putArray("criticalPath");
    m.criticalPath().forEach(path::add);
    build.put("criticalPathSeconds", m.criticalPathSeconds());
    ArrayNode stages = root.putArray("stages");
    for (BuildMetrics.StageMetric s : m.stages()) {
      ObjectNode o = stages.addObject();
      o.put("name", s.name());
      o.put("steps", s.steps());
      o.put("cachedSteps", s.cachedSteps());
      o.put("seconds", s.seconds());
    }
    ArrayNode steps = root.putArray("steps");
    for (BuildMetrics.StepMetric s : m.steps()) {
      ObjectNode o = steps.addObject();
      o.put("stage", s.stage());
      o.put("step", s.step());
      o.put("of", s.steps());
      o.put("instruction", s.instruction());
      o.put("seconds", s.seconds());
      o.put("cached", s.cached());
    }
    ObjectNode cache = root.putObject("cache");
    cache.put("steps", m.cache().steps());
    cache.put("cachedSteps", m.cache().cachedSteps());
    cache.put("hitRate", m.cache().hitRate());
    if (m.cache().weightedHitRate().isPresent()) {
      cache.put("weightedHitRate", m.cache().weightedHitRate().get());
    } else {
      cache.putNull("weightedHitRate");
    }
    if (m.cache().savedSeconds().isPresent()) {
      cache.put("savedSeconds", m.cache().savedSeconds().get());
    } else {
      cache.putNull("savedSeconds");
    }
    ObjectNode image = root.putObject("image");
    if (m.sizeBytes().isPresent()) {
      image.put("sizeBytes", m.sizeBytes().get());
    } else {
      image.putNull("sizeBytes");
    }
    if (m.layers().isPresent()) {
      image.put("layers", m.layers().get());
    } else {
      image.putNull("layers");
    }
    ArrayNode budgets = root.putArray("brokenBudgets");
    broken.forEach(budgets::add);
    return root;
  }
}
