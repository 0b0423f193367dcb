package dev.stowage.image.secrets;

import java.util.OptionalInt;

/**
 * One secret: the rule that found it, where ({@code path}, 1-based {@code line}, the layer that
 * added the file), the value redacted to its first four characters, and the value's length. A
 * secret that a later layer deleted or overwrote is still in the image's history: {@code
 * removedByLayer} names that layer. Immutable.
 */
public record SecretFinding(
    SecretRule rule,
    String path,
    int line,
    int layer,
    String layerDigest,
    String layerCommand,
    String redacted,
    int length,
    OptionalInt removedByLayer) {

  /** Whether the file is still in the image's final file system. */
  public boolean inFinalImage() {
    return removedByLayer.isEmpty();
  }

  /** The first four characters of {@code value} and an ellipsis; never more than a quarter of it. */
  static String redact(String value) {
    int show = Math.min(4, value.length() / 4);
    return value.substring(0, show) + "…";
  }
}
