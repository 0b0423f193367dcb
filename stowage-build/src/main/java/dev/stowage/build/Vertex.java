package dev.stowage.build;

import java.util.List;
import java.util.Optional;

/**
 * One vertex of a BuildKit build as its progress stream reports it: a Dockerfile step or an
 * internal step (loading the definition, the context, metadata, exporting). Immutable.
 *
 * @param id the progress number ({@code #5})
 * @param name the full name, e.g. {@code [build 2/4] RUN go build ./...}
 * @param stage the stage name as BuildKit prints it ({@code build}, {@code stage-2}); empty for
 *     internal vertices and single-stage builds without a name
 * @param step the 1-based step within its stage, 0 when none
 * @param steps the number of steps in the stage, 0 when none
 * @param instruction the step's instruction text, e.g. {@code RUN go build ./...}
 * @param startMillis when its first line arrived, since the build started
 * @param endMillis when it finished (or the last line arrived), since the build started
 * @param seconds the duration BuildKit reported ({@code DONE 1.2s}), 0 when cached
 * @param cached whether BuildKit reused a cached result
 * @param error BuildKit's error message, when it failed
 * @param log the step's output lines
 */
public record Vertex(
    int id,
    String name,
    Optional<String> stage,
    int step,
    int steps,
    String instruction,
    long startMillis,
    long endMillis,
    double seconds,
    boolean cached,
    boolean done,
    Optional<String> error,
    List<String> log) {
  public Vertex {
    log = List.copyOf(log);
  }

  /** Whether this is a Dockerfile step (not an internal or export vertex). */
  public boolean isStep() {
    return step > 0;
  }

  /** Whether this step is a FROM (image resolution, not build work). */
  public boolean isFrom() {
    return instruction.regionMatches(true, 0, "FROM ", 0, 5);
  }
}
