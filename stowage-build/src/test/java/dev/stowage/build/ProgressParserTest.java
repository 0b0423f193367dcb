package dev.stowage.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reads a real plain progress stream captured from Docker 20.10's built-in BuildKit. */
class ProgressParserTest {

  private static List<String> resource(String name) throws IOException {
    try (InputStream in = ProgressParserTest.class.getResourceAsStream(name)) {
      assertThat(in).as("resource %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  @Test
  void readsStagesStepsCacheDurationsLogsAndErrors() throws IOException {
    ProgressParser p = new ProgressParser();
    long t = 0;
    int events = 0;
    for (String line : resource("multistage-failed.plain")) {
      if (p.accept(line, t += 10).isPresent()) {
        events++;
      }
    }
    List<Vertex> v = p.vertices();
    assertThat(v).hasSize(10);
    assertThat(events).isGreaterThan(10);
    List<Vertex> steps = v.stream().filter(Vertex::isStep).toList();
    assertThat(steps)
        .extracting(x -> x.stage().orElse("") + " " + x.step() + "/" + x.steps())
        .containsExactly("base 1/2", "base 2/2", "build 1/2", "build 2/2", "stage-2 2/3", "stage-2 3/3");
    Vertex from = steps.get(0);
    assertThat(from.isFrom()).isTrue();
    assertThat(from.cached()).isTrue();
    Vertex sleep = steps.get(3);
    assertThat(sleep.instruction()).isEqualTo("RUN sleep 1 && cat /a.txt");
    assertThat(sleep.seconds()).isEqualTo(1.0);
    assertThat(sleep.cached()).isFalse();
    assertThat(sleep.log()).containsExactly("y");
    assertThat(sleep.endMillis()).isGreaterThan(sleep.startMillis());
    Vertex failed = steps.get(5);
    assertThat(failed.error()).contains("executor failed running [/bin/sh -c exit 3]: exit code: 3");
    assertThat(v.get(0).isStep()).isFalse();
    assertThat(v.get(0).name()).isEqualTo("[internal] load build definition from Dockerfile");
  }

  @Test
  void ignoresUnknownLinesAndKeepsATail() {
    ProgressParser p = new ProgressParser();
    assertThat(p.accept("------", 1)).isEmpty();
    assertThat(p.accept(" > [stage-2 3/3] RUN exit 3:", 2)).isEmpty();
    assertThat(p.accept("#1 [1/1] FROM x", 3)).map(e -> e instanceof ProgressParser.Event.Started).isEqualTo(Optional.of(true));
    assertThat(p.accept("#1 DONE 0.5s", 4)).map(e -> e instanceof ProgressParser.Event.Finished).isEqualTo(Optional.of(true));
    assertThat(p.tail()).hasSize(4);
    assertThat(p.vertices().get(0).stage()).isEmpty();
    assertThat(p.vertices().get(0).seconds()).isEqualTo(0.5);
  }

  @Test
  void aStatusAppendedToALogLineWithoutNewlineStillEndsTheStep() throws IOException {
    // Real capture: Maven ends its output with colour resets and no line break, so the engine
    // prints "#10 2.483 <ESC>[0m<ESC>[0m#10 DONE 2.5s" on one line.
    ProgressParser p = new ProgressParser();
    long t = 0;
    for (String line : resource("maven-no-final-newline.plain")) {
      p.feed(line, t += 10);
    }
    Vertex mvn =
        p.vertices().stream().filter(v -> v.instruction().contains("mvn -B package")).findFirst().orElseThrow();
    assertThat(mvn.done()).isTrue();
    assertThat(mvn.cached()).isFalse();
    assertThat(mvn.seconds()).isEqualTo(2.5);
    assertThat(mvn.log()).anySatisfy(l -> assertThat(l).contains("BUILD SUCCESS"));
  }
}
