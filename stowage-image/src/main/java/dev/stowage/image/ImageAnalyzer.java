package dev.stowage.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads an image and reports its layers, waste and largest paths with dive's definitions (see
 * {@link ImageReport}). Each layer's tar is streamed once, nothing is written to disk, and memory
 * grows with the number of files. Immutable and thread-safe.
 *
 * <p>Deliberate differences from dive: opaque directories ({@code .wh..wh..opq}) hide the lower
 * layers' children in the merged tree (dive ignores them); a whiteout of a path that never existed
 * counts 0 bytes (dive stops scanning that layer); estargz metadata entries are not files.
 */
public final class ImageAnalyzer {
  private static final int TOP = 10;

  private final ImageLimits limits;

  private ImageAnalyzer(ImageLimits limits) {
    this.limits = limits;
  }

  /** An analyzer with {@link ImageLimits#DEFAULT}. */
  public static ImageAnalyzer create() {
    return new ImageAnalyzer(ImageLimits.DEFAULT);
  }

  public static ImageAnalyzer withLimits(ImageLimits limits) {
    return new ImageAnalyzer(limits);
  }

  /** Analyzes {@code source}, picking linux/amd64 or the only manifest from an index. */
  public ImageReport analyze(ImageSource source) throws ImageFormatException, IOException {
    return analyze(source, Optional.empty());
  }

  /**
   * Analyzes {@code source}; {@code platform} ({@code os/arch[/variant]}) picks a manifest from an
   * OCI index.
   *
   * @throws ImageFormatException when the source is not a readable image (exit code 2)
   * @throws IOException when reading fails for reasons outside the input
   */
  public ImageReport analyze(ImageSource source, Optional<String> platform)
      throws ImageFormatException, IOException {
    if (source.kind() == ImageSource.Kind.REGISTRY || source.kind() == ImageSource.Kind.DOCKER_DAEMON) {
      throw new IllegalArgumentException(source + ": not a local image; open it as ImageContent");
    }
    return open(source, platform, limits, (blobs, layers) -> read(source, blobs, layers));
  }

  /** Reads an image's ordered layers from the blobs that hold them; {@link #open} closes the blobs. */
  interface LayersReader<T> {
    T read(Blobs blobs, List<ImageLayout.LayerRef> layers) throws ImageFormatException, IOException;
  }

  /** Opens {@code source} (sniffing a bare path) and hands its layers to {@code reader}. */
  static <T> T open(
      ImageSource source, Optional<String> platform, ImageLimits limits, LayersReader<T> reader)
      throws ImageFormatException, IOException {
    Path path = source.path();
    if (!Files.exists(path)) {
      throw new ImageFormatException(source + ": no such file or directory");
    }
    ImageSource.Kind kind = source.kind();
    if (kind == ImageSource.Kind.OCI_DIR && !Files.isDirectory(path)) {
      throw new ImageFormatException(source + ": not a directory");
    }
    if (kind != ImageSource.Kind.OCI_DIR && kind != ImageSource.Kind.SNIFF && Files.isDirectory(path)) {
      throw new ImageFormatException(source + ": a directory, not an archive");
    }
    if (Files.isDirectory(path)) {
      try (Blobs blobs = new Blobs.Dir(path)) {
        return reader.read(blobs, ImageLayout.oci(blobs, source, platform, limits));
      }
    }
    Blobs.Tar tar;
    try {
      tar = new Blobs.Tar(path);
    } catch (IOException | IllegalArgumentException e) {
      if (kind != ImageSource.Kind.SNIFF) {
        throw new ImageFormatException(source + ": not a tar archive (" + e.getMessage() + ")", e);
      }
      return singleLayer(path, reader);
    }
    try (Blobs blobs = tar) {
      boolean docker =
          switch (kind) {
            case DOCKER_ARCHIVE -> true;
            case OCI_ARCHIVE -> false;
            default -> blobs.has("manifest.json") || !blobs.has("oci-layout");
          };
      if (kind == ImageSource.Kind.SNIFF && !blobs.has("manifest.json") && !blobs.has("oci-layout")) {
        return singleLayer(path, reader);
      }
      List<ImageLayout.LayerRef> layers =
          docker
              ? ImageLayout.docker(blobs, source, limits)
              : ImageLayout.oci(blobs, source, platform, limits);
      return reader.read(blobs, layers);
    }
  }

