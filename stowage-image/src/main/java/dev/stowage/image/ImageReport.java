package dev.stowage.image;

import java.util.List;

/**
 * The analysis of one image, with dive's definitions: {@code sizeBytes} sums the tar header sizes
 * of every layer, {@code userSizeBytes} leaves out the first (base) layer, {@code wastedBytes} sums
 * the cumulative size of every path present in more than one layer (removals count the removed
 * bytes), {@code wastedUserPercent} is {@code wastedBytes / userSizeBytes} as a ratio, and {@code
 * efficiency} is the sum of each path's smallest size over the sum of its cumulative sizes (1 when
 * nothing was seen). Beyond dive: {@code history} is the config's history, and {@code wastes} says
 * which layer added bytes that a later layer deleted or overwrote. Immutable.
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
    List<PathSize> largestDirectories,
    List<HistoryEntry> history,
    List<Waste> wastes) {
  public ImageReport {
    layers = List.copyOf(layers);
    inefficiencies = List.copyOf(inefficiencies);
    largestFiles = List.copyOf(largestFiles);
    largestDirectories = List.copyOf(largestDirectories);
    history = List.copyOf(history);
    wastes = List.copyOf(wastes);
  }

  /** A report without history and waste attribution (the fields of the first version). */
  public ImageReport(
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
    this(source, layers, sizeBytes, userSizeBytes, efficiency, wastedBytes, wastedUserPercent,
        inefficiencies, largestFiles, largestDirectories, List.of(), List.of());
  }

  /**
   * One layer: {@code index} is 0-based from the base; {@code digest} is the uncompressed content
   * digest (the config's diff_id, verified); {@code sizeBytes} sums its tar entries' sizes (dive's
   * layer size); {@code compressedBytes} is the blob as stored and {@code uncompressedBytes} the tar
   * stream it expands to; {@code command} the history entry that created it or {@code (missing)}
   * ({@code createdBy} as written in the config, {@code historyIndex} its position there or -1);
   * {@code added}, {@code changed} and {@code removed} count non-directory entries (a removed
   * directory counts the files under it) and the {@code ...Bytes} fields their sizes (changed: the
   * new size; removed: the size of what was removed).
   */
  public record Layer(
      int index,
      String digest,
      long sizeBytes,
      String command,
      int added,
      int changed,
      int removed,
      long compressedBytes,
      long uncompressedBytes,
      long addedBytes,
      long changedBytes,
      long removedBytes,
      String createdBy,
      int historyIndex) {
    /** A layer with the fields of the first version only. */
    public Layer(int index, String digest, long sizeBytes, String command, int added, int changed, int removed) {
      this(index, digest, sizeBytes, command, added, changed, removed, -1, -1, 0, 0, 0, command, -1);
    }
  }

  /** A path present in {@code count} layers whose sizes add up to {@code wastedBytes}. */
  public record Inefficiency(String path, int count, long wastedBytes) {}

  /** A path in the final file system and its size (a directory's is the sum of its files). */
  public record PathSize(String path, long sizeBytes) {}

  /**
   * One entry of the config's history: {@code createdBy} as written, whether it made no layer, and
   * the index of the layer it made (-1 when none).
   */
  public record HistoryEntry(String createdBy, boolean emptyLayer, int layer) {}

  /**
   * Bytes that layer {@code addedBy} put in the image and layer {@code removedBy} deleted
   * ({@code overwritten} false) or replaced ({@code overwritten} true), so that they ship but are
   * never seen: {@code files} files of {@code bytes} together, {@code path} the file, or the
   * deepest directory holding them all (ending in {@code /}), {@code largestPath} the largest of
   * them.
   */
  public record Waste(
      int addedBy, int removedBy, boolean overwritten, long bytes, int files, String path, String largestPath) {}
}
