package dev.stowage.registry;

import static dev.stowage.registry.Analyses.assertSameAnalysis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.dockerfile.ImageReference;
import dev.stowage.image.ImageAnalyzer;
import dev.stowage.image.ImageFormatException;
import dev.stowage.image.ImageReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Images pushed with skopeo to a real anonymous registry analyse as their archives do. */
class RegistryImageIT {
  @RegisterExtension static final RealRegistry REGISTRY = RealRegistry.anonymous();

  private final RegistryClient client = RegistryClient.create(REGISTRY.credentials(), Set.of());

  @TempDir Path tmp;

  /** The archives in the dive fixtures that hold whole images; the OCI ones hold a one-image index. */
  @ParameterizedTest
  @CsvSource({
    "docker-archive, test-docker-image.tar",
    "docker-archive, test-kaniko-image.tar",
    "oci-archive, test-oci-gzip-image.tar",
    "oci-archive, test-oci-zstd-image.tar",
    "oci-archive, test-oci-uncompressed-image.tar",
    "oci-archive, test-oci-estargz-image.tar"
  })
  void imagePulledFromTheRegistryAnalysesAsTheArchive(String transport, String archive) throws Exception {
    String source = transport + ":" + RealRegistry.diveFixtures().resolve(archive);
    String repo = transport + "/" + archive.replace(".tar", "");
    // --all pushes an OCI index as it is (its one image is linux/arm64, not the host's).
    REGISTRY.push(source, repo + ":1", transport.equals("oci-archive"));

    ImageReport pulled = Analyses.pulled(client, REGISTRY.host() + "/" + repo + ":1", Optional.empty());

    assertSameAnalysis(pulled, Analyses.local(source));
    assertThat(pulled.source()).isEqualTo(REGISTRY.host() + "/" + repo + ":1");
  }

  @Test
  void digestReferenceNamesTheSameImage() throws Exception {
    Path file = RealRegistry.diveFixtures().resolve("test-docker-image.tar");
    REGISTRY.push("docker-archive:" + file, "bydigest:1", false);
    RegistryImage byTag = RegistryImage.open(client, ImageReference.parse(REGISTRY.host() + "/bydigest:1"), Optional.empty());
    String reference = REGISTRY.host() + "/bydigest@" + byTag.digest();

    ImageReport pulled = Analyses.pulled(client, reference, Optional.empty());

    assertSameAnalysis(pulled, Analyses.local("docker-archive:" + file));
    assertThat(client.manifest(ImageReference.parse(reference)).digest()).isEqualTo(byTag.digest());
  }

