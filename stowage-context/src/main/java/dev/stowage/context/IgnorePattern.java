package dev.stowage.context;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One {@code .dockerignore} pattern compiled as moby's {@code patternmatcher.Pattern} compiles it:
 * exact, prefix ({@code dir/**}), suffix ({@code **}{@code /name}) or regular-expression match.
 * Immutable.
 *
 * @param text the cleaned pattern without {@code !}
 * @param exclusion whether it was written with {@code !} (it re-includes what it matches)
 * @param line the 1-based line in the file, 0 when not read from a file
 */
public record IgnorePattern(
    String text, boolean exclusion, int line, Kind kind, Optional<Pattern> regex) {

  /** How a pattern is matched (moby's {@code matchType}). */
  public enum Kind {
    EXACT,
    PREFIX,
    SUFFIX,
    REGEX,
    /**
     * The translated expression does not compile: it never matches (moby reports ErrBadPattern).
     */
    INVALID
  }

  static IgnorePattern compile(String text, boolean exclusion, int line) {
    StringBuilder re = new StringBuilder("^");
    Kind kind = Kind.EXACT;
    int n = text.length();
    int i = 0;
    for (int k = 0; i < n; k++) {
      int ch = text.codePointAt(i);
      i += Character.charCount(ch);
      if (ch == '*') {
        if (i < n && text.charAt(i) == '*') {
          i++;
          if (i < n && text.charAt(i) == '/') {
            i++; // "**/" is read as "**"
          }
          if (i >= n) {
            if (kind == Kind.EXACT) {
              kind = Kind.PREFIX;
            } else {
              re.append(".*");
              kind = Kind.REGEX;
            }
          } else {
            re.append("(.*/)?");
            kind = Kind.REGEX;
          }
          if (k == 0) {
            kind = Kind.SUFFIX;
          }
        } else {
          re.append("[^/]*");
          kind = Kind.REGEX;
        }
      } else if (ch == '?') {
        re.append("[^/]");
        kind = Kind.REGEX;
      } else if (".+()|{}$".indexOf(ch) >= 0) {
        re.append('\\').appendCodePoint(ch);
      } else if (ch == '\\') {
        if (i < n) {
          int next = text.codePointAt(i);
          i += Character.charCount(next);
          re.append('\\').appendCodePoint(next);
          kind = Kind.REGEX;
        } else {
          re.append('\\');
        }
      } else if (ch == '[' || ch == ']') {
        re.appendCodePoint(ch);
        kind = Kind.REGEX;
      } else {
        re.appendCodePoint(ch);
      }
    }
    if (kind != Kind.REGEX) {
      return new IgnorePattern(text, exclusion, line, kind, Optional.empty());
    }
    re.append('$');
    try {
      Pattern p = Pattern.compile(GoRegex.toJava(re.toString()), Pattern.UNIX_LINES);
      return new IgnorePattern(text, exclusion, line, Kind.REGEX, Optional.of(p));
    } catch (IllegalArgumentException e) {
      // a PatternSyntaxException, or a class RE2 refuses too: moby's match fails the same way
      return new IgnorePattern(text, exclusion, line, Kind.INVALID, Optional.empty());
    }
  }

  /**
   * Whether this pattern matches {@code path} itself (a cleaned, slash-separated relative path).
   */
  public boolean matches(String path) {
    return switch (kind) {
      case EXACT -> path.equals(text);
      case PREFIX -> path.startsWith(text.substring(0, text.length() - 2));
      case SUFFIX -> {
        String suffix = text.substring(2);
        yield path.endsWith(suffix)
            || (!suffix.isEmpty() && suffix.charAt(0) == '/' && path.equals(suffix.substring(1)));
      }
      case REGEX -> regex.orElseThrow().matcher(path).find();
      case INVALID -> false;
    };
  }

  @Override
  public String toString() {
    return (exclusion ? "!" : "") + text;
  }

  /** Go RE2 syntax (as moby writes it) to the same language in java.util.regex syntax. */
  static final class GoRegex {
    private GoRegex() {}

    private static final Map<String, String> POSIX =
        Map.ofEntries(
            Map.entry("alnum", "\\p{Alnum}"),
            Map.entry("alpha", "\\p{Alpha}"),
            Map.entry("ascii", "\\p{ASCII}"),
            Map.entry("blank", "\\p{Blank}"),
            Map.entry("cntrl", "\\p{Cntrl}"),
            Map.entry("digit", "\\p{Digit}"),
            Map.entry("graph", "\\p{Graph}"),
            Map.entry("lower", "\\p{Lower}"),
            Map.entry("print", "\\p{Print}"),
            Map.entry("punct", "\\p{Punct}"),
            Map.entry("space", "\\s"),
            Map.entry("upper", "\\p{Upper}"),
            Map.entry("word", "\\w"),
            Map.entry("xdigit", "\\p{XDigit}"));

    static String toJava(String go) {
      StringBuilder out = new StringBuilder(go.length() + 8);
      int n = go.length();
      int i = 0;
      while (i < n) {
        char c = go.charAt(i);
        if (c == '\\' && i + 1 < n) {
          out.append(c).append(go.charAt(i + 1));
          i += 2;
        } else if (c == '[') {
          i = classToJava(go, i, out);
        } else if (c == ']') {
          out.append("\\]");
          i++;
        } else if (c == '$' && i == n - 1) {
          out.append(
              "\\z"); // RE2's $ is the end of the text, Java's also matches before a final newline
          i++;
        } else {
          out.append(c);
          i++;
        }
      }
      return out.toString();
    }

    /** One RE2 character class from {@code go[i] == '['}; returns the index after it. */
    private static int classToJava(String go, int i, StringBuilder out) {
      int n = go.length();
      i++;
      out.append('[');
      if (i < n && go.charAt(i) == '^') {
        out.append('^');
        i++;
      }
      boolean first = true;
      while (i < n && (go.charAt(i) != ']' || first)) {
        first = false;
        char c = go.charAt(i);
        if (c == '[' && i + 1 < n && go.charAt(i + 1) == ':') {
          int end = go.indexOf(":]", i + 2);
          if (end > 0) {
            String name = go.substring(i + 2, end);
            boolean negated = name.startsWith("^");
            String cls = POSIX.get((negated ? name.substring(1) : name).toLowerCase(Locale.ROOT));
            if (cls == null) {
              throw new IllegalArgumentException("unknown POSIX class " + name);
            }
            out.append(negated ? negate(cls) : cls);
            i = end + 2;
            continue;
          }
        }
        if (c == '\\' && i + 1 < n) {
          out.append(c).append(go.charAt(i + 1));
          i += 2;
        } else if (c == '[' || c == '&' || c == '^' || c == ']') {
          out.append('\\').append(c);
          i++;
        } else {
          out.append(c);
          i++;
        }
      }
      if (i >= n) {
        throw new IllegalArgumentException("missing ]");
      }
      out.append(']');
      return i + 1;
    }

    private static String negate(String cls) {
      return cls.startsWith("\\p") ? "\\P" + cls.substring(2) : cls.toUpperCase(Locale.ROOT);
    }
  }
}
