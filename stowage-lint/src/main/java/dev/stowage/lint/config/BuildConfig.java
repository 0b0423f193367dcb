package dev.stowage.lint.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code build:} section of {@code .stowage.yaml}, for {@code stowage build}: its {@code
 * budgets} ({@code maxDuration}, {@code minCacheHit}, {@code maxSize}, {@code maxLayers}) as
 * written, each with where it was written so that the command can name the line of a bad value.
 * Immutable.
 *
 * <pre>
 * build:
 *   budgets:
 *     maxDuration: 90s
 *     minCacheHit: 80%
 *     maxSize: 150MB
 *     maxLayers: 12
 * </pre>
 *
 * @param source the file read, empty when none was found
 * @param budgets budget name to its setting, in file order
 * @param warnings unknown keys in the section, each {@code FILE:LINE:COL: message}
 */
public record BuildConfig(Optional<Path> source, Map<String, Setting> budgets, List<String> warnings) {
  /** The budget names the section takes. */
  public static final List<String> BUDGETS = List.of("maxDuration", "minCacheHit", "maxSize", "maxLayers");

  public BuildConfig {
    budgets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(budgets));
    warnings = List.copyOf(warnings);
  }

  /**
   * One value as written.
   *
   * @param value the scalar's text
   * @param where {@code FILE:LINE:COL: build.budgets.NAME}, for messages
   */
  public record Setting(String value, String where) {}

  /**
   * The first {@code .stowage.yaml} (or {@code .yml}) in {@code contextDir} and its parents,
   * stopping after a folder holding {@code .git}, as lint looks for its configuration.
   *
   * @throws ConfigException when the file is not YAML, or a budget is not a single value
   */
  public static BuildConfig load(Path contextDir) throws ConfigException {
    Optional<Path> file = LintConfig.upwards(contextDir.toAbsolutePath().normalize(), LintConfig.STOWAGE_NAMES);
    if (file.isEmpty()) {
      return new BuildConfig(Optional.empty(), Map.of(), List.of());
    }
    return read(file.get());
  }

  /** Reads the {@code build:} section of one file. */
  public static BuildConfig read(Path file) throws ConfigException {
    YamlTree root = LintConfig.readTree(file);
    Map<String, Setting> budgets = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    if (!(root instanceof YamlTree.MapNode m)) {
      return new BuildConfig(Optional.of(file), budgets, warnings);
    }
    Optional<YamlTree.Entry> build = m.get("build");
    if (build.isEmpty() || isNull(build.get().value())) {
      return new BuildConfig(Optional.of(file), budgets, warnings);
    }
    YamlTree.MapNode section = mapping(file, build.get().value(), "build");
    for (YamlTree.Entry e : section.entries()) {
      if (!e.key().equals("budgets")) {
        warnings.add(file + ":" + e.line() + ":" + e.column() + ": unknown key '" + e.key() + "' in build");
        continue;
      }
      if (isNull(e.value())) {
        continue;
      }
      for (YamlTree.Entry b : mapping(file, e.value(), "build.budgets").entries()) {
        if (!BUDGETS.contains(b.key())) {
          warnings.add(
              file + ":" + b.line() + ":" + b.column() + ": unknown budget '" + b.key() + "'; expected one of " + String.join(", ", BUDGETS));
          continue;
        }
        YamlTree v = b.value();
        if (!(v instanceof YamlTree.Scalar s) || s.isNull()) {
          throw new ConfigException(file, v.line(), v.column(), "build.budgets." + b.key() + " must be a value, not " + v.kind());
        }
        budgets.put(b.key(), new Setting(s.text(), file + ":" + v.line() + ":" + v.column() + ": build.budgets." + b.key()));
      }
    }
    return new BuildConfig(Optional.of(file), budgets, warnings);
  }

  private static YamlTree.MapNode mapping(Path file, YamlTree v, String what) throws ConfigException {
    if (v instanceof YamlTree.MapNode m) {
      return m;
    }
    throw new ConfigException(file, v.line(), v.column(), what + " must be a mapping, not " + v.kind());
  }

  private static boolean isNull(YamlTree v) {
    return v instanceof YamlTree.Scalar s && s.isNull();
  }
}
