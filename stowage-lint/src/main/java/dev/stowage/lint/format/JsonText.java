package dev.stowage.lint.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.Writer;

/**
 * JSON output shared by the formatters: two-space indent, {@code "key": value}, {@code \n} line
 * ends, keys in insertion order, a final newline. Thread-safe.
 */
final class JsonText {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static final ObjectMapper MAPPER = new ObjectMapper();
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

  /**
   * A generator writing to {@code out} with this class's layout, for documents written piece by
   * piece. Flushing it writes into {@code out} but never flushes or closes {@code out}.
   */
  static JsonGenerator generator(Writer out) throws IOException {
    JsonGenerator g = WRITER.createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
    return g;
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
    return MAPPER.writer(printer);
  }
}
