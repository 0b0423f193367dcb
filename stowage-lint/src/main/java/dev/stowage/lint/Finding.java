package dev.stowage.lint;

import java.util.Optional;

/**
 * One problem found by a rule, with 1-based positions into the original file. Immutable.
 *
 * @param rule the rule id, e.g. {@code DL3008}
 * @param fix the repair, when the rule has one for this finding
 */
public record Finding(
    String rule,
    Severity severity,
    String message,
    String file,
    int line,
    int column,
    int endLine,
    int endColumn,
    Category category,
    Optional<Fix> fix) {

  /** Whether {@code stowage fix} can repair this finding. */
  public boolean fixable() {
    return fix.isPresent();
  }

  /**
   * Where the rule is documented outside Stowage: the ShellCheck wiki page for {@code SCnnnn}
   * findings; empty for Stowage's own rules (their page is {@code docs/rules/ID.md}).
   */
  public Optional<String> docUrl() {
    if (rule.matches("SC\\d+")) {
      return Optional.of("https://www.shellcheck.net/wiki/" + rule);
    }
    return Optional.empty();
  }

  public Finding withSeverity(Severity s) {
    return new Finding(rule, s, message, file, line, column, endLine, endColumn, category, fix);
  }

  /** {@code file:line:column: severity RULE message}. */
  public String format() {
    return file + ":" + line + ":" + column + ": " + severity.label() + " " + rule + " " + message;
  }
}
