package dev.stowage.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads BuildKit's {@code --progress=plain} stream line by line into {@link Vertex vertices},
 * timing them by when their lines arrive. Not thread-safe; one per build.
 *
 * @see RawJsonProgressParser for {@code --progress=rawjson}
 */
public final class ProgressParser implements ProgressStream {
  private static final Pattern LINE = Pattern.compile("^#(\\d+) (.*)$");
  private static final Pattern STEP = Pattern.compile("^\\[(?:(\\S+) )?(\\d+)/(\\d+)\\] (.*)$");
  private static final Pattern DONE = Pattern.compile("^DONE (\\d+(?:\\.\\d+)?)s$");
  private static final Pattern LOG = Pattern.compile("^(\\d+\\.\\d+) (.*)$");
  /**
   * A log line without its final newline (Maven ends its output with colour resets and no line
   * break) followed on the same line by the vertex's status: {@code #10 4.799 ...#10 DONE 4.9s}.
   */
  private static final Pattern TRAILING_STATUS =
      Pattern.compile("^(#(\\d+) \\d+\\.\\d+ .*?)(#\\2 (?:DONE \\d+(?:\\.\\d+)?s|CACHED|ERROR(?:: .*)?))$");
  private static final int MAX_LOG_LINES = 200;

  private final Map<Integer, Builder> vertices = new LinkedHashMap<>();
  private final List<String> tail = new ArrayList<>();

  /** A vertex under construction. */
  private static final class Builder {
    final int id;
    final String name;
    final long start;
    long end;
    double seconds;
    boolean cached;
    boolean done;
    Optional<String> error = Optional.empty();
    final List<String> log = new ArrayList<>();

    Builder(int id, String name, long start) {
      this.id = id;
      this.name = name;
      this.start = start;
      this.end = start;
    }

    Vertex build() {
      return vertex(id, name, start, end, seconds, cached, done, error, log);
    }
  }

  /** A vertex named as BuildKit names it; stage, step and instruction are read from the name. */
  static Vertex vertex(
      int id, String name, long start, long end, double seconds, boolean cached, boolean done, Optional<String> error, List<String> log) {
    Matcher m = STEP.matcher(name);
    if (m.matches()) {
      return new Vertex(id, name, Optional.ofNullable(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(4),
          start, end, seconds, cached, done, error, log);
    }
    return new Vertex(id, name, Optional.empty(), 0, 0, name, start, end, seconds, cached, done, error, log);
  }

  /** What a line changed, for live progress. */
  public sealed interface Event {
    Vertex vertex();

    /** A vertex appeared. */
    record Started(Vertex vertex) implements Event {}

    /** A vertex finished (done, cached or failed). */
    record Finished(Vertex vertex) implements Event {}

    /** A vertex printed output. */
    record Output(Vertex vertex, String text) implements Event {}
  }

  /** Feeds one line that arrived {@code atMillis} after the build started. */
  public Optional<Event> accept(String line, long atMillis) {
    tail.add(line);
    if (tail.size() > 40) {
      tail.remove(0);
    }
    Matcher m = LINE.matcher(line);
    if (!m.matches()) {
      return Optional.empty();
    }
    int id = Integer.parseInt(m.group(1));
    String rest = m.group(2);
    Builder b = vertices.get(id);
    if (b == null) {
      b = new Builder(id, rest, atMillis);
      vertices.put(id, b);
      return Optional.of(new Event.Started(b.build()));
    }
    b.end = Math.max(b.end, atMillis);
    if (rest.equals("CACHED")) {
      b.cached = true;
      b.done = true;
      return Optional.of(new Event.Finished(b.build()));
    }
    Matcher done = DONE.matcher(rest);
    if (done.matches()) {
      b.seconds = Double.parseDouble(done.group(1));
      b.done = true;
      return Optional.of(new Event.Finished(b.build()));
    }
    if (rest.startsWith("ERROR: ") || rest.equals("ERROR")) {
      b.error = Optional.of(rest.length() > 7 ? rest.substring(7) : "failed");
      b.done = true;
      return Optional.of(new Event.Finished(b.build()));
    }
    Matcher log = LOG.matcher(rest);
    if (log.matches()) {
      if (b.log.size() < MAX_LOG_LINES) {
        b.log.add(log.group(2));
      } else {
        b.log.remove(0);
        b.log.add(log.group(2));
      }
      return Optional.of(new Event.Output(b.build(), log.group(2)));
    }
    return Optional.empty();
  }

  @Override
  public List<Event> feed(String line, long atMillis) {
    Matcher t = TRAILING_STATUS.matcher(line);
    if (t.matches()) {
      List<Event> events = new ArrayList<>();
      accept(t.group(1), atMillis).ifPresent(events::add);
      accept(t.group(3), atMillis).ifPresent(events::add);
      return events;
    }
    return accept(line, atMillis).stream().toList();
  }

  /** Every vertex seen, in order of appearance. */
  @Override
  public List<Vertex> vertices() {
    return vertices.values().stream().map(Builder::build).toList();
  }

  /** The last lines of the stream (for error reports). */
  @Override
  public List<String> tail() {
    return List.copyOf(tail);
  }
}
