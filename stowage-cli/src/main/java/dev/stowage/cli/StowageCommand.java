package dev.stowage.cli;

import java.io.InputStream;
import java.util.List;
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
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:ok",
      " 1:findings at or above the failure threshold, or a failed budget",
      " 2:usage or input error (bad option, missing file, Dockerfile syntax error)",
      " 3:environment problem (no engine, registry unreachable, I/O error)",
      "70:internal error (a bug in Stowage; --debug shows the stack trace)",
      "130:interrupted (Ctrl-C); running builds are stopped first"
    })
public final class StowageCommand implements Runnable {
  /** The subcommands, in the order {@code --help} lists them. */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
          CheckCommand.class,
          LintCommand.class,
          FixCommand.class,
          ParseCommand.class,
          BuildCommand.class,
          BenchCommand.class,
          ReportCommand.class,
          ImageCommand.class,
          SbomCommand.class,
          SecretsCommand.class,
          TrainCommand.class,
          ServeCommand.class,
          CommandLine.HelpCommand.class);

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
    return build(RunEnvironment.process(), SUBCOMMANDS);
  }

  /**
   * The command line for one process run: only the subcommand that {@code args} names is built
   * (picocli reflects over every option of every registered command, about 100 ms for all of
   * them), or all of them when none is named (root help, usage errors).
   */
  public static CommandLine forArgs(String[] args) {
    return forArgs(args, RunEnvironment.process());
  }

  /** {@link #forArgs(String[])} for a run on behalf of {@code run}'s process. */
  static CommandLine forArgs(String[] args, RunEnvironment run) {
    String named = null;
    for (String a : args) {
      if (!a.startsWith("-")) {
        named = a;
        break;
      }
    }
    for (Class<?> c : SUBCOMMANDS) {
      Command command = c.getAnnotation(Command.class);
      if (command != null && command.name().equals(named) && c != CommandLine.HelpCommand.class) {
        return build(run, List.of(c));
      }
    }
    return build(run, SUBCOMMANDS);
  }

  /**
   * A command line with Stowage's exit-code mapping and error handling installed, whose commands
   * read {@code -} from {@code stdin}; {@code --color=auto} means no colours.
   */
  public static CommandLine newCommandLine(InputStream stdin) {
    return newCommandLine(stdin, Terminal.PLAIN);
  }

  static CommandLine newCommandLine(InputStream stdin, Terminal terminal) {
    return build(RunEnvironment.process(stdin, terminal), SUBCOMMANDS);
  }

  private static CommandLine build(RunEnvironment run, List<Class<?>> subcommands) {
    FailureHandler failures = new FailureHandler();
    CommandLine cl = new CommandLine(new StowageCommand(), new CommandFactory(run));
    for (Class<?> c : subcommands) {
      cl.addSubcommand(c);
    }
    return cl.setExecutionStrategy(failures)
        .setParameterExceptionHandler(failures)
        .setExecutionExceptionHandler(failures)
        .setExitCodeExceptionMapper(failure -> ExitCode.of(failure).code());
  }
}
