package dev.stowage.dockerfile.shell;

import java.util.List;

/**
 * Commands joined by {@code |} or {@code |&}, optionally negated with a leading {@code !};
 * immutable, offsets 0-based into the parsed input.
 *
 * <p>{@code pipes().get(i)} joins {@code commands().get(i)} and {@code commands().get(i + 1)}.
 */
public record Pipeline(
    List<CommandNode> commands, List<Pipe> pipes, boolean negated, int offset, int endOffset)
    implements Node {

  /** The kind of pipe between two commands. */
  public enum Pipe {
    /** {@code |}: standard output only. */
    STDOUT,
    /** {@code |&}: standard output and standard error (bash). */
    STDOUT_AND_STDERR
  }

  /** Copies the lists and checks that pipes sit between commands. */
  public Pipeline {
    commands = List.copyOf(commands);
    pipes = List.copyOf(pipes);
    if (commands.isEmpty() || pipes.size() != commands.size() - 1) {
      throw new IllegalArgumentException("pipes must sit between commands");
    }
  }

  /** Whether this pipeline really pipes, that is has more than one command. */
  public boolean hasPipe() {
    return commands.size() > 1;
  }
}
