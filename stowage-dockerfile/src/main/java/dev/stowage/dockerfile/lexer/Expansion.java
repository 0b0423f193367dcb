package dev.stowage.dockerfile.lexer;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The outcome of expanding one word: the expanded string, the same text split into words, and
 * the variable names the word referenced, split into those that were set ({@code matched}) and
 * those that were not ({@code unmatched}); immutable, sets iterate in order of first reference.
 *
 * @param result the expanded word, as BuildKit's {@code ProcessWord} returns it
 * @param words the expanded word split on unquoted white space, as {@code ProcessWords} returns it
 * @param matched names referenced and found in the environment
 * @param unmatched names referenced but unset (positional and special parameters included)
 */
public record Expansion(
    String result, List<String> words, Set<String> matched, Set<String> unmatched) {

  /** Copies the collections so that the record is immutable. */
  public Expansion {
    Objects.requireNonNull(result, "result");
    words = List.copyOf(words);
    matched = Collections.unmodifiableSet(new LinkedHashSet<>(matched));
    unmatched = Collections.unmodifiableSet(new LinkedHashSet<>(unmatched));
  }
}
