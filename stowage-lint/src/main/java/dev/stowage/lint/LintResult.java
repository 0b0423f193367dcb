package dev.stowage.lint;

import java.util.List;

/**
 * The outcome of linting one Dockerfile. Immutable.
 *
 * @param findings every finding, sorted by position then rule id
 * @param warnings problems with the run itself, each {@code file[:line:col]: message}: unknown rule
 *     ids in pragmas or check directives, malformed check settings, {@code shellcheck} missing or
 *     failing
 */
public record LintResult(List<Finding> findings, List<String> warnings) {
  public LintResult {
    findings = List.copyOf(findings);
    warnings = List.copyOf(warnings);
  }
}
