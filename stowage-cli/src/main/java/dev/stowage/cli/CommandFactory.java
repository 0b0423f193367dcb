package dev.stowage.cli;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Creates Stowage's commands with what they need from the process (standard input, the terminal),
 * so that no command reads a static; other classes come from picocli's default factory.
 */
final class CommandFactory implements IFactory {
  private final IFactory fallback = CommandLine.defaultFactory();
  private final Inputs inputs;
  private final Terminal terminal;

  CommandFactory(Inputs inputs, Terminal terminal) {
    this.inputs = inputs;
    this.terminal = terminal;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    // One line per command that takes process resources in its constructor.
    if (type == ParseCommand.class) {
      return type.cast(new ParseCommand(inputs));
    }
    if (type == LintCommand.class) {
      return type.cast(new LintCommand(inputs, terminal));
    }
    if (type == FixCommand.class) {
      return type.cast(new FixCommand(inputs));
    }
    if (type == CheckCommand.class) {
      return type.cast(new CheckCommand(inputs, terminal));
    }
    return fallback.create(type);
  }
}
