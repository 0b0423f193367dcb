package dev.stowage.lint.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.stowage.lint.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code --format json}: one array of every finding of every file, each with exactly the fields
 * rule, severity, message, file, line, column, endLine, endColumn, category, fixable. Stateless.
 */
final class JsonFormatter implements FindingsFormatter {
  @Override
  public void write(List<FileResult> results, Writer out) throws IOException {
    ArrayNode all = JsonText.NODES.arrayNode();
    for (FileResult r : results) {
      for (Finding f : r.findings()) {
        all.add(JsonText.finding(f));
      }
    }
    JsonText.write(all, out);
  }
}
