package dev.stowage.cli;

import java.io.InputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The root {@code stowage} command; it only groups the subcommands and the global options. */
@Command(
    name = "stowage",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Makes container builds fast, small and safe, and proves it with numbers.",
    subcommands = {
      CheckCommand.class,
      LintCommand.class,
      ParseCommand.class,
      BuildCommand.class,
      BenchCommand.class,
      TrainCommand.class,
      ImageCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:ok",
      " 1:findings at or above the failure threshold, or a failed budget",
      " 2:usage or input error (bad option, missing file, Dockerfile syntax error)",
      " 3:environment problem (no engine, registry unreachable, I/O error)",
      "70:internal error (a bug in Stowage; --debug shows the stack trace)"
    })
public final class StowageCommand implements Runnable {
  @Spec CommandSpec spec;

  @Mixin DebugOption debugOption;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command");
  }

  /**
   * A command line reading standard input from {@link System#in}, with colours when the process
   * runs on a terminal.
   */
  public static CommandLine newCommandLine() {
    return newCommandLine(System.in, Terminal.detect());
  }

  /**
   * A command line with Stowage's exit-code mapping and error handling installed, whose commands
   * read {@code -} from {@code stdin}; {@code --color=auto} means no colours.
   */
  public static CommandLine newCommandLine(InputStream stdin) {
    return newCommandLine(stdin, Terminal.PLAIN);
  }

  static CommandLine newCommandLine(InputStream stdin, Terminal terminal) {
    FailureHandler failures = new FailureHandler();
    return new CommandLine(new StowageCommand(), new CommandFactory(new Inputs(stdin), terminal))
        .setExecutionStrategy(failures)
        .setParameterExceptionHandler(failures)
        .setExecutionExceptionHandler(failures)
        .setExitCodeExceptionMapper(failure -> ExitCode.of(failure).code());
  }
}
