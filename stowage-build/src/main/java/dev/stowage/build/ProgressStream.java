package dev.stowage.build;

import java.util.List;

/** A reader of one build's progress output, line by line; one per build, not thread-safe. */
public sealed interface ProgressStream permits ProgressParser, RawJsonProgressParser {
  /** Feeds one line that arrived {@code atMillis} after the build started; returns what changed. */
  List<ProgressParser.Event> feed(String line, long atMillis);

  /** Every vertex seen, in order of appearance. */
  List<Vertex> vertices();

  /** The last lines of the stream (for error reports). */
  List<String> tail();
}
