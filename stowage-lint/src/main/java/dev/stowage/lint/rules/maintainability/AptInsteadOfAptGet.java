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
 * {@code apt} is an interactive front end whose output and behaviour may change between releases
 * (it warns "does not have a stable CLI interface"); scripts should use {@code apt-get} and {@code
 * apt-cache}.
 */
@Rule(
    id = "DL3027",
    title =
        "Do not use apt as it is meant to be an end-user tool, use apt-get or apt-cache instead",
    severity = Severity.WARNING,
    category = Category.MAINTAINABILITY)
public final class AptInsteadOfAptGet implements InstructionRule<Instruction.Run> {
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
    for (Command c : script.get().invocations("apt")) {
      String sub = c.subcommand().orElse("");
      String instead =
          switch (sub) {
            case "search", "show", "policy", "showsrc", "depends", "rdepends" -> "apt-cache";
            default -> "apt-get";
          };
      ctx.report(
          ctx.shellSpan(run, c.offset(), c.endOffset()),
          "Use `"
              + instead
              + " "
              + sub
              + "` instead of `apt "
              + sub
              + "`: apt is meant for interactive use and has no stable command-line interface");
    }
  }
}
