package dev.stowage.lint.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.stowage.lint.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A finding as DESIGN.md's JSON object: exactly the fields rule, severity, message, file, line,
 * column, endLine, endColumn, category, fixable, in that order. The one definition behind {@code
 * lint --format json} (written straight to its generator) and {@code check}'s JSON (a tree).
 */
public final class FindingJson {
  private FindingJson() {}

  /** Writes {@code f} as one JSON object (a streamed report's element). */
  public static void write(JsonGenerator g, Finding f) throws IOException {
    g.writeStartObject();
    g.writeStringField("rule", f.rule());
    g.writeStringField("severity", f.severity().label());
    g.writeStringField("message", f.message());
    g.writeStringField("file", f.file());
    g.writeNumberField("line", f.line());
    g.writeNumberField("column", f.column());
    g.writeNumberField("endLine", f.endLine());
    g.writeNumberField("endColumn", f.endColumn());
    g.writeStringField("category", f.category().label());
    g.writeBooleanField("fixable", f.fixable());
    g.writeEndObject();
  }

  /** {@code f} as a tree, for documents that add fields of their own. */
  public static ObjectNode of(Finding f) {
    try (TokenBuffer buffer = new TokenBuffer(JsonText.MAPPER, false)) {
      write(buffer, f);
      return (ObjectNode) JsonText.MAPPER.readTree(buffer.asParser());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: cannot happen
    }
  }
}
