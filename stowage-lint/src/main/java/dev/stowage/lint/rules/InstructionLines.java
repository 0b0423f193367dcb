package dev.stowage.lint.rules;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Span;
import dev.stowage.lint.Edit;
import java.util.Locale;
import java.util.Optional;

/**
 * Edits that add a whole instruction line next to an existing one, written the way the file is
 * written: the same indentation, line terminator ({@code \n} or {@code \r\n}) and keyword case.
 */
public final class InstructionLines {
  private InstructionLines() {}

  /**
   * An edit putting {@code keyword + " " + arguments} on its own line just before {@code next};
   * empty when something other than blanks precedes {@code next} on its line.
   */
  public static Optional<Edit> before(String source, Instruction next, String keyword, String arguments) {
    int start = next.span().start();
    int lineStart = source.lastIndexOf('\n', start - 1) + 1;
    String indent = source.substring(lineStart, start);
    if (!indent.isBlank()) {
      return Optional.empty();
    }
    String line = indent + keyword(next, keyword) + " " + arguments + newline(source, start);
    return Optional.of(new Edit(new Span(lineStart, lineStart), line));
  }

  /** An edit putting the instruction on its own line just after {@code previous}. */
  public static Edit after(String source, Instruction previous, String keyword, String arguments) {
    int end = previous.span().end();
    int lineStart = source.lastIndexOf('\n', previous.span().start() - 1) + 1;
    String indent = source.substring(lineStart, previous.span().start());
    if (!indent.isBlank()) {
      indent = "";
    }
    String nl = newline(source, previous.span().start());
    return new Edit(new Span(end, end), nl + indent + keyword(previous, keyword) + " " + arguments);
  }

  /** The keyword in lower case when {@code like}'s keyword is written in lower case. */
  private static String keyword(Instruction like, String keyword) {
    String written = like.syntax().keyword();
    return written.equals(written.toLowerCase(Locale.ROOT))
        ? keyword.toLowerCase(Locale.ROOT)
        : keyword.toUpperCase(Locale.ROOT);
  }

  /** The terminator of the line holding {@code offset}, {@code \n} when it has none. */
  private static String newline(String source, int offset) {
    int nl = source.indexOf('\n', offset);
    return nl > 0 && source.charAt(nl - 1) == '\r' ? "\r\n" : "\n";
  }
}
