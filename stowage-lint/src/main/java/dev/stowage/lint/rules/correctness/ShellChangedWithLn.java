package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.Word;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.List;
import java.util.Set;

/**
 * Re-linking {@code /bin/sh} changes the shell for every script in the image, package maintainer
 * scripts included, behind the Dockerfile's back. SHELL changes it for RUN only, visibly. Only a
 * link that replaces {@code /bin/sh} is reported, not one that points at it.
 */
@Rule(
    id = "DL4005",
    title = "Use SHELL to change the default shell",
    severity = Severity.WARNING,
    category = Category.CORRECTNESS)
public final class ShellChangedWithLn implements InstructionRule<Instruction.Run> {
  @Override
  public Class<Instruction.Run> type() {
    return Instruction.Run.class;
  }

  @Override
  public void check(Instruction.Run run, RuleContext ctx) {
    ctx.shell(run).ifPresent(script -> {
      for (Command c : script.commands()) {
        if (!c.is("ln")) {
          continue;
        }
        List<Word> args = c.argsWithoutFlags(Set.of("-t", "--target-directory", "-S", "--suffix"));
        if (args.size() >= 2 && args.get(args.size() - 1).literal().filter("/bin/sh"::equals).isPresent()) {
          ctx.report(
              ctx.shellSpan(run, c.offset(), c.endOffset()),
              "`" + c.raw() + "` replaces /bin/sh for the whole image; use the SHELL instruction to"
                  + " change the shell RUN uses.");
        }
      }
    });
  }
}
