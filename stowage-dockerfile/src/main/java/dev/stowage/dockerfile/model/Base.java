package dev.stowage.dockerfile.model;

import dev.stowage.dockerfile.ImageReference;

/** What a stage is built on: nothing, an earlier stage, an image, or an unresolvable name. */
public sealed interface Base {
  /** The base name after ARG expansion. */
  String name();

  /** {@code FROM scratch}. */
  record Scratch(String name) implements Base {}

  /** {@code FROM <earlier stage>}. */
  record StageBase(String name, int stage) implements Base {}

  /** {@code FROM <image reference>}. */
  record Image(String name, ImageReference reference) implements Base {}

  /** A name that is neither a stage nor a valid image reference after expansion. */
  record Invalid(String name, String reason) implements Base {}
}
