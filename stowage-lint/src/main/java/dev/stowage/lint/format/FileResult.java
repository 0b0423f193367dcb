package dev.stowage.lint.format;

import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.lint.Finding;
import java.util.List;
import java.util.Optional;

/**
 * The findings of one linted file with the source they point into (for excerpts and fingerprints).
 * Immutable.
 *
 * @param file the name used in output, as the user gave it ({@code <stdin>} for standard input)
 * @param source the file's text as it was linted
 * @param findings in report order (the linter's: by position, then rule id)
 */
public record FileResult(String file, String source, List<Finding> findings) {
  public FileResult {
    findings = List.copyOf(findings);
  }

  /** The findings of {@code dockerfile}, under its own name and source. */
  public static FileResult of(Dockerfile dockerfile, List<Finding> findings) {
    return new FileResult(dockerfile.file(), dockerfile.source(), findings);
  }

  /**
   * The text of the 1-based {@code line} without its terminator ({@code \n}, {@code \r\n} or {@code
   * \r}), or empty when the source has no such line.
   */
  public Optional<String> line(int line) {
    if (line < 1) {
      return Optional.empty();
    }
    int start = 0;
    for (int n = 1; n < line; n++) {
      int next = nextLineStart(start);
      if (next < 0) {
        return Optional.empty();
      }
      start = next;
    }
    if (start == source.length() && line > 1) {
      return Optional.empty(); // the last line ended with a terminator; nothing follows it
    }
    int end = start;
    while (end < source.length() && source.charAt(end) != '\n' && source.charAt(end) != '\r') {
      end++;
    }
    return Optional.of(source.substring(start, end));
  }

  private int nextLineStart(int from) {
    for (int i = from; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\n') {
        return i + 1;
      }
      if (c == '\r') {
        return i + 1 < source.length() && source.charAt(i + 1) == '\n' ? i + 2 : i + 1;
      }
    }
    return -1;
  }
}
