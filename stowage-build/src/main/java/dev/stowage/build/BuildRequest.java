package dev.stowage.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One build to run. Immutable.
 *
 * @param context the build context folder
 * @param dockerfile the Dockerfile, when not {@code context/Dockerfile}
 * @param tags names for the image ({@code -t})
 * @param buildArgs {@code --build-arg} values
 * @param target {@code --target}
 * @param noCache build without reusing any cache ({@code --no-cache})
 * @param network {@code --network} for RUN steps ({@code none}, {@code host}, ...)
 * @param extraArgs further {@code docker build} flags, passed as given
 */
public record BuildRequest(
    Path context,
    Optional<Path> dockerfile,
    List<String> tags,
    Map<String, String> buildArgs,
    Optional<String> target,
    boolean noCache,
    Optional<String> network,
    List<String> extraArgs) {
  public BuildRequest {
    tags = List.copyOf(tags);
    buildArgs = Map.copyOf(buildArgs);
    extraArgs = List.copyOf(extraArgs);
  }

  /** A plain build of {@code context} with its own Dockerfile. */
  public static BuildRequest of(Path context) {
    return new BuildRequest(context, Optional.empty(), List.of(), Map.of(), Optional.empty(), false, Optional.empty(), List.of());
  }

  public BuildRequest withTag(String tag) {
    return new BuildRequest(context, dockerfile, List.of(tag), buildArgs, target, noCache, network, extraArgs);
  }

  public BuildRequest withDockerfile(Path file) {
    return new BuildRequest(context, Optional.of(file), tags, buildArgs, target, noCache, network, extraArgs);
  }

  public BuildRequest withNoCache(boolean on) {
    return new BuildRequest(context, dockerfile, tags, buildArgs, target, on, network, extraArgs);
  }

  public BuildRequest withNetwork(String net) {
    return new BuildRequest(context, dockerfile, tags, buildArgs, target, noCache, Optional.of(net), extraArgs);
  }

  public BuildRequest withBuildArgs(Map<String, String> args) {
    return new BuildRequest(context, dockerfile, tags, args, target, noCache, network, extraArgs);
  }

  public BuildRequest withTarget(String stage) {
    return new BuildRequest(context, dockerfile, tags, buildArgs, Optional.of(stage), noCache, network, extraArgs);
  }
}
