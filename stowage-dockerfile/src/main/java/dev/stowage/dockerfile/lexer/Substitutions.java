package dev.stowage.dockerfile.lexer;

import dev.stowage.dockerfile.lexer.GlobPattern.InvalidPatternException;
import dev.stowage.dockerfile.lexer.Text.TooLongException;
import java.util.ArrayList;
import java.util.List;

/**
 * The pattern operators of {@code ${VAR...}}: prefix and suffix removal ({@code # ## % %%}) and
 * replacement ({@code / //}), with BuildKit's semantics.
 */
final class Substitutions {

  private Substitutions() {}

  /** {@code ${VAR#pattern}} (shortest) or {@code ${VAR##pattern}} (greedy). */
  static String trimPrefix(String pattern, String value, boolean greedy)
      throws InvalidPatternException {
    GlobPattern glob = GlobPattern.compile(pattern, greedy);
    int[] text = value.codePoints().toArray();
    int[] match = glob.find(text, 0, /* anchored= */ true);
    return match == null ? value : new String(text, match[1], text.length - match[1]);
  }

  /**
   * {@code ${VAR%pattern}} or {@code ${VAR%%pattern}}: a prefix removal on the reversed value
   * with the reversed pattern, so that "shortest" means shortest suffix.
   */
  static String trimSuffix(String pattern, String value, boolean greedy)
      throws InvalidPatternException {
    String reversed = trimPrefix(GlobPattern.reverse(pattern), reverse(value), greedy);
    return reverse(reversed);
  }

  private static String reverse(String s) {
    int[] cps = s.codePoints().toArray();
    for (int i = 0, j = cps.length - 1; i < j; i++, j--) {
      int swap = cps[i];
      cps[i] = cps[j];
      cps[j] = swap;
    }
    return new String(cps, 0, cps.length);
  }

  /** {@code ${VAR/pattern/replacement}}: the first match, replaced literally. */
  static String replaceFirst(String pattern, String value, String replacement)
      throws InvalidPatternException, TooLongException {
    GlobPattern glob = GlobPattern.compile(pattern, /* greedy= */ true);
    int[] text = value.codePoints().toArray();
    int[] match = glob.find(text, 0, /* anchored= */ false);
    if (match == null) {
      return value;
    }
    Output out = new Output();
    out.append(text, 0, match[0]);
    out.append(replacement);
    out.append(text, match[1], text.length);
    return out.toString();
  }

  /**
   * {@code ${VAR//pattern/replacement}}: every non-overlapping match, replaced as Go's {@code
   * Regexp.ReplaceAllString} does, so {@code $0} or {@code ${0}} in the replacement stands for the
   * match, {@code $$} for {@code $}, and any other {@code $name} for nothing.
   */
  static String replaceAll(String pattern, String value, String replacement)
      throws InvalidPatternException, TooLongException {
    GlobPattern glob = GlobPattern.compile(pattern, /* greedy= */ true);
    List<Object> template = parseTemplate(replacement);
    int[] text = value.codePoints().toArray();
    Output out = new Output();
    int lastMatchEnd = 0;
    int searchFrom = 0;
    while (searchFrom <= text.length) {
      int[] match = glob.find(text, searchFrom, /* anchored= */ false);
      if (match == null) {
        break;
      }
      out.append(text, lastMatchEnd, match[0]);
      // An empty match right after a match is not replaced again (Go's rule).
      if (match[1] > lastMatchEnd || match[0] == 0) {
        for (Object piece : template) {
          if (piece instanceof String literal) {
            out.append(literal);
          } else {
            out.append(text, match[0], match[1]);
          }
        }
      }
      lastMatchEnd = match[1];
      searchFrom = searchFrom + 1 > match[1] ? searchFrom + 1 : match[1];
    }
    out.append(text, lastMatchEnd, text.length);
    return out.toString();
  }

  /** Marks the place of the whole match in a parsed template. */
  private static final Object WHOLE_MATCH = new Object();

  /** Splits a Go regexp replacement template into literal strings and {@link #WHOLE_MATCH}. */
  private static List<Object> parseTemplate(String template) {
    List<Object> pieces = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    int n = template.length();
    while (i < n) {
      char c = template.charAt(i);
      if (c != '$') {
        literal.append(c);
        i++;
        continue;
      }
      i++;
      if (i < n && template.charAt(i) == '$') {
        literal.append('$');
        i++;
        continue;
      }
      boolean brace = i < n && template.charAt(i) == '{';
      int nameStart = brace ? i + 1 : i;
      int nameEnd = nameStart;
      while (nameEnd < n && Runes.isNameChar(template.codePointAt(nameEnd))) {
        nameEnd += Character.charCount(template.codePointAt(nameEnd));
      }
      boolean malformed =
          nameEnd == nameStart || (brace && (nameEnd >= n || template.charAt(nameEnd) != '}'));
      if (malformed) {
        literal.append('$'); // the text after it is read again as ordinary text
        continue;
      }
      String name = template.substring(nameStart, nameEnd);
      i = brace ? nameEnd + 1 : nameEnd;
      // The pattern has no groups: only group 0, the whole match, expands to text.
      if (name.equals("0")) {
        if (!literal.isEmpty()) {
          pieces.add(literal.toString());
          literal.setLength(0);
        }
        pieces.add(WHOLE_MATCH);
      }
    }
    if (!literal.isEmpty()) {
      pieces.add(literal.toString());
    }
    return pieces;
  }

  /** A string builder that refuses to grow beyond {@link Text#MAX_LENGTH}. */
  private static final class Output {
    private final StringBuilder out = new StringBuilder();

    void append(String s) throws TooLongException {
      check(s.length());
      out.append(s);
    }

    void append(int[] cps, int from, int to) throws TooLongException {
      check(to - from); // code points: at most two chars each, checked again below
      for (int i = from; i < to; i++) {
        out.appendCodePoint(cps[i]);
      }
      if (out.length() > Text.MAX_LENGTH) {
        throw new TooLongException();
      }
    }

    private void check(long more) throws TooLongException {
      if (out.length() + more > Text.MAX_LENGTH) {
        throw new TooLongException();
      }
    }

    @Override
    public String toString() {
      return out.toString();
    }
  }
}
