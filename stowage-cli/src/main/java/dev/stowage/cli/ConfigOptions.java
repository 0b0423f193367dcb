package dev.stowage.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The shared {@code --config FILE} / {@code --no-config} options: which lint configuration file to
 * read ({@code .hadolint.yaml}, Stowage's own), or none.
 */
final class ConfigOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Read the lint configuration from FILE instead of looking for one beside each"
              + " Dockerfile and in its parent folders.")
  Path file;

  @Option(
      names = "--no-config",
      description = "Read no configuration file (pragmas in the Dockerfile still apply).")
  boolean disabled;

  /** The explicit configuration file as given, checked to exist from {@code run}'s folder. */
  Optional<Path> explicit(RunEnvironment run) throws UserInputException {
    if (file == null) {
      return Optional.empty();
    }
    if (disabled) {
      throw new UserInputException("--config and --no-config exclude each other");
    }
    if (!Files.isRegularFile(run.resolve(file))) {
      throw new UserInputException(file + ": no such configuration file");
    }
    return Optional.of(file);
  }
}
