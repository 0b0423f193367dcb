package dev.stowage.lint.rules.maintainability;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.Optional;

/**
 * {@code zypper dist-upgrade} may switch vendors, downgrade or remove packages: the base image
 * turns into a different distribution release inside a layer.
 */
@Rule(
    id = "DL3035",
    title = "Do not use `zypper dist-upgrade`",
    severity = Severity.WARNING,
    category = Category.MAINTAINABILITY)
public final class ZypperDistUpgrade implements InstructionRule<Instruction.Run> {
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
    for (Command c : script.get().commands()) {
      if (c.is("zypper", "dist-upgrade") || c.is("zypper", "dup")) {
        ctx.report(
            ctx.shellSpan(run, c.offset(), c.endOffset()),
            "Do not use `zypper "
                + c.subcommand().orElseThrow()
                + "` in a build: use a newer base image, or `zypper update` for fixes within the"
                + " release");
      }
    }
  }
}
