package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.Locale;
import java.util.Set;

/**
 * {@code scratch} and {@code context} mean something to BuildKit ({@code FROM scratch}, named
 * build contexts), so a stage with that name is shadowed or shadows them and {@code COPY --from}
 * picks the wrong thing.
 */
@Rule(
    id = "DL3063",
    title = "Stage name should not be a reserved word",
    severity = Severity.WARNING,
    category = Category.CORRECTNESS,
    aliases = {"ReservedStageName"})
public final class StageNamedReservedWord implements InstructionRule<Instruction.From> {
  private static final Set<String> RESERVED = Set.of("scratch", "context");

  @Override
  public Class<Instruction.From> type() {
    return Instruction.From.class;
  }

  @Override
  public void check(Instruction.From from, RuleContext ctx) {
    from.stageName()
        .filter(w -> RESERVED.contains(w.value().toLowerCase(Locale.ROOT)))
        .ifPresent(
            w ->
                ctx.report(
                    w.span(),
                    "Stage name `" + w.value() + "` is a reserved word; choose another name."));
  }
}
