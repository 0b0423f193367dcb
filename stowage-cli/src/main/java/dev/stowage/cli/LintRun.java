package dev.stowage.cli;

import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.lint.Finding;
import dev.stowage.lint.LintOptions;
import dev.stowage.lint.LintResult;
import dev.stowage.lint.Linter;
import dev.stowage.lint.Severity;
import dev.stowage.lint.config.ConfigException;
import dev.stowage.lint.config.LintConfig;
import dev.stowage.lint.format.FileResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * Lints Dockerfiles for {@code lint} and {@code check}: a file that cannot be
 * read becomes a message and the others go on; a syntax error is a DL1000 finding of its file.
 * Lints files on all cores and reports them in the order given; one run at a time per instance.
 */
final class LintRun {
  /**
   * One Dockerfile to lint.
   *
   * @param argument a path, or {@code -} for standard input
   * @param file the Dockerfile's absolute path, empty for standard input
   * @param contextDir the build context to lint against, when known
   */
  record Target(String argument, Optional<Path> file, Optional<Path> contextDir) {
    /**
     * A file linted with its own folder as the build context; {@code path} as given (the name
     * messages use), opened from {@code run}'s folder.
     */
    static Target file(Path path, RunEnvironment run) {
      Path opened = run.resolve(path).normalize();
      return new Target(
          path.toString(), Optional.of(opened), Optional.ofNullable(opened.getParent()));
    }

    static Target stdin() {
      return new Target(Inputs.STDIN_ARGUMENT, Optional.empty(), Optional.empty());
    }

    Target withContext(Path dir) {
      return new Target(argument, file, Optional.of(dir));
    }
  }

  /**
   * What a run produced.
   *
   * @param results one per Dockerfile read, in target order
   * @param inputErrors one line per target that could not be read ({@code file: problem})
   */
  record Outcome(
      List<FileResult> results,
      List<String> inputErrors,
      List<String> warnings,
      Optional<Severity> configThreshold) {
    Outcome {
      results = List.copyOf(results);
      inputErrors = List.copyOf(inputErrors);
      warnings = List.copyOf(warnings);
    }

    List<Finding> findings() {
      return results.stream().flatMap(r -> r.findings().stream()).toList();
    }

    /**
     * Ends a {@code lint} or {@code check} run once its report is printed: the run's warnings go
     * to {@code err}, unreadable inputs make it a usage error, and otherwise the exit code follows
     * the failure threshold (the command line's, else the configuration's, else {@code
     * otherwise}).
     *
     * @throws UserInputException naming every input that could not be read
     */
    int finish(PrintWriter err, @Nullable FailureThreshold given, FailureThreshold otherwise)
        throws UserInputException {
      warnings.forEach(w -> err.println("warning: " + w));
      err.flush();
      if (!inputErrors.isEmpty()) {
        throw new UserInputException(inputErrors);
      }
      FailureThreshold threshold = FailureThreshold.resolve(given, configThreshold, otherwise);
      return threshold.failsOn(findings()) ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
    }
  }

  private final RunEnvironment run;
  private final Inputs inputs;
  private final Linter linter;
  private final LintOptions base;
  private final Optional<Path> explicitConfig;
  private final boolean noConfig;

  /**
   * @param base the options from the command line
   * @param explicitConfig {@code --config FILE}
   * @param noConfig {@code --no-config}
   */
  LintRun(
      RunEnvironment run,
      Linter linter,
      LintOptions base,
      Optional<Path> explicitConfig,
      boolean noConfig) {
    this.run = run;
    this.inputs = new Inputs(run);
    this.linter = linter;
    this.base = base;
    this.explicitConfig = explicitConfig;
    this.noConfig = noConfig;
  }

  /**
   * The built-in rules, looking for {@code shellcheck} on the run's {@code PATH}: a linter per
   * run, as its build-context scans must not outlive the run.
   */
  static Linter linter(RunEnvironment run) {
    return Linter.builtIn().withShellcheckPath(run.env().getOrDefault("PATH", ""));
  }

  Outcome run(List<Target> targets) throws EnvironmentException, UserInputException {
    return run(targets, r -> {});
  }

  /** Receives each file's result as soon as it and every file before it are linted. */
  @FunctionalInterface
  interface ResultSink {
    void accept(FileResult result) throws EnvironmentException;
  }

