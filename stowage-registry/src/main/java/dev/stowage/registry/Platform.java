package dev.stowage.registry;

import java.util.Locale;
import java.util.Optional;

/**
 * An image platform {@code os/architecture[/variant]} as OCI indexes name them, normalised as
 * containerd does ({@code x86_64} is {@code amd64}, {@code aarch64} is {@code arm64}, and arm64's
 * default variant {@code v8} is dropped). Immutable.
 */
public record Platform(String os, String architecture, Optional<String> variant) {
  /** linux/amd64: the platform picked when the host's is not in an index. */
  public static final Platform LINUX_AMD64 = new Platform("linux", "amd64", Optional.empty());

  public Platform {
    os = os.toLowerCase(Locale.ROOT);
    architecture = normalArchitecture(architecture.toLowerCase(Locale.ROOT));
    variant = variant.map(v -> v.toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty());
    if (architecture.equals("arm64") && variant.equals(Optional.of("v8"))) {
      variant = Optional.empty();
    }
    if (os.isEmpty() || architecture.isEmpty()) {
      throw new IllegalArgumentException("platform needs an os and an architecture");
    }
  }

  /**
   * Parses {@code os/arch[/variant]}.
   *
   * @throws IllegalArgumentException naming the text when it is not of that form
   */
  public static Platform parse(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new IllegalArgumentException(
          "invalid platform \"" + text + "\" (expected os/arch[/variant], such as linux/arm64)");
    }
    return new Platform(parts[0], parts[1], parts.length == 3 ? Optional.of(parts[2]) : Optional.empty());
  }

  /** The platform of the running JVM's host. */
  public static Platform host() {
    String os = System.getProperty("os.name", "linux").toLowerCase(Locale.ROOT);
    String name = os.startsWith("mac") ? "darwin" : os.startsWith("windows") ? "windows" : os;
    return new Platform(name, System.getProperty("os.arch", "amd64"), Optional.empty());
  }

  /**
   * Whether an index entry's platform fits this one: os and architecture equal, and the variant
   * equal when this platform names one.
   */
  public boolean accepts(Platform offered) {
    return os.equals(offered.os)
        && architecture.equals(offered.architecture)
        && (variant.isEmpty() || variant.equals(offered.variant));
  }

  private static String normalArchitecture(String arch) {
    return switch (arch) {
      case "x86_64", "x86-64" -> "amd64";
      case "aarch64" -> "arm64";
      case "armhf" -> "arm";
      case "i386", "i686", "x86" -> "386";
      default -> arch;
    };
  }

  @Override
  public String toString() {
    return os + "/" + architecture + variant.map(v -> "/" + v).orElse("");
  }
}
