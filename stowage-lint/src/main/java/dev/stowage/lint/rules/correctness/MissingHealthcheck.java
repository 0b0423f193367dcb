package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.model.Base;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.lint.Category;
import dev.stowage.lint.DockerfileRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Without a HEALTHCHECK the engine only knows whether the process runs, not whether it answers.
 * Only the image the build produces is checked (intermediate stages never run as containers), and
 * a HEALTHCHECK in a parent stage counts. hadolint ships this rule switched off; it is reported
 * at the lowest severity here.
 */
@Rule(
    id = "DL3057",
    title = "HEALTHCHECK instruction missing",
    severity = Severity.STYLE,
    category = Category.CORRECTNESS,
    enabledByDefault = false)
public final class MissingHealthcheck implements DockerfileRule {
  @Override
  public void check(RuleContext ctx) {
    List<Stage> stages = ctx.model().stages();
    Optional<Stage> target = ctx.model().target().or(() -> ctx.model().finalStage());
    if (target.isEmpty()) {
      return;
    }
    Stage s = target.get();
    Set<Integer> seen = new HashSet<>();
    while (s != null && seen.add(s.index())) {
      if (!s.instructions(Instruction.Healthcheck.class).isEmpty()) {
        return;
      }
      s = s.base() instanceof Base.StageBase b && b.stage() < stages.size() ? stages.get(b.stage()) : null;
    }
    ctx.report(
        target.get().from().span(),
        "The image has no HEALTHCHECK; add one (or HEALTHCHECK NONE) so the engine can tell a hung"
            + " container from a healthy one.");
  }
}