  @Test
  void platformPicksTheImageOfAMultiPlatformIndex() throws Exception {
    Path layout = multiPlatformLayout();
    REGISTRY.push("oci:" + layout + ":multi", "multi:1", true);
    String ref = REGISTRY.host() + "/multi:1";
    Path dive = RealRegistry.diveFixtures();

    ImageReport arm = Analyses.pulled(client, ref, Optional.of(Platform.parse("linux/arm64")));
    ImageReport amd = Analyses.pulled(client, ref, Optional.of(Platform.parse("linux/amd64")));

    assertSameAnalysis(arm, Analyses.local("oci-archive:" + dive.resolve("test-oci-zstd-image.tar")));
    assertSameAnalysis(amd, Analyses.local("oci-archive:" + dive.resolve("test-oci-gzip-image.tar")));
    assertThat(RegistryImage.open(client, ImageReference.parse(ref), Optional.of(Platform.parse("linux/arm64/v8")))
            .platform())
        .contains(Platform.parse("linux/arm64"));
    assertThatThrownBy(() -> RegistryImage.open(client, ImageReference.parse(ref), Optional.of(Platform.parse("linux/s390x"))))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.NOT_FOUND))
        .hasMessageContaining("linux/s390x")
        .hasMessageContaining("linux/amd64, linux/arm64");
  }

  /** An OCI layout whose index lists the gzip fixture as linux/amd64 and the zstd one as linux/arm64. */
  private Path multiPlatformLayout() throws Exception {
    Path layout = tmp.resolve("multi");
    ObjectMapper json = new ObjectMapper();
    ObjectNode index = json.createObjectNode().put("schemaVersion", 2)
        .put("mediaType", "application/vnd.oci.image.index.v1+json");
    var manifests = index.putArray("manifests");
    for (String[] image : new String[][] {{"test-oci-gzip-image.tar", "amd64"}, {"test-oci-zstd-image.tar", "arm64"}}) {
      try (TarFile tar = new TarFile(RealRegistry.diveFixtures().resolve(image[0]))) {
        for (TarArchiveEntry e : tar.getEntries()) {
          if (!e.isFile()) {
            continue;
          }
          Path out = layout.resolve(e.getName()).normalize();
          assertThat(out.startsWith(layout)).isTrue();
          Files.createDirectories(out.getParent());
          try (var in = tar.getInputStream(e)) {
            if (e.getName().endsWith("index.json")) {
              ObjectNode entry = (ObjectNode) json.readTree(in).path("manifests").get(0);
              entry.putObject("platform").put("os", "linux").put("architecture", image[1]);
              manifests.add(entry);
            } else {
              Files.write(out, in.readAllBytes());
            }
          }
        }
      }
    }
    // skopeo copies one image of a layout: the top index names the two-platform index by tag.
    byte[] nested = json.writeValueAsBytes(index);
    String digest = Digests.sha256(nested);
    Files.write(layout.resolve("blobs/sha256").resolve(digest.substring("sha256:".length())), nested);
    ObjectNode top = json.createObjectNode().put("schemaVersion", 2)
        .put("mediaType", "application/vnd.oci.image.index.v1+json");
    top.putArray("manifests").addObject()
        .put("mediaType", "application/vnd.oci.image.index.v1+json")
        .put("digest", digest)
        .put("size", nested.length)
        .putObject("annotations").put("org.opencontainers.image.ref.name", "multi");
    json.writeValue(layout.resolve("index.json").toFile(), top);
    return layout;
  }

  @Test
  void missingRepositoryIsNotFoundNamingTheReference() {
    String ref = REGISTRY.host() + "/nothing/here:1";
    assertThatThrownBy(() -> RegistryImage.open(client, ImageReference.parse(ref), Optional.empty()))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.NOT_FOUND))
        .hasMessageStartingWith("pulling " + ref)
        .hasMessageContaining("404");
  }

  @Test
  void closedPortIsUnreachable() throws Exception {
    String ref = "127.0.0.1:" + RealRegistry.freePort() + "/app:1";
    assertThatThrownBy(() -> RegistryImage.open(client, ImageReference.parse(ref), Optional.empty()))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.isEnvironment()).isTrue())
        .hasMessageStartingWith("pulling " + ref)
        .hasMessageContaining("unreachable");
  }

  @Test
  void corruptBlobInTheRegistryFailsItsDigest() throws Exception {
    Path file = RealRegistry.diveFixtures().resolve("test-docker-image.tar");
    REGISTRY.push("docker-archive:" + file, "corrupt:1", false);
    RegistryImage image = RegistryImage.open(client, ImageReference.parse(REGISTRY.host() + "/corrupt:1"), Optional.empty());
    String layer = new ObjectMapper().readTree(image.root()).path("layers").get(2).path("digest").asText();
    byte[] original = REGISTRY.corruptBlob(layer);
    try {
      assertThatThrownBy(() -> ImageAnalyzer.create().analyze(image, Optional.empty()))
          .isInstanceOf(ImageFormatException.class)
          .hasMessageContaining("layer 2 of " + REGISTRY.host() + "/corrupt:1")
          .hasMessageContaining("not " + layer);
    } finally {
      REGISTRY.restoreBlob(layer, original); // the other tests push the same layers
    }
  }
}
