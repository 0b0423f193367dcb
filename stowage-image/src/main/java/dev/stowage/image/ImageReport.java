package dev.stowage.image;

import java.util.List;

/**
 * The analysis of one image, with dive's definitions: {@code sizeBytes} sums the tar header sizes
 * of every layer, {@code userSizeBytes} leaves out the first (base) layer, {@code wastedBytes} sums
 * the cumulative size of every path present in more than one layer (removals count the removed
 * bytes), {@code wastedUserPercent} is {@code wastedBytes / userSizeBytes} as a ratio, and {@code
 * efficiency} is the sum of each path's smallest size over the sum of its cumulative sizes (1 when
 * nothing was seen). Immutable.
 */
public record ImageReport(
    String source,
    List<Layer> layers,
    long sizeBytes,
    long userSizeBytes,
    double efficiency,
    long wastedBytes,
    double wastedUserPercent,
    List<Inefficiency> inefficiencies,
    List<PathSize> largestFiles,
    List<PathSize> largestDirectories) {
  public ImageReport {
    layers = List.copyOf(layers);
    inefficiencies = List.copyOf(inefficiencies);
    largestFiles = List.copyOf(largestFiles);
    largestDirectories = List.copyOf(largestDirectories);
  }

  /**
   * One layer: {@code index} is 0-based from the base; {@code digest} is the uncompressed content
   * digest (the config's diff_id, verified); {@code command} the history entry that created it or
   * {@code (missing)}; {@code added}, {@code changed} and {@code removed} count non-directory entries
   * (a removed directory counts the files under it).
   */
  public record Layer(
      int index, String digest, long sizeBytes, String command, int added, int changed, int removed) {}

  /** A path present in {@code count} layers whose sizes add up to {@code wastedBytes}. */
  public record Inefficiency(String path, int count, long wastedBytes) {}

  /** A path in the final file system and its size (a directory's is the sum of its files). */
  public record PathSize(String path, long sizeBytes) {}
}
