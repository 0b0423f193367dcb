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
 * Streams every entry of every layer of an image, base layer first, to a {@link Visitor} that may
 * read as much of each file as it needs; the rest is skipped. The same sources, limits and checks
 * as {@link ImageAnalyzer} (diff_ids verified, unsafe paths and decompression bombs refused); the
 * visitor applies whiteouts itself. Immutable and thread-safe; a walk is sequential.
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

  /** Receives the entries of one walk, in layer order and tar order within a layer. */
  public interface Visitor {
    /**
     * One entry of layer {@code layer} (its command is {@code command}); {@code content} yields
     * at most {@link Entry#size()} bytes, need not be read to the end, and must not be closed.
     */
    void entry(int layer, String command, Entry entry, InputStream content) throws IOException;
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

  private List<Layer> walk(ImageSource source, Blobs blobs, List<ImageLayout.LayerRef> refs, Visitor visitor)
      throws ImageFormatException, IOException {
    List<Layer> layers = new ArrayList<>();
    long imageBytes = 0;
    AtomicLong entries = new AtomicLong();
    for (int i = 0; i < refs.size(); i++) {
      ImageLayout.LayerRef ref = refs.get(i);
      int index = i;
      LayerEntries.Result read = LayerEntries.read(blobs, ref, "layer " + i + " of " + source, limits, imageBytes, entries,
          (segments, e, content) -> {
            if (!segments.isEmpty()) {
              visitor.entry(index, ref.command(), entry(segments, e), new FilterInputStream(content) {
                @Override
                public void close() {
                  // the visitor must not close the layer
                }
              });
            }
          });
      imageBytes += read.uncompressedBytes();
      layers.add(new Layer(i, read.digest(), ref.command()));
    }
    return List.copyOf(layers);
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
