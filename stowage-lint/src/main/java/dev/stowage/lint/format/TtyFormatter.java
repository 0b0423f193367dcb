package dev.stowage.lint.format;

import dev.stowage.lint.Finding;
import dev.stowage.lint.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --format tty}: for people. Per finding {@code file:line:col: severity RULE: message}, the
 * source line with carets under the span (to the end of the line for a span that goes on), and the
 * rule's page; then one summary line. ANSI colours only when asked. Control characters of the input
 * are shown as {@code ?} so that a Dockerfile cannot drive the terminal. Immutable.
 */
final class TtyFormatter implements FindingsFormatter {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";

  private final RuleDocs docs;
  private final boolean colour;

  TtyFormatter(RuleDocs docs, boolean colour) {
    this.docs = docs;
    this.colour = colour;
  }

  @Override
  public Document open(Writer out) {
    return new Document() {
      private final Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
      private int files;
      private int total;
      private int fixable;

      @Override
      public void add(FileResult r) throws IOException {
        files++;
        for (Finding f : r.findings()) {
          writeFinding(r, f, out);
          bySeverity.merge(f.severity(), 1, Integer::sum);
          total++;
          if (f.fixable()) {
            fixable++;
          }
        }
      }

      @Override
      public void end() throws IOException {
        out.write(summary(files, total, bySeverity, fixable));
        out.write('\n');
      }
    };
  }

  private void writeFinding(FileResult r, Finding f, Writer out) throws IOException {
    out.write(style(BOLD, f.file() + ":" + f.line() + ":" + f.column() + ":"));
    out.write(' ');
    out.write(style(colourOf(f.severity()), f.severity().label()));
    out.write(' ');
    out.write(style(BOLD, f.rule() + ":"));
    out.write(' ');
    out.write(printable(f.message()));
    out.write('\n');
    String gutter = " ".repeat(String.valueOf(f.line()).length() + 2);
    Optional<String> line = r.line(f.line());
    if (line.isPresent()) {
      String text = line.get();
      out.write(style(DIM, " " + f.line() + " |") + (text.isEmpty() ? "" : " " + printable(text)));
      out.write('\n');
      int start = Math.min(f.column() - 1, text.length());
      int end =
          f.endLine() == f.line() ? Math.min(f.endColumn() - 1, text.length()) : text.length();
      int width = Math.max(1, end - start);
      out.write(style(DIM, gutter + "|") + " " + indent(text, start));
      out.write(style(colourOf(f.severity()), "^".repeat(width)));
      out.write('\n');
    }
    Optional<String> link = docs.info(f.rule()).link();
    if (link.isPresent()) {
      out.write(style(DIM, gutter + "= " + link.get()));
      out.write('\n');
    }
  }

  /** Blanks as wide as {@code text}'s first {@code n} chars: tabs stay tabs so carets line up. */
  private static String indent(String text, int n) {
    StringBuilder s = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      s.append(text.charAt(i) == '\t' ? '\t' : ' ');
    }
    return s.toString();
  }

  static String summary(int files, int total, Map<Severity, Integer> bySeverity, int fixable) {
    String where = files + (files == 1 ? " file" : " files");
    if (total == 0) {
      return "No findings in " + where + ".";
    }
    StringBuilder s = new StringBuilder();
    s.append(total).append(total == 1 ? " finding" : " findings").append(" in ").append(where);
    s.append(" (");
    String sep = "";
    for (Severity v : Severity.values()) {
      Integer n = bySeverity.get(v);
      if (n != null) {
        s.append(sep).append(n).append(' ').append(v.label());
        if (n > 1 && (v == Severity.ERROR || v == Severity.WARNING)) {
          s.append('s');
        }
        sep = ", ";
      }
    }
    s.append("), ").append(fixable).append(" fixable with stowage fix.");
    return s.toString();
  }

  private String style(String ansi, String text) {
    return colour ? ansi + text + RESET : text;
  }

  private static String colourOf(Severity s) {
    return switch (s) {
      case ERROR -> "\u001b[1;31m";
      case WARNING -> "\u001b[1;33m";
      case INFO -> "\u001b[1;36m";
      case STYLE -> "\u001b[1;34m";
    };
  }

  /** {@code text} with control characters other than tab replaced by {@code ?}. */
  static String printable(String text) {
    StringBuilder s = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = (c < 0x20 && c != '\t') || (c >= 0x7f && c < 0xa0);
      if (control && s == null) {
        s = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (s != null) {
        s.append(control ? '?' : c);
      }
    }
    return s == null ? text : s.toString();
  }
}
