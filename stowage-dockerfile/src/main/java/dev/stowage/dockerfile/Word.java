package dev.stowage.dockerfile;

/**
 * One argument of an instruction as BuildKit's parser splits it (quotes kept, variables not yet
 * expanded, except in JSON form where the string is decoded), with its range in the source.
 * Immutable.
 */
public record Word(String value, Span span) {
  @Override
  public String toString() {
    return value;
  }
}
