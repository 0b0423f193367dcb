package dev.stowage.lint.format;

import dev.stowage.lint.Finding;
import dev.stowage.lint.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code --format checkstyle}: Checkstyle 4.3 XML in hadolint's layout (single-quoted attributes,
 * one {@code <file>} per linted file, one {@code <error line column severity message source>} per
 * finding), one element per line. Style findings are {@code info}, as Checkstyle has no style
 * level. Stateless.
 */
final class CheckstyleFormatter implements FindingsFormatter {
  @Override
  public void write(List<FileResult> results, Writer out) throws IOException {
    out.write("<?xml version='1.0' encoding='UTF-8'?>\n");
    out.write("<checkstyle version='4.3'>\n");
    for (FileResult r : results) {
      out.write("<file name='" + XmlText.escape(r.file()) + "'>\n");
      for (Finding f : r.findings()) {
        out.write(
            "<error line='"
                + f.line()
                + "' column='"
                + f.column()
                + "' severity='"
                + severity(f.severity())
                + "' message='"
                + XmlText.escape(f.message())
                + "' source='"
                + XmlText.escape(f.rule())
                + "'/>\n");
      }
      out.write("</file>\n");
    }
    out.write("</checkstyle>\n");
  }

  private static String severity(Severity s) {
    return s == Severity.STYLE ? "info" : s.label();
  }
}
