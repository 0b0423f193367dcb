package dev.stowage.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What one command run takes from the process that asked for it: the working directory, the
 * environment, standard input and the terminal. A direct run takes this process's; a run served by
 * {@code internal-serve} takes its client's, because a JVM can neither change its working directory
 * nor its environment. Commands resolve every relative path they open against {@link #cwd} and keep
 * the path as given for what they print. Immutable (the stream is shared, read by one run).
 *
 * @param cwd the absolute working directory
 * @param env the environment variables
 * @param stdin what {@code -} reads
 * @param terminal whether output gets colours under {@code --color=auto}
 */
record RunEnvironment(Path cwd, Map<String, String> env, InputStream stdin, Terminal terminal) {
  RunEnvironment {
    if (!cwd.isAbsolute()) {
      throw new IllegalArgumentException("working directory not absolute: " + cwd);
    }
    env = Map.copyOf(env);
  }

  /** This process's working directory, environment, standard input and terminal. */
  static RunEnvironment process() {
    return process(System.in, Terminal.detect());
  }

  static RunEnvironment process(InputStream stdin, Terminal terminal) {
    return new RunEnvironment(Path.of("").toAbsolutePath(), System.getenv(), stdin, terminal);
  }

  /** {@code path} as this run opens it: resolved against {@link #cwd} when relative. */
  Path resolve(Path path) {
    return cwd.resolve(path);
  }
}
