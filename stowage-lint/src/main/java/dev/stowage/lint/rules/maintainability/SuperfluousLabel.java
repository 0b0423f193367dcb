package dev.stowage.lint.rules.maintainability;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;

/**
 * With strict labels on, only the labels of the label schema may be set; anything else is
 * unreviewed metadata shipped in every image.
 */
@Rule(
    id = "DL3050",
    title = "Superfluous label(s) present",
    severity = Severity.INFO,
    category = Category.MAINTAINABILITY)
public final class SuperfluousLabel implements InstructionRule<Instruction.Label> {
  @Override
  public Class<Instruction.Label> type() {
    return Instruction.Label.class;
  }

  @Override
  public void check(Instruction.Label label, RuleContext ctx) {
    if (!ctx.options().strictLabels()) {
      return;
    }
    for (Labels.Pair p : Labels.of(label, ctx)) {
      if (p.key().isPresent() && !ctx.options().requiredLabels().containsKey(p.key().get())) {
        ctx.report(
            p.syntax().keySpan(),
            "Label `" + p.key().get() + "` is not in the label schema; remove it or add it to the schema.");
      }
    }
  }
}
