package dev.stowage.build;

import java.util.List;
import java.util.Optional;

/**
 * What a finished build reported. Immutable.
 *
 * @param vertices every vertex in order of appearance
 * @param wallMillis the build's wall-clock time
 * @param imageId the image id ({@code sha256:...}) when the build succeeded
 * @param sizeBytes the image size, when known
 * @param layers the image's layer count, when known
 */
public record BuildResult(
    List<Vertex> vertices, long wallMillis, Optional<String> imageId, Optional<Long> sizeBytes, Optional<Integer> layers) {
  public BuildResult {
    vertices = List.copyOf(vertices);
  }

  /** The Dockerfile steps (internal vertices left out). */
  public List<Vertex> steps() {
    return vertices.stream().filter(Vertex::isStep).toList();
  }
}
