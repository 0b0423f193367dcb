package dev.stowage.dockerfile.lexer;

/** Character classes on Unicode code points, with the meaning Go's {@code unicode} gives them. */
final class Runes {

  /** Marks the end of input where a code point is expected. */
  static final int EOF = -1;

  /** Go's text/scanner skips this at the very start of its input. */
  static final int BYTE_ORDER_MARK = 0xFEFF;

  private Runes() {}

  /** Go's {@code unicode.IsSpace}: Latin-1 spaces plus the Unicode White_Space property. */
  static boolean isSpace(int cp) {
    if (cp <= 0xFF) {
      return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85 || cp == 0xA0;
    }
    return cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200A)
        || cp == 0x2028
        || cp == 0x2029
        || cp == 0x202F
        || cp == 0x205F
        || cp == 0x3000;
  }

  /** Go's {@code unicode.IsDigit}: a decimal digit (general category Nd). */
  static boolean isDigit(int cp) {
    return cp >= 0 && Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER;
  }

  /** Go's {@code unicode.IsLetter}: general category L. */
  static boolean isLetter(int cp) {
    return cp >= 0 && Character.isLetter(cp);
  }

  /** A letter, digit or underscore: the characters of a variable name. */
  static boolean isNameChar(int cp) {
    return isLetter(cp) || isDigit(cp) || cp == '_';
  }

  /** The POSIX special parameters {@code @ * # ? - $ ! 0}. */
  static boolean isSpecialParameter(int cp) {
    return switch (cp) {
      case '@', '*', '#', '?', '-', '$', '!', '0' -> true;
      default -> false;
    };
  }

  /** The code point as a string; end of input becomes U+FFFD as Go's {@code string(rune(-1))}. */
  static String toString(int cp) {
    return cp == EOF ? "\uFFFD" : Character.toString(cp);
  }

  /** Trims leading and trailing {@link #isSpace} code points, as Go's {@code strings.TrimSpace}. */
  static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && isSpace(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }
}
