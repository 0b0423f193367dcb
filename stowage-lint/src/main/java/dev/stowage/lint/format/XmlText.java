package dev.stowage.lint.format;

/** Escaping for the XML formatters (XML 1.0, section 2.2 and 2.4). Stateless. */
public final class XmlText {
  private XmlText() {}

  /**
   * {@code text} safe inside a quoted attribute value or element content: markup characters and
   * both quotes as entities, tab, newline and carriage return as character references (so an
   * attribute keeps them), characters XML 1.0 forbids dropped.
   */
  public static String escape(String text) {
    StringBuilder s = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case '&' -> s.append("&amp;");
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '"' -> s.append("&quot;");
        case '\'' -> s.append("&apos;");
        case '\t' -> s.append("&#9;");
        case '\n' -> s.append("&#10;");
        case '\r' -> s.append("&#13;");
        default -> {
          if (isXmlChar(c)) {
            s.appendCodePoint(c);
          }
        }
      }
    }
    return s.toString();
  }

  private static boolean isXmlChar(int c) {
    return (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }
}
