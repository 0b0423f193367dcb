package dev.stowage.image;

import java.io.InterruptedIOException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

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
    return analysis(source, platform).report();
  }

  /**
   * Analyzes an image fetched by digest (a registry, an engine); {@code platform} picks a manifest
   * when the root document is an index. Closes {@code content}.
   */
  public ImageReport analyze(ImageContent content, Optional<String> platform)
      throws ImageFormatException, IOException {
    return analysis(content, platform).report();
  }

  /**
   * Analyzes an archive read once as it streams in ({@code docker save}'s output): no layer is
   * written to disk or held in memory; each is analysed as it passes and the results are put in
   * the manifest's order at the end. Does not close the stream.
   */
  public ImageReport analyze(ImageStream stream) throws ImageFormatException, IOException {
    return analysis(stream).report();
  }

  /**
   * The report and the merged file tree it was made from, for {@link ImageDiff}. Immutable once
   * made.
   */
  public static final class Analysis {
    private final ImageReport report;
    private final FileTree merged;

    Analysis(ImageReport report, FileTree merged) {
      this.report = report;
      this.merged = merged;
    }

    public ImageReport report() {
      return report;
    }

    FileTree merged() {
      return merged;
    }
  }

  /** {@link #analyze(ImageSource, Optional)} with the merged file tree. */
  public Analysis analysis(ImageSource source, Optional<String> platform)
      throws ImageFormatException, IOException {
    if (source.kind() == ImageSource.Kind.REGISTRY || source.kind() == ImageSource.Kind.DOCKER_DAEMON) {
      throw new IllegalArgumentException(source + ": not a local image; open it as ImageContent or ImageStream");
    }
    return open(source, platform, limits, (blobs, image) -> read(source, blobs, image));
  }

  /** {@link #analyze(ImageContent, Optional)} with the merged file tree. */
  public Analysis analysis(ImageContent content, Optional<String> platform)
      throws ImageFormatException, IOException {
    ImageSource source = new ImageSource(ImageSource.Kind.REGISTRY, Path.of(""), content.name());
    return open(content, platform, limits, (blobs, image) -> read(source, blobs, image));
  }

  /** {@link #analyze(ImageStream)} with the merged file tree. */
  public Analysis analysis(ImageStream stream) throws ImageFormatException, IOException {
    return read(stream, Optional.empty());
  }

  /** Reads an image's ordered layers from the blobs that hold them; {@link #open} closes the blobs. */
  interface LayersReader<T> {
    T read(Blobs blobs, ImageLayout.Image image) throws ImageFormatException, IOException;
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
        return reader.read(blobs, ImageLayout.ociImage(blobs, source, platform, limits));
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
      ImageLayout.Image image =
          docker
              ? ImageLayout.dockerImage(blobs, source, limits)
              : ImageLayout.ociImage(blobs, source, platform, limits);
      return reader.read(blobs, image);
    }
  }

  /** Opens an image fetched by digest and hands its layers to {@code reader}; closes {@code content}. */
  static <T> T open(
      ImageContent content, Optional<String> platform, ImageLimits limits, LayersReader<T> reader)
      throws ImageFormatException, IOException {
    ImageSource source = new ImageSource(ImageSource.Kind.REGISTRY, Path.of(""), content.name());
    try (Blobs blobs = new ContentBlobs(content)) {
      return reader.read(blobs, ImageLayout.ociImage(blobs, source, platform, limits));
    }
  }

  /** A bare tar (possibly compressed) with neither manifest: one layer, no config. */
  private static <T> T singleLayer(Path file, LayersReader<T> reader)
      throws ImageFormatException, IOException {
    Path abs = file.toAbsolutePath();
    try (Blobs blobs = new Blobs.Dir(abs.getParent())) {
      ImageLayout.LayerRef ref =
          new ImageLayout.LayerRef(abs.getFileName().toString(), Optional.empty(), "(missing)", false);
      return reader.read(blobs, new ImageLayout.Image(List.of(ref), List.of()));
    }
  }

  /** Per-path tally across layers: dive's EfficiencyData. */
  private static final class Tally {
    int count;
    long cumulative;
    long min = -1;
  }

  /** What one layer's tar holds; made on a worker thread, merged in layer order. */
  private static final class Scan {
    final FileTree tree;
    long size;
    String digest = "";
    long compressed;
    long uncompressed;
    /** The bytes of root entries that are estargz metadata when the layer is estargz. */
    long estargzMetadataBytes;

    Scan() {
      this(new FileTree());
    }

    private Scan(FileTree tree) {
      this.tree = tree;
    }

    /** This scan without the estargz metadata entries (a copy: a scan may serve two layers). */
    Scan withoutEstargzMetadata() {
      FileTree stripped = new FileTree();
      if (tree.root.children != null) {
        stripped.root.children = new java.util.TreeMap<>(tree.root.children);
        stripped.root.children.keySet().removeAll(LayerEntries.ESTARGZ_METADATA);
      }
      stripped.root.opaque = tree.root.opaque;
      Scan s = new Scan(stripped);
      s.size = size - estargzMetadataBytes;
      s.digest = digest;
      s.compressed = compressed;
      s.uncompressed = uncompressed;
      return s;
    }
  }

  /** The shared state of one image's read: limits counted across the layers read at once. */
  private static final class Budget {
    final AtomicLong imageBytes = new AtomicLong();
    final AtomicLong entries = new AtomicLong();
  }

  private static final AtomicInteger THREADS = new AtomicInteger();

  /** Gives the scan of layer {@code i}, verified against the config's diff_id. */
  private interface Scans {
    Scan get(int i) throws ImageFormatException, IOException;
  }

  private Analysis read(ImageSource source, Blobs blobs, ImageLayout.Image image)
      throws ImageFormatException, IOException {
    List<ImageLayout.LayerRef> refs = image.layers();
    Budget budget = new Budget();
    int threads = Math.min(refs.size(), Runtime.getRuntime().availableProcessors());
    if (threads <= 1) {
      return assemble(source, image, i -> scan(source, blobs, refs.get(i), i, budget));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "stowage-layer-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Scan>> futures = new ArrayList<>();
      // Largest blobs first, so that two threads finish together; merged in layer order below.
      List<Integer> order = new ArrayList<>();
      long[] sizes = new long[refs.size()];
      for (int i = 0; i < refs.size(); i++) {
        order.add(i);
        sizes[i] = blobs.size(refs.get(i).blob());
        futures.add(null);
      }
      order.sort(Comparator.comparingLong((Integer i) -> sizes[i]).reversed());
      for (int i : order) {
        final int index = i;
        futures.set(i, pool.submit(() -> scan(source, blobs, refs.get(index), index, budget)));
      }
      return assemble(source, image, i -> await(futures.get(i)));
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Reads a streamed archive: each layer is scanned as it streams by, keyed by its blob name, and
   * the scans are merged in the manifest's order once it has arrived.
   */
  private Analysis read(ImageStream stream, Optional<String> platform) throws ImageFormatException, IOException {
    Budget budget = new Budget();
    try (StreamedArchive<Scan> archive =
        new StreamedArchive<>(stream, limits, (where, raw) -> scan(where, raw, budget))) {
      ImageLayout.Image image = archive.read(platform);
      ImageSource source = archive.source();
      return assemble(source, image, i -> {
        ImageLayout.LayerRef ref = image.layers().get(i);
        Scan scan = archive.layer(ref, i);
        LayerEntries.verify("layer " + i + " of " + source, ref, scan.digest);
        return ref.estargz() ? scan.withoutEstargzMetadata() : scan;
      });
    }
  }

  /** Merges the layers' scans in order into the report. */
  private Analysis assemble(ImageSource source, ImageLayout.Image image, Scans scans)
      throws ImageFormatException, IOException {
    List<ImageLayout.LayerRef> refs = image.layers();
    Merge merge = new Merge();
    List<ImageReport.Layer> layers = new ArrayList<>();
    long sizeBytes = 0;
    long userSizeBytes = 0;
    for (int i = 0; i < refs.size(); i++) {
      ImageLayout.LayerRef ref = refs.get(i);
      Scan scan = scans.get(i);
      Merge.Counts c = merge.add(i, scan.tree);
      layers.add(new ImageReport.Layer(i, scan.digest, scan.size, ref.command(), c.added, c.changed, c.removed,
          scan.compressed, scan.uncompressed, c.addedBytes, c.changedBytes, c.removedBytes,
          ref.createdBy(), ref.historyIndex()));
      sizeBytes += scan.size;
      if (i != 0) {
        userSizeBytes += scan.size;
      }
    }
    ImageReport report = report(source, layers, sizeBytes, userSizeBytes, merge, image.history());
    return new Analysis(report, merge.stacked);
  }

  /** The result of a layer read on a worker thread, its failure rethrown as thrown there. */
  static <T> T await(Future<T> future) throws ImageFormatException, IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading layers");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ImageFormatException f) {
        throw new ImageFormatException(f.getMessage(), f.getCause() == null ? f : f.getCause());
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** Scans the layer {@code ref} of {@code blobs} and checks it against its diff_id. */
  private Scan scan(ImageSource source, Blobs blobs, ImageLayout.LayerRef ref, int i, Budget budget)
      throws ImageFormatException, IOException {
    String where = "layer " + i + " of " + source;
    Optional<InputStream> raw = blobs.open(ref.blob());
    if (raw.isEmpty()) {
      throw new ImageFormatException(where + ": missing blob " + ref.blob());
    }
    Scan scan = scan(where, raw.get(), budget);
    LayerEntries.verify(where, ref, scan.digest);
    return ref.estargz() ? scan.withoutEstargzMetadata() : scan;
  }

  /**
   * Streams one layer's tar once: its entries as a tree, its sizes and its content digest. Needs
   * neither the layer's position nor its manifest entry, so a streamed archive's layers can be
   * scanned before the manifest arrives; the position is set when the trees are merged.
   */
  private Scan scan(String where, InputStream raw, Budget budget) throws ImageFormatException, IOException {
    Scan scan = new Scan();
    FileTree layer = scan.tree;
    byte[] buf = new byte[64 * 1024];
    CRC32C crc = new CRC32C();
    try (LayerStream in = LayerStream.open(raw, limits, budget.imageBytes)) {
      LayerTar tar = new LayerTar(in);
      int read = 0;
      try {
        LayerTar.Entry e;
        while ((e = tar.next()) != null) {
          read++;
          if (budget.entries.incrementAndGet() > limits.maxEntries()) {
            throw new ImageFormatException(where + ": more than " + limits.maxEntries() + " entries");
          }
          List<String> segments = segments(e.name, where);
          long size = e.size;
          scan.size = Math.addExact(scan.size, size);
          if (segments.isEmpty()) {
            continue; // the root entry ("/" or "./") carries no file
          }
          if (LayerEntries.isEstargzMetadata(segments)) {
            scan.estargzMetadataBytes += size; // not a file if the manifest says estargz
          }
          String last = segments.get(segments.size() - 1);
          if (last.equals(FileTree.OPAQUE)) {
            layer.add(segments.subList(0, segments.size() - 1)).opaque = true;
            continue;
          }
          FileTree.Node node = layer.add(segments);
          node.size = size;
          node.dir = e.isDirectory();
          node.explicit = true;
          if (e.isFile() && size > 0) {
            crc.reset();
            int n;
            while ((n = tar.read(buf, 0, buf.length)) > 0) {
              crc.update(buf, 0, n);
            }
            node.crc = (int) crc.getValue();
          }
        }
        scan.digest = in.drainAndDigest();
      } catch (IOException | IllegalArgumentException | ArithmeticException ex) {
        throw LayerEntries.failure(where, read, ex);
      }
      scan.uncompressed = in.uncompressedBytes();
      scan.compressed = in.compressedBytes();
    }
    return scan;
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

  /**
   * Stacks layers in order onto one tree as dive does, tallying every path for dive's efficiency,
   * counting each layer's added, changed and removed files and noting which layer's bytes a later
   * layer deleted or overwrote. One walk per layer, the layer's tree beside the stacked one.
   */
  private static final class Merge {
    final FileTree stacked = new FileTree();
    final Map<String, Tally> tallies = new HashMap<>();
    final Map<List<Integer>, WasteSum> wastes = new HashMap<>();

    static final class Counts {
      int added;
      int changed;
      int removed;
      long addedBytes;
      long changedBytes;
      long removedBytes;
    }

    /** A layer node, its counterpart in the stacked tree and its path. */
    private record Frame(FileTree.Node layer, FileTree.Node stacked, String path) {}

    Counts add(int index, FileTree layer) {
      Counts c = new Counts();
      Deque<Frame> todo = new ArrayDeque<>();
      todo.push(new Frame(layer.root, stacked.root, ""));
      List<Frame> next = new ArrayList<>();
      while (!todo.isEmpty()) {
        Frame f = todo.pop();
        FileTree.Node sn = f.stacked();
        if (f.layer().opaque && sn.children != null) {
          for (FileTree.Node child : List.copyOf(sn.children.values())) {
            removeBelow(child, f.path() + "/" + child.name, index, c);
          }
        }
        if (f.layer().children == null) {
          continue;
        }
        next.clear();
        for (FileTree.Node child : f.layer().children.values()) {
          boolean whiteout = child.isWhiteout();
          String name = whiteout ? child.name.substring(FileTree.WHITEOUT.length()) : child.name;
          String childPath = f.path() + "/" + name;
          FileTree.Node below = sn.children == null ? null : sn.children.get(name);
          if (child.isLeaf()) {
            tally(childPath, child, below);
          }
          if (whiteout) {
            if (below != null) {
              removeBelow(below, childPath, index, c);
            }
            continue;
          }
          if (child.explicit && !child.dir) {
            if (below != null) {
              c.changed++;
              c.changedBytes += child.size;
              if (below.explicit && !below.dir && below.isLeaf()) {
                waste(below.layer, index, true, below.size, childPath);
              }
            } else {
              c.added++;
              c.addedBytes += child.size;
            }
          }
          // dive copies every node's info, an intermediate node's empty one included.
          FileTree.Node target = below != null ? below : FileTree.child(sn, name);
          target.size = child.size;
          target.dir = child.dir;
          target.explicit = child.explicit;
          target.layer = child.explicit ? index : child.layer;
          target.crc = child.crc;
          next.add(new Frame(child, target, childPath));
        }
        // Pushed last-first, so that siblings are handled in name order as dive's walk does.
        for (int k = next.size() - 1; k >= 0; k--) {
          todo.push(next.get(k));
        }
      }
      return c;
    }

    /** Removes {@code node} from the stacked tree, counting its files as removed by {@code index}. */
    private void removeBelow(FileTree.Node node, String path, int index, Counts c) {
      Deque<FileTree.Node> todo = new ArrayDeque<>();
      Deque<String> todoPaths = new ArrayDeque<>();
      todo.push(node);
      todoPaths.push(path);
      while (!todo.isEmpty()) {
        FileTree.Node n = todo.pop();
        String p = todoPaths.pop();
        if (n.isLeaf() && !n.dir) {
          c.removed++;
          c.removedBytes += n.size;
          if (n.explicit) {
            waste(n.layer, index, false, n.size, p);
          }
        }
        for (FileTree.Node k : n.children().values()) {
          todo.push(k);
          todoPaths.push(p + "/" + k.name);
        }
      }
      FileTree.remove(node);
    }

    private void tally(String path, FileTree.Node n, FileTree.@Nullable Node below) {
      long size = n.size;
      if (n.isWhiteout()) {
        // A removal costs what it removed, counted only when a directory was removed.
        size = below != null && below.dir ? FileTree.subtreeSize(below) : 0L;
      }
      Tally t = tallies.computeIfAbsent(path, k -> new Tally());
      t.count++;
      t.cumulative += size;
      if (t.min < 0 || size < t.min) {
        t.min = size;
      }
    }

    private void waste(int from, int to, boolean overwritten, long bytes, String path) {
      if (bytes <= 0) {
        return;
      }
      wastes.computeIfAbsent(List.of(from, to, overwritten ? 1 : 0), k -> new WasteSum()).add(bytes, path);
    }
  }

  /** Bytes of one (adding layer, removing layer, kind): total, files, common directory, largest. */
  private static final class WasteSum {
    long bytes;
    int files;
    @Nullable String common;
    String largest = "";
    long largestBytes = -1;

    void add(long size, String path) {
      bytes += size;
      files++;
      if (size > largestBytes) {
        largestBytes = size;
        largest = path;
      }
      if (common == null) {
        common = path;
      } else {
        common = commonDirectory(common, path);
      }
    }

    String summary() {
      String c = Objects.requireNonNull(common);
      return files == 1 || c.endsWith("/") ? c : c + "/";
    }
  }

  /** The deepest directory (ending in {@code /}) holding both paths, or the path when equal. */
  static String commonDirectory(String a, String b) {
    if (a.equals(b)) {
      return a;
    }
    int n = Math.min(a.length(), b.length());
    int slash = 0;
    for (int i = 0; i < n && a.charAt(i) == b.charAt(i); i++) {
      if (a.charAt(i) == '/') {
        slash = i;
      }
    }
    if (a.length() != b.length()) {
      String shorter = a.length() < b.length() ? a : b;
      String longer = shorter == a ? b : a;
      if (longer.startsWith(shorter) && (shorter.endsWith("/") || longer.charAt(shorter.length()) == '/')) {
        return shorter.endsWith("/") ? shorter : shorter + "/";
      }
    }
    return a.substring(0, slash + 1);
  }

  private static ImageReport report(
      ImageSource source,
      List<ImageReport.Layer> layers,
      long sizeBytes,
      long userSizeBytes,
      Merge merge,
      List<ImageReport.HistoryEntry> history) {
    FileTree merged = merge.stacked;
    long minimum = 0;
    long discovered = 0;
    long wasted = 0;
    List<ImageReport.Inefficiency> inefficiencies = new ArrayList<>();
    for (Map.Entry<String, Tally> e : merge.tallies.entrySet()) {
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
        dirs.subList(0, Math.min(TOP, dirs.size())),
        history,
        wastes(merge));
  }

  private static List<ImageReport.Waste> wastes(Merge merge) {
    List<ImageReport.Waste> out = new ArrayList<>();
    for (Map.Entry<List<Integer>, WasteSum> e : merge.wastes.entrySet()) {
      WasteSum w = e.getValue();
      List<Integer> k = e.getKey();
      out.add(new ImageReport.Waste(k.get(0), k.get(1), k.get(2) == 1, w.bytes, w.files, w.summary(), w.largest));
    }
    out.sort(Comparator.comparingLong(ImageReport.Waste::bytes).reversed()
        .thenComparingInt(ImageReport.Waste::addedBy)
        .thenComparingInt(ImageReport.Waste::removedBy));
    return out;
  }
}
