package dev.stowage.build;

import java.util.List;
import java.util.Optional;

/** A build that ran and failed: the failing step, its error and the tail of its log. */
public final class BuildFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Optional<Vertex> failed;
  private final List<String> logTail;
  private final transient BuildResult result;

  public BuildFailedException(String message, Optional<Vertex> failed, List<String> logTail, BuildResult result) {
    super(message);
    this.failed = failed;
    this.logTail = List.copyOf(logTail);
    this.result = result;
  }

  /** The step that failed, when BuildKit named one. */
  public Optional<Vertex> failed() {
    return failed;
  }

  /** The last lines the engine printed. */
  public List<String> logTail() {
    return logTail;
  }

  /** What ran before the failure. */
  public BuildResult result() {
    return result;
  }
}
