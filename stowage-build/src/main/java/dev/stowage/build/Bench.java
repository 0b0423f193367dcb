package dev.stowage.build;

import dev.stowage.context.DockerIgnore;
import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Word;
import dev.stowage.dockerfile.model.DockerfileModel;
import dev.stowage.dockerfile.model.Stage;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Benchmarks real builds of one Dockerfile (and optionally a second one on the same context) per
 * scenario: {@code cold} (no cache), {@code warm} (nothing changed), {@code src} (a source file the
 * Dockerfile copies changed) and {@code deps} (the dependency manifest changed).
 *
 * <p>The user's files are never touched: the context is copied once per bench to a temporary
 * folder and every build runs on that copy. A change appends a line of spaces and tabs that
 * encodes a random number, so it is harmless in any file format and never matches a cache entry
 * of an earlier run. Before each warm, src or deps run the unchanged state is restored, and built
 * first (not measured) when the last build was of another state, so the cache is primed.
 */
public final class Bench {
  /** What changes before a measured build. */
  public enum Scenario {
    COLD,
    WARM,
    SRC,
    DEPS;

    /** The lower-case name used on the command line and in reports. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The scenario with this label. */
    public static Optional<Scenario> parse(String label) {
      return Arrays.stream(values()).filter(s -> s.label().equals(label.strip().toLowerCase(Locale.ROOT))).findFirst();
    }
  }

  /** Dependency manifests: exact file names, and patterns for families of them. */
  private static final Set<String> MANIFESTS =
      Set.of(
          "package.json", "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "pyproject.toml", "poetry.lock",
          "go.mod", "go.sum", "pom.xml", "Cargo.toml", "Cargo.lock", "Gemfile", "Gemfile.lock", "composer.json",
          "composer.lock", "Pipfile", "Pipfile.lock");

  /**
   * Settings that steer an install or a build tool rather than the program: the bench never picks
   * them as the source file to change.
   */
  private static final Set<String> TOOL_SETTINGS =
      Set.of(
          ".npmrc", ".yarnrc", ".yarnrc.yml", ".pnpmfile.cjs", "pnpm-workspace.yaml", "npm-shrinkwrap.json",
          ".nvmrc", ".node-version", ".python-version", ".tool-versions", "uv.lock", "pdm.lock", "gradle.properties",
          "gradlew", "gradlew.bat", "mvnw", "mvnw.cmd", "go.work", "go.work.sum", "rust-toolchain",
          "rust-toolchain.toml", "auth.json");

  private static final Pattern MANIFEST_PATTERN = Pattern.compile("requirements.*\\.txt|build\\.gradle.*|settings\\.gradle.*");

  /** Whether a file name is a dependency manifest. */
  public static boolean isManifest(String fileName) {
    return MANIFESTS.contains(fileName) || MANIFEST_PATTERN.matcher(fileName).matches();
  }

  /**
   * How to bench.
   *
   * @param scenarios the scenarios, in the order to run them
   * @param repeat measured builds per scenario, at least 1
   * @param network {@code --network} for RUN steps
   * @param buildArgs {@code --build-arg} values
   */
  public record Options(List<Scenario> scenarios, int repeat, Optional<String> network, Map<String, String> buildArgs) {
    public Options {
      scenarios = List.copyOf(scenarios);
      buildArgs = Map.copyOf(buildArgs);
      if (repeat < 1) {
        throw new IllegalArgumentException("repeat must be at least 1");
      }
    }
  }

  /**
   * One measured build.
   *
   * @param hitRate cached steps / steps
   * @param weightedHitRate the share of build time the cache saved: each cached step weighted by
   *     what it took when it last ran in this bench (empty when no cached step was seen running)
   * @param sizeBytes the image's size, when the engine reported it
   * @param layers the image's layer count, when the engine reported it
   */
  public record Run(
      double wallSeconds,
      int steps,
      int cachedSteps,
      double hitRate,
      Optional<Double> weightedHitRate,
      Optional<Long> sizeBytes,
      Optional<Integer> layers) {}

