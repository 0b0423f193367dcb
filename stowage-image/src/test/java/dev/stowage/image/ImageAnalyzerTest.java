package dev.stowage.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageAnalyzerTest {
  private static final ImageAnalyzer ANALYZER = ImageAnalyzer.create();

  @TempDir Path dir;

  static Path fixtures() {
    String prop = System.getProperty("stowage.shared");
    for (String candidate : new String[] {prop, "../shared", "../../shared"}) {
      if (candidate != null && Files.isDirectory(Path.of(candidate, "fixtures/images/dive"))) {
        return Path.of(candidate, "fixtures/images/dive").toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException("shared fixtures not found (set -Dstowage.shared=DIR)");
  }

  private static ImageReport analyze(String source) throws Exception {
    return ANALYZER.analyze(ImageSource.parse(source));
  }

  /** dive's own expectations for this archive (dive/image/docker/image_archive_analysis_test.go). */
  @Test
  void dockerArchiveMatchesDivesDocumentedNumbers() throws Exception {
    ImageReport r = analyze("docker-archive:" + fixtures().resolve("test-docker-image.tar"));
    assertThat(r.sizeBytes()).isEqualTo(1220598);
    assertThat(r.userSizeBytes()).isEqualTo(66237);
    assertThat(r.wastedBytes()).isEqualTo(32025);
    assertThat(r.wastedUserPercent()).isEqualTo(0.4834911001404049);
    assertThat(r.efficiency()).isEqualTo(0.9844212134184309);
    assertThat(r.layers()).hasSize(14);
    assertThat(r.layers().get(3).command()).isEqualTo("/bin/sh -c cp /somefile.txt /root/example/somefile1.txt");
  }

  /**
   * Each layer against {@code tar -tvf} of its layer.tar (non-directory entries and their sizes;
   * the archive's layers are plain tars, so compressed and uncompressed sizes are the tar's).
   */
  @Test
  void perLayerNumbersMatchTheLayerTars() throws Exception {
    ImageReport r = analyze("docker-archive:" + fixtures().resolve("test-docker-image.tar"));
    List<ImageReport.Layer> l = r.layers();
    // layer 0, busybox: 6 regular files and 392 hard links, 1,154,361 bytes, 1,369,600-byte tar
    assertThat(l.get(0).added()).isEqualTo(398);
    assertThat(l.get(0).addedBytes()).isEqualTo(1154361);
    assertThat(l.get(0).sizeBytes()).isEqualTo(1154361);
    assertThat(l.get(0).compressedBytes()).isEqualTo(1369600);
    assertThat(l.get(0).uncompressedBytes()).isEqualTo(1369600);
    assertThat(l.get(0).digest()).startsWith("sha256:23bc2b70b201");
    assertThat(l.get(0).command()).isEqualTo("ADD file:ce026b62356eec3ad1214f92be2c9dc063fe205bd5e600be3492c4dfb17148bd in /");
    assertThat(l.get(0).historyIndex()).isZero();
    // ADD README.md /somefile.txt: one 6405-byte file in an 8192-byte tar; history entry 1 is CMD (empty)
    assertThat(l.get(1)).extracting(ImageReport.Layer::added, ImageReport.Layer::addedBytes,
        ImageReport.Layer::compressedBytes, ImageReport.Layer::historyIndex).containsExactly(1, 6405L, 8192L, 2);
    assertThat(l.get(1).digest()).startsWith("sha256:a65b7d7ac139");
    // RUN mkdir -p: directories only
    assertThat(counts(l.get(2))).containsExactly(0, 0, 0, 0L, 0L, 0L);
    assertThat(l.get(2).uncompressedBytes()).isEqualTo(3072);
    assertThat(counts(l.get(3))).containsExactly(1, 0, 0, 6405L, 0L, 0L); // cp somefile1
    assertThat(counts(l.get(4))).containsExactly(0, 1, 0, 0L, 6405L, 0L); // chmod 444 somefile1
    assertThat(counts(l.get(5))).containsExactly(1, 0, 0, 6405L, 0L, 0L); // cp somefile2
    assertThat(counts(l.get(6))).containsExactly(1, 0, 0, 6405L, 0L, 0L); // cp somefile3
    assertThat(counts(l.get(7))).containsExactly(1, 0, 1, 6405L, 0L, 6405L); // mv somefile3 saved.txt
    assertThat(counts(l.get(8))).containsExactly(1, 0, 0, 6405L, 0L, 0L); // cp .saved.txt
    assertThat(counts(l.get(9))).containsExactly(0, 0, 2, 0L, 0L, 12810L); // rm -rf /root/example/
    assertThat(counts(l.get(10))).containsExactly(2, 0, 0, 2187L, 0L, 0L); // ADD .scripts/: 917 + 1270
    assertThat(counts(l.get(11))).containsExactly(1, 0, 0, 6405L, 0L, 0L);
    assertThat(counts(l.get(12))).containsExactly(1, 0, 0, 6405L, 0L, 0L);
    assertThat(counts(l.get(13))).containsExactly(0, 1, 0, 0L, 6405L, 0L); // chmod +x saved.txt
    assertThat(l.get(13).command()).isEqualTo("/bin/sh -c chmod +x /root/saved.txt");
    assertThat(l.get(13).historyIndex()).isEqualTo(14);
    assertThat(r.history()).hasSize(15);
    assertThat(r.history().get(1)).isEqualTo(new ImageReport.HistoryEntry("/bin/sh -c #(nop)  CMD [\"sh\"]", true, -1));
    assertThat(l.stream().mapToLong(ImageReport.Layer::uncompressedBytes).sum())
        .isEqualTo(1369600 + 8192 + 3072 + 9216 * 4 + 9728 + 8704 + 2048 + 5632 + 8704 + 9216 + 8704);
  }

  /** The merged tree's largest files and directories, from the layer listings above. */
  @Test
  void largestFilesAndDirectoriesOfTheMergedTree() throws Exception {
    ImageReport r = analyze("docker-archive:" + fixtures().resolve("test-docker-image.tar"));
    assertThat(r.largestFiles()).startsWith(
        new ImageReport.PathSize("/bin/[", 1075464),
        new ImageReport.PathSize("/bin/getconf", 77880),
        new ImageReport.PathSize("/root/.data/saved.again2.txt", 6405),
        new ImageReport.PathSize("/root/.saved.txt", 6405),
        new ImageReport.PathSize("/root/saved.txt", 6405),
        new ImageReport.PathSize("/somefile.txt", 6405),
        new ImageReport.PathSize("/tmp/saved.again1.txt", 6405),
        new ImageReport.PathSize("/root/.data/test.sh", 1270),
        new ImageReport.PathSize("/root/.data/tag.sh", 917),
        new ImageReport.PathSize("/etc/passwd", 340));
    assertThat(r.largestDirectories()).startsWith(
        new ImageReport.PathSize("/bin", 1153344),
        new ImageReport.PathSize("/root", 6405 * 3 + 917 + 1270),
        new ImageReport.PathSize("/root/.data", 6405 + 917 + 1270),
        new ImageReport.PathSize("/tmp", 6405),
        new ImageReport.PathSize("/etc", 1017));
  }

  /** Every byte that a later layer deleted or overwrote, and which layers did it. */
  @Test
  void wasteIsAttributedToTheLayersThatAddedAndRemovedIt() throws Exception {
    ImageReport r = analyze("docker-archive:" + fixtures().resolve("test-docker-image.tar"));
    assertThat(r.wastes()).containsExactly(
        new ImageReport.Waste(3, 4, true, 6405, 1, "/root/example/somefile1.txt", "/root/example/somefile1.txt"),
        new ImageReport.Waste(4, 9, false, 6405, 1, "/root/example/somefile1.txt", "/root/example/somefile1.txt"),
        new ImageReport.Waste(5, 9, false, 6405, 1, "/root/example/somefile2.txt", "/root/example/somefile2.txt"),
        new ImageReport.Waste(6, 7, false, 6405, 1, "/root/example/somefile3.txt", "/root/example/somefile3.txt"),
        new ImageReport.Waste(7, 13, true, 6405, 1, "/root/saved.txt", "/root/saved.txt"));
  }

  @Test
  void commonDirectoryOfWastedPaths() {
    assertThat(ImageAnalyzer.commonDirectory("/a/b/c", "/a/b/d")).isEqualTo("/a/b/");
    assertThat(ImageAnalyzer.commonDirectory("/a/bc", "/a/bd")).isEqualTo("/a/");
    assertThat(ImageAnalyzer.commonDirectory("/a/b/", "/a/b/c/d")).isEqualTo("/a/b/");
    assertThat(ImageAnalyzer.commonDirectory("/x", "/y")).isEqualTo("/");
    assertThat(ImageAnalyzer.commonDirectory("/a/b", "/a/b")).isEqualTo("/a/b");
  }

  private static List<Object> counts(ImageReport.Layer l) {
    return List.of(l.added(), l.changed(), l.removed(), l.addedBytes(), l.changedBytes(), l.removedBytes());
  }

  @Test
  void wasteFollowsFromTheDockerfile() throws Exception {
    ImageReport r = analyze(fixtures().resolve("test-docker-image.tar").toString());
    // README.md was 6405 bytes in 2018; copies of it land on these paths more than once.
    assertThat(r.inefficiencies()).extracting(ImageReport.Inefficiency::path)
        .contains("/root/saved.txt", "/root/example/somefile1.txt");
    ImageReport.Inefficiency saved = find(r, "/root/saved.txt");
    assertThat(saved.count()).isEqualTo(2); // mv, then chmod +x copies it again
    ImageReport.Inefficiency s1 = find(r, "/root/example/somefile1.txt");
    // cp, then chmod 444; rm -rf whites out /root/example itself, a path of its own.
    assertThat(s1.count()).isEqualTo(2);
  }

  private static ImageReport.Inefficiency find(ImageReport r, String path) {
    return r.inefficiencies().stream().filter(i -> i.path().equals(path)).findFirst().orElseThrow();
  }

  @Test
  void kanikoArchiveOfTheSameDockerfileHasTheSameShape() throws Exception {
    ImageReport docker = analyze(fixtures().resolve("test-docker-image.tar").toString());
    ImageReport kaniko = analyze("docker-archive:" + fixtures().resolve("test-kaniko-image.tar"));
    assertThat(kaniko.layers()).hasSize(14);
    assertThat(kaniko.inefficiencies()).extracting(ImageReport.Inefficiency::path)
        .containsExactlyInAnyOrderElementsOf(
            docker.inefficiencies().stream().map(ImageReport.Inefficiency::path).toList());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "test-oci-uncompressed-image.tar",
        "test-oci-gzip-image.tar",
        "test-oci-zstd-image.tar",
        "test-oci-estargz-image.tar"
      })
  void ociArchivesOfOneReadmeLayerAgree(String name) throws Exception {
    ImageReport r = analyze("oci-archive:" + fixtures().resolve(name));
    ImageReport bare = analyze(fixtures().resolve(name).toString());
    assertThat(bare).isEqualTo(new ImageReport(bare.source(), r.layers(), r.sizeBytes(), r.userSizeBytes(),
        r.efficiency(), r.wastedBytes(), r.wastedUserPercent(), r.inefficiencies(), r.largestFiles(), r.largestDirectories(),
        r.history(), r.wastes()));
    assertThat(r.layers()).hasSize(1);
    ImageReport.Layer l = r.layers().get(0);
    assertThat(l.command()).isEqualTo("COPY README.md /README.md");
    assertThat(l.sizeBytes()).isEqualTo(11189);
    assertThat(l.added()).isEqualTo(1);
    assertThat(r.efficiency()).isEqualTo(1.0);
    assertThat(r.wastedBytes()).isZero();
    assertThat(r.largestFiles()).containsExactly(new ImageReport.PathSize("/README.md", 11189));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "test-uncompressed-image.tar",
        "test-gzip-image.tar",
        "test-zstd-image.tar",
        "test-estargz-image.tar"
      })
  void bareLayerTarsLoadAsOneLayer(String name) throws Exception {
    ImageReport r = analyze(fixtures().resolve(name).toString());
    assertThat(r.layers()).singleElement().satisfies(l -> {
      assertThat(l.sizeBytes()).isEqualTo(11189);
      assertThat(l.command()).isEqualTo("(missing)");
    });
    // The same file as the OCI images' only layer (the tar headers differ, so the digest does too).
    ImageReport oci = analyze(fixtures().resolve("test-oci-uncompressed-image.tar").toString());
    assertThat(r.largestFiles()).isEqualTo(oci.largestFiles());
  }

  @Test
  void ociDirectoryReadsLikeTheArchive() throws Exception {
    Path layout = dir.resolve("layout");
    untar(fixtures().resolve("test-oci-zstd-image.tar"), layout);
    ImageReport fromDir = analyze("oci:" + layout);
    ImageReport fromTar = analyze("oci-archive:" + fixtures().resolve("test-oci-zstd-image.tar"));
    assertThat(fromDir.layers()).isEqualTo(fromTar.layers());
  }

  @Test
  void refusesPathTraversal() throws Exception {
    Path layer = dir.resolve("evil.tar");
    Files.write(layer, tar("../../etc/passwd", "x"));
    assertThatThrownBy(() -> analyze(layer.toString()))
        .isInstanceOf(ImageFormatException.class)
        .hasMessageContaining("layer 0 of " + layer)
        .hasMessageContaining("escapes the root");
  }

  @Test
  void refusesAbsolutePaths() throws Exception {
    Path layer = dir.resolve("abs.tar");
    Files.write(layer, tar("/etc/passwd", "x"));
    assertThatThrownBy(() -> analyze(layer.toString()))
        .isInstanceOf(ImageFormatException.class)
        .hasMessageContaining("absolute entry path /etc/passwd");
  }

  @Test
  void refusesTruncatedGzip() throws Exception {
    byte[] gz = gzip(tar("a.txt", "hello ".repeat(5000)));
    Path layer = dir.resolve("cut.tar.gz");
    Files.write(layer, Arrays.copyOf(gz, gz.length / 2));
    assertThatThrownBy(() -> analyze(layer.toString()))
        .isInstanceOf(ImageFormatException.class)
        .hasMessageStartingWith("layer 0 of " + layer + ": ");
  }

  @Test
  void refusesGarbageAsNotATarStream() throws Exception {
    Path layer = dir.resolve("junk.bin");
    Files.write(layer, "this is not a tar stream at all, just some text\n".repeat(40).getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> analyze(layer.toString()))
        .isInstanceOf(ImageFormatException.class)
        .hasMessageContaining("not a tar stream");
  }

  @Test
  void refusesAGzipBomb() throws Exception {
    // 256 MiB of zeros in one tar entry, about 250 KiB compressed: ratio ~1000.
    Path layer = dir.resolve("bomb.tar.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(layer));
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      TarArchiveEntry e = new TarArchiveEntry("zeros");
      long size = 256L << 20;
      e.setSize(size);
      tar.putArchiveEntry(e);
      byte[] buf = new byte[1 << 20];
      for (long w = 0; w < size; w += buf.length) {
        tar.write(buf);
      }
      tar.closeArchiveEntry();
    }
    assertThatThrownBy(() -> analyze(layer.toString()))
        .isInstanceOf(ImageFormatException.class)
        .hasMessageContaining("decompression bomb");
  }

  @Test
  void refusesTruncatedHugeEntry() throws Exception {
    byte[] t = tar("big", "abc");
    // Claim 8 GiB in the header (octal field at offset 124), then end the stream.
    byte[] header = Arrays.copyOf(t, 512);
    byte[] size = String.format("%011o", 8L << 30).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(size, 0, header, 124, 11);
    Arrays.fill(header, 148, 156, (byte) ' ');
    long sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    byte[] ck = String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(ck, 0, header, 148, 8);
    Path layer = dir.resolve("huge.tar");
    Files.write(layer, Arrays.copyOf(header, 4096));
    assertThatThrownBy(() -> analyze(layer.toString()))
        .isInstanceOf(ImageFormatException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void refusesAMissingFileAndAnArchiveWithoutManifest() throws Exception {
    assertThatThrownBy(() -> analyze("docker-archive:" + dir.resolve("nope.tar")))
        .isInstanceOf(ImageFormatException.class)
        .hasMessageContaining("no such file");
    Path layer = dir.resolve("plain.tar");
    Files.write(layer, tar("a", "b"));
    assertThatThrownBy(() -> analyze("docker-archive:" + layer))
        .isInstanceOf(ImageFormatException.class)
        .hasMessage("docker-archive:" + layer + ": missing manifest.json");
  }

  @Test
  void appliesWhiteoutsAndOpaqueDirectories() throws Exception {
    Path layout = dir.resolve("oci");
    Files.createDirectories(layout.resolve("blobs/sha256"));
    Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    String l0 = blob(layout, tarOf("a/one", "1111", "a/two", "22", "b/three", "333"));
    String l1 = blob(layout, tarOf("a/.wh..wh..opq", "", "a/four", "4", "b/.wh.three", ""));
    String config = blob(layout, ("{\"history\":[{\"created_by\":\"base\"},{\"created_by\":\"x\",\"empty_layer\":true},{\"created_by\":\"second\"}]}")
        .getBytes(StandardCharsets.UTF_8));
    String manifest = blob(layout, ("{\"schemaVersion\":2,\"config\":{\"digest\":\"" + config + "\"},\"layers\":["
        + "{\"digest\":\"" + l0 + "\"},{\"digest\":\"" + l1 + "\"}]}").getBytes(StandardCharsets.UTF_8));
    Files.writeString(layout.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"digest\":\"" + manifest + "\"}]}");
    ImageReport r = analyze("oci:" + layout);
    assertThat(r.layers()).extracting(ImageReport.Layer::command).containsExactly("base", "second");
    ImageReport.Layer top = r.layers().get(1);
    assertThat(List.of(top.added(), top.changed(), top.removed())).containsExactly(1, 0, 3);
    assertThat(r.largestFiles()).containsExactly(new ImageReport.PathSize("/a/four", 1));
    // b/three is a file removed by a whiteout: dive counts the original 3 bytes plus 0.
    assertThat(r.inefficiencies()).containsExactly(new ImageReport.Inefficiency("/b/three", 2, 3));
    assertThat(r.sizeBytes()).isEqualTo(10);
    assertThat(r.userSizeBytes()).isEqualTo(1);
    // The opaque a/ and the whiteout of b/three delete all three base files: 4 + 2 + 3 bytes.
    assertThat(List.of(top.addedBytes(), top.changedBytes(), top.removedBytes())).containsExactly(1L, 0L, 9L);
    assertThat(r.wastes()).containsExactly(new ImageReport.Waste(0, 1, false, 9, 3, "/", "/a/one"));
  }

  /** Layers are read in parallel; the error reported is the first broken layer's, in order. */
  @Test
  void reportsTheFirstBrokenLayerInOrder() throws Exception {
    Path layout = dir.resolve("broken");
    Files.createDirectories(layout.resolve("blobs/sha256"));
    Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    String good = blob(layout, tarOf("a", "1"));
    String junk1 = blob(layout, "first junk layer, not a tar\n".repeat(40).getBytes(StandardCharsets.UTF_8));
    String junk2 = blob(layout, "second junk layer, not a tar either\n".repeat(400).getBytes(StandardCharsets.UTF_8));
    String config = blob(layout, "{}".getBytes(StandardCharsets.UTF_8));
    String manifest = blob(layout, ("{\"schemaVersion\":2,\"config\":{\"digest\":\"" + config + "\"},\"layers\":["
        + "{\"digest\":\"" + good + "\"},{\"digest\":\"" + junk1 + "\"},{\"digest\":\"" + junk2 + "\"}]}")
        .getBytes(StandardCharsets.UTF_8));
    Files.writeString(layout.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"digest\":\"" + manifest + "\"}]}");
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> analyze("oci:" + layout))
          .isInstanceOf(ImageFormatException.class)
          .hasMessageStartingWith("layer 1 of oci:" + layout + ": not a tar stream");
    }
  }

  private static String blob(Path layout, byte[] bytes) throws Exception {
    String hex = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    Files.write(layout.resolve("blobs/sha256/" + hex), bytes);
    return "sha256:" + hex;
  }

  private static byte[] tar(String name, String content) throws IOException {
    return tarOf(name, content);
  }

  private static byte[] tarOf(String... nameContent) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      for (int i = 0; i < nameContent.length; i += 2) {
        byte[] data = nameContent[i + 1].getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(nameContent[i], /* preserveAbsolutePath= */ true);
        e.setSize(data.length);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  private static void untar(Path archive, Path target) throws IOException {
    try (var in = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(Files.newInputStream(archive))) {
      TarArchiveEntry e;
      while ((e = in.getNextEntry()) != null) {
        Path p = target.resolve(e.getName()).normalize();
        if (!p.startsWith(target)) {
          throw new IOException("unsafe fixture entry " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(p);
        } else {
          Files.createDirectories(p.getParent());
          Files.copy(in, p);
        }
      }
    }
  }
}
