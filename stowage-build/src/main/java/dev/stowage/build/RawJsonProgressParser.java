package dev.stowage.build;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads BuildKit's {@code --progress=rawjson} stream (buildx): one JSON-encoded {@code
 * SolveStatus} per line, {@code {"vertexes": [...], "statuses": [...], "logs": [...],
 * "warnings": [...]}}, where a vertex is {@code {"digest", "inputs", "name", "started",
 * "completed", "cached", "error"}} (times in RFC 3339) and a log is {@code {"vertex", "stream",
 * "data" (base64), "timestamp"}}. A vertex appears in several messages as it changes; it is keyed
 * by its digest and numbered in order of appearance, as the plain stream numbers it. Times come
 * from the engine's timestamps, relative to the first one seen. Lines that are not JSON (the
 * client's own messages) only go to {@link #tail()}. Not thread-safe; one per build.
 */
public final class RawJsonProgressParser implements ProgressStream {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_LOG_LINES = 200;

  private final Map<String, State> vertices = new LinkedHashMap<>();
  private final List<String> tail = new ArrayList<>();
  private Optional<Instant> origin = Optional.empty();

  /** A vertex under construction. */
  private static final class State {
    final int id;
    String name = "";
    Optional<Instant> started = Optional.empty();
    Optional<Instant> completed = Optional.empty();
    boolean cached;
    Optional<String> error = Optional.empty();
    final List<String> log = new ArrayList<>();
    final StringBuilder partial = new StringBuilder();

    State(int id) {
      this.id = id;
    }

    boolean done() {
      return completed.isPresent() || cached && started.isPresent();
    }
  }

  @Override
  public List<ProgressParser.Event> feed(String line, long atMillis) {
    tail.add(line);
    if (tail.size() > 40) {
      tail.remove(0);
    }
    if (!line.startsWith("{")) {
      return List.of();
    }
    JsonNode status;
    try {
      status = JSON.readTree(line);
    } catch (JacksonException e) {
      return List.of();
    }
    List<ProgressParser.Event> events = new ArrayList<>();
    for (JsonNode v : field(status, "vertexes")) {
      String digest = text(v, "digest").orElse("");
      if (digest.isEmpty()) {
        continue;
      }
      State s = vertices.get(digest);
      boolean isNew = s == null;
      if (isNew) {
        s = new State(vertices.size() + 1);
        vertices.put(digest, s);
      }
      boolean wasDone = s.done();
      Optional<String> name = text(v, "name");
      if (name.isPresent()) {
        s.name = name.get();
      }
      Optional<Instant> started = time(v, "started");
      Optional<Instant> completed = time(v, "completed");
      started.ifPresent(this::see);
      completed.ifPresent(this::see);
      if (started.isPresent()) {
        s.started = started;
      }
      if (completed.isPresent()) {
        s.completed = completed;
      }
      s.cached |= field(v, "cached").asBoolean(false);
      Optional<String> error = text(v, "error").filter(e -> !e.isEmpty());
      if (error.isPresent()) {
        s.error = error;
      }
      if (isNew) {
        events.add(new ProgressParser.Event.Started(build(s)));
      }
      if (!wasDone && s.done()) {
        events.add(new ProgressParser.Event.Finished(build(s)));
      }
    }
    for (JsonNode l : field(status, "logs")) {
      State s = vertices.get(text(l, "vertex").orElse(""));
      if (s == null) {
        continue;
      }
      byte[] data;
      try {
        data = Base64.getDecoder().decode(text(l, "data").orElse(""));
      } catch (IllegalArgumentException e) {
        continue;
      }
      s.partial.append(new String(data, StandardCharsets.UTF_8));
      int nl;
      while ((nl = s.partial.indexOf("\n")) >= 0) {
        String text = s.partial.substring(0, nl);
        s.partial.delete(0, nl + 1);
        if (s.log.size() >= MAX_LOG_LINES) {
          s.log.remove(0);
        }
        s.log.add(text);
        events.add(new ProgressParser.Event.Output(build(s), text));
      }
    }
    return events;
  }

  private void see(Instant t) {
    if (origin.isEmpty() || t.isBefore(origin.get())) {
      origin = Optional.of(t);
    }
  }

  private Vertex build(State s) {
    long start = s.started.map(this::millis).orElse(0L);
    long end = s.completed.map(this::millis).orElse(start);
    double seconds =
        s.cached || s.started.isEmpty() || s.completed.isEmpty()
            ? 0
            : Math.round((s.completed.get().toEpochMilli() - s.started.get().toEpochMilli()) / 100.0) / 10.0;
    List<String> log = new ArrayList<>(s.log);
    if (!s.partial.isEmpty()) {
      log.add(s.partial.toString());
    }
    return ProgressParser.vertex(s.id, s.name, start, end, seconds, s.cached, s.done(), s.error, log);
  }

  private long millis(Instant t) {
    return t.toEpochMilli() - origin.orElse(t).toEpochMilli();
  }

  /** A field by its JSON name ({@code digest}) or its Go name ({@code Digest}): both are seen. */
  private static JsonNode field(JsonNode node, String name) {
    JsonNode v = node.path(name);
    return v.isMissingNode() || v.isNull() ? node.path(Character.toUpperCase(name.charAt(0)) + name.substring(1)) : v;
  }

  private static Optional<String> text(JsonNode node, String name) {
    JsonNode v = field(node, name);
    return v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
  }

  private static Optional<Instant> time(JsonNode node, String name) {
    try {
      return text(node, name).map(Instant::parse);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<Vertex> vertices() {
    return vertices.values().stream().map(this::build).toList();
  }

  @Override
  public List<String> tail() {
    return List.copyOf(tail);
  }
}