  /**
   * One scenario of one Dockerfile.
   *
   * @param changedFile the file changed before each run (relative to the context), for src and deps
   * @param cachedSteps the median of the runs' cached steps (the lower one of an even count)
   * @param steps the steps counted (FROM left out), as in {@link BuildMetrics.CacheMetric}
   */
  public record ScenarioResult(
      Scenario scenario,
      List<Run> runs,
      double medianSeconds,
      double minSeconds,
      double maxSeconds,
      int cachedSteps,
      int steps,
      Optional<String> changedFile) {
    public ScenarioResult {
      runs = List.copyOf(runs);
    }

    static ScenarioResult of(Scenario scenario, List<Run> runs, Optional<String> changed) {
      double[] secs = runs.stream().mapToDouble(Run::wallSeconds).sorted().toArray();
      int n = secs.length;
      double median = n % 2 == 1 ? secs[n / 2] : (secs[n / 2 - 1] + secs[n / 2]) / 2;
      int[] cached = runs.stream().mapToInt(Run::cachedSteps).sorted().toArray();
      int steps = runs.stream().mapToInt(Run::steps).max().orElse(0);
      return new ScenarioResult(scenario, runs, round(median), secs[0], secs[n - 1], cached[(n - 1) / 2], steps, changed);
    }
  }

  /** Every scenario of one Dockerfile, in the order run. */
  public record Side(Path dockerfile, List<ScenarioResult> scenarios) {
    public Side {
      scenarios = List.copyOf(scenarios);
    }

    public Optional<ScenarioResult> scenario(Scenario s) {
      return scenarios.stream().filter(r -> r.scenario() == s).findFirst();
    }
  }

  /** The bench: Dockerfile A, and B when compared. */
  public record Report(Side a, Optional<Side> b) {
    /** B's median over A's, when B ran and A's median is not zero. */
    public Optional<Double> ratio(Scenario s) {
      if (b.isEmpty()) {
        return Optional.empty();
      }
      Optional<ScenarioResult> ra = a.scenario(s);
      Optional<ScenarioResult> rb = b.get().scenario(s);
      if (ra.isEmpty() || rb.isEmpty() || ra.get().medianSeconds() <= 0) {
        return Optional.empty();
      }
      return Optional.of(round(rb.get().medianSeconds() / ra.get().medianSeconds()));
    }
  }

  /** A scenario cannot run on this Dockerfile and context (nothing to change). */
  public static final class ScenarioUnsupportedException extends Exception {
    private static final long serialVersionUID = 1L;

    public ScenarioUnsupportedException(String message) {
      super(message);
    }
  }

  /** Told about each measured build as it finishes (for progress output). */
  @FunctionalInterface
  public interface Listener {
    void measured(String dockerfile, Scenario scenario, int run, Run result);

    static Listener none() {
      return (d, s, i, r) -> {};
    }
  }

  private final Builder builder;
  private final SecureRandom random = new SecureRandom();

  public Bench(Builder builder) {
    this.builder = builder;
  }

  /**
   * Runs the bench.
   *
   * @param context the user's build context (only read)
   * @param dockerfileA the Dockerfile to measure
   * @param dockerfileB a second Dockerfile to compare with, on the same context
   * @throws ScenarioUnsupportedException when src or deps has no file to change
   * @throws BuildFailedException when a build failed; the message names Dockerfile and scenario
   * @throws IOException when the context cannot be copied
   */
  public Report run(Path context, Path dockerfileA, Optional<Path> dockerfileB, Options options, Listener listener)
      throws IOException, ScenarioUnsupportedException, BuildFailedException, EngineUnavailableException, InterruptedException {
    Path ctx = context.toAbsolutePath().normalize();
    Path tmp = Files.createTempDirectory("stowage-bench");
    try {
      Path copy = tmp.resolve("context");
      List<Path> keep = new ArrayList<>(List.of(dockerfileA.toAbsolutePath().normalize()));
      dockerfileB.ifPresent(b -> keep.add(b.toAbsolutePath().normalize()));
      copyContext(ctx, copy, keep);
      Path fileA = inCopy(ctx, copy, dockerfileA, tmp, "Dockerfile.a");
      Optional<Path> fileB = dockerfileB.isPresent() ? Optional.of(inCopy(ctx, copy, dockerfileB.get(), tmp, "Dockerfile.b")) : Optional.empty();
      DockerIgnore ignore = DockerIgnore.read(copy).orElse(DockerIgnore.none());
      Set<Path> dockerfiles = new java.util.HashSet<>(List.of(fileA));
      fileB.ifPresent(dockerfiles::add);

      Targets targetsA = targets(copy, fileA, ignore, dockerfiles, Optional.empty(), options.scenarios());
      Side a = runSide(copy, dockerfileA, fileA, targetsA, options, listener);
      Optional<Side> b = Optional.empty();
      if (fileB.isPresent()) {
        Targets targetsB = targets(copy, fileB.get(), ignore, dockerfiles, Optional.of(targetsA), options.scenarios());
        b = Optional.of(runSide(copy, dockerfileB.get(), fileB.get(), targetsB, options, listener));
      }
      return new Report(a, b);
    } finally {
      deleteTree(tmp);
    }
  }

