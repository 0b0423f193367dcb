package dev.stowage.cli;

/** Text from the input made safe for a terminal. Stateless. */
final class TtyText {
  private TtyText() {}

  /** {@code text} with control characters other than tab shown as {@code ?}. */
  static String printable(String text) {
    StringBuilder s = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = (c < 0x20 && c != '\t') || (c >= 0x7f && c < 0xa0);
      s.append(control ? '?' : c);
    }
    return s.toString();
  }
}
