package dev.stowage.cli;

import dev.stowage.lint.LintOptions;
import dev.stowage.lint.Linter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stowage check}: finds a project's build files, lints each Dockerfile against its own
 * folder as build context, and prints one report ranked by estimated impact.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Finds the Dockerfiles under PATH (and lists .dockerignore, compose.y*ml,"
          + " docker-compose.y*ml and docker-bake.hcl/json files), lints each with its folder as"
          + " the build context, and prints one report: per Dockerfile, findings ranked by"
          + " estimated impact, then a summary by category and severity with the number of"
          + " findings stowage fix can repair. ShellCheck checks RUN commands when the"
          + " shellcheck binary is on PATH, as in lint.",
      "Impact = category weight (performance 5, size 4, security 4, context 3, correctness 2,"
          + " maintainability 1) x severity weight (error 8, warning 4, info 2, style 1).",
      "FORMAT is tty (default) or json. Exit code 1 when a finding is at or above the failure"
          + " threshold (default warning: check is the gate a project keeps at zero warnings;"
          + " info and style findings are advice), 2 for usage or input errors, else 0."
    })
final class CheckCommand implements Callable<Integer> {
  /** The output formats of {@code check}. */
  enum Format {
    TTY,
    JSON
  }

  @Spec CommandSpec spec;

  @Mixin FormatOption formatOption;

  @Mixin ConfigOptions configOptions;

  @Mixin ColourOption colourOption;

  @Option(
      names = "--failure-threshold",
      paramLabel = "LEVEL",
      description =
          "Exit with 1 when a finding is at or above LEVEL: error, warning, info, style or none."
              + " Default: warning.")
  @Nullable String failureThreshold;

  @Mixin AnalysisOptions analysisOptions;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..1",
      description = "The project folder (default: the current folder), or one Dockerfile.")
  String path = ".";

  private final RunEnvironment run;

  CheckCommand(RunEnvironment run) {
    this.run = run;
  }

  @Override
  public Integer call() throws UserInputException, EnvironmentException {
    Format format = formatOption.select(Format.class, Format.TTY);
    boolean colours = colourOption.colours(run.terminal(), spec.commandLine());
    @Nullable FailureThreshold given = FailureThreshold.option(failureThreshold, spec.commandLine());
    Optional<Path> explicitConfig = configOptions.explicit(run);
    Path root;
    try {
      root = Path.of(path);
    } catch (InvalidPathException e) {
      throw new UserInputException(path + ": not a valid path: " + e.getReason());
    }
    ProjectFiles found;
    if (Files.isDirectory(run.resolve(root))) {
      found = ProjectFiles.under(root, run.cwd());
    } else if (Files.isRegularFile(run.resolve(root))) {
      found = new ProjectFiles(List.of(root), List.of(), List.of(), List.of());
    } else {
      throw new UserInputException(path + ": no such file or folder");
    }
    if (found.dockerfiles().isEmpty()) {
      throw new UserInputException(path + ": no Dockerfile found");
    }
    Linter linter = LintRun.linter(run);
    LintOptions options = analysisOptions.applyTo(LintOptions.defaults(), run);
    LintRun.Outcome outcome =
        new LintRun(
                run,
                linter,
                options,
                explicitConfig,
                configOptions.disabled)
            .run(found.dockerfiles().stream().map(f -> LintRun.Target.file(f, run)).toList());
    CheckReport report = CheckReport.of(root, found, outcome.results());
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case JSON -> Json.print(report.toJson(), out);
      case TTY -> report.print(out, colours);
    }
    out.flush();
    return outcome.finish(spec.commandLine().getErr(), given, FailureThreshold.WARNING);
  }
}
