package dev.stowage.lint.format;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.stowage.lint.Finding;
import java.io.IOException;
import java.io.Writer;

/**
 * {@code --format json}: one array of every finding of every file, each a {@link FindingJson}.
 * Streamed: each file's findings are written as they come. Stateless.
 */
final class JsonFormatter implements FindingsFormatter {
  @Override
  public Document open(Writer out) {
    return new Document() {
      private JsonGenerator json;

      @Override
      public void add(FileResult r) throws IOException {
        JsonGenerator g = started();
        for (Finding f : r.findings()) {
          FindingJson.write(g, f);
        }
      }

      @Override
      public void end() throws IOException {
        JsonGenerator g = started();
        g.writeEndArray();
        g.flush(); // into out, which the caller flushes
        out.write('\n');
      }

      private JsonGenerator started() throws IOException {
        if (json == null) {
          json = JsonText.generator(out);
          json.writeStartArray();
        }
        return json;
      }
    };
  }
}
