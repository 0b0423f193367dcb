package dev.stowage.lint.format;

import dev.stowage.lint.RuleMeta;
import java.util.List;
import java.util.Locale;

/** The output formats for findings ({@code --format}), each making its formatter. */
public enum FindingsFormat {
  /** For people: location, severity, rule, message, source excerpt with a caret, rule link. */
  TTY,
  /** An array of findings with DESIGN.md's fields. */
  JSON,
  /** SARIF 2.1.0, for code scanning. */
  SARIF,
  /** Checkstyle XML, as hadolint writes it. */
  CHECKSTYLE,
  /** JUnit XML: one test suite per file, one failing test case per finding. */
  JUNIT,
  /** GitLab Code Quality JSON. */
  GITLAB,
  /** GitHub Actions workflow commands ({@code ::warning file=...::message}). */
  GITHUB;

  /** Whether the tty format may use ANSI colours (the caller decides, e.g. on a terminal). */
  public enum Colour {
    PLAIN,
    ANSI
  }

  /** The lower-case name used on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * A formatter for this format.
   *
   * @param rules the rule catalog, for titles, names and default levels (SARIF, tty links); ids of
   *     findings outside it (DL1000, ShellCheck's SCnnnn) are described generically
   * @param colour used by {@link #TTY} only
   */
  public FindingsFormatter formatter(List<RuleMeta> rules, Colour colour) {
    RuleDocs docs = RuleDocs.of(rules);
    return switch (this) {
      case TTY -> new TtyFormatter(docs, colour == Colour.ANSI);
      case JSON -> new JsonFormatter();
      case SARIF -> new SarifFormatter(docs);
      case CHECKSTYLE -> new CheckstyleFormatter();
      case JUNIT -> new JunitFormatter(docs);
      case GITLAB -> new GitlabFormatter();
      case GITHUB -> new GithubFormatter();
    };
  }
}
