package dev.stowage.cli;

import dev.stowage.lint.Finding;
import dev.stowage.lint.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * {@code --failure-threshold}: the least severity that makes a command exit with 1, or {@code none}
 * (never). As hadolint's, inclusive: {@code warning} fails on errors and warnings.
 */
enum FailureThreshold {
  ERROR,
  WARNING,
  INFO,
  STYLE,
  NONE;

  /** Reads {@code error|warning|info|style|none} in any case. */
  static Optional<FailureThreshold> parse(String text) {
    for (FailureThreshold t : values()) {
      if (t.name().equalsIgnoreCase(text.strip())) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /**
   * Reads the {@code --failure-threshold} option; {@code null} when it was not given.
   *
   * @throws ParameterException (exit code 2) naming the valid levels
   */
  static @Nullable FailureThreshold option(@Nullable String text, CommandLine commandLine) {
    if (text == null) {
      return null;
    }
    return parse(text)
        .orElseThrow(
            () ->
                new ParameterException(
                    commandLine,
                    "unknown --failure-threshold '"
                        + text
                        + "'; expected error, warning, info, style or none"));
  }

  /**
   * The threshold in force: the command line's when given, else the configuration file's, else
   * the command's default.
   */
  static FailureThreshold resolve(
      @Nullable FailureThreshold commandLine, Optional<Severity> config, FailureThreshold otherwise) {
    if (commandLine != null) {
      return commandLine;
    }
    return config.map(s -> FailureThreshold.valueOf(s.name())).orElse(otherwise);
  }

  /** Whether any of {@code findings} is at or above this threshold. */
  boolean failsOn(List<Finding> findings) {
    if (this == NONE) {
      return false;
    }
    Severity least = Severity.valueOf(name());
    return findings.stream().anyMatch(f -> f.severity().atLeast(least));
  }

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
