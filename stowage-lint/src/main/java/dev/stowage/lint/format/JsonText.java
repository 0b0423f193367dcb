package dev.stowage.lint.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.lint.Finding;
import java.io.IOException;
import java.io.Writer;

/**
 * JSON output shared by the formatters: two-space indent, {@code "key": value}, {@code \n} line
 * ends, keys in insertion order, a final newline. Thread-safe.
 */
final class JsonText {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final ObjectWriter WRITER = writer();

  private JsonText() {}

  static void write(JsonNode node, Writer out) throws IOException {
    try {
      out.write(WRITER.writeValueAsString(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e); // a tree of plain nodes always serializes
    }
    out.write('\n');
  }

  /** A finding with exactly DESIGN.md's fields, in its order. */
  static ObjectNode finding(Finding f) {
    ObjectNode node = NODES.objectNode();
    node.put("rule", f.rule());
    node.put("severity", f.severity().label());
    node.put("message", f.message());
    node.put("file", f.file());
    node.put("line", f.line());
    node.put("column", f.column());
    node.put("endLine", f.endLine());
    node.put("endColumn", f.endColumn());
    node.put("category", f.category().label());
    node.put("fixable", f.fixable());
    return node;
  }

  private static ObjectWriter writer() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter);
    return new ObjectMapper().writer(printer);
  }
}
