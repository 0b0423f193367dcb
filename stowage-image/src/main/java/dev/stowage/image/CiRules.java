package dev.stowage.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CI budgets: dive's three rules (defaults 0.9, disabled, 0.1 as in dive) plus size and layer
 * count. Each threshold is empty when disabled. Immutable.
 */
public record CiRules(
    Optional<Double> lowestEfficiency,
    Optional<Long> highestWastedBytes,
    Optional<Double> highestUserWastedPercent,
    Optional<Long> maxSizeBytes,
    Optional<Integer> maxLayers) {
  private static final Pattern SIZE =
      Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*(b|k|kb|m|mb|g|gb|t|tb|ki|kib|mi|mib|gi|gib|ti|tib)?\\s*");

  /** dive's defaults. */
  public static final CiRules DIVE_DEFAULTS =
      new CiRules(Optional.of(0.9), Optional.empty(), Optional.of(0.1), Optional.empty(), Optional.empty());

  /** One evaluated rule. */
  public record Result(String rule, String threshold, boolean passed, String message) {}

  /** Evaluates every enabled rule, in dive's order, then size and layers. */
  public List<Result> evaluate(ImageReport r) {
    List<Result> out = new ArrayList<>();
    lowestEfficiency.ifPresent(t -> out.add(new Result("lowestEfficiency", String.valueOf(t), r.efficiency() >= t,
        "efficiency=" + r.efficiency() + (r.efficiency() >= t ? " >= " : " < ") + "threshold=" + t)));
    highestWastedBytes.ifPresent(t -> out.add(new Result("highestWastedBytes", String.valueOf(t), r.wastedBytes() <= t,
        "wasted-bytes=" + r.wastedBytes() + (r.wastedBytes() <= t ? " <= " : " > ") + "threshold=" + t)));
    highestUserWastedPercent.ifPresent(t -> out.add(new Result("highestUserWastedPercent", String.valueOf(t),
        r.wastedUserPercent() <= t,
        "%-user-wasted-bytes=" + r.wastedUserPercent() + (r.wastedUserPercent() <= t ? " <= " : " > ") + "threshold=" + t)));
    maxSizeBytes.ifPresent(t -> out.add(new Result("maxSize", String.valueOf(t), r.sizeBytes() <= t,
        "size=" + r.sizeBytes() + (r.sizeBytes() <= t ? " <= " : " > ") + "threshold=" + t)));
    maxLayers.ifPresent(t -> out.add(new Result("maxLayers", String.valueOf(t), r.layers().size() <= t,
        "layers=" + r.layers().size() + (r.layers().size() <= t ? " <= " : " > ") + "threshold=" + t)));
    return out;
  }

  /**
   * Reads dive's {@code .dive-ci} file: the {@code rules:} mapping with {@code lowestEfficiency},
   * {@code highestWastedBytes} and {@code highestUserWastedPercent}, each a value or {@code
   * disabled}; keys not given keep dive's defaults.
   *
   * @throws IllegalArgumentException naming the line when a value cannot be read
   */
  public static CiRules parseDiveCi(String yaml) {
    CiRules rules = DIVE_DEFAULTS;
    boolean inRules = false;
    String[] lines = yaml.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].replaceAll("\\s+#.*$", "");
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      if (!Character.isWhitespace(line.charAt(0))) {
        inRules = line.strip().equals("rules:");
        continue;
      }
      if (!inRules) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("line " + (i + 1) + ": expected key: value");
      }
      String key = line.substring(0, colon).strip();
      String value = line.substring(colon + 1).strip().replaceAll("^[\"']|[\"']$", "");
      boolean off = value.equalsIgnoreCase("disabled");
      try {
        rules = switch (key) {
          case "lowestEfficiency" -> rules.with(0, off ? null : Double.parseDouble(value));
          case "highestWastedBytes" -> rules.with(1, off ? null : parseBytes(value));
          case "highestUserWastedPercent" -> rules.with(2, off ? null : Double.parseDouble(value));
          default -> rules;
        };
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("line " + (i + 1) + ": invalid value '" + value + "' for " + key);
      }
    }
    return rules;
  }

  /** This set with rule {@code which} (0..4, in record order) set or disabled ({@code null}). */
  public CiRules with(int which, @org.jspecify.annotations.Nullable Number value) {
    return new CiRules(
        which == 0 ? Optional.ofNullable(value).map(Number::doubleValue) : lowestEfficiency,
        which == 1 ? Optional.ofNullable(value).map(Number::longValue) : highestWastedBytes,
        which == 2 ? Optional.ofNullable(value).map(Number::doubleValue) : highestUserWastedPercent,
        which == 3 ? Optional.ofNullable(value).map(Number::longValue) : maxSizeBytes,
        which == 4 ? Optional.ofNullable(value).map(Number::intValue) : maxLayers);
  }

  /** A size as dive reads one (go-humanize): {@code 20MB} is 20,000,000, {@code 20MiB} binary. */
  public static long parseBytes(String text) {
    Matcher m = SIZE.matcher(text);
    if (!m.matches()) {
      throw new NumberFormatException("not a size: " + text);
    }
    double v = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
    double factor = switch (unit) {
      case "k", "kb" -> 1e3;
      case "m", "mb" -> 1e6;
      case "g", "gb" -> 1e9;
      case "t", "tb" -> 1e12;
      case "ki", "kib" -> 1024.0;
      case "mi", "mib" -> 1024.0 * 1024;
      case "gi", "gib" -> 1024.0 * 1024 * 1024;
      case "ti", "tib" -> 1024.0 * 1024 * 1024 * 1024;
      default -> 1;
    };
    return (long) (v * factor);
  }
}
