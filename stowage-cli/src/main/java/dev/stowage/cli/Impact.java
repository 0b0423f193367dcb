package dev.stowage.cli;

import dev.stowage.lint.Category;
import dev.stowage.lint.Finding;
import dev.stowage.lint.Severity;
import java.util.Comparator;

/**
 * The estimated impact of a finding, by which {@code stowage check} ranks its report: the weight of
 * its category times the weight of its severity. Stateless.
 *
 * <p>Category weights put what Stowage is for first, build time, then bytes and risk: performance
 * 5, size 4, security 4, context 3 (a large context costs every build), correctness 2,
 * maintainability 1. Severity weights double per level: error 8, warning 4, info 2, style 1. So a
 * performance warning scores 20, a security error 32, a maintainability style note 1 (range 1-40).
 * Ties keep file order (line, column, rule id).
 */
final class Impact {
  /** Highest impact first; ties by line, column, rule. */
  static final Comparator<Finding> RANKING =
      Comparator.comparingInt(Impact::of)
          .reversed()
          .thenComparingInt(Finding::line)
          .thenComparingInt(Finding::column)
          .thenComparing(Finding::rule);

  private Impact() {}

  static int of(Finding f) {
    return weight(f.category()) * weight(f.severity());
  }

  static int weight(Category c) {
    return switch (c) {
      case PERFORMANCE -> 5;
      case SIZE, SECURITY -> 4;
      case CONTEXT -> 3;
      case CORRECTNESS -> 2;
      case MAINTAINABILITY -> 1;
    };
  }

  static int weight(Severity s) {
    return switch (s) {
      case ERROR -> 8;
      case WARNING -> 4;
      case INFO -> 2;
      case STYLE -> 1;
    };
  }
}
