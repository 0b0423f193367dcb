package dev.stowage.cli;

import dev.stowage.build.BuildMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
  private static final Pattern SIZE = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*(b|kb|mb|gb|kib|mib|gib)?");

  static List<Budget> parse(
      @Nullable String duration, @Nullable String cacheHit, @Nullable String size, @Nullable Integer layers)
      throws UserInputException {
    List<Budget> out = new ArrayList<>();
    if (duration != null) {
      Matcher m = DURATION.matcher(duration.strip());
      if (!m.matches()) {
        throw new UserInputException("--max-duration: '" + duration + "' is not a duration such as 90s or 2m");
      }
      double v = Double.parseDouble(m.group(1));
      String unit = m.group(2) == null ? "s" : m.group(2);
      double seconds = switch (unit) {
        case "ms" -> v / 1000;
        case "m" -> v * 60;
        case "h" -> v * 3600;
        default -> v;
      };
      out.add(new Budget(Kind.DURATION, seconds));
    }
    if (cacheHit != null) {
      String s = cacheHit.strip();
      try {
        double v = s.endsWith("%") ? Double.parseDouble(s.substring(0, s.length() - 1)) / 100 : Double.parseDouble(s);
        if (v < 0 || v > 1) {
          throw new NumberFormatException();
        }
        out.add(new Budget(Kind.CACHE_HIT, v));
      } catch (NumberFormatException e) {
        throw new UserInputException("--min-cache-hit: '" + cacheHit + "' is not a rate such as 0.8 or 80%");
      }
    }
    if (size != null) {
      Matcher m = SIZE.matcher(size.strip());
      if (!m.matches()) {
        throw new UserInputException("--max-size: '" + size + "' is not a size such as 150MB or 1.2GiB");
      }
      double v = Double.parseDouble(m.group(1));
      String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
      double bytes = switch (unit) {
        case "kb" -> v * 1e3;
        case "mb" -> v * 1e6;
        case "gb" -> v * 1e9;
        case "kib" -> v * 1024;
        case "mib" -> v * 1024 * 1024;
        case "gib" -> v * 1024 * 1024 * 1024;
        default -> v;
      };
      out.add(new Budget(Kind.SIZE, bytes));
    }
    if (layers != null) {
      if (layers < 0) {
        throw new UserInputException("--max-layers: must not be negative");
      }
      out.add(new Budget(Kind.LAYERS, layers));
    }
    return out;
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