  /**
   * Analyzes an image fetched by digest (a registry, an engine); {@code platform} picks a manifest
   * when the root document is an index. Closes {@code content}.
   */
  public ImageReport analyze(ImageContent content, Optional<String> platform)
      throws ImageFormatException, IOException {
    ImageSource source = new ImageSource(ImageSource.Kind.REGISTRY, Path.of(""), content.name());
    try (Blobs blobs = new ContentBlobs(content)) {
      return read(source, blobs, ImageLayout.oci(blobs, source, platform, limits));
    }
  }

  /** A bare tar (possibly compressed) with neither manifest: one layer, no config. */
  private static <T> T singleLayer(Path file, LayersReader<T> reader)
      throws ImageFormatException, IOException {
    Path abs = file.toAbsolutePath();
    try (Blobs blobs = new Blobs.Dir(abs.getParent())) {
      ImageLayout.LayerRef ref =
          new ImageLayout.LayerRef(abs.getFileName().toString(), Optional.empty(), "(missing)", false);
      return reader.read(blobs, List.of(ref));
    }
  }

  /** Per-path tally across layers: dive's EfficiencyData. */
  private static final class Tally {
    int count;
    long cumulative;
    long min = -1;
  }

  private ImageReport read(ImageSource source, Blobs blobs, List<ImageLayout.LayerRef> refs)
      throws ImageFormatException, IOException {
    FileTree stacked = new FileTree();
    Map<String, Tally> tallies = new HashMap<>();
    List<ImageReport.Layer> layers = new ArrayList<>();
    long imageBytes = 0;
    AtomicLong entries = new AtomicLong();
    long sizeBytes = 0;
    long userSizeBytes = 0;
    for (int i = 0; i < refs.size(); i++) {
      ImageLayout.LayerRef ref = refs.get(i);
      String where = "layer " + i + " of " + source;
      FileTree layer = new FileTree();
      List<FileTree.Node> opaque = new ArrayList<>();
      long[] layerSize = {0};
      LayerTar.Result read = LayerTar.read(blobs, ref, where, limits, imageBytes, entries, (segments, e, content) -> {
        long size = e.getSize();
        layerSize[0] = Math.addExact(layerSize[0], size);
        if (segments.isEmpty()) {
          return; // the root entry ("/" or "./") carries no file
        }
        String last = segments.get(segments.size() - 1);
        if (last.equals(FileTree.OPAQUE)) {
          opaque.add(layer.add(segments.subList(0, segments.size() - 1)));
          return;
        }
        FileTree.Node node = layer.add(segments);
        node.size = size;
        node.dir = e.isDirectory();
        node.explicit = true;
      });
      imageBytes += read.uncompressedBytes();
      String digest = read.digest();
      tally(layer, i == 0 ? new FileTree() : stacked, tallies);
      int[] diff = diffAndStack(layer, opaque, stacked);
      layers.add(new ImageReport.Layer(i, digest, layerSize[0], ref.command(), diff[0], diff[1], diff[2]));
      sizeBytes += layerSize[0];
      if (i != 0) {
        userSizeBytes += layerSize[0];
      }
    }
    return report(source, layers, sizeBytes, userSizeBytes, tallies, stacked);
  }

