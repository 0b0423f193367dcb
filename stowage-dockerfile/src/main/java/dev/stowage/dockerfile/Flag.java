package dev.stowage.dockerfile;

import java.util.Optional;

/**
 * A builder flag of an instruction ({@code --name=value} or {@code --name}), with quotes
 * processed as BuildKit does and its range in the source. Immutable.
 *
 * @param name the flag name without the leading dashes
 * @param value the value after {@code =}, empty for a bare flag
 * @param text the flag as BuildKit reports it, for example {@code --from=build}
 */
public record Flag(String name, Optional<String> value, String text, Span span) {

  /** The value, or {@code ""} for a bare flag. */
  public String valueOrEmpty() {
    return value.orElse("");
  }

  static Flag of(String text, Span span) {
    String body = text.startsWith("--") ? text.substring(2) : text;
    int eq = body.indexOf('=');
    return eq < 0
        ? new Flag(body, Optional.empty(), text, span)
        : new Flag(body.substring(0, eq), Optional.of(body.substring(eq + 1)), text, span);
  }
}
