package dev.stowage.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Reports a failed command on standard error in one line (the stack trace only with {@code
 * --debug}) and returns the exit code {@link ExitCode#of} assigns. Stateless and thread-safe.
 */
final class FailureHandler
    implements IExecutionStrategy, IParameterExceptionHandler, IExecutionExceptionHandler {

  /**
   * Runs the last subcommand as picocli's {@code RunLast} does, but hands an {@link Error} (say a
   * {@link StackOverflowError} on hostile input) to {@link #handleExecutionException} too, as
   * picocli would otherwise let it escape with a stack trace.
   */
  @Override
  public int execute(ParseResult parseResult) {
    try {
      return new CommandLine.RunLast().execute(parseResult);
    } catch (Error e) {
      ParseResult last = parseResult;
      while (last.subcommand() != null) {
        last = last.subcommand();
      }
      throw new ExecutionException(last.commandSpec().commandLine(), String.valueOf(e), e);
    }
  }

  /** Usage errors: the problem, then where to find help. */
  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("stowage: " + firstLine(ex.getMessage()));
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCode.of(ex).code();
  }

  /** Exceptions thrown by a command's {@code call()}. */
  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    Throwable failure =
        ex instanceof ExecutionException && ex.getCause() != null ? ex.getCause() : ex;
    PrintWriter err = cmd.getErr();
    ExitCode code = ExitCode.of(failure);
    switch (failure) {
      case UserInputException e -> e.messages().forEach(m -> err.println("stowage: " + m));
      case EnvironmentException e -> err.println("stowage: " + firstLine(e.getMessage()));
      default -> {
        err.println("stowage: internal error: " + firstLine(String.valueOf(failure)));
        if (!DebugOption.requested(parseResult)) {
          err.println("Run again with " + DebugOption.NAME + " for the stack trace.");
        }
      }
    }
    if (DebugOption.requested(parseResult)) {
      failure.printStackTrace(err);
    }
    err.flush();
    return code.code();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }
}
