package dev.stowage.dockerfile.shell;

import java.util.List;

/**
 * A simple command as written: leading variable assignments, words and redirections in any order;
 * immutable, offsets 0-based into the parsed input.
 *
 * <p>See {@link Command} for the query view that skips wrappers such as {@code sudo}.
 */
public record SimpleCommand(
    List<Assignment> assignments,
    List<Word> words,
    List<Redirection> redirections,
    int offset,
    int endOffset)
    implements CommandNode {

  /** Copies the lists. */
  public SimpleCommand {
    assignments = List.copyOf(assignments);
    words = List.copyOf(words);
    redirections = List.copyOf(redirections);
  }
}
