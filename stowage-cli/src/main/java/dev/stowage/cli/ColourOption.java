package dev.stowage.cli;

import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The shared {@code --color=auto|always|never} option of commands that print for people. */
final class ColourOption {
  /** When to use ANSI colours. */
  enum When {
    AUTO,
    ALWAYS,
    NEVER
  }

  @Option(
      names = {"--color", "--colour"},
      paramLabel = "WHEN",
      description =
          "Colours in tty output: auto (when standard output is a terminal and NO_COLOR is"
              + " unset), always or never. Default: auto.")
  String when = "auto";

  /** Whether to colour, given the terminal; an unknown WHEN is a usage error. */
  boolean colours(Terminal terminal, CommandLine commandLine) {
    return switch (when.toLowerCase(Locale.ROOT)) {
      case "auto" -> terminal.colours();
      case "always" -> true;
      case "never" -> false;
      default ->
          throw new ParameterException(
              commandLine, "unknown --color value '" + when + "'; expected auto, always or never");
    };
  }
}
