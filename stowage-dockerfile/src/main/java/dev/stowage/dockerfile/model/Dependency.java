package dev.stowage.dockerfile.model;

import dev.stowage.dockerfile.Instruction;

/**
 * An edge of the stage graph: a stage needs another stage's result. Immutable.
 *
 * @param stage the index of the stage depended on
 * @param kind how it is used
 * @param instruction the instruction that creates the edge
 */
public record Dependency(int stage, Kind kind, Instruction instruction) {
  /** How one stage uses another. */
  public enum Kind {
    /** {@code FROM stage}: built on top of it. */
    BASE,
    /** {@code COPY --from=stage}. */
    COPY_FROM,
    /** {@code RUN --mount=from=stage}. */
    MOUNT_FROM
  }
}
