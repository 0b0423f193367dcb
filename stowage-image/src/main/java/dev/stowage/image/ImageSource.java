package dev.stowage.image;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where an image comes from: {@code docker-archive:PATH}, {@code oci-archive:PATH}, {@code oci:DIR},
 * {@code docker-daemon:REF}, a registry reference ({@code docker://REF}, or {@code HOST/REPO:TAG}
 * when no such file exists) or a bare path whose kind is sniffed when it is read. Immutable.
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
    SNIFF,
    /** A registry reference, read with the distribution API ({@link #reference()}). */
    REGISTRY,
    /** An image of the local engine, exported by it ({@link #reference()}). */
    DOCKER_DAEMON
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
    if (source.startsWith("docker-daemon:")) {
      return reference(Kind.DOCKER_DAEMON, source, "docker-daemon:".length());
    }
    if (source.startsWith("docker://")) {
      return reference(Kind.REGISTRY, source, "docker://".length());
    }
    if (namesRegistry(source) && !Files.exists(Path.of(source))) {
      return new ImageSource(Kind.REGISTRY, Path.of(""), source);
    }
    return new ImageSource(Kind.SNIFF, Path.of(source), source);
  }

  /**
   * The image reference of a {@link Kind#REGISTRY} or {@link Kind#DOCKER_DAEMON} source, as typed
   * after its prefix.
   */
  public String reference() {
    return switch (kind) {
      case DOCKER_DAEMON -> spelling.substring("docker-daemon:".length());
      case REGISTRY -> spelling.startsWith("docker://") ? spelling.substring("docker://".length()) : spelling;
      default -> throw new IllegalStateException(spelling + " is a path, not a reference");
    };
  }

  /**
   * Whether a bare source starts with a registry host ({@code localhost}, or a name with a dot or
   * a port) as Docker tells a registry from a repository; only then is it taken for a reference.
   */
  private static boolean namesRegistry(String source) {
    int slash = source.indexOf('/');
    if (slash <= 0 || source.chars().anyMatch(Character::isWhitespace)) {
      return false;
    }
    String first = source.substring(0, slash);
    return first.equals("localhost") || first.indexOf('.') > 0 || first.indexOf(':') > 0;
  }

  private static ImageSource reference(Kind kind, String source, int prefix) {
    if (source.length() == prefix) {
      throw new IllegalArgumentException(source + ": missing image reference");
    }
    return new ImageSource(kind, Path.of(""), source);
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
