package dev.stowage.fix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Replaces a file's content atomically: the new text goes to a temporary file in the same folder,
 * which is renamed over the target ({@code ATOMIC_MOVE}), so that readers see the old or the new
 * file, never a half-written one. The target keeps its permissions; a backup of the old content
 * can be kept beside it. Refuses when the file changed since it was read. Thread-safe.
 */
public final class FileRewriter {
  /** Runs right before the final check and rename; tests use it to inject a concurrent change. */
  @FunctionalInterface
  public interface Hook {
    void run(Path target) throws IOException;
  }

  /** The file changed (or vanished) between reading it and replacing it; nothing was written. */
  public static final class FileChangedException extends Exception {
    private static final long serialVersionUID = 1L;

    FileChangedException(Path file) {
      super(file + ": changed since it was read; not rewritten (run again)");
    }
  }

  private final Hook beforeReplace;

  private FileRewriter(Hook beforeReplace) {
    this.beforeReplace = beforeReplace;
  }

  /** The rewriter for real use. */
  public static FileRewriter standard() {
    return new FileRewriter(t -> {});
  }

  /** A rewriter that runs {@code hook} just before it checks and replaces the target. */
  public static FileRewriter withHook(Hook hook) {
    return new FileRewriter(hook);
  }

  /**
   * Replaces {@code target}'s content with {@code text} (UTF-8) if it still holds {@code expected};
   * with {@code expected} empty, the target must not exist and is created.
   *
   * @param backup where to keep the old content (written the same way), if anywhere
   * @throws FileChangedException when the target no longer holds {@code expected}
   */
  public void replace(Path target, Optional<byte[]> expected, String text, Optional<Path> backup)
      throws IOException, FileChangedException {
    Path dir = target.toAbsolutePath().getParent();
    Optional<Set<PosixFilePermission>> permissions = permissions(target);
    Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      Files.write(temp, text.getBytes(StandardCharsets.UTF_8));
      if (permissions.isPresent()) {
        Files.setPosixFilePermissions(temp, permissions.get());
      }
      check(target, expected);
      if (backup.isPresent() && expected.isPresent()) {
        writeCopy(backup.get(), expected.get(), permissions);
      }
      beforeReplace.run(target);
      check(target, expected);
      move(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void check(Path target, Optional<byte[]> expected)
      throws IOException, FileChangedException {
    if (expected.isEmpty()) {
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        throw new FileChangedException(target);
      }
      return;
    }
    if (!Files.isRegularFile(target)
        || !Arrays.equals(Files.readAllBytes(target), expected.get())) {
      throw new FileChangedException(target);
    }
  }

  private static void writeCopy(
      Path file, byte[] content, Optional<Set<PosixFilePermission>> permissions)
      throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
    try {
      Files.write(temp, content);
      if (permissions.isPresent()) {
        Files.setPosixFilePermissions(temp, permissions.get());
      }
      move(temp, file);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(to + ": the file system cannot rename atomically; not rewritten", e);
    }
  }

  /** The target's permissions; {@code rw-r--r--} for a new file (a temporary file has none). */
  private static Optional<Set<PosixFilePermission>> permissions(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    if (Files.getFileAttributeView(dir, PosixFileAttributeView.class) == null) {
      return Optional.empty();
    }
    if (!Files.exists(target)) {
      return Optional.of(PosixFilePermissions.fromString("rw-r--r--"));
    }
    return Optional.of(Files.getPosixFilePermissions(target));
  }
}
