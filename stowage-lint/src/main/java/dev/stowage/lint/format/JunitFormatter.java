package dev.stowage.lint.format;

import dev.stowage.lint.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code --format junit}: JUnit XML as CI servers read it. {@code <testsuites>} holds one {@code
 * <testsuite>} per linted file; each finding is a {@code <testcase name="RULE at LINE:COL">} with a
 * {@code <failure>} (message, severity as type, the full line and the rule link as text); a file
 * without findings has one passing test case named {@code lint}. Stateless.
 */
final class JunitFormatter implements FindingsFormatter {
  private final RuleDocs docs;

  JunitFormatter(RuleDocs docs) {
    this.docs = docs;
  }

  @Override
  public void write(List<FileResult> results, Writer out) throws IOException {
    int tests = 0;
    int failures = 0;
    for (FileResult r : results) {
      tests += Math.max(1, r.findings().size());
      failures += r.findings().size();
    }
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.write(
        "<testsuites name=\"stowage lint\" tests=\""
            + tests
            + "\" failures=\""
            + failures
            + "\" errors=\"0\">\n");
    for (FileResult r : results) {
      String file = XmlText.escape(r.file());
      int n = r.findings().size();
      out.write(
          "  <testsuite name=\""
              + file
              + "\" tests=\""
              + Math.max(1, n)
              + "\" failures=\""
              + n
              + "\" errors=\"0\" skipped=\"0\">\n");
      if (n == 0) {
        out.write("    <testcase name=\"lint\" classname=\"" + file + "\"/>\n");
      }
      for (Finding f : r.findings()) {
        out.write(
            "    <testcase name=\""
                + XmlText.escape(f.rule() + " at " + f.line() + ":" + f.column())
                + "\" classname=\""
                + file
                + "\">\n");
        String text = f.format() + docs.info(f.rule()).link().map(link -> "\n" + link).orElse("");
        out.write(
            "      <failure message=\""
                + XmlText.escape(f.message())
                + "\" type=\""
                + f.severity().label()
                + "\">"
                + XmlText.escape(text)
                + "</failure>\n");
        out.write("    </testcase>\n");
      }
      out.write("  </testsuite>\n");
    }
    out.write("</testsuites>\n");
  }
}