  /**
   * Lints {@code targets} and hands each result to {@code sink} in target order while later
   * files are still being linted, so a report can be printed as the run goes. A malformed
   * configuration fails the run before any result is handed on.
   */
  Outcome run(List<Target> targets, ResultSink sink)
      throws EnvironmentException, UserInputException {
    // Configurations first (one per folder, cheap): a broken one stops the run before output.
    for (Target t : targets) {
      config(t);
    }
    List<FileResult> results = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    Set<String> warnings = new LinkedHashSet<>();
    Optional<Severity> threshold = Optional.empty();
    ExecutorService pool = null;
    try {
      List<Future<Attempt>> futures = new ArrayList<>(targets.size());
      if (targets.size() >= 8) {
        // Files are independent: lint them on all cores, report them in the order given.
        int threads = Math.min(targets.size(), Runtime.getRuntime().availableProcessors());
        pool = Executors.newFixedThreadPool(threads, r -> {
          Thread th = new Thread(r, "stowage-lint");
          th.setDaemon(true);
          return th;
        });
        for (Target t : targets) {
          futures.add(pool.submit(() -> attempt(t)));
        }
      }
      for (int i = 0; i < targets.size(); i++) {
        Attempt a = pool == null ? attempt(targets.get(i)) : futures.get(i).get();
        errors.addAll(a.inputErrors());
        warnings.addAll(a.warnings());
        if (threshold.isEmpty()) {
          threshold = a.threshold();
        }
        if (a.result().isPresent()) {
          results.add(a.result().get());
          sink.accept(a.result().get());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnvironmentException("interrupted while linting", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof EnvironmentException env) {
        throw env;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    return new Outcome(results, errors, List.copyOf(warnings), threshold);
  }

  /** What linting one target gave: a result, or why there is none. */
  private record Attempt(
      Optional<FileResult> result,
      List<String> inputErrors,
      List<String> warnings,
      Optional<Severity> threshold) {}

  private Attempt attempt(Target t) throws EnvironmentException {
    Inputs.Input input;
    try {
      input = inputs.read(t.argument());
    } catch (UserInputException e) {
      return new Attempt(Optional.empty(), e.messages(), List.of(), Optional.empty());
    }
    Dockerfile dockerfile = Dockerfile.parse(input.name(), input.text());
    LintConfig config = configs.get(folder(t)); // loaded by run() before any attempt
    List<String> warnings = new ArrayList<>(config.warnings());
    LintResult result = linter.lintWithReport(dockerfile, optionsFor(t, config));
    warnings.addAll(result.warnings());
    return new Attempt(
        Optional.of(FileResult.of(dockerfile, result.findings())),
        List.of(),
        warnings,
        config.failureThreshold());
  }

  /** The configuration that applies to a target: found upwards from it, or --config. */
  private LintConfig config(Target t) throws UserInputException {
    // Every Dockerfile of a folder finds the same configuration: look it up once per folder.
    Path folder = folder(t);
    LintConfig cached = configs.get(folder);
    if (cached != null) {
      return cached;
    }
    try {
      LintConfig config =
          LintConfig.load(anchor(t), explicitConfig, noConfig, run.env(), run.cwd());
      configs.put(folder, config);
      return config;
    } catch (ConfigException e) {
      throw new UserInputException(e.getMessage());
    }
  }

  private final Map<Path, LintConfig> configs = new ConcurrentHashMap<>();

  private Path folder(Target t) {
    return anchor(t).getParent();
  }

  /** The path configuration is found from: the Dockerfile, or {@code Dockerfile} in the context. */
  private Path anchor(Target t) {
    return t.file().orElseGet(() -> t.contextDir().orElse(run.cwd()).resolve("Dockerfile"));
  }

  /**
   * The options for one Dockerfile: its configuration file (if any) applied to the command line's
   * options, then its build context. Ignored ids add up; the configuration's settings are added to
   * what the command line gave.
   */
  private LintOptions optionsFor(Target t, LintConfig config) {
    LintOptions options = config.applyTo(base, anchor(t)).withWorkingDir(run.cwd());
    if (t.contextDir().isPresent()) {
      options = options.withContextDir(t.contextDir().get());
    }
    return options;
  }
}
