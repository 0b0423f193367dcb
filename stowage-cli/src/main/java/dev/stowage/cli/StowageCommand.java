package dev.stowage.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root {@code stowage} command; it only groups the subcommands. */
@Command(
    name = "stowage",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Makes container builds fast, small and safe, and proves it with numbers.",
    subcommands = {CommandLine.HelpCommand.class})
public final class StowageCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** A command line with Stowage's exit-code mapping and error handling installed. */
  public static CommandLine newCommandLine() {
    return new CommandLine(new StowageCommand());
  }
}
