package dev.stowage.image.sbom;

import dev.stowage.image.LayerWalker;
import java.util.List;
import java.util.Optional;

/**
 * The packages of an image's final file system. Immutable.
 *
 * @param source the image source as the user named it
 * @param distro the distribution from {@code /etc/os-release}, when the image has one
 * @param layers every layer of the image, base first
 * @param packages the packages, sorted by ecosystem, name, version and path
 */
public record Sbom(
    String source, Optional<Distro> distro, List<LayerWalker.Layer> layers, List<SbomPackage> packages) {
  public Sbom {
    layers = List.copyOf(layers);
    packages = List.copyOf(packages);
  }

  /**
   * {@code ID}, {@code VERSION_ID} and {@code PRETTY_NAME} of {@code os-release}; {@code versionId}
   * may be empty (Debian testing, Arch).
   */
  public record Distro(String id, String versionId, String prettyName) {
    /** The purl {@code distro} qualifier: {@code debian-12}, or the bare id without a version. */
    public String qualifier() {
      return versionId.isEmpty() ? id : id + "-" + versionId;
    }
  }
}
