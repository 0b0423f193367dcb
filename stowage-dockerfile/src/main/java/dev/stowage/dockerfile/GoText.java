package dev.stowage.dockerfile;

/** Character classes as Go's standard library defines them, which BuildKit's parser uses. */
final class GoText {
  private GoText() {}

  /** Go's {@code unicode.IsSpace}: the Unicode White_Space property. */
  static boolean isSpace(char c) {
    return (c >= '\t' && c <= '\r') || c == ' ' || c == '\u0085' || (c > 0x7f && Character.isSpaceChar(c));
  }

  /** BuildKit's {@code reWhitespace}: {@code [\t\v\f\r ]}. */
  static boolean isSplitSpace(char c) {
    return c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** Go's {@code strconv.Quote}, as BuildKit's AST dump prints values. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\u0007' -> out.append("\\a");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\u000B' -> out.append("\\v");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else if (c >= 0x80 && !isPrintable(s.codePointAt(i))) {
            int cp = s.codePointAt(i);
            out.append(cp > 0xffff ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp));
            if (cp > 0xffff) {
              i++;
            }
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static boolean isPrintable(int cp) {
    int type = Character.getType(cp);
    return Character.isDefined(cp)
        && type != Character.CONTROL
        && type != Character.FORMAT
        && type != Character.SURROGATE
        && type != Character.PRIVATE_USE
        && type != Character.UNASSIGNED
        && type != Character.LINE_SEPARATOR
        && type != Character.PARAGRAPH_SEPARATOR
        && (type != Character.SPACE_SEPARATOR || cp == ' ');
  }
}
