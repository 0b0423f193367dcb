package dev.stowage.image;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Streams every entry of every layer of an image to a {@link Visitor} that may read as much of each
 * file as it needs (the rest is skipped) and applies what it read base layer first. The same
 * sources, limits and checks as {@link ImageAnalyzer} (diff_ids verified, unsafe paths and
 * decompression bombs refused), streamed archives ({@link ImageStream}) included; the visitor
 * applies whiteouts itself. Immutable and thread-safe.
 */
public final class LayerWalker {
  private final ImageLimits limits;

  private LayerWalker(ImageLimits limits) {
    this.limits = limits;
  }

  /** A walker with {@link ImageLimits#DEFAULT}. */
  public static LayerWalker create() {
    return new LayerWalker(ImageLimits.DEFAULT);
  }

  public static LayerWalker withLimits(ImageLimits limits) {
    return new LayerWalker(limits);
  }

  /** What a tar entry is. */
  public enum Type {
    FILE,
    DIRECTORY,
    SYMLINK,
    /** A hard link to an earlier entry of the same layer ({@link Entry#linkTarget}). */
    HARDLINK,
    /** A {@code .wh.NAME} entry: {@link Entry#path} is the path it removes from lower layers. */
    WHITEOUT,
    /** A {@code .wh..wh..opq} entry: the lower layers' children of {@link Entry#path} are hidden. */
    OPAQUE,
    /** Devices, FIFOs and other entries without content. */
    OTHER
  }

  /**
   * One entry: {@code path} absolute ({@code /etc/os-release}), {@code size} from the tar header,
   * {@code mode} the permission bits, {@code linkTarget} as stored (empty unless a link).
   */
  public record Entry(String path, Type type, long size, int mode, String linkTarget) {
    /** The last path component. */
    public String name() {
      return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Whether any execute bit is set. */
    public boolean executable() {
      return (mode & 0111) != 0;
    }
  }

  /**
   * A layer: {@code index} 0-based from the base, {@code digest} its verified uncompressed digest
   * (the diff_id), {@code command} the history entry that created it or {@code (missing)}.
   */
  public record Layer(int index, String digest, String command) {}

  /**
   * Receives the entries of one walk in two steps: {@link #read} takes what it needs of an entry's
   * content and returns the {@link Step} that applies it; steps are applied in layer order and tar
   * order within a layer. For a local archive or a registry each step is applied right after its
   * read; for a streamed archive ({@link ImageStream}) the layers are read as they arrive, in the
   * archive's order and on several threads at once, and their steps applied once the manifest has
   * given the order. So {@code read} must keep no state of its own, and a step may be applied more
   * than once (a layer that appears twice in an image).
   */
  public interface Visitor {
    /**
     * Reads one entry; {@code content} yields at most {@link Entry#size()} bytes, need not be read
     * to the end, and must not be closed.
     */
    Step read(Entry entry, InputStream content) throws IOException;
  }

  /** What a {@link Visitor} does with one entry, once the layers below it have been applied. */
  public interface Step {
    /** Applies the entry as part of layer {@code layer}, created by {@code command}. */
    void apply(int layer, String command);
  }

  /** Walks {@code source}; {@code platform} picks a manifest from an index. */
  public List<Layer> walk(ImageSource source, Optional<String> platform, Visitor visitor)
      throws ImageFormatException, IOException {
    return ImageAnalyzer.open(source, platform, limits, (blobs, image) -> walk(source, blobs, image.layers(), visitor));
  }

  /** Walks an image fetched by digest (a registry); closes {@code content}. */
  public List<Layer> walk(ImageContent content, Visitor visitor) throws ImageFormatException, IOException {
    ImageSource source = new ImageSource(ImageSource.Kind.REGISTRY, java.nio.file.Path.of(""), content.name());
    return ImageAnalyzer.open(content, Optional.empty(), limits, (blobs, image) -> walk(source, blobs, image.layers(), visitor));
  }

