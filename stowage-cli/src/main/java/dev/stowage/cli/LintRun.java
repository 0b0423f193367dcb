package dev.stowage.cli;

import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.lint.Finding;
import dev.stowage.lint.LintOptions;
import dev.stowage.lint.Linter;
import dev.stowage.lint.format.FileResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lints Dockerfiles one after the other for {@code lint} and {@code check}: a file that cannot be
 * read becomes a message and the others go on; a syntax error is a DL1000 finding of its file. Not
 * thread-safe (reads standard input at most once).
 */
final class LintRun {
  /**
   * One Dockerfile to lint.
   *
   * @param argument a path, or {@code -} for standard input
   * @param file the Dockerfile's path, empty for standard input
   * @param contextDir the build context to lint against, when known
   */
  record Target(String argument, Optional<Path> file, Optional<Path> contextDir) {
    /** A file linted with its own folder as the build context. */
    static Target file(Path path) {
      Path parent = path.toAbsolutePath().normalize().getParent();
      return new Target(path.toString(), Optional.of(path), Optional.ofNullable(parent));
    }

    static Target stdin() {
      return new Target(Inputs.STDIN_ARGUMENT, Optional.empty(), Optional.empty());
    }

    Target withContext(Path dir) {
      return new Target(argument, file, Optional.of(dir));
    }
  }

  /**
   * What a run produced.
   *
   * @param results one per Dockerfile read, in target order
   * @param inputErrors one line per target that could not be read ({@code file: problem})
   */
  record Outcome(List<FileResult> results, List<String> inputErrors) {
    Outcome {
      results = List.copyOf(results);
      inputErrors = List.copyOf(inputErrors);
    }

    List<Finding> findings() {
      return results.stream().flatMap(r -> r.findings().stream()).toList();
    }
  }

  private final Inputs inputs;
  private final Linter linter;
  private final LintOptions base;
  private final Optional<Path> explicitConfig;
  private final boolean noConfig;

  /**
   * @param base the options from the command line
   * @param explicitConfig {@code --config FILE}
   * @param noConfig {@code --no-config}
   */
  LintRun(
      Inputs inputs,
      Linter linter,
      LintOptions base,
      Optional<Path> explicitConfig,
      boolean noConfig) {
    this.inputs = inputs;
    this.linter = linter;
    this.base = base;
    this.explicitConfig = explicitConfig;
    this.noConfig = noConfig;
  }

  Outcome run(List<Target> targets) throws EnvironmentException {
    List<FileResult> results = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (Target t : targets) {
      Inputs.Input input;
      try {
        input = inputs.read(t.argument());
      } catch (UserInputException e) {
        errors.addAll(e.messages());
        continue;
      }
      Dockerfile dockerfile = Dockerfile.parse(input.name(), input.text());
      results.add(FileResult.of(dockerfile, linter.lint(dockerfile, optionsFor(t))));
    }
    return new Outcome(results, errors);
  }

  /**
   * The options for one Dockerfile: the command line's, with its build context.
   *
   * <p>LINT-CONFIG HOOK, the one place where configuration files come in. When {@code
   * dev.stowage.lint.config} lands, this calls {@code LintConfig.load(t.file(), explicitConfig,
   * noConfig)} (the Dockerfile's path, {@code --config FILE}, {@code --no-config}) and merges the
   * result under the command line's options: ignored ids add up; trusted registries, severity
   * overrides and required labels from the command line win.
   */
  private LintOptions optionsFor(Target t) {
    LintOptions options = base;
    // LINT-CONFIG HOOK: options = LintConfig.load(t.file(), explicitConfig, noConfig) merged here.
    if (t.contextDir().isPresent()) {
      options = options.withContextDir(t.contextDir().get());
    }
    return options;
  }
}
