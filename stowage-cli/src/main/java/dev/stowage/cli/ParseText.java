package dev.stowage.cli;

import dev.stowage.dockerfile.Directives;
import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.dockerfile.Flag;
import dev.stowage.dockerfile.Heredoc;
import dev.stowage.dockerfile.InstructionNode;
import java.io.PrintWriter;
import java.util.OptionalInt;

/**
 * Prints {@code parse --format text}: the parser directives as {@code # name=value}, then one line
 * per instruction, {@code LINE-ENDLINE STAGE KEYWORD flags arguments} ({@code -} for no stage), and
 * one indented {@code heredoc NAME: N lines} per heredoc. Stateless.
 */
final class ParseText {
  private ParseText() {}

  static void print(ParsedDockerfile parsed, PrintWriter out) {
    Dockerfile df = parsed.dockerfile();
    for (Directives.Directive d : df.directives().all()) {
      out.print("# " + d.name() + "=" + d.value() + "\n");
    }
    int lineWidth = String.valueOf(df.lineCount()).length() * 2 + 1;
    int stageWidth = Math.max(1, String.valueOf(parsed.stages().size()).length());
    for (int i = 0; i < df.instructions().size(); i++) {
      InstructionNode syntax = df.instructions().get(i).syntax();
      OptionalInt stage = parsed.stageOf(i);
      String lines = syntax.line() + "-" + syntax.endLine();
      String stageText = stage.isPresent() ? String.valueOf(stage.getAsInt()) : "-";
      out.print(
          pad(lines, lineWidth)
              + "  "
              + pad(stageText, stageWidth)
              + "  "
              + describe(syntax)
              + "\n");
      for (Heredoc h : syntax.heredocs()) {
        long bodyLines = h.content().lines().count();
        out.print(
            " ".repeat(lineWidth + stageWidth + 4)
                + "heredoc "
                + h.name()
                + ": "
                + bodyLines
                + (bodyLines == 1 ? " line" : " lines")
                + "\n");
      }
    }
  }

  /** {@code KEYWORD flags rest}, the rest of the logical line as written after the flags. */
  private static String describe(InstructionNode syntax) {
    StringBuilder text = new StringBuilder(syntax.name());
    for (Flag f : syntax.flags()) {
      text.append(' ').append(f.text());
    }
    String rest = syntax.rest().strip();
    if (!rest.isEmpty()) {
      text.append(' ').append(rest);
    }
    return text.toString();
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