  /**
   * Walks an archive read once as it streams in: each layer's entries are read as the layer
   * passes and kept as steps (memory grows with the number of entries, not with their bytes),
   * then applied in the manifest's order. Does not close the stream.
   */
  public List<Layer> walk(ImageStream stream, Visitor visitor) throws ImageFormatException, IOException {
    AtomicLong imageBytes = new AtomicLong();
    AtomicLong entries = new AtomicLong();
    try (StreamedArchive<Recorded> archive = new StreamedArchive<>(stream, limits, (where, raw) -> {
      List<Entry> read = new ArrayList<>();
      List<Step> steps = new ArrayList<>();
      LayerEntries.Result result = LayerEntries.read(raw, false, where, limits, imageBytes, entries,
          (segments, e, content) -> {
            if (!segments.isEmpty()) {
              Entry entry = entry(segments, e);
              read.add(entry);
              steps.add(visitor.read(entry, unclosable(content)));
            }
          });
      return new Recorded(result.digest(), read, steps);
    })) {
      ImageLayout.Image image = archive.read(Optional.empty());
      ImageSource source = archive.source();
      List<Layer> layers = new ArrayList<>();
      for (int i = 0; i < image.layers().size(); i++) {
        ImageLayout.LayerRef ref = image.layers().get(i);
        Recorded layer = archive.layer(ref, i);
        LayerEntries.verify("layer " + i + " of " + source, ref, layer.digest());
        for (int k = 0; k < layer.steps().size(); k++) {
          if (ref.estargz() && isEstargzMetadata(layer.entries().get(k))) {
            continue;
          }
          layer.steps().get(k).apply(i, ref.command());
        }
        layers.add(new Layer(i, layer.digest(), ref.command()));
      }
      return List.copyOf(layers);
    }
  }

  /** A streamed layer's digest and its entries with their steps, waiting for the layer order. */
  private record Recorded(String digest, List<Entry> entries, List<Step> steps) {}

  private static boolean isEstargzMetadata(Entry e) {
    return e.path().lastIndexOf('/') == 0 && LayerEntries.ESTARGZ_METADATA.contains(e.name());
  }

  private List<Layer> walk(ImageSource source, Blobs blobs, List<ImageLayout.LayerRef> refs, Visitor visitor)
      throws ImageFormatException, IOException {
    List<Layer> layers = new ArrayList<>();
    AtomicLong imageBytes = new AtomicLong();
    AtomicLong entries = new AtomicLong();
    for (int i = 0; i < refs.size(); i++) {
      ImageLayout.LayerRef ref = refs.get(i);
      int index = i;
      String where = "layer " + i + " of " + source;
      Optional<InputStream> raw = blobs.open(ref.blob());
      if (raw.isEmpty()) {
        throw new ImageFormatException(where + ": missing blob " + ref.blob());
      }
      LayerEntries.Result read = LayerEntries.read(raw.get(), ref.estargz(), where, limits, imageBytes, entries,
          (segments, e, content) -> {
            if (!segments.isEmpty()) {
              visitor.read(entry(segments, e), unclosable(content)).apply(index, ref.command());
            }
          });
      LayerEntries.verify(where, ref, read.digest());
      layers.add(new Layer(i, read.digest(), ref.command()));
    }
    return List.copyOf(layers);
  }

  private static InputStream unclosable(InputStream content) {
    return new FilterInputStream(content) {
      @Override
      public void close() {
        // the visitor must not close the layer
      }
    };
  }

  private static Entry entry(List<String> segments, TarArchiveEntry e) {
    String last = segments.get(segments.size() - 1);
    StringBuilder dir = new StringBuilder();
    for (int s = 0; s < segments.size() - 1; s++) {
      dir.append('/').append(segments.get(s));
    }
    if (last.equals(FileTree.OPAQUE)) {
      return new Entry(dir.isEmpty() ? "/" : dir.toString(), Type.OPAQUE, 0, 0, "");
    }
    if (last.startsWith(FileTree.WHITEOUT)) {
      return new Entry(dir + "/" + last.substring(FileTree.WHITEOUT.length()), Type.WHITEOUT, 0, 0, "");
    }
    Type type;
    if (e.isDirectory()) {
      type = Type.DIRECTORY;
    } else if (e.isSymbolicLink()) {
      type = Type.SYMLINK;
    } else if (e.isLink()) {
      type = Type.HARDLINK;
    } else if (e.isFile()) {
      type = Type.FILE;
    } else {
      type = Type.OTHER;
    }
    String link = e.getLinkName() == null ? "" : e.getLinkName();
    return new Entry(dir + "/" + last, type, type == Type.FILE ? e.getSize() : 0, e.getMode() & 07777, link);
  }
}
