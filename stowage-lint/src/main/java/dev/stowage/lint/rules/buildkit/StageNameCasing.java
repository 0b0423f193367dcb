package dev.stowage.lint.rules.buildkit;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Word;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.Locale;

/** A stage name with upper-case letters reads as if case mattered; BuildKit lower-cases it. */
@Rule(
    id = "StageNameCasing",
    title = "Stage names should be lowercase",
    severity = Severity.WARNING,
    category = Category.MAINTAINABILITY)
public final class StageNameCasing implements InstructionRule<Instruction.From> {
  @Override
  public Class<Instruction.From> type() {
    return Instruction.From.class;
  }

  @Override
  public void check(Instruction.From from, RuleContext ctx) {
    if (ctx.inOnbuild()) {
      return;
    }
    from.stageName()
        .filter(w -> !w.value().equals(w.value().toLowerCase(Locale.ROOT)))
        .ifPresent(
            (Word w) ->
                ctx.report(
                    w.span(),
                    "Stage name '"
                        + w.value()
                        + "' should be lowercase: write '"
                        + w.value().toLowerCase(Locale.ROOT)
                        + "', as BuildKit compares stage names case-insensitively"));
  }
}
