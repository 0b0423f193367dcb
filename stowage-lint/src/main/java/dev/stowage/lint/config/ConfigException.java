package dev.stowage.lint.config;

import java.nio.file.Path;

/**
 * A configuration file that cannot be used: not YAML, or a key with a value of the wrong kind. The
 * message reads {@code FILE:LINE:COL: what is wrong} (1-based; line and column omitted when the
 * problem is the whole file).
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final Path file;
  private final int line;
  private final int column;

  public ConfigException(Path file, int line, int column, String problem) {
    super(file + (line > 0 ? ":" + line + ":" + Math.max(1, column) : "") + ": " + problem);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  public ConfigException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
    this.line = 0;
    this.column = 0;
  }

  public Path file() {
    return file;
  }

  /** 1-based, 0 when unknown. */
  public int line() {
    return line;
  }

  /** 1-based, 0 when unknown. */
  public int column() {
    return column;
  }
}
