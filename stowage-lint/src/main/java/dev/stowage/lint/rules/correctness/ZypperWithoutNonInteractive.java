package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.List;

/** Without a non-interactive switch, zypper asks for confirmation and the build fails. */
@Rule(
    id = "DL3034",
    title = "Non-interactive switch missing from `zypper` command: `zypper install -y`",
    severity = Severity.WARNING,
    category = Category.CORRECTNESS,
    fixable = true)
public final class ZypperWithoutNonInteractive implements InstructionRule<Instruction.Run> {
  @Override
  public Class<Instruction.Run> type() {
    return Instruction.Run.class;
  }

  @Override
  public void check(Instruction.Run run, RuleContext ctx) {
    AssumeYes.check(
        run,
        ctx,
        List.of("zypper"),
        List.of("install", "in", "remove", "rm", "source-install", "si", "patch", "update", "up"),
        List.of("-n", "--non-interactive", "-y", "--no-confirm"),
        " --non-interactive",
        AssumeYes.Anchor.PROGRAM,
        "Use `zypper --non-interactive` (or `-y` after the command) for `{command}`: it waits"
            + " for a confirmation no one can give in a build");
  }
}
