package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.model.Base;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;

/** {@code :latest} changes under the build; builds stop being reproducible. */
@Rule(
    id = "DL3007",
    title = "Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag",
    severity = Severity.WARNING,
    category = Category.CORRECTNESS)
public final class LatestBaseImageTag implements InstructionRule<Instruction.From> {
  @Override
  public Class<Instruction.From> type() {
    return Instruction.From.class;
  }

  @Override
  public void check(Instruction.From from, RuleContext ctx) {
    ctx.stageOf(from)
        .map(s -> s.base())
        .filter(
            b ->
                b instanceof Base.Image img
                    && img.reference().tag().filter("latest"::equals).isPresent()
                    && !img.reference().hasDigest())
        .ifPresent(
            b ->
                ctx.report(
                    from.image().orElseThrow().span(),
                    "Using latest is prone to errors if the image will ever update. Pin the version"
                        + " explicitly to a release tag"));
  }
}
