package dev.stowage.lint.rules.maintainability;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.dockerfile.shell.Word;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import dev.stowage.lint.rules.ShellWords;
import java.util.List;
import java.util.Optional;

/**
 * A {@code cd} inside RUN hides the directory the following commands depend on; WORKDIR states it
 * once, for every later instruction, and creates it when missing.
 */
@Rule(
    id = "DL3003",
    title = "Use WORKDIR to switch to a directory",
    severity = Severity.WARNING,
    category = Category.MAINTAINABILITY)
public final class CdInsteadOfWorkdir implements InstructionRule<Instruction.Run> {
  @Override
  public Class<Instruction.Run> type() {
    return Instruction.Run.class;
  }

  @Override
  public void check(Instruction.Run run, RuleContext ctx) {
    Optional<ShellScript> script = ctx.shell(run);
    if (script.isEmpty()) {
      return;
    }
    for (Command cd : script.get().cdCommands()) {
      Optional<String> dir = directory(cd, ctx);
      if (dir.isEmpty() || script.get().isRemovedAfter(cd, dir.get())) {
        // a computed or temporary directory (deleted again by this RUN) has no WORKDIR equivalent
        continue;
      }
      ctx.report(
          ctx.shellSpan(run, cd.offset(), cd.endOffset()),
          "Use WORKDIR " + dir.get() + " instead of 'cd " + dir.get() + "' in RUN");
      return; // once per RUN, as hadolint
    }
  }

  /** The directory {@code cd} changes to, when it is a plain, knowable path. */
  private static Optional<String> directory(Command cd, RuleContext ctx) {
    List<Word> args = cd.argsWithoutFlags();
    if (args.size() != 1) {
      return Optional.empty();
    }
    Optional<List<String>> v = ShellWords.values(args.get(0), ctx.scope());
    if (v.isEmpty()
        || v.get().size() != 1
        || v.get().get(0).equals("-")
        || v.get().get(0).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(v.get().get(0));
  }
}
