package dev.stowage.lint.format;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the results of a lint run into one document in one output format. Implementations are
 * immutable and thread-safe; output is deterministic (the same results give the same bytes) and
 * uses {@code \n} line ends.
 */
public interface FindingsFormatter {
  /** Writes the document for {@code results} (files in the given order) to {@code out}. */
  default void write(List<FileResult> results, Writer out) throws IOException {
    Document document = open(out);
    for (FileResult r : results) {
      document.add(r);
    }
    document.end();
  }

  /**
   * Starts a document on {@code out} that takes the files one at a time, so that a long run
   * prints each file as soon as it is linted. The bytes are those of {@link #write} for the same
   * files. Formats that need every file before their first byte (totals up front) keep the files
   * until {@link Document#end}.
   */
  default Document open(Writer out) {
    List<FileResult> kept = new ArrayList<>();
    return new Document() {
      @Override
      public void add(FileResult result) {
        kept.add(result);
      }

      @Override
      public void end() throws IOException {
        FindingsFormatter.this.write(kept, out);
      }
    };
  }

  /** One document being written: files in report order, then {@link #end}. Single-threaded. */
  interface Document {
    void add(FileResult result) throws IOException;

    /** Finishes the document (closing brackets, summary lines); flushes nothing. */
    void end() throws IOException;
  }

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
