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
 * Only a stage's last HEALTHCHECK takes effect; the others are dead text that readers take for the
 * image's real health check.
 */
@Rule(
    id = "DL3012",
    title = "Multiple `HEALTHCHECK` instructions",
    severity = Severity.ERROR,
    category = Category.CORRECTNESS,
    aliases = {"MultipleInstructionsDisallowed"})
public final class MultipleHealthchecks implements DockerfileRule {
  @Override
  public void check(RuleContext ctx) {
    for (Stage stage : ctx.model().stages()) {
      List<Instruction.Healthcheck> checks = stage.instructions(Instruction.Healthcheck.class);
      for (int i = 1; i < checks.size(); i++) {
        ctx.report(
            checks.get(i),
            "This stage already has a HEALTHCHECK on line "
                + checks.get(i - 1).line()
                + " and only the last one takes effect; keep one");
      }
    }
  }
}
