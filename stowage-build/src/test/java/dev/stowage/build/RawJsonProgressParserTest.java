package dev.stowage.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reads a rawjson progress stream. No client on the development machine produces one (Docker
 * 20.10's built-in BuildKit knows only plain and tty, and there is no buildx), so {@code
 * multistage-failed.rawjson} was written by hand after BuildKit's documented {@code SolveStatus}
 * JSON (client/graph.go: vertexes, statuses, logs with base64 data), for the same build as the
 * real plain capture {@code multistage-failed.plain}: both parsers must agree on it.
 */
class RawJsonProgressParserTest {
  private static List<String> resource(String name) throws IOException {
    try (InputStream in = RawJsonProgressParserTest.class.getResourceAsStream(name)) {
      assertThat(in).as("resource %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  private static List<ProgressParser.Event> feed(ProgressStream p, String resource) throws IOException {
    List<ProgressParser.Event> events = new ArrayList<>();
    long t = 0;
    for (String line : resource(resource)) {
      events.addAll(p.feed(line, t += 10));
    }
    return events;
  }

  private static List<String> steps(ProgressStream p) {
    return p.vertices().stream()
        .filter(Vertex::isStep)
        .map(v -> v.stage().orElse("") + " " + v.step() + "/" + v.steps() + " " + v.instruction() + (v.cached() ? " cached" : "")
            + (v.done() ? " done" : "") + v.error().map(e -> " error").orElse(""))
        .toList();
  }

  @Test
  void agreesWithThePlainStreamOfTheSameBuild() throws IOException {
    ProgressParser plain = new ProgressParser();
    feed(plain, "multistage-failed.plain");
    RawJsonProgressParser raw = new RawJsonProgressParser();
    feed(raw, "multistage-failed.rawjson");
    assertThat(steps(raw)).isEqualTo(steps(plain)).hasSize(6);
    assertThat(raw.vertices()).hasSize(plain.vertices().size());
  }

  @Test
  void timesStepsByTheEngineClockAndKeepsLogsAndErrors() throws IOException {
    RawJsonProgressParser p = new RawJsonProgressParser();
    List<ProgressParser.Event> events = feed(p, "multistage-failed.rawjson");
    List<Vertex> steps = p.vertices().stream().filter(Vertex::isStep).toList();
    Vertex sleep = steps.get(3);
    assertThat(sleep.instruction()).isEqualTo("RUN sleep 1 && cat /a.txt");
    assertThat(sleep.seconds()).isEqualTo(1.0); // 1.103 - 0.081 s
    assertThat(sleep.startMillis()).isEqualTo(80);
    assertThat(sleep.endMillis()).isEqualTo(1102);
    assertThat(sleep.log()).containsExactly("y");
    Vertex failed = steps.get(5);
    assertThat(failed.error()).contains("process \"/bin/sh -c exit 3\" did not complete successfully: exit code: 3");
    assertThat(failed.log()).containsExactly("partial line without newline");
    assertThat(steps.get(0).cached()).isTrue();
    assertThat(steps.get(0).seconds()).isZero();
    assertThat(events).filteredOn(e -> e instanceof ProgressParser.Event.Started).hasSize(10);
    assertThat(events).filteredOn(e -> e instanceof ProgressParser.Event.Finished).hasSize(10);
    assertThat(events).filteredOn(e -> e instanceof ProgressParser.Event.Output).extracting(e -> ((ProgressParser.Event.Output) e).text())
        .containsExactly("y");
    assertThat(p.tail()).last().asString().startsWith("ERROR: failed to solve:");
  }

  @Test
  void readsGoFieldNamesAndSkipsWhatIsNotJson() {
    RawJsonProgressParser p = new RawJsonProgressParser();
    assertThat(p.feed("#1 not json", 1)).isEmpty();
    assertThat(p.feed("{broken", 2)).isEmpty();
    List<ProgressParser.Event> e =
        p.feed("{\"Vertexes\":[{\"Digest\":\"sha256:aa\",\"Name\":\"[2/3] RUN make\",\"Started\":\"2026-01-01T00:00:00Z\","
            + "\"Completed\":\"2026-01-01T00:00:02.5+00:00\"}]}", 3);
    assertThat(e).hasSize(2);
    Vertex v = p.vertices().get(0);
    assertThat(v.step()).isEqualTo(2);
    assertThat(v.seconds()).isEqualTo(2.5);
    assertThat(v.done()).isTrue();
    assertThat(p.tail()).hasSize(3);
  }
}
