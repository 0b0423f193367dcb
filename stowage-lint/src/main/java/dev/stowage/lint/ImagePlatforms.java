package dev.stowage.lint;

import dev.stowage.dockerfile.ImageReference;
import java.util.List;
import java.util.Optional;

/**
 * Where rules learn which platforms a base image exists for (the local engine's image store, a
 * registry). Lint never looks an image up unless asked to ({@code --resolve-images}): by default
 * nothing is known and the rules that need it stay silent. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ImagePlatforms {
  /** Knows nothing: every lookup is empty. */
  ImagePlatforms UNKNOWN = ref -> Optional.empty();

  /**
   * The platforms {@code image} exists for, as {@code os/arch[/variant]}; empty when unknown (not
   * found, not looked up, or the lookup failed).
   */
  Optional<List<String>> platforms(ImageReference image);
}
