package dev.stowage.cli;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Creates Stowage's commands with what they need from the process that asked for the run (working
 * directory, environment, standard input, the terminal), so that no command reads a static; other
 * classes come from picocli's default factory.
 */
final class CommandFactory implements IFactory {
  private final IFactory fallback = CommandLine.defaultFactory();
  private final RunEnvironment run;

  CommandFactory(RunEnvironment run) {
    this.run = run;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    // One line per command that takes process resources in its constructor.
    if (type == ParseCommand.class) {
      return type.cast(new ParseCommand(new Inputs(run)));
    }
    if (type == LintCommand.class) {
      return type.cast(new LintCommand(run));
    }
    if (type == FixCommand.class) {
      return type.cast(new FixCommand(run));
    }
    if (type == CheckCommand.class) {
      return type.cast(new CheckCommand(run));
    }
    return fallback.create(type);
  }
}
