package dev.stowage.cli;

import dev.stowage.lint.LintOptions;
import picocli.CommandLine.Option;

/**
 * The options {@code lint} and {@code check} share about what the analysis may call out to:
 * {@code --no-shellcheck} and {@code --resolve-images}.
 */
final class AnalysisOptions {
  @Option(
      names = "--no-shellcheck",
      description = "Do not run shellcheck on RUN commands (it runs when on PATH).")
  boolean noShellcheck;

  @Option(
      names = "--resolve-images",
      description =
          "Look base images up in the local engine's image store (nothing is pulled) for the"
              + " rules that need their platforms (InvalidBaseImagePlatform); exit 3 when no"
              + " engine answers.")
  boolean resolveImages;

  /**
   * {@code options} with ShellCheck and the image lookup (through the engine the run's
   * environment names) as asked.
   *
   * @throws EnvironmentException when --resolve-images finds no engine
   */
  LintOptions applyTo(LintOptions options, RunEnvironment run) throws EnvironmentException {
    LintOptions out = options.withShellcheck(!noShellcheck);
    return resolveImages ? out.withImages(LocalImagePlatforms.discover(run.env())) : out;
  }
}
