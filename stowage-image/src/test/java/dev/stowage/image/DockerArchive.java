package dev.stowage.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a {@code docker save} archive (manifest.json, a config with diff_ids and history, one
 * uncompressed tar per layer) from files given layer by layer, for tests that need real image
 * archives made of real files. Not thread-safe.
 */
public final class DockerArchive {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final List<Layer> layers = new ArrayList<>();

  /** One layer being written. */
  public final class Layer {
    final String command;
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final TarArchiveOutputStream tar;

    Layer(String command) {
      this.command = command;
      this.tar = new TarArchiveOutputStream(bytes);
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    /** A regular file with mode 0644. */
    public Layer file(String path, byte[] content) throws IOException {
      return file(path, content, 0644);
    }

    public Layer file(String path, byte[] content, int mode) throws IOException {
      TarArchiveEntry e = new TarArchiveEntry(name(path));
      e.setSize(content.length);
      e.setMode(mode);
      tar.putArchiveEntry(e);
      tar.write(content);
      tar.closeArchiveEntry();
      return this;
    }

    /** A regular file copied from the host. */
    public Layer copy(Path from, String path) throws IOException {
      return file(path, Files.readAllBytes(from), Files.isExecutable(from) ? 0755 : 0644);
    }

    public Layer directory(String path) throws IOException {
      TarArchiveEntry e = new TarArchiveEntry(name(path) + "/");
      e.setMode(0755);
      tar.putArchiveEntry(e);
      tar.closeArchiveEntry();
      return this;
    }

    public Layer symlink(String path, String target) throws IOException {
      TarArchiveEntry e = new TarArchiveEntry(name(path), TarConstants.LF_SYMLINK);
      e.setLinkName(target);
      tar.putArchiveEntry(e);
      tar.closeArchiveEntry();
      return this;
    }

    /** The overlay whiteout that deletes {@code path} of a lower layer. */
    public Layer whiteout(String path) throws IOException {
      int slash = path.lastIndexOf('/');
      return file(path.substring(0, slash + 1) + ".wh." + path.substring(slash + 1), new byte[0]);
    }

    /** Hides everything that lower layers put under {@code dir}. */
    public Layer opaque(String dir) throws IOException {
      return file(dir + "/.wh..wh..opq", new byte[0]);
    }

    private static String name(String path) {
      return path.startsWith("/") ? path.substring(1) : path;
    }
  }

  /** Starts a layer made by {@code command} (as the image history records it). */
  public Layer layer(String command) {
    Layer l = new Layer(command);
    layers.add(l);
    return l;
  }

  /** Writes the archive to {@code out}: layers in order, then the config and manifest.json. */
  public Path write(Path out) throws IOException {
    return write(out, false);
  }

  /**
   * Writes the archive as {@code docker save} of Docker 20.10 does: each layer in a folder of its
   * own with {@code VERSION} and {@code json}, the folders in name order (not layer order), a
   * layer that appears again linked to its first copy, the config and {@code manifest.json} last.
   */
  public Path writeAsEngine(Path out) throws IOException {
    return write(out, true);
  }

  private Path write(Path out, boolean engine) throws IOException {
    ArrayNode history = MAPPER.createArrayNode();
    ArrayNode diffIds = MAPPER.createArrayNode();
    List<byte[]> blobs = new ArrayList<>();
    for (Layer l : layers) {
      l.tar.finish();
      byte[] b = l.bytes.toByteArray();
      blobs.add(b);
      diffIds.add("sha256:" + sha256(b));
      history.addObject().put("created_by", l.command);
    }
    ObjectNode config = MAPPER.createObjectNode();
    config.put("architecture", "amd64").put("os", "linux");
    config.putObject("rootfs").put("type", "layers").set("diff_ids", diffIds);
    config.set("history", history);
    byte[] configBytes = MAPPER.writeValueAsBytes(config);
    String configName = sha256(configBytes) + ".json";
    ArrayNode manifest = MAPPER.createArrayNode();
    ObjectNode image = manifest.addObject();
    image.put("Config", configName);
    image.putArray("RepoTags").add("stowage-test:latest");
    ArrayNode layerNames = image.putArray("Layers");
    try (OutputStream os = Files.newOutputStream(out);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(os)) {
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      if (!engine) {
        for (int i = 0; i < blobs.size(); i++) {
          String name = i + "/layer.tar";
          layerNames.add(name);
          put(tar, name, blobs.get(i));
        }
      } else {
        java.util.TreeMap<String, Integer> folders = new java.util.TreeMap<>();
        java.util.Map<String, String> firstCopy = new java.util.HashMap<>();
        for (int i = 0; i < blobs.size(); i++) {
          String folder = sha256((i + ":" + diffIds.get(i).asText()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
          folders.put(folder, i);
          layerNames.add(folder + "/layer.tar");
          firstCopy.putIfAbsent(diffIds.get(i).asText(), folder);
        }
        for (java.util.Map.Entry<String, Integer> f : folders.entrySet()) {
          String folder = f.getKey();
          put(tar, folder + "/VERSION", "1.0".getBytes(java.nio.charset.StandardCharsets.UTF_8));
          put(tar, folder + "/json", ("{\"id\":\"" + folder + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
          String first = firstCopy.get(diffIds.get(f.getValue()).asText());
          if (first.equals(folder)) {
            put(tar, folder + "/layer.tar", blobs.get(f.getValue()));
          } else {
            TarArchiveEntry link = new TarArchiveEntry(folder + "/layer.tar", TarConstants.LF_SYMLINK);
            link.setLinkName("../" + first + "/layer.tar");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
          }
        }
      }
      put(tar, configName, configBytes);
      put(tar, "manifest.json", MAPPER.writeValueAsBytes(manifest));
    }
    return out;
  }

  private static void put(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(bytes.length);
    tar.putArchiveEntry(e);
    tar.write(bytes);
    tar.closeArchiveEntry();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
