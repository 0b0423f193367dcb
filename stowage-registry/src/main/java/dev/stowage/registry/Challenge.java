package dev.stowage.registry;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code WWW-Authenticate} challenge: the scheme ({@code basic} or {@code bearer}, lower-cased)
 * and its parameters ({@code realm}, {@code service}, {@code scope}, {@code error}). Parses the
 * first challenge of the header (RFC 7235 section 4.1) with quoted-string escapes. Immutable.
 */
public record Challenge(String scheme, Map<String, String> parameters) {
  public Challenge {
    parameters = Map.copyOf(parameters);
  }

  /** Parses a header value; empty when it names no scheme. */
  public static Optional<Challenge> parse(String header) {
    String h = header.strip();
    int i = 0;
    while (i < h.length() && !Character.isWhitespace(h.charAt(i))) {
      i++;
    }
    String scheme = h.substring(0, i).toLowerCase(Locale.ROOT);
    if (scheme.isEmpty() || scheme.indexOf('=') >= 0) {
      return Optional.empty();
    }
    Map<String, String> params = new LinkedHashMap<>();
    while (i < h.length()) {
      while (i < h.length() && (Character.isWhitespace(h.charAt(i)) || h.charAt(i) == ',')) {
        i++;
      }
      int nameStart = i;
      while (i < h.length() && h.charAt(i) != '=' && h.charAt(i) != ',' && !Character.isWhitespace(h.charAt(i))) {
        i++;
      }
      String name = h.substring(nameStart, i).toLowerCase(Locale.ROOT);
      while (i < h.length() && Character.isWhitespace(h.charAt(i))) {
        i++;
      }
      if (i >= h.length() || h.charAt(i) != '=') {
        break; // a token68 or the next challenge's scheme: the first challenge ends here
      }
      i++;
      while (i < h.length() && Character.isWhitespace(h.charAt(i))) {
        i++;
      }
      StringBuilder value = new StringBuilder();
      if (i < h.length() && h.charAt(i) == '"') {
        i++;
        while (i < h.length() && h.charAt(i) != '"') {
          char c = h.charAt(i++);
          if (c == '\\' && i < h.length()) {
            c = h.charAt(i++);
          }
          value.append(c);
        }
        i++; // closing quote
      } else {
        while (i < h.length() && h.charAt(i) != ',') {
          value.append(h.charAt(i++));
        }
      }
      if (!name.isEmpty()) {
        params.putIfAbsent(name, value.toString().strip());
      }
    }
    return Optional.of(new Challenge(scheme, params));
  }

  public Optional<String> parameter(String name) {
    return Optional.ofNullable(parameters.get(name));
  }
}
