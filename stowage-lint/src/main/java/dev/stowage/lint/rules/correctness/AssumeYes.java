package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.dockerfile.shell.Word;
import dev.stowage.lint.Fix;
import dev.stowage.lint.RuleContext;
import java.util.List;
import java.util.Optional;

/** The loop the non-interactive-switch rules share. */
final class AssumeYes {
  private AssumeYes() {}

  /** What to insert, and after which word of the command. */
  enum Anchor {
    /** After the sub-command word, e.g. {@code yum install -y}. */
    SUBCOMMAND,
    /** After the program word, for global options, e.g. {@code zypper -n install}. */
    PROGRAM
  }

  /**
   * Reports every command running one of {@code programs} with one of {@code subcommands} and none
   * of {@code flags}, with a fix inserting {@code insert} at {@code anchor}.
   */
  static void check(
      Instruction.Run run,
      RuleContext ctx,
      List<String> programs,
      List<String> subcommands,
      List<String> flags,
      String insert,
      Anchor anchor,
      String message) {
    Optional<ShellScript> script = ctx.shell(run);
    if (script.isEmpty()) {
      return;
    }
    for (Command c : script.get().commands()) {
      if (!runsAny(c, programs)
          || c.subcommand().filter(subcommands::contains).isEmpty()
          || c.hasFlag(flags.toArray(String[]::new))) {
        continue;
      }
      Word at = anchor == Anchor.PROGRAM ? c.nameWord().orElseThrow() : c.argsWithoutFlags().get(0);
      ctx.report(
          ctx.shellSpan(run, c.offset(), c.endOffset()),
          message.replace("{command}", c.name() + " " + c.subcommand().orElseThrow()),
          Fix.insertBefore(ctx.shellSpan(run, at.offset(), at.endOffset()).end(), insert));
    }
  }

  private static boolean runsAny(Command c, List<String> programs) {
    for (String p : programs) {
      if (c.is(p)) {
        return true;
      }
    }
    return false;
  }
}
