package dev.stowage.lint.config;

import dev.stowage.lint.BuiltInRules;
import dev.stowage.lint.LintOptions;
import dev.stowage.lint.LintRule;
import dev.stowage.lint.Linter;
import dev.stowage.lint.RuleMeta;
import dev.stowage.lint.Severity;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A lint configuration read from {@code .stowage.yaml} or hadolint's {@code .hadolint.yaml}.
 * Immutable and thread-safe.
 *
 * <p>Both files take hadolint's keys: {@code ignored}, {@code override} ({@code error}, {@code
 * warning}, {@code info}, {@code style} lists), {@code failure-threshold}, {@code
 * trustedRegistries} (also {@code trusted-registries}), {@code label-schema}, {@code
 * strict-labels}, {@code disable-ignore-pragma}, {@code no-fail}, {@code format} (also {@code
 * output-format}), {@code no-color} and {@code verbose}. Stowage adds {@code rules} (rule id to
 * {@code off|error|warning|info|style}), {@code shellcheck} (boolean) and {@code paths}, a list of
 * per-path overrides {@code {match: GLOB, ignored: [...], rules: {...}}} whose globs are relative
 * to the configuration file's folder (a glob without {@code /} matches the file name in any
 * folder).
 *
 * <p>Unknown keys and unknown rule ids are {@link #warnings()}; values of the wrong kind are a
 * {@link ConfigException}.
 */
public final class LintConfig {
  /** Stowage's file names, looked for upwards from the Dockerfile. */
  public static final List<String> STOWAGE_NAMES = List.of(".stowage.yaml", ".stowage.yml");

  /** hadolint's project file names. */
  public static final List<String> HADOLINT_NAMES = List.of(".hadolint.yaml", ".hadolint.yml");

  private static final Pattern SHELLCHECK_ID = Pattern.compile("SC\\d{4}");
  private static final Set<String> LABEL_TYPES =
      Set.of("text", "rfc3339", "semver", "url", "hash", "spdx", "email");

  /** Rule settings for files whose path matches a glob. */
  private record PathRule(
      String glob, PathMatcher matcher, Set<String> ignored, Map<String, Severity> rules) {}

  private final Optional<Path> source;
  private final Optional<Path> dockerfile;
  private final Path cwd;
  private final Set<String> ignored;
  private final Map<String, Severity> severities;
  private final List<String> trustedRegistries;
  private final Map<String, String> labelSchema;
  private final Optional<Boolean> strictLabels;
  private final Optional<Boolean> disableIgnorePragma;
  private final Optional<Boolean> shellcheck;
  private final Optional<Severity> failureThreshold;
  private final boolean noFail;
  private final Optional<String> format;
  private final List<PathRule> paths;
  private final List<String> warnings;

  private LintConfig(Builder b) {
    this.source = b.source;
    this.dockerfile = b.dockerfile;
    this.cwd = b.cwd;
    this.ignored = Set.copyOf(b.ignored);
    this.severities = Map.copyOf(b.severities);
    this.trustedRegistries = List.copyOf(b.trustedRegistries);
    this.labelSchema = Map.copyOf(b.labelSchema);
    this.strictLabels = b.strictLabels;
    this.disableIgnorePragma = b.disableIgnorePragma;
    this.shellcheck = b.shellcheck;
    this.failureThreshold = b.failureThreshold;
    this.noFail = b.noFail;
    this.format = b.format;
    this.paths = List.copyOf(b.paths);
    this.warnings = List.copyOf(b.warnings);
  }

  /** No configuration: {@link #applyTo} returns its argument. */
  public static LintConfig empty() {
    return new LintConfig(
        new Builder(Optional.empty(), Path.of("").toAbsolutePath(), Optional.empty()));
  }

  /**
   * The configuration for linting {@code dockerfile}, reading the environment of this process.
   *
   * @see #load(Path, Optional, boolean, Map)
   */
  public static LintConfig load(Path dockerfile, Optional<Path> explicit, boolean noConfig)
      throws ConfigException {
    return load(dockerfile, explicit, noConfig, System.getenv());
  }

  /**
   * The configuration for linting {@code dockerfile}: {@code explicit} when given; else with {@code
   * noConfig} none; else the first {@code .stowage.yaml} (or {@code .yml}) in the Dockerfile's
   * folder and its parents, stopping after the filesystem root or a folder holding {@code .git};
   * else hadolint's file where hadolint would look, first upwards from the Dockerfile in the same
   * way, then {@code $PWD/.hadolint.yaml}, {@code $XDG_CONFIG_HOME/hadolint.yaml}, {@code
   * $HOME/.config/hadolint.yaml}, {@code $HOME/.hadolint/hadolint.yaml} ({@code config.yaml}), and
   * {@code $HOME/.hadolint.yaml} ({@code .yml} accepted everywhere).
   *
   * @param env the environment ({@code HOME}, {@code XDG_CONFIG_HOME}); tests pass their own
   * @throws ConfigException when the file chosen is not a valid configuration, or an explicit file
   *     cannot be read
   */
  public static LintConfig load(
      Path dockerfile, Optional<Path> explicit, boolean noConfig, Map<String, String> env)
      throws ConfigException {
    return load(dockerfile, explicit, noConfig, env, Path.of("").toAbsolutePath());
  }

  /**
   * {@link #load(Path, Optional, boolean, Map)} on behalf of a process whose working directory is
   * {@code cwd}: relative paths ({@code dockerfile}, {@code explicit}) are opened from there, and
   * {@code $PWD/.hadolint.yaml} means {@code cwd}'s. Messages name {@code explicit} as given.
   */
  public static LintConfig load(
      Path dockerfile,
      Optional<Path> explicit,
      boolean noConfig,
      Map<String, String> env,
      Path cwd)
      throws ConfigException {
    Path file = cwd.resolve(dockerfile);
    if (explicit.isPresent()) {
      return read(explicit.get(), cwd, Optional.of(file));
    }
    if (noConfig) {
      return new LintConfig(new Builder(Optional.empty(), cwd, Optional.of(file)));
    }
    Optional<Path> found = find(file, env, cwd);
    if (found.isEmpty()) {
      return new LintConfig(new Builder(Optional.empty(), cwd, Optional.of(file)));
    }
    return read(found.get(), cwd, Optional.of(file));
  }

  /** Reads one configuration file. */
  public static LintConfig read(Path file) throws ConfigException {
    return read(file, Path.of("").toAbsolutePath(), Optional.empty());
  }

  /** The file {@link #load} would read for {@code dockerfile}, if any. */
  public static Optional<Path> find(Path dockerfile, Map<String, String> env) {
    return find(dockerfile, env, Path.of("").toAbsolutePath());
  }

  private static Optional<Path> find(Path dockerfile, Map<String, String> env, Path cwd) {
    Path dir = cwd.resolve(dockerfile).normalize().getParent();
    Optional<Path> stowage = upwards(dir, STOWAGE_NAMES);
    if (stowage.isPresent()) {
      return stowage;
    }
    Optional<Path> hadolint = upwards(dir, HADOLINT_NAMES);
    if (hadolint.isPresent()) {
      return hadolint;
    }
    List<Path> candidates = new ArrayList<>();
    HADOLINT_NAMES.forEach(n -> candidates.add(cwd.resolve(n)));
    String xdg = env.get("XDG_CONFIG_HOME");
    String home = env.get("HOME");
    if (xdg != null && !xdg.isBlank()) {
      candidates.add(Path.of(xdg, "hadolint.yaml"));
      candidates.add(Path.of(xdg, "hadolint.yml"));
    }
    if (home != null && !home.isBlank()) {
      for (String n :
          List.of(
              ".config/hadolint.yaml",
              ".config/hadolint.yml",
              ".hadolint/hadolint.yaml",
              ".hadolint/hadolint.yml",
              ".hadolint/config.yaml",
              ".hadolint/config.yml",
              ".hadolint.yaml",
              ".hadolint.yml")) {
        candidates.add(Path.of(home).resolve(n));
      }
    }
    return candidates.stream().filter(Files::isRegularFile).findFirst();
  }

  static Optional<Path> upwards(Path dir, List<String> names) {
    for (Path d = dir; d != null; d = d.getParent()) {
      for (String n : names) {
        Path f = d.resolve(n);
        if (Files.isRegularFile(f)) {
          return Optional.of(f);
        }
      }
      if (Files.exists(d.resolve(".git"))) {
        break;
      }
    }
    return Optional.empty();
  }

  private static LintConfig read(Path file, Path cwd, Optional<Path> dockerfile)
      throws ConfigException {
    YamlTree root = readTree(cwd.resolve(file), file);
    Builder b = new Builder(Optional.of(file), cwd, dockerfile);
    new Reader(file, b).document(root);
    return new LintConfig(b);
  }

  /** The YAML tree of a configuration file. */
  static YamlTree readTree(Path file) throws ConfigException {
    return readTree(file, file);
  }

  /** The YAML tree of the configuration file at {@code path}, named {@code file} in messages. */
  private static YamlTree readTree(Path path, Path file) throws ConfigException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new ConfigException(file, "cannot read the configuration: " + e.getMessage(), e);
    }
    return YamlTree.parse(file, bytes);
  }

  /** The file read, empty when there is none. */
  public Optional<Path> source() {
    return source;
  }

  /**
   * {@code failure-threshold}; hadolint's {@code none} and {@code ignore} mean any finding fails
   * (STYLE).
   */
  public Optional<Severity> failureThreshold() {
    return failureThreshold;
  }

  /** {@code no-fail}: exit 0 whatever is found. */
  public boolean noFail() {
    return noFail;
  }

  /** {@code format}, as written (the CLI validates it). */
  public Optional<String> format() {
    return format;
  }

  /** Unknown keys and rule ids, each {@code FILE:LINE:COL: message}. */
  public List<String> warnings() {
    return warnings;
  }

  /** {@link #applyTo(LintOptions, Path)} for the Dockerfile given to {@link #load}. */
  public LintOptions applyTo(LintOptions base) {
    return dockerfile.map(d -> applyTo(base, d)).orElseGet(() -> applyGlobal(base));
  }

  /**
   * {@code base} with this configuration added: ignored ids and trusted registries joined, severity
   * overrides and label schema merged (the configuration wins), booleans set when the file sets
   * them; then the {@code paths} entries matching {@code dockerfile}, in order. Callers apply their
   * command-line options after this, so that they win.
   */
  public LintOptions applyTo(LintOptions base, Path dockerfile) {
    LintOptions o = applyGlobal(base);
    Set<String> ign = new LinkedHashSet<>(o.ignored());
    Map<String, Severity> sev = new HashMap<>(o.severityOverrides());
    boolean any = false;
    for (PathRule p : paths) {
      if (matches(p, dockerfile)) {
        any = true;
        ign.addAll(p.ignored);
        sev.putAll(p.rules);
      }
    }
    return any ? o.withIgnored(ign).withSeverityOverrides(sev) : o;
  }

  private LintOptions applyGlobal(LintOptions base) {
    Set<String> ign = new LinkedHashSet<>(base.ignored());
    ign.addAll(ignored);
    Map<String, Severity> sev = new HashMap<>(base.severityOverrides());
    sev.putAll(severities);
    Set<String> reg = new LinkedHashSet<>(base.trustedRegistries());
    reg.addAll(trustedRegistries);
    Map<String, String> labels = new LinkedHashMap<>(base.requiredLabels());
    labels.putAll(labelSchema);
    LintOptions o =
        base.withIgnored(ign)
            .withSeverityOverrides(sev)
            .withTrustedRegistries(List.copyOf(reg))
            .withRequiredLabels(labels);
    if (strictLabels.isPresent()) {
      o = o.withStrictLabels(strictLabels.get());
    }
    if (disableIgnorePragma.isPresent()) {
      o = o.withDisableIgnorePragma(disableIgnorePragma.get());
    }
    if (shellcheck.isPresent()) {
      o = o.withShellcheck(shellcheck.get());
    }
    return o;
  }

  private boolean matches(PathRule p, Path dockerfile) {
    Path abs = cwd.resolve(dockerfile).normalize();
    Path base = source.map(s -> cwd.resolve(s).normalize().getParent()).orElse(null);
    Path rel = base != null && abs.startsWith(base) ? base.relativize(abs) : abs;
    if (p.matcher.matches(rel)) {
      return true;
    }
    if (!p.glob.contains("/")) {
      Path name = abs.getFileName();
      return name != null && p.matcher.matches(name);
    }
    if (p.glob.startsWith("**/")) {
      PathMatcher rest = FileSystems.getDefault().getPathMatcher("glob:" + p.glob.substring(3));
      return rest.matches(rel);
    }
    return false;
  }

  /** Mutable state while reading. */
  private static final class Builder {
    final Optional<Path> source;
    final Path cwd;
    final Optional<Path> dockerfile;
    final Set<String> ignored = new LinkedHashSet<>();
    final Map<String, Severity> severities = new HashMap<>();
    final List<String> trustedRegistries = new ArrayList<>();
    final Map<String, String> labelSchema = new LinkedHashMap<>();
    Optional<Boolean> strictLabels = Optional.empty();
    Optional<Boolean> disableIgnorePragma = Optional.empty();
    Optional<Boolean> shellcheck = Optional.empty();
    Optional<Severity> failureThreshold = Optional.empty();
    boolean noFail;
    Optional<String> format = Optional.empty();
    final List<PathRule> paths = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    Builder(Optional<Path> source, Path cwd, Optional<Path> dockerfile) {
      this.source = source;
      this.cwd = cwd;
      this.dockerfile = dockerfile;
    }
  }

  /** Checks the tree against the schema and fills the builder. */
  private static final class Reader {
    private final Path file;
    private final Builder b;
    private final Set<String> known = new HashSet<>();

    Reader(Path file, Builder b) {
      this.file = file;
      this.b = b;
      known.add(Linter.SYNTAX_RULE);
      for (LintRule r : BuiltInRules.all()) {
        RuleMeta m = RuleMeta.of(r);
        known.add(m.id());
        known.addAll(m.aliases());
      }
    }

    void document(YamlTree root) throws ConfigException {
      if (root instanceof YamlTree.Scalar s && s.isNull()) {
        return;
      }
      YamlTree.MapNode m = mapping(root, "the configuration");
      for (YamlTree.Entry e : m.entries()) {
        YamlTree v = e.value();
        switch (e.key()) {
          case "ignored" -> b.ignored.addAll(ruleIds(v, "ignored"));
          case "override" -> {
            if (isNull(v)) {
              break;
            }
            for (YamlTree.Entry o : mapping(v, "override").entries()) {
              Severity s =
                  Severity.parse(o.key())
                      .orElseThrow(
                          () ->
                              fail(
                                  o.line(),
                                  o.column(),
                                  "override takes error, warning, info and style, not '"
                                      + o.key()
                                      + "'"));
              for (String id : ruleIds(o.value(), "override." + o.key())) {
                b.severities.put(id, s);
              }
            }
          }
          case "failure-threshold" -> {
            String t = scalar(v, "failure-threshold").toLowerCase(Locale.ROOT);
            b.failureThreshold =
                switch (t) {
                  case "none", "ignore" -> Optional.of(Severity.STYLE);
                  default ->
                      Optional.of(
                          Severity.parse(t)
                              .orElseThrow(
                                  () ->
                                      fail(
                                          v.line(),
                                          v.column(),
                                          "failure-threshold must be error, warning, info, style"
                                              + " or none, not '"
                                              + t
                                              + "'")));
                };
          }
          case "trustedRegistries", "trusted-registries" ->
              b.trustedRegistries.addAll(strings(v, e.key()));
          case "label-schema" -> {
            if (isNull(v)) {
              break;
            }
            for (YamlTree.Entry l : mapping(v, "label-schema").entries()) {
              String type = scalar(l.value(), "label-schema." + l.key());
              if (!LABEL_TYPES.contains(type)) {
                throw fail(
                    l.value().line(),
                    l.value().column(),
                    "label-schema."
                        + l.key()
                        + " must be one of "
                        + String.join(", ", LABEL_TYPES.stream().sorted().toList())
                        + ", not '"
                        + type
                        + "'");
              }
              b.labelSchema.put(l.key(), type);
            }
          }
          case "strict-labels" -> b.strictLabels = Optional.of(bool(v, e.key()));
          case "disable-ignore-pragma" -> b.disableIgnorePragma = Optional.of(bool(v, e.key()));
          case "shellcheck" -> b.shellcheck = Optional.of(bool(v, e.key()));
          case "no-fail" -> b.noFail = bool(v, e.key());
          case "no-color", "verbose" -> bool(v, e.key());
          case "format", "output-format" -> b.format = Optional.of(scalar(v, e.key()));
          case "rules" -> rules(v, "rules").forEach((id, s) -> put(b.ignored, b.severities, id, s));
          case "paths" -> paths(v);
          case "build" -> {} // stowage build's section, read by BuildConfig
          default -> warn(e.line(), e.column(), "unknown key '" + e.key() + "'");
        }
      }
    }

    private static void put(
        Set<String> ignored, Map<String, Severity> sev, String id, Optional<Severity> s) {
      if (s.isEmpty()) {
        ignored.add(id);
      } else {
        sev.put(id, s.get());
      }
    }

    private void paths(YamlTree v) throws ConfigException {
      if (isNull(v)) {
        return;
      }
      if (!(v instanceof YamlTree.Seq seq)) {
        throw fail(
            v.line(),
            v.column(),
            "paths must be a list of {match, ignored, rules}, not " + v.kind());
      }
      for (YamlTree item : seq.items()) {
        YamlTree.MapNode m = mapping(item, "each paths entry");
        YamlTree.Entry match =
            m.get("match")
                .orElseThrow(
                    () -> fail(item.line(), item.column(), "paths entry needs 'match: GLOB'"));
        String glob = scalar(match.value(), "match");
        PathMatcher matcher;
        try {
          matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (IllegalArgumentException e) {
          throw fail(
              match.value().line(), match.value().column(), "not a valid glob: " + e.getMessage());
        }
        Set<String> ign = new LinkedHashSet<>();
        Map<String, Severity> rules = new LinkedHashMap<>();
        for (YamlTree.Entry e : m.entries()) {
          switch (e.key()) {
            case "match" -> {}
            case "ignored" -> ign.addAll(ruleIds(e.value(), "ignored"));
            case "rules" ->
                rules(e.value(), "rules")
                    .forEach(
                        (id, s) -> {
                          if (s.isEmpty()) {
                            ign.add(id);
                          } else {
                            rules.put(id, s.get());
                          }
                        });
            default -> warn(e.line(), e.column(), "unknown key '" + e.key() + "' in paths entry");
          }
        }
        b.paths.add(new PathRule(glob, matcher, ign, rules));
      }
    }

    /** {@code ID: off|error|warning|info|style}; {@code off} (or {@code false}) is empty. */
    private Map<String, Optional<Severity>> rules(YamlTree v, String key) throws ConfigException {
      Map<String, Optional<Severity>> out = new LinkedHashMap<>();
      if (isNull(v)) {
        return out;
      }
      for (YamlTree.Entry e : mapping(v, key).entries()) {
        checkId(e.key(), e.line(), e.column());
        String s = scalar(e.value(), key + "." + e.key()).toLowerCase(Locale.ROOT);
        if (s.equals("off") || s.equals("false") || s.equals("ignore")) {
          out.put(e.key(), Optional.empty());
        } else {
          Severity sev =
              Severity.parse(s)
                  .orElseThrow(
                      () ->
                          fail(
                              e.value().line(),
                              e.value().column(),
                              key
                                  + "."
                                  + e.key()
                                  + " must be off, error, warning, info or style,"
                                  + " not '"
                                  + s
                                  + "'"));
          out.put(e.key(), Optional.of(sev));
        }
      }
      return out;
    }

    private List<String> ruleIds(YamlTree v, String key) throws ConfigException {
      List<String> out = new ArrayList<>();
      for (YamlTree.Scalar s : scalars(v, key)) {
        checkId(s.text(), s.line(), s.column());
        out.add(s.text());
      }
      return out;
    }

    private void checkId(String id, int line, int column) {
      if (!known.contains(id) && !SHELLCHECK_ID.matcher(id).matches()) {
        warn(line, column, "unknown rule '" + id + "'");
      }
    }

    private List<String> strings(YamlTree v, String key) throws ConfigException {
      return scalars(v, key).stream().map(YamlTree.Scalar::text).toList();
    }

    /** A list of strings; a single string counts as a list of one (hadolint allows it). */
    private List<YamlTree.Scalar> scalars(YamlTree v, String key) throws ConfigException {
      if (isNull(v)) {
        return List.of();
      }
      if (v instanceof YamlTree.Scalar s) {
        return List.of(s);
      }
      if (v instanceof YamlTree.Seq seq) {
        List<YamlTree.Scalar> out = new ArrayList<>();
        for (YamlTree item : seq.items()) {
          if (!(item instanceof YamlTree.Scalar s) || s.isNull()) {
            throw fail(
                item.line(),
                item.column(),
                key + " must be a list of strings, not contain " + item.kind());
          }
          out.add(s);
        }
        return out;
      }
      throw fail(v.line(), v.column(), key + " must be a list of strings, not " + v.kind());
    }

    private String scalar(YamlTree v, String key) throws ConfigException {
      if (v instanceof YamlTree.Scalar s && !s.isNull()) {
        return s.text();
      }
      throw fail(v.line(), v.column(), key + " must be a string, not " + v.kind());
    }

    private boolean bool(YamlTree v, String key) throws ConfigException {
      if (v instanceof YamlTree.Scalar s && !s.isNull()) {
        switch (s.text().toLowerCase(Locale.ROOT)) {
          case "true", "yes", "on" -> {
            return true;
          }
          case "false", "no", "off" -> {
            return false;
          }
          default -> {}
        }
      }
      throw fail(v.line(), v.column(), key + " must be true or false, not " + v.kind());
    }

    private YamlTree.MapNode mapping(YamlTree v, String what) throws ConfigException {
      if (v instanceof YamlTree.MapNode m) {
        return m;
      }
      throw fail(v.line(), v.column(), what + " must be a mapping, not " + v.kind());
    }

    private static boolean isNull(YamlTree v) {
      return v instanceof YamlTree.Scalar s && s.isNull();
    }

    private ConfigException fail(int line, int column, String message) {
      return new ConfigException(file, line, column, message);
    }

    private void warn(int line, int column, String message) {
      b.warnings.add(file + ":" + line + ":" + column + ": " + message);
    }
  }
}
