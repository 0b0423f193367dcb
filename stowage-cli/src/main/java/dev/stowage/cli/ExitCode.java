package dev.stowage.cli;

import picocli.CommandLine.ParameterException;

/**
 * The process exit codes of every command, and the one place that turns an exception into one.
 *
 * <p>0, 1, 2 and 3 are the public contract of DESIGN.md; 70 ({@code EX_SOFTWARE} of BSD's sysexits)
 * marks a bug in Stowage, kept apart from 1 so that a crash never reads as "findings".
 */
public enum ExitCode {
  /** Success, nothing at or above the failure threshold. */
  OK(0),
  /** Findings at or above the failure threshold, or a failed budget. */
  FINDINGS(1),
  /** A usage or input error: bad option, missing file, syntax error in the input. */
  USAGE(2),
  /** An environment problem: no engine, registry unreachable, an unreadable disk. */
  ENVIRONMENT(3),
  /** Interrupted (Ctrl-C); the shell's 128 + SIGINT. */
  INTERRUPTED(130),
  /** A bug in Stowage (an unexpected exception). */
  INTERNAL(70);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  /** The numeric process exit status. */
  public int code() {
    return code;
  }

  /** The exit code for an exception that ended a command. */
  public static ExitCode of(Throwable failure) {
    return switch (failure) {
      case UserInputException e -> USAGE;
      case ParameterException e -> USAGE;
      case EnvironmentException e -> ENVIRONMENT;
      default -> INTERNAL;
    };
  }
}
