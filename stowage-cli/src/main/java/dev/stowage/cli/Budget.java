package dev.stowage.cli;

import dev.stowage.build.BuildMetrics;
import dev.stowage.image.CiRules;
import dev.stowage.lint.config.BuildConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A build budget and how to check it; a broken one says what and by how much. Immutable. */
record Budget(Kind kind, double limit) {
  /** What is budgeted. */
  enum Kind {
    DURATION,
    CACHE_HIT,
    SIZE,
    LAYERS
  }

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

  /**
   * The budgets to check: each flag given, else the {@code build.budgets} value of {@code
   * .stowage.yaml}.
   *
   * @throws UserInputException naming the flag, or the file, line and key, of a value it cannot read
   */
  static List<Budget> of(
      @Nullable String duration, @Nullable String cacheHit, @Nullable String size, @Nullable Integer layers, BuildConfig config)
      throws UserInputException {
    List<Budget> out = new ArrayList<>();
    Map<String, BuildConfig.Setting> file = config.budgets();
    add(out, Kind.DURATION, duration, "--max-duration", file.get("maxDuration"));
    add(out, Kind.CACHE_HIT, cacheHit, "--min-cache-hit", file.get("minCacheHit"));
    add(out, Kind.SIZE, size, "--max-size", file.get("maxSize"));
    add(out, Kind.LAYERS, layers == null ? null : layers.toString(), "--max-layers", file.get("maxLayers"));
    return out;
  }

  private static void add(
      List<Budget> out, Kind kind, @Nullable String flag, String flagName, BuildConfig.@Nullable Setting setting)
      throws UserInputException {
    if (flag != null) {
      out.add(parse(kind, flag, flagName));
    } else if (setting != null) {
      out.add(parse(kind, setting.value(), setting.where()));
    }
  }

  /** Reads one budget value; {@code origin} (a flag, or {@code FILE:LINE:COL: key}) names it in errors. */
  static Budget parse(Kind kind, String text, String origin) throws UserInputException {
    String s = text.strip();
    switch (kind) {
      case DURATION -> {
        Matcher m = DURATION.matcher(s);
        if (!m.matches()) {
          throw new UserInputException(origin + ": '" + text + "' is not a duration such as 90s or 2m");
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double seconds = switch (unit) {
          case "ms" -> v / 1000;
          case "m" -> v * 60;
          case "h" -> v * 3600;
          default -> v;
        };
        return new Budget(kind, seconds);
      }
      case CACHE_HIT -> {
        try {
          double v = s.endsWith("%") ? Double.parseDouble(s.substring(0, s.length() - 1)) / 100 : Double.parseDouble(s);
          if (v < 0 || v > 1) {
            throw new NumberFormatException();
          }
          return new Budget(kind, v);
        } catch (NumberFormatException e) {
          throw new UserInputException(origin + ": '" + text + "' is not a rate such as 0.8 or 80%");
        }
      }
      case SIZE -> {
        try {
          return new Budget(kind, CiRules.parseBytes(s)); // the one size syntax, shared with image --ci
        } catch (NumberFormatException e) {
          throw new UserInputException(origin + ": '" + text + "' is not a size such as 150MB or 1.2GiB");
        }
      }
      case LAYERS -> {
        try {
          int n = Integer.parseInt(s);
          if (n < 0) {
            throw new NumberFormatException();
          }
          return new Budget(kind, n);
        } catch (NumberFormatException e) {
          throw new UserInputException(origin + ": '" + text + "' is not a number of layers (0 or more)");
        }
      }
    }
    throw new IllegalStateException(kind.name());
  }

  /** The broken budget's description, or empty when it holds. */
  Optional<String> check(BuildMetrics m) {
    return switch (kind) {
      case DURATION ->
          m.wallSeconds() > limit
              ? Optional.of(String.format(Locale.ROOT, "duration %.1fs > %.1fs (+%.1fs)", m.wallSeconds(), limit, m.wallSeconds() - limit))
              : Optional.empty();
      case CACHE_HIT ->
          m.cache().hitRate() < limit
              ? Optional.of(String.format(Locale.ROOT, "cache hit rate %.0f%% < %.0f%% (-%.0f points)", m.cache().hitRate() * 100, limit * 100, (limit - m.cache().hitRate()) * 100))
              : Optional.empty();
      case SIZE ->
          m.sizeBytes().filter(s -> s > limit)
              .map(s -> "image size " + human(s) + " > " + human((long) limit) + " (+" + human(s - (long) limit) + ")");
      case LAYERS ->
          m.layers().filter(l -> l > limit)
              .map(l -> "layers " + l + " > " + (long) limit + " (+" + (l - (long) limit) + ")");
    };
  }

  static String human(long bytes) {
    if (bytes < 1000) {
      return bytes + " B";
    }
    if (bytes < 1_000_000) {
      return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
    }
    if (bytes < 1_000_000_000) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
    return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
  }
}
