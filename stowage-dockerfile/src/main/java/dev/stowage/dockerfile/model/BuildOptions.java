package dev.stowage.dockerfile.model;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a build is asked for: build-arg overrides, the target stage and the platforms. Immutable.
 *
 * @param buildArgs {@code --build-arg NAME=value} overrides
 * @param target {@code --target}, empty for the last stage
 * @param targetPlatform the platform built for, {@code os/arch[/variant]}
 * @param buildPlatform the platform of the builder
 */
public record BuildOptions(
    Map<String, String> buildArgs,
    Optional<String> target,
    String targetPlatform,
    String buildPlatform) {
  public BuildOptions {
    buildArgs = Map.copyOf(buildArgs);
  }

  /** No build args, the last stage, and this machine's platform for both. */
  public static BuildOptions defaults() {
    String p = hostPlatform();
    return new BuildOptions(Map.of(), Optional.empty(), p, p);
  }

  public BuildOptions withBuildArgs(Map<String, String> args) {
    return new BuildOptions(args, target, targetPlatform, buildPlatform);
  }

  public BuildOptions withTarget(String stage) {
    return new BuildOptions(buildArgs, Optional.of(stage), targetPlatform, buildPlatform);
  }

  public BuildOptions withTargetPlatform(String platform) {
    return new BuildOptions(buildArgs, target, platform, buildPlatform);
  }

  /** {@code linux/<arch>} of the running JVM, in Go's architecture names. */
  static String hostPlatform() {
    String arch = System.getProperty("os.arch", "amd64").toLowerCase(Locale.ROOT);
    String goArch =
        switch (arch) {
          case "x86_64", "amd64" -> "amd64";
          case "aarch64", "arm64" -> "arm64";
          case "x86", "i386", "i686" -> "386";
          case "ppc64le" -> "ppc64le";
          case "s390x" -> "s390x";
          case "riscv64" -> "riscv64";
          default -> arch;
        };
    return "linux/" + goArch;
  }
}
