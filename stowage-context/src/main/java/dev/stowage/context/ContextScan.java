package dev.stowage.context;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * What a build context holds and what a build that copies all of it sends, with {@code
 * .dockerignore} applied: totals, the largest files and top-level directories, and notable items
 * (VCS metadata, dependency folders, build outputs, virtualenvs, caches, large files,
 * secret-looking files). Immutable.
 *
 * <p>The walk never follows symbolic links (a link is sent as a link, as BuildKit sends it) and
 * stops after a bounded number of entries, setting {@link #truncated()}. Inside a notable directory
 * (say {@code node_modules}) nothing further is reported as notable; its size is counted.
 *
 * @param root the context directory, resolved
 * @param sentFiles regular files and links the build would send
 * @param sentBytes their bytes
 * @param excludedFiles files {@code .dockerignore} leaves out
 * @param excludedBytes their bytes
 * @param largestFiles the largest sent files, largest first
 * @param largestDirectories the top-level directories by bytes sent, largest first
 * @param notable notable items in walk order
 * @param truncated whether the walk stopped at its entry limit
 */
public record ContextScan(
    Path root,
    long sentFiles,
    long sentBytes,
    long excludedFiles,
    long excludedBytes,
    List<Entry> largestFiles,
    List<Entry> largestDirectories,
    List<NotableItem> notable,
    boolean truncated) {

  /** Files at least this large are notable (10 MiB). */
  public static final long LARGE_FILE_BYTES = 10L * 1024 * 1024;

  /** The default bound on visited entries. */
  public static final int DEFAULT_MAX_ENTRIES = 200_000;

  private static final int TOP = 10;
  private static final int MAX_NOTABLE = 200;

  public ContextScan {
    largestFiles = List.copyOf(largestFiles);
    largestDirectories = List.copyOf(largestDirectories);
    notable = List.copyOf(notable);
  }

  /** A file or directory with the bytes and files the build sends from it. */
  public record Entry(String path, long sentBytes, long sentFiles) {}

  /** Why an item is worth a look. */
  public enum Kind {
    VCS("version-control metadata"),
    DEPENDENCIES("installed dependencies"),
    BUILD_OUTPUT("build output"),
    VIRTUALENV("Python virtualenv"),
    CACHE("cache"),
    LARGE_FILE("large file"),
    SECRET("secret-looking file");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    /** Plain words for messages, e.g. {@code installed dependencies}. */
    public String description() {
      return description;
    }
  }

  /**
   * A notable file or directory.
   *
   * @param path slash-separated, relative to the context
   * @param excluded whether {@code .dockerignore} excludes the item itself
   * @param sentBytes bytes the build sends from it (a directory may be excluded with exceptions)
   * @param excludedBytes bytes left out
   * @param sentFiles files sent from it
   */
  public record NotableItem(
      String path,
      Kind kind,
      boolean directory,
      boolean excluded,
      long sentBytes,
      long excludedBytes,
      long sentFiles) {
    /** Whether the build sends any of it. */
    public boolean sent() {
      return !excluded || sentFiles > 0;
    }

    /** All its bytes, sent or not. */
    public long totalBytes() {
      return sentBytes + excludedBytes;
    }
  }

  /** Sent notable items. */
  public List<NotableItem> sentNotable() {
    return notable.stream().filter(NotableItem::sent).toList();
  }

  /** Scans {@code dir} with at most {@link #DEFAULT_MAX_ENTRIES} entries. */
  public static ContextScan scan(Path dir, DockerIgnore ignore) throws IOException {
    return scan(dir, ignore, DEFAULT_MAX_ENTRIES);
  }

  /** Scans {@code dir}, visiting at most {@code maxEntries} files and directories. */
  public static ContextScan scan(Path dir, DockerIgnore ignore, int maxEntries) throws IOException {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
    }
    Path root = dir.toRealPath();
    if (!Files.isDirectory(root)) {
      throw new IOException("not a directory: " + dir);
    }
    Walker w = new Walker(root, ignore, maxEntries);
    Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, w);
    return w.result();
  }

  /** Classifies a directory by its name. */
  public static Optional<Kind> directoryKind(String name) {
    return switch (name) {
      case ".git", ".hg", ".svn" -> Optional.of(Kind.VCS);
      case "node_modules", "bower_components" -> Optional.of(Kind.DEPENDENCIES);
      case "target", "build", "dist", "out" -> Optional.of(Kind.BUILD_OUTPUT);
      case ".venv", "venv" -> Optional.of(Kind.VIRTUALENV);
      case "__pycache__", ".pytest_cache", ".mypy_cache", ".tox", ".gradle", ".next", ".cache" ->
          Optional.of(Kind.CACHE);
      case ".aws", ".ssh", ".gnupg" -> Optional.of(Kind.SECRET);
      default -> Optional.empty();
    };
  }

  /**
   * Whether {@code dir} holds what tools made rather than what people wrote: version control,
   * installed dependencies, virtualenvs, caches, or a {@code target} folder beside a build manifest
   * (Maven, sbt, Cargo). Folders named {@code build}, {@code dist} or {@code out} are not counted:
   * projects keep hand-written files there too (Go's {@code build/package/Dockerfile}).
   */
  public static boolean isGenerated(Path dir) {
    Path name = dir.getFileName();
    if (name == null) {
      return false;
    }
    return directoryKind(name.toString())
        .map(
            k ->
                k != Kind.SECRET
                    && (k != Kind.BUILD_OUTPUT
                        || (name.toString().equals("target") && isBuildRoot(dir.getParent()))))
        .orElse(false);
  }

  private static final List<String> BUILD_MANIFESTS =
      List.of(
          "pom.xml", "build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts",
          "package.json", "Cargo.toml", "go.mod", "setup.py", "pyproject.toml", "CMakeLists.txt",
          "Makefile", "build.sbt", "mix.exs", "composer.json", "Gemfile", "meson.build",
          "angular.json", "tsconfig.json");

  /** Whether {@code dir} holds a build manifest, so that its build/ or target/ is output. */
  static boolean isBuildRoot(Path dir) {
    if (dir == null) {
      return false;
    }
    for (String m : BUILD_MANIFESTS) {
      if (Files.isRegularFile(dir.resolve(m), LinkOption.NOFOLLOW_LINKS)) {
        return true;
      }
    }
    try (var s = Files.newDirectoryStream(dir, "*.{csproj,fsproj,sln}")) {
      return s.iterator().hasNext();
    } catch (IOException e) {
      return false;
    }
  }

  private static final Set<String> SECRET_NAMES =
      Set.of(".npmrc", ".pypirc", ".netrc", "_netrc", ".git-credentials", "credentials", ".htpasswd");

  /** Whether a file name (with its parent directory's name) looks like it holds a secret. */
  public static boolean isSecretFile(String name, String parentName) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.equals(".env") || (n.startsWith(".env.") && !isEnvTemplate(n))) {
      return true;
    }
    if (SECRET_NAMES.contains(n)) {
      return true;
    }
    if (n.equals("config.json") && parentName.equals(".docker")) {
      return true;
    }
    if (n.endsWith(".pem") || n.endsWith(".key") || n.endsWith(".p12") || n.endsWith(".pfx")) {
      return true;
    }
    for (String key : List.of("id_rsa", "id_dsa", "id_ecdsa", "id_ed25519")) {
      if (n.startsWith(key) && !n.endsWith(".pub")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isEnvTemplate(String n) {
    return n.endsWith(".example")
        || n.endsWith(".sample")
        || n.endsWith(".template")
        || n.endsWith(".dist")
        || n.endsWith(".defaults")
        || n.endsWith(".tmpl");
  }

  /** One directory being walked. */
  private static final class Frame {
    final String path;
    final boolean excluded;
    final int notableIndex; // index in notable of this dir, -1 when not notable
    final boolean insideNotable;
    long sentBytes;
    long excludedBytes;
    long sentFiles;

    Frame(String path, boolean excluded, int notableIndex, boolean insideNotable) {
      this.path = path;
      this.excluded = excluded;
      this.notableIndex = notableIndex;
      this.insideNotable = insideNotable;
    }
  }

  private static final class Walker extends SimpleFileVisitor<Path> {
    private final Path root;
    private final DockerIgnore ignore;
    private final boolean exceptions;
    private final int maxEntries;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final List<NotableItem> notable = new ArrayList<>();
    private final PriorityQueue<Entry> files =
        new PriorityQueue<>(Comparator.comparingLong(Entry::sentBytes));
    private final List<Entry> topDirs = new ArrayList<>();
    private long sentFiles;
    private long sentBytes;
    private long excludedFiles;
    private long excludedBytes;
    private int entries;
    private boolean truncated;

    Walker(Path root, DockerIgnore ignore, int maxEntries) {
      this.root = root;
      this.ignore = ignore;
      this.exceptions = ignore.hasExceptions();
      this.maxEntries = maxEntries;
    }

    private String relative(Path p) {
      Path r = root.relativize(p);
      StringBuilder sb = new StringBuilder();
      for (Path part : r) {
        if (!sb.isEmpty()) {
          sb.append('/');
        }
        sb.append(part);
      }
      return sb.toString();
    }

    private boolean excluded(String rel) {
      Frame parent = stack.peek();
      if (parent != null && parent.excluded && !exceptions) {
        return true; // without exceptions nothing under an excluded directory comes back
      }
      return ignore.excludes(rel);
    }

    private boolean count() {
      if (++entries > maxEntries) {
        truncated = true;
        return false;
      }
      return true;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
      if (stack.isEmpty()) {
        stack.push(new Frame("", false, -1, false));
        return FileVisitResult.CONTINUE;
      }
      if (!count()) {
        return FileVisitResult.TERMINATE;
      }
      String rel = relative(dir);
      boolean ex = excluded(rel);
      Frame parent = stack.peek();
      int index = -1;
      if (!parent.insideNotable && notable.size() < MAX_NOTABLE) {
        Optional<Kind> kind = directoryKind(dir.getFileName().toString());
        if (kind.filter(k -> k == Kind.BUILD_OUTPUT).isPresent() && !isBuildRoot(dir.getParent())) {
          // A folder named build/, dist/, out/ or target/ is a build's output only beside the
          // build's manifest; src/main/java/com/acme/build/ is source (found dogfooding).
          kind = Optional.empty();
        }
        if (kind.isPresent()) {
          index = notable.size();
          notable.add(new NotableItem(rel, kind.get(), true, ex, 0, 0, 0));
        }
      }
      stack.push(new Frame(rel, ex, index, parent.insideNotable || index >= 0));
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      if (attrs.isDirectory()) {
        return FileVisitResult.CONTINUE; // a directory the walk could not open
      }
      if (!count()) {
        return FileVisitResult.TERMINATE;
      }
      String rel = relative(file);
      boolean ex = excluded(rel);
      long size = attrs.isRegularFile() || attrs.isSymbolicLink() ? attrs.size() : 0;
      Frame parent = stack.peek();
      if (ex) {
        excludedFiles++;
        excludedBytes += size;
        parent.excludedBytes += size;
      } else {
        sentFiles++;
        sentBytes += size;
        parent.sentBytes += size;
        parent.sentFiles++;
        files.add(new Entry(rel, size, 1));
        if (files.size() > TOP) {
          files.poll();
        }
      }
      if (!parent.insideNotable && notable.size() < MAX_NOTABLE && attrs.isRegularFile()) {
        String parentName =
            file.getParent().equals(root) ? "" : file.getParent().getFileName().toString();
        if (isSecretFile(file.getFileName().toString(), parentName)) {
          notable.add(
              new NotableItem(
                  rel, Kind.SECRET, false, ex, ex ? 0 : size, ex ? size : 0, ex ? 0 : 1));
        } else if (size >= LARGE_FILE_BYTES) {
          notable.add(
              new NotableItem(
                  rel, Kind.LARGE_FILE, false, ex, ex ? 0 : size, ex ? size : 0, ex ? 0 : 1));
        }
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException exc) {
      return FileVisitResult
          .CONTINUE; // unreadable entries are skipped, as the build would fail on them anyway
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
      Frame f = stack.pop();
      Frame parent = stack.peek();
      if (parent == null) {
        stack.push(f); // keep the root frame
        return FileVisitResult.CONTINUE;
      }
      finish(f, parent);
      return FileVisitResult.CONTINUE;
    }

    private void finish(Frame f, Frame parent) {
      parent.sentBytes += f.sentBytes;
      parent.excludedBytes += f.excludedBytes;
      parent.sentFiles += f.sentFiles;
      if (f.notableIndex >= 0) {
        NotableItem n = notable.get(f.notableIndex);
        notable.set(
            f.notableIndex,
            new NotableItem(
                n.path(), n.kind(), true, n.excluded(), f.sentBytes, f.excludedBytes, f.sentFiles));
      }
      if (parent.path.isEmpty()) {
        topDirs.add(new Entry(f.path, f.sentBytes, f.sentFiles));
      }
    }

    ContextScan result() {
      // a truncated walk leaves frames open: fold them into their parents
      while (stack.size() > 1) {
        Frame f = stack.pop();
        finish(f, stack.peek());
      }
      List<Entry> largest = new ArrayList<>(files);
      largest.sort(
          Comparator.comparingLong(Entry::sentBytes).reversed().thenComparing(Entry::path));
      List<Entry> dirs = new ArrayList<>(topDirs);
      dirs.sort(Comparator.comparingLong(Entry::sentBytes).reversed().thenComparing(Entry::path));
      return new ContextScan(
          root,
          sentFiles,
          sentBytes,
          excludedFiles,
          excludedBytes,
          largest,
          dirs.subList(0, Math.min(TOP, dirs.size())),
          notable,
          truncated);
    }
  }

  /**
   * Bytes in a short human form: {@code 812 B}, {@code 4.2 MB}, {@code 1.3 GB} (powers of 1024).
   */
  public static String humanBytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, units[u]);
  }
}
