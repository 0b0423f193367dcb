package dev.stowage.image;

import java.nio.file.Path;

/**
 * Where an image comes from: {@code docker-archive:PATH}, {@code oci-archive:PATH}, {@code oci:DIR}
 * or a bare path whose kind is sniffed when it is read. Immutable.
 */
public record ImageSource(Kind kind, Path path, String spelling) {
  /** The transports Stowage reads. */
  public enum Kind {
    /** A {@code docker save} tar: {@code manifest.json}, a config and layer tars. */
    DOCKER_ARCHIVE,
    /** An OCI image layout packed in a tar. */
    OCI_ARCHIVE,
    /** An OCI image layout directory. */
    OCI_DIR,
    /** A bare path: an OCI layout directory, either archive, or a single layer tar. */
    SNIFF
  }

  /** Parses a SOURCE argument as the user typed it. */
  public static ImageSource parse(String source) {
    if (source.isEmpty()) {
      throw new IllegalArgumentException("empty image source");
    }
    if (source.startsWith("docker-archive:")) {
      return of(Kind.DOCKER_ARCHIVE, source, "docker-archive:".length());
    }
    if (source.startsWith("oci-archive:")) {
      return of(Kind.OCI_ARCHIVE, source, "oci-archive:".length());
    }
    if (source.startsWith("oci:")) {
      return of(Kind.OCI_DIR, source, "oci:".length());
    }
    return new ImageSource(Kind.SNIFF, Path.of(source), source);
  }

  private static ImageSource of(Kind kind, String source, int prefix) {
    String path = source.substring(prefix);
    // skopeo allows a ":reference" suffix; a Windows drive letter aside, Stowage reads the path only.
    if (path.isEmpty()) {
      throw new IllegalArgumentException(source + ": missing path");
    }
    return new ImageSource(kind, Path.of(path), source);
  }

  @Override
  public String toString() {
    return spelling;
  }
}
