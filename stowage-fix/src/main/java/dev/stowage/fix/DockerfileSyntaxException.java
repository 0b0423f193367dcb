package dev.stowage.fix;

import dev.stowage.dockerfile.Diagnostic;
import java.util.List;

/** The Dockerfile has syntax errors, so nothing was fixed; each diagnostic names file and line. */
public final class DockerfileSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  /** At least one diagnostic. */
  public DockerfileSyntaxException(List<Diagnostic> diagnostics) {
    super(diagnostics.isEmpty() ? "syntax error" : diagnostics.get(0).format());
    if (diagnostics.isEmpty()) {
      throw new IllegalArgumentException("no diagnostics");
    }
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** The syntax errors, in file order. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
