package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.model.Base;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;

/** A FROM image without a tag or digest silently means {@code :latest}. */
@Rule(
    id = "DL3006",
    title = "Always tag the version of an image explicitly",
    severity = Severity.WARNING,
    category = Category.CORRECTNESS)
public final class UntaggedBaseImage implements InstructionRule<Instruction.From> {
  @Override
  public Class<Instruction.From> type() {
    return Instruction.From.class;
  }

  @Override
  public void check(Instruction.From from, RuleContext ctx) {
    if (from.image().isEmpty() || from.image().get().value().contains("$")) {
      return; // a variable base is the builder's choice (hadolint skips it too)
    }
    ctx.stageOf(from)
        .map(s -> s.base())
        .filter(b -> b instanceof Base.Image img && !img.reference().hasTag() && !img.reference().hasDigest())
        .ifPresent(
            b ->
                ctx.report(
                    from.image().get().span(),
                    "Always tag the version of an image explicitly: " + b.name() + " means " + b.name() + ":latest"));
  }
}
