package dev.stowage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code stowage report}: reports from recorded data; only groups its subcommands. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Reports from the history store.",
    subcommands = {ReportHistoryCommand.class})
final class ReportCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing report; expected: history");
  }
}