  /** The files src and deps change. */
  private record Targets(Optional<String> src, Optional<String> deps) {}

  private enum State {
    NONE,
    CLEAN,
    CHANGED
  }

  private Side runSide(Path copy, Path shown, Path file, Targets targets, Options options, Listener listener)
      throws IOException, BuildFailedException, EngineUnavailableException, InterruptedException {
    DockerfileModel model = DockerfileModel.of(Dockerfile.read(file));
    Map<String, Double> lastDurations = new java.util.HashMap<>();
    BuildRequest base = BuildRequest.of(copy).withDockerfile(file).withBuildArgs(options.buildArgs());
    if (options.network().isPresent()) {
      base = base.withNetwork(options.network().get());
    }
    List<ScenarioResult> results = new ArrayList<>();
    State state = State.NONE;
    for (Scenario s : options.scenarios()) {
      Optional<String> changed =
          switch (s) {
            case SRC -> targets.src();
            case DEPS -> targets.deps();
            default -> Optional.empty();
          };
      byte[] original = changed.isPresent() ? Files.readAllBytes(copy.resolve(changed.get())) : new byte[0];
      List<Run> runs = new ArrayList<>();
      for (int i = 1; i <= options.repeat(); i++) {
        BuildRequest req = base;
        if (s == Scenario.COLD) {
          req = base.withNoCache(true);
        } else if (state != State.CLEAN) {
          build(base, model, shown, s, "priming the cache", lastDurations);
          state = State.CLEAN;
        }
        if (changed.isPresent()) {
          Files.write(copy.resolve(changed.get()), appendNonce(original));
        }
        Run run;
        try {
          run = build(req, model, shown, s, "run " + i, lastDurations);
        } finally {
          if (changed.isPresent()) {
            Files.write(copy.resolve(changed.get()), original);
          }
        }
        state = changed.isPresent() ? State.CHANGED : State.CLEAN;
        runs.add(run);
        listener.measured(shown.toString(), s, i, run);
      }
      results.add(ScenarioResult.of(s, runs, changed));
    }
    return new Side(shown, results);
  }

  private Run build(
      BuildRequest req,
      DockerfileModel model,
      Path shown,
      Scenario s,
      String what,
      Map<String, Double> lastDurations)
      throws BuildFailedException, EngineUnavailableException, InterruptedException {
    BuildResult result;
    try {
      result = builder.build(req, BuildListener.none());
    } catch (BuildFailedException e) {
      throw new BuildFailedException(
          shown + ", scenario " + s.label() + " (" + what + "): " + e.getMessage(), e.failed(), e.logTail(), e.result());
    }
    BuildMetrics m = BuildMetrics.of(result, model, lastDurations);
    // What each step took when it last ran (not cached), for the next run's weighted hit rate.
    for (BuildMetrics.StepMetric step : m.steps()) {
      if (!step.cached() && !step.from()) {
        lastDurations.put(step.key(), step.seconds());
      }
    }
    // Each measured build leaves an untagged image; a bench of many runs would pile them up.
    result.imageId().ifPresent(builder.engine()::removeIfUntagged);
    return new Run(
        m.wallSeconds(),
        m.cache().steps(),
        m.cache().cachedSteps(),
        m.cache().hitRate(),
        m.cache().weightedHitRate(),
        m.sizeBytes(),
        m.layers());
  }

