package dev.stowage.image;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What changed between two images: layers matched by position and compared by digest, files of the
 * merged file systems compared by size and content checksum (CRC32C), and the size deltas. Both
 * images are read with the same {@link ImageAnalyzer}, one after the other. Stateless.
 */
public final class ImageDiff {
  private ImageDiff() {}

  /** How a layer position or a path differs. */
  public enum Status {
    /** The same digest (layers), or the same size and content (paths). */
    SAME,
    /** Present in both with a different digest, size or content. */
    CHANGED,
    /** Only in the second image. */
    ADDED,
    /** Only in the first image. */
    REMOVED
  }

  /**
   * The layers at one position: {@code before} from the first image, {@code after} from the second;
   * {@code sharedDigest} says whether the second's layer appears anywhere in the first (moved or
   * reused).
   */
  public record LayerChange(
      int index,
      Status status,
      Optional<ImageReport.Layer> before,
      Optional<ImageReport.Layer> after,
      boolean sharedDigest) {
    /** The change in the layer's size (dive's, the sum of its entries). */
    public long sizeDelta() {
      return after.map(ImageReport.Layer::sizeBytes).orElse(0L) - before.map(ImageReport.Layer::sizeBytes).orElse(0L);
    }
  }

  /** A file of the merged file system that differs; sizes are 0 where it is absent. */
  public record PathChange(String path, Status status, long sizeBefore, long sizeAfter) {
    public long delta() {
      return sizeAfter - sizeBefore;
    }
  }

  /**
   * The comparison: both reports, every layer position, every file that differs (in path order),
   * and {@code sizeDelta}, the change of the image size (the sum of its layers).
   */
  public record Result(
      ImageReport before, ImageReport after, List<LayerChange> layers, List<PathChange> paths) {
    public Result {
      layers = List.copyOf(layers);
      paths = List.copyOf(paths);
    }

    public long sizeDelta() {
      return after.sizeBytes() - before.sizeBytes();
    }

    /** The change of the merged file system's size: the sum of the files' deltas. */
    public long filesDelta() {
      long sum = 0;
      for (PathChange p : paths) {
        sum += p.delta();
      }
      return sum;
    }

    /** How many paths have {@code status}. */
    public long count(Status status) {
      return paths.stream().filter(p -> p.status() == status).count();
    }
  }

  /**
   * Compares {@code a} (before) with {@code b} (after).
   *
   * @throws ImageFormatException when either is not a readable image
   */
  public static Result compare(ImageAnalyzer analyzer, ImageSource a, ImageSource b, Optional<String> platform)
      throws ImageFormatException, IOException {
    return compare(analyzer.analysis(a, platform), analyzer.analysis(b, platform));
  }

  /**
   * Compares two analyses of images from any source ({@link ImageAnalyzer#analysis} of an archive,
   * a registry image or a streamed archive): {@code before} with {@code after}.
   */
  public static Result compare(ImageAnalyzer.Analysis before, ImageAnalyzer.Analysis after) {
    return new Result(before.report(), after.report(), layers(before.report(), after.report()),
        paths(before.merged(), after.merged()));
  }

  private static List<LayerChange> layers(ImageReport a, ImageReport b) {
    List<LayerChange> out = new ArrayList<>();
    int n = Math.max(a.layers().size(), b.layers().size());
    for (int i = 0; i < n; i++) {
      Optional<ImageReport.Layer> x = i < a.layers().size() ? Optional.of(a.layers().get(i)) : Optional.empty();
      Optional<ImageReport.Layer> y = i < b.layers().size() ? Optional.of(b.layers().get(i)) : Optional.empty();
      Status status;
      if (x.isPresent() && y.isPresent()) {
        status = x.get().digest().equals(y.get().digest()) ? Status.SAME : Status.CHANGED;
      } else {
        status = x.isPresent() ? Status.REMOVED : Status.ADDED;
      }
      boolean shared = y.isPresent()
          && a.layers().stream().anyMatch(l -> l.digest().equals(y.get().digest()));
      out.add(new LayerChange(i, status, x, y, shared));
    }
    return out;
  }

  /** A pair of nodes at one path (either may be missing). */
  private record Pair(FileTree.@Nullable Node a, FileTree.@Nullable Node b, String path) {}

  /** Walks both trees side by side in name order; reports files only. */
  private static List<PathChange> paths(FileTree a, FileTree b) {
    List<PathChange> out = new ArrayList<>();
    Deque<Pair> todo = new ArrayDeque<>();
    todo.push(new Pair(a.root, b.root, ""));
    List<Pair> next = new ArrayList<>();
    while (!todo.isEmpty()) {
      Pair p = todo.pop();
      FileTree.Node x = p.a();
      FileTree.Node y = p.b();
      if (p.path().length() > 0) {
        boolean fx = isFile(x);
        boolean fy = isFile(y);
        if (fx && fy) {
          if (x.size != y.size || x.crc != y.crc) {
            out.add(new PathChange(p.path(), Status.CHANGED, x.size, y.size));
          }
        } else if (fx) {
          out.add(new PathChange(p.path(), Status.REMOVED, x.size, 0));
        } else if (fy) {
          out.add(new PathChange(p.path(), Status.ADDED, 0, y.size));
        }
      }
      next.clear();
      Iterator<Map.Entry<String, FileTree.Node>> ix = x == null ? null : x.children().entrySet().iterator();
      Iterator<Map.Entry<String, FileTree.Node>> iy = y == null ? null : y.children().entrySet().iterator();
      Map.Entry<String, FileTree.Node> ex = advance(ix);
      Map.Entry<String, FileTree.Node> ey = advance(iy);
      while (ex != null || ey != null) {
        int cmp = ex == null ? 1 : ey == null ? -1 : ex.getKey().compareTo(ey.getKey());
        if (cmp == 0) {
          next.add(new Pair(ex.getValue(), ey.getValue(), p.path() + "/" + ex.getKey()));
          ex = advance(ix);
          ey = advance(iy);
        } else if (cmp < 0) {
          next.add(new Pair(ex.getValue(), null, p.path() + "/" + ex.getKey()));
          ex = advance(ix);
        } else {
          next.add(new Pair(null, ey.getValue(), p.path() + "/" + ey.getKey()));
          ey = advance(iy);
        }
      }
      for (int k = next.size() - 1; k >= 0; k--) {
        todo.push(next.get(k));
      }
    }
    return out;
  }

  private static Map.@Nullable Entry<String, FileTree.Node> advance(
      @Nullable Iterator<Map.Entry<String, FileTree.Node>> it) {
    return it != null && it.hasNext() ? it.next() : null;
  }

  /** A file of the merged tree: an entry that is not a directory and has nothing under it. */
  private static boolean isFile(FileTree.@Nullable Node n) {
    return n != null && n.explicit && !n.dir && n.isLeaf();
  }
}
