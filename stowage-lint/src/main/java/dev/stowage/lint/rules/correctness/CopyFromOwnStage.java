package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Flag;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.Locale;
import java.util.Optional;

/** A stage cannot copy from itself: BuildKit fails with a circular dependency. */
@Rule(
    id = "DL3023",
    title = "COPY --from cannot reference its own FROM alias",
    severity = Severity.ERROR,
    category = Category.CORRECTNESS)
public final class CopyFromOwnStage implements InstructionRule<Instruction.Copy> {
  @Override
  public Class<Instruction.Copy> type() {
    return Instruction.Copy.class;
  }

  @Override
  public void check(Instruction.Copy copy, RuleContext ctx) {
    Optional<Flag> flag = copy.flag("from");
    Optional<Stage> stage = ctx.stage();
    if (flag.isEmpty() || stage.isEmpty() || ctx.inOnbuild()) {
      return;
    }
    String value = ctx.scope().expandOrRaw(flag.get().valueOrEmpty()).toLowerCase(Locale.ROOT);
    Stage own = stage.get();
    boolean self =
        own.name().filter(value::equals).isPresent() || value.equals(Integer.toString(own.index()));
    if (self) {
      ctx.report(
          flag.get().span(),
          "COPY --from="
              + flag.get().valueOrEmpty()
              + " names the stage it is in; copy from an"
              + " earlier stage, or use a plain COPY or RUN cp within the stage");
    }
  }
}
