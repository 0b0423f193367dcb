package dev.stowage.lint;

import java.util.Locale;
import java.util.Optional;

/** How serious a finding is, most serious first (hadolint's levels). */
public enum Severity {
  ERROR,
  WARNING,
  INFO,
  STYLE;

  /** Whether this is at least as serious as {@code threshold}. */
  public boolean atLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }

  /** The lower-case name used in output and configuration. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads {@code error|warning|info|style} in any case. */
  public static Optional<Severity> parse(String s) {
    for (Severity v : values()) {
      if (v.label().equalsIgnoreCase(s.strip())) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
