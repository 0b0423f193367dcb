package dev.stowage.lint.format;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Turns the results of a lint run into one document in one output format. Implementations are
 * immutable and thread-safe; output is deterministic (the same results give the same bytes) and
 * uses {@code \n} line ends.
 */
public interface FindingsFormatter {
  /** Writes the document for {@code results} (files in the given order) to {@code out}. */
  void write(List<FileResult> results, Writer out) throws IOException;

  /** The document for {@code results} as a string. */
  default String format(List<FileResult> results) {
    StringWriter out = new StringWriter();
    try {
      write(results, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }
}
