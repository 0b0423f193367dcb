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
 * Only the last CMD of a stage takes effect; an earlier one is dead code that misleads the reader
 * about what the container runs.
 */
@Rule(
    id = "DL4003",
    title = "Multiple CMD instructions found. If you list more than one CMD then only the last CMD will take effect",
    severity = Severity.WARNING,
    category = Category.CORRECTNESS,
    aliases = {"MultipleInstructionsDisallowed"})
public final class MultipleCmd implements DockerfileRule {
  @Override
  public void check(RuleContext ctx) {
    for (Stage stage : ctx.model().stages()) {
      List<Instruction.Cmd> all = stage.instructions(Instruction.Cmd.class);
      for (int i = 1; i < all.size(); i++) {
        ctx.report(
            all.get(i).span(),
            "Stage " + stage.reference() + " already has a CMD on line " + all.get(i - 1).line()
                + "; only the last one takes effect, so keep one.");
      }
    }
  }
}
