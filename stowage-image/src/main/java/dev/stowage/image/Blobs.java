package dev.stowage.image;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * Named files of an image container: the entries of an outer tar (random access, nothing
 * extracted) or the files of a directory (never leaving it). Not thread-safe.
 */
abstract sealed class Blobs implements Closeable permits Blobs.Tar, Blobs.Dir, ContentBlobs {
  private static final Pattern DIGEST = Pattern.compile("([a-z0-9]+):([a-f0-9]{32,128})");

  /** Whether {@code name} exists. */
  abstract boolean has(String name);

  /** Opens {@code name}, or empty when it does not exist. */
  abstract Optional<InputStream> open(String name) throws IOException;

  /** The path of a content-addressed blob in an OCI layout, refusing anything but a digest. */
  static Optional<String> blobPath(String digest) {
    var m = DIGEST.matcher(digest);
    return m.matches() ? Optional.of("blobs/" + m.group(1) + "/" + m.group(2)) : Optional.empty();
  }

  /** An entry name without {@code ./} prefixes and trailing slashes. */
  static String normalize(String name) {
    String n = name;
    while (n.startsWith("./")) {
      n = n.substring(2);
    }
    while (n.endsWith("/")) {
      n = n.substring(0, n.length() - 1);
    }
    return n;
  }

  /** The entries of a tar file, indexed once by name. */
  static final class Tar extends Blobs {
    private final TarFile tar;
    private final Map<String, TarArchiveEntry> entries = new HashMap<>();

    Tar(Path file) throws IOException {
      this.tar = new TarFile(file);
      for (TarArchiveEntry e : tar.getEntries()) {
        if (e.isFile() || e.isSymbolicLink() || e.isLink()) {
          entries.put(normalize(e.getName()), e);
        }
      }
    }

    @Override
    boolean has(String name) {
      return entries.containsKey(normalize(name));
    }

    @Override
    Optional<InputStream> open(String name) throws IOException {
      TarArchiveEntry e = resolve(normalize(name), 0);
      return e == null ? Optional.empty() : Optional.of(tar.getInputStream(e));
    }

    /** Follows link entries inside the archive (docker save links identical layers), at most 8. */
    private TarArchiveEntry resolve(String name, int depth) {
      TarArchiveEntry e = entries.get(name);
      if (e == null || e.isFile() || depth > 8) {
        return e == null || !e.isFile() ? null : e;
      }
      String target = e.getLinkName();
      if (e.isSymbolicLink() && name.contains("/")) {
        target = name.substring(0, name.lastIndexOf('/') + 1) + target;
      }
      String joined = Path.of(normalize(target)).normalize().toString().replace('\\', '/');
      return resolve(joined, depth + 1);
    }

    @Override
    public void close() throws IOException {
      tar.close();
    }
  }

  /** The files of a directory; names with {@code ..} or links out of it are refused. */
  static final class Dir extends Blobs {
    private final Path root;

    Dir(Path root) throws IOException {
      this.root = root.toRealPath();
    }

    private Optional<Path> inside(String name) throws IOException {
      if (name.startsWith("/") || Path.of(name).normalize().startsWith("..") || name.contains("\0")) {
        return Optional.empty();
      }
      Path p = root.resolve(name).normalize();
      if (!Files.isRegularFile(p)) {
        return Optional.empty();
      }
      Path real = p.toRealPath();
      return real.startsWith(root) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)
          ? Optional.of(real)
          : Optional.empty();
    }

    @Override
    boolean has(String name) {
      try {
        return inside(name).isPresent();
      } catch (IOException e) {
        return false;
      }
    }

    @Override
    Optional<InputStream> open(String name) throws IOException {
      Optional<Path> p = inside(name);
      return p.isEmpty() ? Optional.empty() : Optional.of(Files.newInputStream(p.get()));
    }

    @Override
    public void close() {}
  }
}
