package dev.stowage.dockerfile;

/**
 * A half-open range {@code [start, end)} of character offsets into a Dockerfile's source text.
 * Immutable.
 */
public record Span(int start, int end) {
  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }

  public static Span of(int start, int end) {
    return new Span(start, end);
  }

  public int length() {
    return end - start;
  }

  public boolean isEmpty() {
    return start == end;
  }

  public boolean contains(int offset) {
    return offset >= start && offset < end;
  }

  /** The smallest span covering this one and {@code other}. */
  public Span union(Span other) {
    return new Span(Math.min(start, other.start), Math.max(end, other.end));
  }
}
