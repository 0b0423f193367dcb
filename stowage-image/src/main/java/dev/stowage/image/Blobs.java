package dev.stowage.image;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * Named files of an image container: the entries of an outer tar (random access, nothing
 * extracted) or the files of a directory (never leaving it). {@link #open} may be called from
 * several threads at once (layers are read in parallel); each stream is for one thread.
 */
abstract sealed class Blobs implements Closeable permits Blobs.Tar, Blobs.Dir, Blobs.Memory, ContentBlobs {
  private static final Pattern DIGEST = Pattern.compile("([a-z0-9]+):([a-f0-9]{32,128})");

  /** Whether {@code name} exists. */
  abstract boolean has(String name);

  /** Opens {@code name}, or empty when it does not exist. */
  abstract Optional<InputStream> open(String name) throws IOException;

  /** The size of {@code name} in bytes, or -1 when unknown. */
  long size(String name) {
    return -1;
  }

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

  /**
   * Where a link entry of an outer tar points, as an entry name: a symbolic link relative to its
   * directory (docker save links a layer saved twice to the first copy), a hard link from the root.
   */
  static String linkTarget(String name, TarArchiveEntry e) {
    String target = e.getLinkName();
    if (e.isSymbolicLink() && name.contains("/")) {
      target = name.substring(0, name.lastIndexOf('/') + 1) + target;
    }
    return Path.of(normalize(target)).normalize().toString().replace('\\', '/');
  }

  /**
   * The entries of a tar file, indexed once by name; entries are read with positional reads of one
   * channel, so streams of several entries may be read concurrently.
   */
  static final class Tar extends Blobs {
    private final FileChannel channel;
    private final Map<String, TarArchiveEntry> entries = new HashMap<>();

    Tar(Path file) throws IOException {
      try (TarFile tar = new TarFile(file)) {
        for (TarArchiveEntry e : tar.getEntries()) {
          if (e.isFile() || e.isSymbolicLink() || e.isLink()) {
            entries.put(normalize(e.getName()), e);
          }
        }
      }
      this.channel = FileChannel.open(file, StandardOpenOption.READ);
    }

    @Override
    long size(String name) {
      TarArchiveEntry e = resolve(normalize(name), 0);
      return e == null ? -1 : e.getSize();
    }

    @Override
    boolean has(String name) {
      return entries.containsKey(normalize(name));
    }

    @Override
    Optional<InputStream> open(String name) throws IOException {
      TarArchiveEntry e = resolve(normalize(name), 0);
      if (e == null) {
        return Optional.empty();
      }
      if (e.isSparse() || e.getDataOffset() < 0 || e.getDataOffset() + e.getSize() > channel.size()) {
        throw new IOException("entry " + name + " is sparse or lies outside the archive");
      }
      return Optional.of(new Slice(channel, e.getDataOffset(), e.getSize()));
    }

    /** Follows link entries inside the archive (docker save links identical layers), at most 8. */
    private TarArchiveEntry resolve(String name, int depth) {
      TarArchiveEntry e = entries.get(name);
      if (e == null || depth > 8) {
        return null;
      }
      // Commons Compress calls a link entry a file too: test for links first.
      if (e.isSymbolicLink() || e.isLink()) {
        return resolve(linkTarget(name, e), depth + 1);
      }
      return e.isFile() ? e : null;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  /** A range of a file channel read with positional reads (safe beside other slices). */
  private static final class Slice extends InputStream {
    private final FileChannel channel;
    private long position;
    private final long end;

    Slice(FileChannel channel, long start, long length) {
      this.channel = channel;
      this.position = start;
      this.end = start + length;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (position >= end) {
        return -1;
      }
      int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
      if (n < 0) {
        throw new EOFException("archive ends inside an entry");
      }
      position += n;
      return n;
    }

    @Override
    public long skip(long n) {
      long s = Math.max(0, Math.min(n, end - position));
      position += s;
      return s;
    }

    @Override
    public int available() {
      return (int) Math.min(Integer.MAX_VALUE, end - position);
    }
  }

  /**
   * Small files kept in memory (the documents of a streamed archive) and the archive's links
   * between names, followed at most 8 deep. Read-only once made.
   */
  static final class Memory extends Blobs {
    private final Map<String, byte[]> files;
    private final Map<String, String> links;

    Memory(Map<String, byte[]> files, Map<String, String> links) {
      this.files = Map.copyOf(files);
      this.links = Map.copyOf(links);
    }

    /** {@code name} with links followed (itself when it is no link). */
    String resolve(String name) {
      String n = normalize(name);
      for (int depth = 0; depth <= 8 && links.containsKey(n); depth++) {
        n = links.get(n);
      }
      return n;
    }

    @Override
    boolean has(String name) {
      return files.containsKey(resolve(name));
    }

    @Override
    long size(String name) {
      byte[] b = files.get(resolve(name));
      return b == null ? -1 : b.length;
    }

    @Override
    Optional<InputStream> open(String name) {
      byte[] b = files.get(resolve(name));
      return b == null ? Optional.empty() : Optional.of(new java.io.ByteArrayInputStream(b));
    }

    @Override
    public void close() {}
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
    long size(String name) {
      try {
        Optional<Path> p = inside(name);
        return p.isPresent() ? Files.size(p.get()) : -1;
      } catch (IOException e) {
        return -1;
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
