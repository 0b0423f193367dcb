package dev.stowage.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * What a built image holds, as the engine itself merges it: every path of its root file system
 * (type, mode, owner, size, content digest or link target, from {@code docker export} of a created,
 * never started, container) and the run-time configuration ({@code docker image inspect}). Two
 * snapshots compare path by path, so a test can tell exactly how two images differ.
 *
 * @param files path (without a leading slash) to what is there
 * @param config the image configuration's user-visible fields
 */
public record ImageSnapshot(Map<String, FileFacts> files, Config config) {
  /** Paths the engine adds to every container's file system; not part of the image. */
  private static final Set<String> CONTAINER_PATHS =
      Set.of(".dockerenv", "etc/hosts", "etc/hostname", "etc/resolv.conf", "dev", "proc", "sys",
          "dev/console", "dev/pts", "dev/shm", "etc/mtab");

  /**
   * One path.
   *
   * @param type {@code f} file, {@code d} directory, {@code l} symlink, {@code h} hard link, {@code
   *     o} other
   * @param content SHA-256 of a file's bytes, or a link's target
   */
  public record FileFacts(char type, int mode, long uid, long gid, long size, String content) {}

  /** The configuration fields that decide how a container runs. */
  public record Config(
      List<String> entrypoint,
      List<String> cmd,
      List<String> env,
      String workdir,
      String user,
      Set<String> exposedPorts,
      Map<String, String> labels) {}

  /** Reads {@code image} (a local name or id) through {@code engine}. */
  public static ImageSnapshot of(Engine engine, String image) throws IOException, InterruptedException {
    Config config = config(engine, image);
    String container =
        output(engine, List.of("create", "--entrypoint", "/stowage-never-started", image)).strip();
    try {
      return new ImageSnapshot(export(engine, container), config);
    } finally {
      output(engine, List.of("rm", "-f", container));
    }
  }

  private static Config config(Engine engine, String image) throws IOException, InterruptedException {
    JsonNode c =
        new ObjectMapper().readTree(output(engine, List.of("image", "inspect", "--format", "{{json .Config}}", image)));
    Map<String, String> labels = new TreeMap<>();
    c.path("Labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
    Set<String> ports = new TreeSet<>();
    c.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
    return new Config(
        strings(c.path("Entrypoint")),
        strings(c.path("Cmd")),
        strings(c.path("Env")),
        c.path("WorkingDir").asText(""),
        c.path("User").asText(""),
        ports,
        labels);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }

  private static Map<String, FileFacts> export(Engine engine, String container)
      throws IOException, InterruptedException {
    Process p = start(engine, List.of("export", container));
    Map<String, FileFacts> files = new TreeMap<>();
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] buf = new byte[64 * 1024];
    try (TarArchiveInputStream tar = new TarArchiveInputStream(p.getInputStream())) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        String path = e.getName().replaceAll("^\\./", "").replaceAll("/$", "");
        if (path.isEmpty() || CONTAINER_PATHS.contains(path)) {
          continue;
        }
        char type;
        String content = "";
        if (e.isSymbolicLink()) {
          type = 'l';
          content = e.getLinkName();
        } else if (e.isLink()) {
          type = 'h';
          content = e.getLinkName();
        } else if (e.isDirectory()) {
          type = 'd';
        } else if (e.isFile()) {
          type = 'f';
          sha.reset();
          int n;
          while ((n = tar.read(buf)) > 0) {
            sha.update(buf, 0, n);
          }
          content = HexFormat.of().formatHex(sha.digest());
        } else {
          type = 'o';
        }
        files.put(path, new FileFacts(type, e.getMode() & 07777, e.getLongUserId(), e.getLongGroupId(), e.getSize(), content));
      }
    }
    String err = new String(p.getErrorStream().readAllBytes());
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IOException("docker export " + container + " failed: " + err.strip());
    }
    return files;
  }

  /** How a path differs between two images. */
  public enum Change {
    ADDED,
    REMOVED,
    CHANGED
  }

  /**
   * One path that differs.
   *
   * @param path absolute, e.g. {@code /usr/bin/app}
   * @param before what the first image has there, null when added
   * @param after what the second image has there, null when removed
   */
  public record Difference(Change change, String path, FileFacts before, FileFacts after) {
    @Override
    public String toString() {
      return change.name().toLowerCase(java.util.Locale.ROOT) + " " + path + " "
          + (change == Change.ADDED ? after : change == Change.REMOVED ? before : before + " -> " + after);
    }
  }

  /**
   * Every path whose type, mode, owner, size or content differs between this image and {@code
   * other}, sorted by path. A directory counts as changed only by type, mode or owner.
   */
  public List<Difference> differences(ImageSnapshot other) {
    List<Difference> out = new ArrayList<>();
    Set<String> all = new TreeSet<>(files.keySet());
    all.addAll(other.files.keySet());
    for (String path : all) {
      FileFacts a = files.get(path);
      FileFacts b = other.files.get(path);
      if (a != null && a.equals(b)) {
        continue;
      }
      if (a != null && b != null && a.type() == 'd' && b.type() == 'd' && a.mode() == b.mode()
          && a.uid() == b.uid() && a.gid() == b.gid()) {
        continue; // a directory's tar size is meaningless
      }
      Change c = a == null ? Change.ADDED : b == null ? Change.REMOVED : Change.CHANGED;
      out.add(new Difference(c, "/" + path, a, b));
    }
    return out;
  }

  /** {@link #differences} as lines, leaving out those {@code allowed} accepts. */
  public List<String> fileDifferences(ImageSnapshot other, Predicate<String> allowed) {
    return differences(other).stream().filter(d -> !allowed.test(d.path())).map(Difference::toString).toList();
  }

  private static String output(Engine engine, List<String> args) throws IOException, InterruptedException {
    Process p = start(engine, args);
    String out = new String(p.getInputStream().readAllBytes());
    String err = new String(p.getErrorStream().readAllBytes());
    if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IOException("docker " + String.join(" ", args) + " failed: " + err.strip());
    }
    return out;
  }

  private static Process start(Engine engine, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(engine.client().toString());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(engine.environment());
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    return pb.start();
  }
}
