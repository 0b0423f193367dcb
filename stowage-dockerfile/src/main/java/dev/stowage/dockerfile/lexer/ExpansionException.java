package dev.stowage.dockerfile.lexer;

/**
 * Thrown when a word cannot be expanded (bad substitution, unterminated quote or brace, a
 * {@code ${VAR?message}} on an unset variable, an invalid pattern); carries the reason and the
 * 0-based UTF-16 offset in the word where the offending construct starts.
 */
public final class ExpansionException extends Exception {

  private static final long serialVersionUID = 1L;
  private static final int QUOTED_WORD_LIMIT = 80;

  private final String word;
  private final int offset;
  private final String reason;

  ExpansionException(String word, int offset, String reason) {
    super("failed to process " + quote(word) + ": " + reason + " (at offset " + offset + ")");
    this.word = word;
    this.offset = offset;
    this.reason = reason;
  }

  /** The word that failed to expand. */
  public String word() {
    return word;
  }

  /** The 0-based UTF-16 offset in {@link #word()} of the construct that is wrong. */
  public int offset() {
    return offset;
  }

  /** What is wrong, without word and offset, e.g. {@code "VAR: is not allowed to be empty"}. */
  public String reason() {
    return reason;
  }

  private static String quote(String word) {
    String shown =
        word.length() > QUOTED_WORD_LIMIT ? word.substring(0, QUOTED_WORD_LIMIT) + "..." : word;
    StringBuilder out = new StringBuilder(shown.length() + 2).append('"');
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
