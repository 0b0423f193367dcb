package dev.stowage.cli;

/**
 * Something outside the user's input failed (no engine, registry unreachable, an I/O error); the
 * message starts with what was being done. Exit code 3.
 */
public final class EnvironmentException extends Exception {
  public EnvironmentException(String message) {
    super(message);
  }

  public EnvironmentException(String message, Throwable cause) {
    super(message, cause);
  }
}
