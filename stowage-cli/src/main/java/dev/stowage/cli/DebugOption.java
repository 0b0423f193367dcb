package dev.stowage.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/** The global {@code --debug} option, inherited by every subcommand: show stack traces. */
final class DebugOption {
  static final String NAME = "--debug";

  @Option(
      names = NAME,
      scope = ScopeType.INHERIT,
      description = "Print the full stack trace when a command fails.")
  boolean debug;

  /** Whether {@code --debug} was given on any command of this invocation. */
  static boolean requested(ParseResult parseResult) {
    for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption(NAME)) {
        return true;
      }
    }
    return false;
  }
}