  /** The original content and a new last line of spaces and tabs encoding a random number. */
  private byte[] appendNonce(byte[] original) {
    long nonce = random.nextLong();
    StringBuilder line = new StringBuilder();
    if (original.length > 0 && original[original.length - 1] != '\n') {
      line.append('\n');
    }
    for (int bit = 0; bit < 64; bit++) {
      line.append(((nonce >>> bit) & 1) == 0 ? ' ' : '\t');
    }
    line.append('\n');
    byte[] tail = line.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] out = Arrays.copyOf(original, original.length + tail.length);
    System.arraycopy(tail, 0, out, original.length, tail.length);
    return out;
  }

  /**
   * Picks the files to change: for deps the first dependency manifest the Dockerfile copies, for src
   * the first other source file (see {@link #sourceToChange}); a choice made for the other Dockerfile wins when this one copies it too.
   */
  private static Targets targets(
      Path copy, Path file, DockerIgnore ignore, Set<Path> dockerfiles, Optional<Targets> preferred, List<Scenario> scenarios)
      throws IOException, ScenarioUnsupportedException {
    DockerfileModel model = DockerfileModel.of(Dockerfile.read(file));
    List<String> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(copy)) {
      walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .filter(p -> !dockerfiles.contains(p))
          .map(p -> copy.relativize(p).toString().replace('\\', '/'))
          .filter(r -> !r.equals(DockerIgnore.FILE_NAME) && !ignore.excludes(r))
          .filter(r -> !isDockerfileName(fileName(r)))
          .sorted()
          .forEach(files::add);
    }
    List<String> copied = new ArrayList<>(); // in COPY order, without repeats
    for (Stage st : model.stages()) {
      if (!model.isNeeded(st)) {
        continue;
      }
      for (Instruction.FileTransfer t : st.instructions(Instruction.FileTransfer.class)) {
        if (t.from().isPresent()) {
          continue;
        }
        for (Word w : t.sources()) {
          String src = w.value();
          if (src.startsWith("<<") || src.contains("$") || src.contains("://") || src.startsWith("git@")) {
            continue;
          }
          for (String f : files) {
            if (!copied.contains(f) && DockerIgnore.covers(src, f)) {
              copied.add(f);
            }
          }
        }
      }
    }
    Optional<String> deps = preferred.flatMap(Targets::deps).filter(copied::contains);
    if (deps.isEmpty()) {
      deps = copied.stream().filter(f -> isManifest(fileName(f))).findFirst();
    }
    Optional<String> src = preferred.flatMap(Targets::src).filter(copied::contains);
    if (src.isEmpty()) {
      src = sourceToChange(copied);
    }
    if (scenarios.contains(Scenario.DEPS) && deps.isEmpty()) {
      throw new ScenarioUnsupportedException(
          file.getFileName() + ": scenario deps: the Dockerfile copies no dependency manifest from the context"
              + " (package.json, requirements*.txt, go.mod, pom.xml, ...)");
    }
    if (scenarios.contains(Scenario.SRC) && src.isEmpty()) {
      throw new ScenarioUnsupportedException(
          file.getFileName() + ": scenario src: the Dockerfile copies no source file (other than a dependency manifest) from the context");
    }
    return new Targets(src, deps);
  }

  /**
   * The file a source-only change edits, of the copied files in COPY order: the first that is
   * neither a dependency manifest, nor a package manager's or build tool's settings file, nor
   * hidden (a dot file or inside a dot folder); failing that the first that is no manifest. A
   * change to {@code .yarnrc} or {@code .npmrc} re-runs the install like a manifest change would,
   * which is not what a source change means.
   */
  static Optional<String> sourceToChange(List<String> copied) {
    Optional<String> plain =
        copied.stream()
            .filter(f -> !isManifest(fileName(f)) && !TOOL_SETTINGS.contains(fileName(f)))
            .filter(f -> !f.startsWith(".") && !f.contains("/."))
            .findFirst();
    return plain.isPresent() ? plain : copied.stream().filter(f -> !isManifest(fileName(f))).findFirst();
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static boolean isDockerfileName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("dockerfile") || n.startsWith("dockerfile.") || n.endsWith(".dockerfile") || n.equals("containerfile");
  }

  /** The Dockerfile's path in the copy, or a copy of it beside the context when it lives outside. */
  private static Path inCopy(Path ctx, Path copy, Path dockerfile, Path tmp, String name) throws IOException {
    Path abs = dockerfile.toAbsolutePath().normalize();
    if (abs.startsWith(ctx)) {
      Path p = copy.resolve(ctx.relativize(abs));
      if (!Files.exists(p)) { // left out by .dockerignore: BuildKit still reads it
        Files.createDirectories(p.getParent());
        Files.copy(abs, p);
      }
      return p;
    }
    Path p = tmp.resolve(name);
    Files.copy(abs, p);
    return p;
  }

  /** Copies the context, leaving out what .dockerignore excludes (the build never sees it). */
  private static void copyContext(Path from, Path to, List<Path> keep) throws IOException {
    DockerIgnore ignore = DockerIgnore.read(from).orElse(DockerIgnore.none());
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            String rel = from.relativize(file).toString().replace('\\', '/');
            if (!ignore.excludes(rel) || rel.equals(DockerIgnore.FILE_NAME) || keep.contains(file)) {
              Files.copy(
                  file, to.resolve(rel), StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted((x, y) -> y.getNameCount() - x.getNameCount()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a leftover temp folder is harmless
    }
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }
}
