package dev.stowage.cli;

import dev.stowage.build.Engine;
import dev.stowage.build.EngineUnavailableException;
import dev.stowage.dockerfile.ImageReference;
import dev.stowage.lint.ImagePlatforms;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code --resolve-images}: base images' platforms from the local engine's image store (what
 * {@code docker image inspect} says; nothing is pulled), each image looked up once per run.
 */
final class LocalImagePlatforms implements ImagePlatforms {
  private final Engine engine;
  private final Map<String, Optional<List<String>>> seen = new ConcurrentHashMap<>();

  private LocalImagePlatforms(Engine engine) {
    this.engine = engine;
  }

  /**
   * The engine found in {@code env}.
   *
   * @throws EnvironmentException when no engine answers (exit code 3)
   */
  static LocalImagePlatforms discover(Map<String, String> env) throws EnvironmentException {
    try {
      return new LocalImagePlatforms(Engine.discover(env));
    } catch (EngineUnavailableException e) {
      throw new EnvironmentException("--resolve-images: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<List<String>> platforms(ImageReference image) {
    // The engine knows Docker Hub images by their familiar names (debian:12), others in full.
    String name = image.familiarString();
    return seen.computeIfAbsent(name, n -> engine.imagePlatform(n).map(List::of));
  }
}
