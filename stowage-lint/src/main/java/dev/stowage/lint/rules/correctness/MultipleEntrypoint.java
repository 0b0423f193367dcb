package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.lint.Category;
import dev.stowage.lint.DockerfileRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.List;

/**
 * Only the last ENTRYPOINT of a stage takes effect; an earlier one is dead code that misleads the reader
 * about what the container runs.
 */
@Rule(
    id = "DL4004",
    title = "Multiple ENTRYPOINT instructions found. If you list more than one ENTRYPOINT then only the last ENTRYPOINT will take effect",
    severity = Severity.ERROR,
    category = Category.CORRECTNESS,
    aliases = {"MultipleInstructionsDisallowed"})
public final class MultipleEntrypoint implements DockerfileRule {
  @Override
  public void check(RuleContext ctx) {
    for (Stage stage : ctx.model().stages()) {
      List<Instruction.Entrypoint> all = stage.instructions(Instruction.Entrypoint.class);
      for (int i = 1; i < all.size(); i++) {
        ctx.report(
            all.get(i).span(),
            "Stage " + stage.reference() + " already has a ENTRYPOINT on line " + all.get(i - 1).line()
                + "; only the last one takes effect, so keep one.");
      }
    }
  }
}
