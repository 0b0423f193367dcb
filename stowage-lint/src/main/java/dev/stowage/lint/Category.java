package dev.stowage.lint;

import java.util.Locale;

/** What a finding costs: build time, bytes, risk, correctness, upkeep, or build-context size. */
public enum Category {
  PERFORMANCE,
  SIZE,
  SECURITY,
  CORRECTNESS,
  MAINTAINABILITY,
  CONTEXT;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
