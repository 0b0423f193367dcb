package dev.stowage.lint.rules.security;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.model.Base;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;

/** A base image named by tag only can be replaced under the same name by whoever pushes it. */
@Rule(
    id = "ST3005",
    title = "Base image not pinned by digest",
    severity = Severity.INFO,
    category = Category.SECURITY)
public final class BaseImageNotPinned implements InstructionRule<Instruction.From> {
  @Override
  public Class<Instruction.From> type() {
    return Instruction.From.class;
  }

  @Override
  public void check(Instruction.From from, RuleContext ctx) {
    if (from.image().isEmpty()) {
      return;
    }
    ctx.stageOf(from)
        .map(s -> s.base())
        .filter(b -> b instanceof Base.Image img && !img.reference().hasDigest())
        .map(b -> ((Base.Image) b).reference())
        .ifPresent(
            ref ->
                ctx.report(
                    from.image().get().span(),
                    "Base image "
                        + ref.familiarString()
                        + " is not pinned by digest; write "
                        + ref.familiarString()
                        + "@sha256:<digest> so the build uses exactly the image you tested"
                        + " (and let a bot such as Renovate update it)"));
  }
}
