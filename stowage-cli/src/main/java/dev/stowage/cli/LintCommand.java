package dev.stowage.cli;

import dev.stowage.lint.LintOptions;
import dev.stowage.lint.Linter;
import dev.stowage.lint.format.FindingsFormat;
import dev.stowage.lint.format.FindingsFormatter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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

/** {@code stowage lint}: runs the rule catalog over Dockerfiles and prints the findings. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the rule catalog over Dockerfiles and prints the findings.",
      "PATH is a Dockerfile, - for standard input, or a folder searched recursively for"
          + " Dockerfile, Containerfile, Dockerfile.*, *.Dockerfile, *.dockerfile and"
          + " *.containerfile (skipping .git and node_modules).",
      "FORMAT is tty (default; colours on a terminal), json, sarif, checkstyle, junit, gitlab"
          + " or github. A file with a syntax error gets a DL1000 finding and the others are"
          + " still linted.",
      "Exit code 1 when a finding is at or above the failure threshold (default info, as"
          + " hadolint's), 2 when a PATH cannot be read or an option is wrong, else 0."
    })
final class LintCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin FormatOption formatOption;

  @Mixin ConfigOptions configOptions;

  @Mixin ColourOption colourOption;

  @Option(
      names = "--context",
      paramLabel = "DIR",
      description = "The build context of every Dockerfile (default: each Dockerfile's folder).")
  Path context;

  @Option(
      names = "--ignore",
      paramLabel = "ID",
      description = "Do not report rule ID (or an alias such as a hadolint id); repeatable.")
  List<String> ignored = new ArrayList<>();

  @Option(
      names = "--failure-threshold",
      paramLabel = "LEVEL",
      description =
          "Exit with 1 when a finding is at or above LEVEL: error, warning, info, style or none."
              + " Default: info.")
  @Nullable String failureThreshold;

  @Option(
      names = "--trusted-registry",
      paramLabel = "R",
      description = "A registry FROM may pull from (DL3026); repeatable. Default: any.")
  List<String> trustedRegistries = new ArrayList<>();

  @Mixin AnalysisOptions analysisOptions;

  @Option(
      names = "--list-rules",
      description =
          "Print the rule catalog (id, severity, category, fixable, title) instead of linting;"
              + " JSON with --format json.")
  boolean listRules;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "Dockerfiles or folders to lint, - for standard input.")
  List<String> paths = new ArrayList<>();

  private final RunEnvironment run;

  LintCommand(RunEnvironment run) {
    this.run = run;
  }

  @Override
  public Integer call() throws UserInputException, EnvironmentException {
    FindingsFormat format = formatOption.select(FindingsFormat.class, FindingsFormat.TTY);
    boolean colours = colourOption.colours(run.terminal(), spec.commandLine());
    @Nullable FailureThreshold given = FailureThreshold.option(failureThreshold, spec.commandLine());
    Linter linter = LintRun.linter(run);
    PrintWriter out = spec.commandLine().getOut();
    if (listRules) {
      RuleTable.print(linter.rules(), format == FindingsFormat.JSON, out);
      out.flush();
      return ExitCode.OK.code();
    }
    if (paths.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "missing PATH (a Dockerfile, a folder or -)");
    }
    Optional<Path> explicitConfig = configOptions.explicit(run);
    Optional<Path> contextDir = contextDir();
    List<LintRun.Target> targets = targets();
    if (contextDir.isPresent()) {
      targets = targets.stream().map(t -> t.withContext(contextDir.get())).toList();
    }
    LintOptions options =
        LintOptions.defaults()
            .withIgnored(new LinkedHashSet<>(ignored))
            .withTrustedRegistries(trustedRegistries);
    options = analysisOptions.applyTo(options, run);
    FindingsFormat.Colour colour =
        colours ? FindingsFormat.Colour.ANSI : FindingsFormat.Colour.PLAIN;
    FindingsFormatter.Document document = format.formatter(linter.rules(), colour).open(out);
    LintRun.Outcome outcome =
        new LintRun(run, linter, options, explicitConfig, configOptions.disabled)
            .run(targets, r -> write(() -> document.add(r)));
    write(document::end);
    out.flush();
    return outcome.finish(spec.commandLine().getErr(), given, FailureThreshold.INFO);
  }

  private interface Output {
    void write() throws IOException;
  }

  private static void write(Output output) throws EnvironmentException {
    try {
      output.write();
    } catch (IOException e) {
      throw new EnvironmentException("writing the findings: " + e.getMessage(), e);
    }
  }

  private Optional<Path> contextDir() throws UserInputException {
    if (context == null) {
      return Optional.empty();
    }
    Path dir = run.resolve(context);
    if (!Files.isDirectory(dir)) {
      throw new UserInputException(context + ": the --context folder does not exist");
    }
    return Optional.of(dir);
  }

  /** Each PATH as files to lint: a file as given, a folder's Dockerfiles, {@code -}. */
  private List<LintRun.Target> targets() throws UserInputException, EnvironmentException {
    List<LintRun.Target> targets = new ArrayList<>();
    for (String p : paths) {
      if (p.equals(Inputs.STDIN_ARGUMENT)) {
        targets.add(LintRun.Target.stdin());
        continue;
      }
      Path path;
      try {
        path = Path.of(p);
      } catch (InvalidPathException e) {
        throw new UserInputException(p + ": not a valid path: " + e.getReason());
      }
      Path opened = run.resolve(path);
      if (Files.isDirectory(opened)) {
        List<Path> found = ProjectFiles.under(path, run.cwd()).dockerfiles();
        if (found.isEmpty()) {
          throw new UserInputException(p + ": no Dockerfile found in this folder");
        }
        found.forEach(f -> targets.add(LintRun.Target.file(f, run)));
      } else if (Files.exists(opened)) {
        targets.add(LintRun.Target.file(path, run));
      } else {
        throw new UserInputException(p + ": no such file or folder");
      }
    }
    return targets;
  }
}
