package dev.stowage.dockerfile.shell;

/**
 * Something the shell parser could not make sense of, with the span it concerns; immutable, offsets
 * 0-based into the parsed input.
 */
public record ShellError(int offset, int endOffset, String message) {

  /** Checks that the span is well formed. */
  public ShellError {
    if (offset < 0 || endOffset < offset) {
      throw new IllegalArgumentException("bad span " + offset + ".." + endOffset);
    }
  }
}
