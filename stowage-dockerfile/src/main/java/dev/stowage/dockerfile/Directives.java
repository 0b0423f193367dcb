package dev.stowage.dockerfile;

import java.util.List;
import java.util.Optional;

/**
 * The parser directives at the top of a Dockerfile ({@code syntax}, {@code escape}, {@code
 * check}), as BuildKit reads them. Immutable.
 *
 * @param escape the escape character in force: {@code \} or {@code `}
 * @param all every directive BuildKit accepted, in order
 */
public record Directives(
    Optional<String> syntax, char escape, Optional<String> check, List<Directive> all) {
  public Directives {
    all = List.copyOf(all);
  }

  /** One parser directive line. */
  public record Directive(String name, String value, int line, Span span) {}

  static Directives of(List<Directive> all, char escape) {
    Optional<String> syntax = Optional.empty();
    Optional<String> check = Optional.empty();
    for (Directive d : all) {
      switch (d.name()) {
        case "syntax" -> syntax = Optional.of(d.value());
        case "check" -> check = Optional.of(d.value());
        default -> {}
      }
    }
    return new Directives(syntax, escape, check, all);
  }
}
