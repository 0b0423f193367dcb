package dev.stowage.dockerfile;

/**
 * A problem the parser found, with its 1-based range in the original file. Immutable.
 *
 * @param file the file name as given to the parser
 * @param code a stable short code, for example {@code syntax}, {@code unknown-instruction}
 */
public record Diagnostic(
    Severity severity,
    String code,
    String file,
    int line,
    int column,
    int endLine,
    int endColumn,
    String message) {

  /** How bad a diagnostic is: errors make BuildKit refuse the file, warnings do not. */
  public enum Severity {
    ERROR,
    WARNING
  }

  /** {@code file:line:column: message}, the one-line form the command line prints. */
  public String format() {
    return file + ":" + line + ":" + column + ": " + message;
  }

  @Override
  public String toString() {
    return format();
  }
}
