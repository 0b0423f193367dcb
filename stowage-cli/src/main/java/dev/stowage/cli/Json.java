package dev.stowage.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Prints JSON trees the same way in every command: two-space indent, {@code "key": value}, one
 * array element per line, {@code \n} line ends, keys in insertion order. Thread-safe.
 */
final class Json {
  /** Builds trees whose objects keep insertion order. */
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final ObjectWriter WRITER = writer();

  private Json() {}

  /** Prints {@code node} and a final newline. */
  static void print(JsonNode node, PrintWriter out) {
    try {
      out.print(WRITER.writeValueAsString(node));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // a tree of plain nodes always serializes
    }
    out.print('\n');
  }

  /** Puts a present value (a number as a number, anything else as its string) or {@code null}. */
  static void putOptional(ObjectNode o, String key, java.util.Optional<?> v) {
    if (v.isEmpty()) {
      o.putNull(key);
    } else if (v.get() instanceof Double d) {
      o.put(key, d);
    } else if (v.get() instanceof Number n) {
      o.put(key, n.longValue());
    } else {
      o.put(key, v.get().toString());
    }
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
