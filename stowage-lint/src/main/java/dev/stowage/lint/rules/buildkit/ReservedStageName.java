package dev.stowage.lint.rules.buildkit;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.Locale;
import java.util.Set;

/**
 * A stage named {@code scratch} or {@code context}: those names already mean the empty image and
 * the build context, so {@code FROM} and {@code COPY --from} references become ambiguous.
 */
@Rule(
    id = "ReservedStageName",
    title = "Reserved words should not be used as stage names",
    severity = Severity.WARNING,
    category = Category.CORRECTNESS)
public final class ReservedStageName implements InstructionRule<Instruction.From> {
  private static final Set<String> RESERVED = Set.of("context", "scratch");

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
        .filter(w -> RESERVED.contains(w.value().toLowerCase(Locale.ROOT)))
        .ifPresent(
            w ->
                ctx.report(
                    w.span(),
                    "Stage name should not use the same name as reserved stage '"
                        + w.value().toLowerCase(Locale.ROOT)
                        + "'; choose another name"));
  }
}
