package dev.stowage.image;

/**
 * Resource limits on hostile input. Immutable.
 *
 * @param maxLayerBytes the most uncompressed bytes one layer may expand to
 * @param maxImageBytes the most uncompressed bytes all layers together may expand to
 * @param maxRatio the largest uncompressed/compressed ratio of a layer, checked once it has
 *     expanded past {@code ratioGraceBytes} (gzip's own ceiling is about 1032)
 * @param ratioGraceBytes the uncompressed bytes a layer may expand to before the ratio applies
 * @param maxEntries the most tar entries in the whole image (memory is proportional to entries)
 * @param maxMetadataBytes the largest JSON document (manifest, index, config)
 */
public record ImageLimits(
    long maxLayerBytes,
    long maxImageBytes,
    double maxRatio,
    long ratioGraceBytes,
    long maxEntries,
    int maxMetadataBytes) {
  /** 16 GiB a layer, 64 GiB an image, ratio 500 after 64 MiB, 5 million entries, 16 MiB JSON. */
  public static final ImageLimits DEFAULT =
      new ImageLimits(16L << 30, 64L << 30, 500, 64L << 20, 5_000_000, 16 << 20);

  public ImageLimits {
    if (maxLayerBytes <= 0 || maxImageBytes <= 0 || maxRatio <= 1 || ratioGraceBytes < 0) {
      throw new IllegalArgumentException("limits must be positive (ratio above 1)");
    }
    if (maxEntries <= 0 || maxMetadataBytes <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
