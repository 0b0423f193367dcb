package dev.stowage.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The options {@code image} and {@code image diff} share about where an image is read from:
 * {@code --platform} and {@code --insecure-registry}.
 */
final class ImageSourceOptions {
  @Option(
      names = "--platform",
      paramLabel = "OS/ARCH[/VARIANT]",
      description =
          "Image to pick from a multi-platform index (default: the host's, else linux/amd64);"
              + " for image diff, for both A and B.")
  String platform;

  @Option(
      names = "--insecure-registry",
      paramLabel = "HOST[:PORT]",
      description = "Registry that may be reached over plain HTTP (loopback hosts always may).")
  List<String> insecureRegistries = new ArrayList<>();

  /** The image reader these options ask for, with the process's environment (credentials). */
  ImageSources sources() {
    return new ImageSources(
        Optional.ofNullable(platform), Set.copyOf(insecureRegistries), System.getenv());
  }
}