  /** An entry name as path components, refusing absolute and {@code ..} paths. */
  static List<String> segments(String name, String where) throws ImageFormatException {
    if (name.startsWith("/") && !name.equals("/")) {
      throw new ImageFormatException(where + ": absolute entry path " + name);
    }
    List<String> out = new ArrayList<>();
    for (String s : name.split("/")) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..")) {
        throw new ImageFormatException(where + ": entry path escapes the root: " + name);
      }
      out.add(s);
    }
    return out;
  }

  /** Adds the layer's leaves to the tallies as dive's Efficiency does. */
  private static void tally(FileTree layer, FileTree below, Map<String, Tally> tallies) {
    for (FileTree.Node n : FileTree.preOrder(layer.root)) {
      if (!n.isLeaf()) {
        continue;
      }
      long size = n.size;
      if (n.isWhiteout()) {
        // A removal costs what it removed, counted only when a directory was removed.
        size = below.get(n.segments()).filter(p -> p.dir).map(FileTree::subtreeSize).orElse(0L);
      }
      Tally t = tallies.computeIfAbsent(n.path(), k -> new Tally());
      t.count++;
      t.cumulative += size;
      if (t.min < 0 || size < t.min) {
        t.min = size;
      }
    }
  }

  /** Counts added, changed and removed files against {@code stacked}, then stacks the layer. */
  private static int[] diffAndStack(FileTree layer, List<FileTree.Node> opaque, FileTree stacked) {
    int added = 0;
    int changed = 0;
    int removed = 0;
    for (FileTree.Node dir : opaque) {
      Optional<FileTree.Node> below = stacked.get(dir.segments());
      if (below.isPresent()) {
        for (FileTree.Node child : List.copyOf(below.get().children().values())) {
          removed += FileTree.fileCount(child);
          FileTree.remove(child);
        }
      }
    }
    for (FileTree.Node n : FileTree.preOrder(layer.root)) {
      if (n == layer.root) {
        continue;
      }
      Optional<FileTree.Node> below = stacked.get(n.segments());
      if (n.isWhiteout()) {
        if (below.isPresent()) {
          removed += FileTree.fileCount(below.get());
          FileTree.remove(below.get());
        }
        continue;
      }
      if (n.explicit && !n.dir) {
        if (below.isPresent()) {
          changed++;
        } else {
          added++;
        }
      }
      // dive copies every node's info, an intermediate node's empty one included.
      FileTree.Node target = stacked.add(n.segments());
      target.size = n.size;
      target.dir = n.dir;
      target.explicit = n.explicit;
    }
    return new int[] {added, changed, removed};
  }

  private static ImageReport report(
      ImageSource source,
      List<ImageReport.Layer> layers,
      long sizeBytes,
      long userSizeBytes,
      Map<String, Tally> tallies,
      FileTree merged) {
    long minimum = 0;
    long discovered = 0;
    long wasted = 0;
    List<ImageReport.Inefficiency> inefficiencies = new ArrayList<>();
    for (Map.Entry<String, Tally> e : tallies.entrySet()) {
      Tally t = e.getValue();
      minimum += t.min;
      discovered += t.cumulative;
      if (t.count >= 2) {
        wasted += t.cumulative;
        inefficiencies.add(new ImageReport.Inefficiency(e.getKey(), t.count, t.cumulative));
      }
    }
    double efficiency = discovered == 0 ? 1.0 : (double) minimum / (double) discovered;
    inefficiencies.sort(
        Comparator.comparingLong(ImageReport.Inefficiency::wastedBytes)
            .reversed()
            .thenComparing(ImageReport.Inefficiency::path));
    double wastedUser = userSizeBytes == 0 ? 0 : (double) wasted / (double) userSizeBytes;

    List<FileTree.Node> nodes = FileTree.preOrder(merged.root);
    Map<FileTree.Node, Long> totals = new HashMap<>();
    for (int i = nodes.size() - 1; i >= 0; i--) {
      FileTree.Node n = nodes.get(i);
      long sum = n.dir ? 0 : n.size;
      for (FileTree.Node c : n.children().values()) {
        sum += totals.get(c);
      }
      totals.put(n, sum);
    }
    List<ImageReport.PathSize> files = new ArrayList<>();
    List<ImageReport.PathSize> dirs = new ArrayList<>();
    for (FileTree.Node n : nodes) {
      if (n == merged.root) {
        continue;
      }
      if (n.isLeaf() && !n.dir && n.explicit) {
        files.add(new ImageReport.PathSize(n.path(), n.size));
      } else if (!n.isLeaf() || n.dir) {
        dirs.add(new ImageReport.PathSize(n.path(), totals.get(n)));
      }
    }
    Comparator<ImageReport.PathSize> bySize =
        Comparator.comparingLong(ImageReport.PathSize::sizeBytes)
            .reversed()
            .thenComparing(ImageReport.PathSize::path);
    files.sort(bySize);
    dirs.sort(bySize);
    return new ImageReport(
        source.toString(),
        layers,
        sizeBytes,
        userSizeBytes,
        efficiency,
        wasted,
        wastedUser,
        inefficiencies,
        files.subList(0, Math.min(TOP, files.size())),
        dirs.subList(0, Math.min(TOP, dirs.size())));
  }
}
