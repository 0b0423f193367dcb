package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.List;

/** Without {@code -y}, yum asks for confirmation, gets no answer in a build, and fails. */
@Rule(
    id = "DL3030",
    title = "Use the -y switch to avoid manual input `yum install -y <package>`",
    severity = Severity.WARNING,
    category = Category.CORRECTNESS,
    fixable = true)
public final class YumInstallWithoutYes implements InstructionRule<Instruction.Run> {
  @Override
  public Class<Instruction.Run> type() {
    return Instruction.Run.class;
  }

  @Override
  public void check(Instruction.Run run, RuleContext ctx) {
    AssumeYes.check(
        run,
        ctx,
        List.of("yum"),
        List.of("install", "groupinstall", "localinstall"),
        List.of("-y", "--assumeyes"),
        " -y",
        AssumeYes.Anchor.SUBCOMMAND,
        "Use `{command} -y`: without it yum waits for a confirmation no one can give in a build");
  }
}
