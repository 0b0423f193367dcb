package dev.stowage.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.image.sbom.Sbom;
import dev.stowage.image.sbom.SbomScanner;
import dev.stowage.image.secrets.SecretScanner;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Archives read once as a stream ({@code docker save}'s output) agree with the same file read locally. */
class ImageStreamTest {
  private static final ImageAnalyzer ANALYZER = ImageAnalyzer.create();

  @TempDir Path dir;

  private static ImageStream stream(Path file) throws Exception {
    return new ImageStream("docker-daemon:test", new ByteArrayInputStream(Files.readAllBytes(file)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "test-docker-image.tar", "test-kaniko-image.tar", "test-oci-gzip-image.tar", "test-oci-zstd-image.tar",
    "test-oci-uncompressed-image.tar", "test-oci-estargz-image.tar"
  })
  void streamedArchivesAnalyseAsTheFile(String name) throws Exception {
    Path file = ImageAnalyzerTest.fixtures().resolve(name);
    ImageReport local = ANALYZER.analyze(ImageSource.parse(file.toString()));
    ImageReport streamed = ANALYZER.analyze(stream(file));

    assertThat(streamed.source()).isEqualTo("docker-daemon:test");
    assertThat(streamed).usingRecursiveComparison().ignoringFields("source").isEqualTo(local);
    assertThat(streamed.layers()).isNotEmpty();
  }

  /** Layers in name order (not layer order), the manifest last, a repeated layer as a link. */
  private DockerArchive engineLike() throws Exception {
    DockerArchive image = new DockerArchive();
    image.layer("ADD rootfs.tar /")
        .directory("/etc")
        .file("/etc/os-release", "ID=debian\nVERSION_ID=12\n".getBytes(StandardCharsets.UTF_8))
        .file("/var/lib/dpkg/status", ("Package: zlib1g\nStatus: install ok installed\nVersion: 1:1.2.13\n"
            + "Architecture: amd64\n\nPackage: bash\nStatus: install ok installed\nVersion: 5.2.15-2\n"
            + "Architecture: amd64\n").getBytes(StandardCharsets.UTF_8));
    image.layer("WORKDIR /app"); // no files: the same bytes as the last layer
    image.layer("COPY .env /app/").file("/app/.env",
        "AWS_ACCESS_KEY_ID=AKIAQ3EGRZ7PLW2XK4TB\n".getBytes(StandardCharsets.UTF_8));
    image.layer("RUN rm /app/.env").whiteout("/app/.env").file("/app/big.bin", new byte[2_000_000]);
    image.layer("RUN true");
    return image;
  }

  @Test
  void engineOrderedArchiveWithALinkedLayerAnalysesAsTheFile() throws Exception {
    Path tar = engineLike().writeAsEngine(dir.resolve("saved.tar"));
    ImageReport local = ANALYZER.analyze(ImageSource.parse("docker-archive:" + tar));
    ImageReport streamed = ANALYZER.analyze(stream(tar));

    assertThat(streamed).usingRecursiveComparison().ignoringFields("source").isEqualTo(local);
    assertThat(streamed.layers()).hasSize(5);
    assertThat(streamed.layers().get(4).digest()).isEqualTo(streamed.layers().get(1).digest());
    assertThat(streamed.layers().get(3).removed()).isEqualTo(1);
    assertThat(streamed.wastes()).isNotEmpty();
  }

  @Test
  void sbomAndSecretsOfAStreamedArchiveAreThoseOfTheFile() throws Exception {
    Path tar = engineLike().writeAsEngine(dir.resolve("saved.tar"));
    ImageSource source = ImageSource.parse("docker-archive:" + tar);

    Sbom localSbom = SbomScanner.create().scan(source, Optional.empty());
    Sbom streamedSbom = SbomScanner.create().scan(stream(tar));
    assertThat(streamedSbom.packages()).isEqualTo(localSbom.packages()).hasSize(2);
    assertThat(streamedSbom.distro()).isEqualTo(localSbom.distro()).isPresent();
    assertThat(streamedSbom.layers()).isEqualTo(localSbom.layers());

    SecretScanner.Report localSecrets = SecretScanner.create().scan(source, Optional.empty());
    SecretScanner.Report streamedSecrets = SecretScanner.create().scan(stream(tar));
    assertThat(streamedSecrets.findings()).isEqualTo(localSecrets.findings()).hasSize(1);
    assertThat(streamedSecrets.findings().get(0).layer()).isEqualTo(2);
    assertThat(streamedSecrets.findings().get(0).removedByLayer()).hasValue(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"test-docker-image.tar", "test-oci-estargz-image.tar"})
  void walkerSeesTheSameLayersStreamed(String name) throws Exception {
    Path file = ImageAnalyzerTest.fixtures().resolve(name);
    SecretScanner.Report local = SecretScanner.create().scan(ImageSource.parse(file.toString()), Optional.empty());
    SecretScanner.Report streamed = SecretScanner.create().scan(stream(file));
    assertThat(streamed.layers()).isEqualTo(local.layers()).isNotEmpty();
  }

  /**
   * Docker 25 and later save an OCI layout with a {@code manifest.json} beside it, naming the
   * blobs by path; the layers arrive before it, as in the older layout.
   */
  @Test
  void ociLayoutWithADockerManifestAsNewerEnginesSaveIt() throws Exception {
    Path oci = ImageAnalyzerTest.fixtures().resolve("test-oci-uncompressed-image.tar");
    java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    try (var in = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(Files.newInputStream(oci))) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.isFile()) {
          files.put(e.getName(), in.readAllBytes());
        }
      }
    }
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    String manifestDigest = mapper.readTree(files.get("index.json")).at("/manifests/0/digest").asText();
    var manifest = mapper.readTree(files.get("blobs/sha256/" + manifestDigest.substring("sha256:".length())));
    var docker = mapper.createArrayNode().addObject();
    docker.put("Config", "blobs/sha256/" + manifest.at("/config/digest").asText().substring(7));
    var layers = docker.putArray("Layers");
    manifest.get("layers").forEach(l -> layers.add("blobs/sha256/" + l.get("digest").asText().substring(7)));
    files.put("manifest.json", mapper.writeValueAsBytes(mapper.createArrayNode().add(docker)));
    Path saved = dir.resolve("docker25.tar");
    try (var out = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(Files.newOutputStream(saved))) {
      for (var f : files.entrySet()) {
        var e = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(f.getKey());
        e.setSize(f.getValue().length);
        out.putArchiveEntry(e);
        out.write(f.getValue());
        out.closeArchiveEntry();
      }
    }

    ImageReport local = ANALYZER.analyze(ImageSource.parse("oci-archive:" + oci));
    ImageReport streamed = ANALYZER.analyze(stream(saved));
    assertThat(streamed).usingRecursiveComparison().ignoringFields("source").isEqualTo(local);
  }

  @Test
  void aStreamCutShortIsATruncatedArchive() throws Exception {
    Path tar = engineLike().writeAsEngine(dir.resolve("saved.tar"));
    byte[] all = Files.readAllBytes(tar);
    for (int cut : new int[] {all.length / 3, all.length / 2, all.length - 2048}) {
      InputStream in = new ByteArrayInputStream(Arrays.copyOf(all, cut));
      assertThatThrownBy(() -> ANALYZER.analyze(new ImageStream("docker-daemon:cut", in)))
          .isInstanceOf(ImageFormatException.class)
          .hasMessageStartingWith("docker-daemon:cut: ");
      InputStream again = new ByteArrayInputStream(Arrays.copyOf(all, cut));
      assertThatThrownBy(() -> SbomScanner.create().scan(new ImageStream("docker-daemon:cut", again)))
          .isInstanceOf(ImageFormatException.class)
          .hasMessageStartingWith("docker-daemon:cut: ");
    }
  }

  @Test
  void aLayerThatDoesNotMatchItsDiffIdIsRefusedWithItsPosition() throws Exception {
    Path tar = engineLike().writeAsEngine(dir.resolve("saved.tar"));
    byte[] all = Files.readAllBytes(tar);
    byte[] needle = "AKIAQ3EGRZ7PLW2XK4TB".getBytes(StandardCharsets.UTF_8);
    int at = indexOf(all, needle);
    all[at + 4] = 'Z'; // same length, different content: the tar headers stay valid
    assertThatThrownBy(() -> ANALYZER.analyze(new ImageStream("docker-daemon:x", new ByteArrayInputStream(all))))
        .isInstanceOf(ImageFormatException.class)
        .hasMessageContaining("layer 2 of docker-daemon:x: content digest")
        .hasMessageContaining("does not match the config's diff_id");
  }

  /** The job of a corrupt layer stops at the bad header; the rest of it is skipped, not handed over. */
  @Test
  void aCorruptLayerIsRefusedWithItsNameAndTheArchiveStillReadToTheEnd() throws Exception {
    Path tar = engineLike().writeAsEngine(dir.resolve("saved.tar"));
    byte[] all = Files.readAllBytes(tar);
    all[indexOf(all, "app/big.bin".getBytes(StandardCharsets.UTF_8))] = 'X'; // the header checksum no longer holds
    ByteArrayInputStream in = new ByteArrayInputStream(all);
    assertThatThrownBy(() -> ANALYZER.analyze(new ImageStream("docker-daemon:x", in)))
        .isInstanceOf(ImageFormatException.class)
        .hasMessageMatching("layer [0-9a-f]{64}/layer\\.tar of docker-daemon:x: corrupt tar stream .*");
    assertThat(in.available()).isZero();
  }

  @Test
  void garbageIsNotAnImageArchive() {
    byte[] junk = "this is not a tar archive at all".repeat(100).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ANALYZER.analyze(new ImageStream("docker-daemon:junk", new ByteArrayInputStream(junk))))
        .isInstanceOf(ImageFormatException.class)
        .hasMessageStartingWith("docker-daemon:junk: ");
  }

  @Test
  void recognisesLayersByTheirFirstBytes() {
    byte[] gzip = {0x1f, (byte) 0x8b, 8, 0};
    byte[] zstd = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};
    byte[] json = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    byte[] zeros = new byte[512];
    byte[] ustar = new byte[512];
    System.arraycopy("ustar".getBytes(StandardCharsets.US_ASCII), 0, ustar, 257, 5);
    assertThat(StreamedArchive.layerLike(gzip, 4)).isTrue();
    assertThat(StreamedArchive.layerLike(zstd, 4)).isTrue();
    assertThat(StreamedArchive.layerLike(zeros, 512)).isTrue();
    assertThat(StreamedArchive.layerLike(ustar, 512)).isTrue();
    assertThat(StreamedArchive.layerLike(json, json.length)).isFalse();
    assertThat(StreamedArchive.layerLike(zeros, 100)).isFalse();
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int k = 0; k < needle.length; k++) {
        if (hay[i + k] != needle[k]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
