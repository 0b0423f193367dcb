package dev.stowage.dockerfile.shell;

import java.util.List;

/**
 * Pipelines joined by {@code &&} and {@code ||}, optionally run in the background with a trailing
 * {@code &}; immutable, offsets 0-based into the parsed input.
 *
 * <p>{@code connectors().get(i)} joins {@code pipelines().get(i)} and {@code pipelines().get(i +
 * 1)}.
 */
public record AndOrList(
    List<Pipeline> pipelines,
    List<Connector> connectors,
    boolean background,
    int offset,
    int endOffset)
    implements Node {

  /** The operator between two pipelines. */
  public enum Connector {
    /** {@code &&}: run the next pipeline when this one succeeded. */
    AND,
    /** {@code ||}: run the next pipeline when this one failed. */
    OR
  }

  /** Copies the lists and checks that connectors sit between pipelines. */
  public AndOrList {
    pipelines = List.copyOf(pipelines);
    connectors = List.copyOf(connectors);
    if (pipelines.isEmpty() || connectors.size() != pipelines.size() - 1) {
      throw new IllegalArgumentException("connectors must sit between pipelines");
    }
  }

  AndOrList inBackground() {
    return new AndOrList(pipelines, connectors, true, offset, endOffset);
  }
}
