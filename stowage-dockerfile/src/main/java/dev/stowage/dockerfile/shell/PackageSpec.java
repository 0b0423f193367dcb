package dev.stowage.dockerfile.shell;

import java.util.Optional;

/**
 * A package argument of an install command, split into name and version: {@code curl=7.*}, {@code
 * left-pad@1.3.0}, {@code requests==2.0}, {@code nginx-1.20.1}; immutable.
 *
 * <p>{@code separator} is how the version was attached ({@code =}, {@code @}, {@code ==}, {@code
 * >=}, {@code -}, {@code :}, ... or a flag such as {@code --version}); empty without a version.
 */
public record PackageSpec(Word word, String name, String separator, Optional<String> version) {

  /** Whether a version (or version range) was given. */
  public boolean hasVersion() {
    return version.isPresent();
  }

  PackageSpec withVersion(String flag, String value) {
    return version.isPresent() ? this : new PackageSpec(word, name, flag, Optional.of(value));
  }
}
