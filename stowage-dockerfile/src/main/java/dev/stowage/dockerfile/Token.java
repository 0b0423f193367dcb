package dev.stowage.dockerfile;

/**
 * One piece of a Dockerfile's concrete syntax: every character of the source belongs to exactly
 * one token, so printing is concatenation. Immutable.
 */
public record Token(Kind kind, int start, int end) {

  /** What a token is. */
  public enum Kind {
    /** A byte-order mark at the start of the file. */
    BOM,
    /** Spaces and tabs, or a whitespace-only line's content. */
    WHITESPACE,
    /** A line terminator ({@code \n}, with any {@code \r} before it). */
    NEWLINE,
    /** A comment line (outside or inside a continued instruction). */
    COMMENT,
    /** A parser directive such as {@code # escape=`}. */
    DIRECTIVE,
    /** The instruction keyword. */
    KEYWORD,
    /** A builder flag such as {@code --mount=type=cache,target=/root/.cache}. */
    FLAG,
    /** Instruction arguments. */
    TEXT,
    /** The escape character ending a continued line, with the blanks after it. */
    CONTINUATION,
    /** One line of a heredoc body. */
    HEREDOC_BODY,
    /** The line that ends a heredoc. */
    HEREDOC_END
  }

  public Span span() {
    return new Span(start, end);
  }

  public String text(String source) {
    return source.substring(start, end);
  }
}
