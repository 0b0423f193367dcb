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
 */
public final class ProgressParser {
  private static final Pattern LINE = Pattern.compile("^#(\\d+) (.*)$");
  private static final Pattern STEP = Pattern.compile("^\\[(?:(\\S+) )?(\\d+)/(\\d+)\\] (.*)$");
  private static final Pattern DONE = Pattern.compile("^DONE (\\d+(?:\\.\\d+)?)s$");
  private static final Pattern LOG = Pattern.compile("^(\\d+\\.\\d+) (.*)$");
  private static final int MAX_LOG_LINES = 200;

  private final Map<Integer, Builder> vertices = new LinkedHashMap<>();
  private final List<String> tail = new ArrayList<>();

  /** A vertex under construction. */
  private static final class Builder {
    final int id;
    final String name;
    Optional<String> stage = Optional.empty();
    int step;
    int steps;
    String instruction;
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
      this.instruction = name;
      Matcher m = STEP.matcher(name);
      if (m.matches()) {
        stage = Optional.ofNullable(m.group(1));
        step = Integer.parseInt(m.group(2));
        steps = Integer.parseInt(m.group(3));
        instruction = m.group(4);
      }
    }

    Vertex build() {
      return new Vertex(id, name, stage, step, steps, instruction, start, end, seconds, cached, done, error, log);
    }
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

  /** Every vertex seen, in order of appearance. */
  public List<Vertex> vertices() {
    return vertices.values().stream().map(Builder::build).toList();
  }

  /** The last lines of the stream (for error reports). */
  public List<String> tail() {
    return List.copyOf(tail);
  }
}
