package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.lint.Category;
import dev.stowage.lint.DockerfileRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;

/**
 * Before the first FROM only ARG is allowed (with comments and parser directives); anything else
 * has no stage to run in and the build fails.
 */
@Rule(
    id = "DL3061",
    title = "Invalid instruction order. Dockerfile must begin with FROM, ARG or comment",
    severity = Severity.ERROR,
    category = Category.CORRECTNESS)
public final class InstructionBeforeFrom implements DockerfileRule {
  @Override
  public void check(RuleContext ctx) {
    for (Instruction ins : ctx.dockerfile().instructions()) {
      if (ins instanceof Instruction.From) {
        return;
      }
      if (!(ins instanceof Instruction.Arg) && !(ins instanceof Instruction.Unknown)) {
        ctx.report(
            ins.span(),
            ins.name() + " comes before the first FROM; only ARG may precede FROM, so move it into a stage.");
      }
    }
  }
}
