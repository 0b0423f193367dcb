package dev.stowage.dockerfile.shell;

import java.util.List;

/**
 * A list of and-or lists separated by {@code ;}, {@code &} or newlines, such as a whole script or
 * the body of a compound command; immutable, offsets 0-based into the parsed input.
 */
public record Sequence(List<AndOrList> items, int offset, int endOffset) implements Node {

  /** Copies the item list. */
  public Sequence {
    items = List.copyOf(items);
  }

  static Sequence empty(int at) {
    return new Sequence(List.of(), at, at);
  }
}
