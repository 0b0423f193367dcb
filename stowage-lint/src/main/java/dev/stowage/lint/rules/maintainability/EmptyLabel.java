package dev.stowage.lint.rules.maintainability;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;

/** A label of the schema set to an empty string satisfies DL3049 on paper and tells nobody anything. */
@Rule(
    id = "DL3051",
    title = "Label is empty",
    severity = Severity.WARNING,
    category = Category.MAINTAINABILITY)
public final class EmptyLabel implements InstructionRule<Instruction.Label> {
  @Override
  public Class<Instruction.Label> type() {
    return Instruction.Label.class;
  }

  @Override
  public void check(Instruction.Label label, RuleContext ctx) {
    if (ctx.options().requiredLabels().isEmpty()) {
      return;
    }
    for (Labels.Pair p : Labels.of(label, ctx)) {
      if (p.key().isPresent()
          && ctx.options().requiredLabels().containsKey(p.key().get())
          && p.value().filter(String::isBlank).isPresent()) {
        ctx.report(p.syntax().span(), "Label `" + p.key().get() + "` is empty; give it a value.");
      }
    }
  }
}
