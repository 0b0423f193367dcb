package dev.stowage.lint.rules;

import dev.stowage.dockerfile.lexer.Expansion;
import dev.stowage.dockerfile.lexer.ExpansionException;
import dev.stowage.dockerfile.model.Scope;
import dev.stowage.dockerfile.shell.Word;
import java.util.List;
import java.util.Optional;

/** Helpers that give shell words of a RUN their values, using the Dockerfile's ARG/ENV scope. */
public final class ShellWords {
  private ShellWords() {}

  /**
   * The words {@code word} becomes when the shell runs it: itself when it has no expansion; the
   * expansion split into words when every variable it uses is set in {@code scope} (ARG and ENV
   * values are the RUN's environment); empty when its value cannot be known here.
   */
  public static Optional<List<String>> values(Word word, Scope scope) {
    Optional<String> literal = word.literal();
    if (literal.isPresent()) {
      return Optional.of(List.of(literal.get()));
    }
    if (!word.commandSubstitutions().isEmpty()
        || word.raw().contains("$(")
        || word.raw().contains("`")) {
      return Optional.empty();
    }
    try {
      Expansion e = scope.expandWithMatches(word.raw());
      if (!e.unmatched().isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(word.isQuoted() ? List.of(e.result()) : e.words());
    } catch (ExpansionException e) {
      return Optional.empty();
    }
  }
}
